import Vapor

/// The web pages and their assets. Only the pages get the session, error-page and CSRF
/// middleware (`WebSession.middleware`); `/api`, `/fhir` and `/health` stay stateless.
struct WebRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.register(collection: AssetController())
        // Calendar apps fetch the feeds with nothing but the secret in the URL: no session, no cookie.
        try routes.register(collection: CalendarFeedController())
        let pages = routes.grouped(WebSession.middleware())
        try pages.register(collection: LoginController())
        try pages.register(collection: TodayController())
        try pages.register(collection: PatientsController())
        try pages.register(collection: PortalController())
        try pages.register(collection: ExaminationController())
        try pages.register(collection: SessionChartingController())
        try pages.register(collection: SessionVoidController())
        try pages.register(collection: ScheduleController())
        try pages.register(collection: OutcomeReportPageController())
        try pages.register(collection: AdminController())
        try pages.register(collection: SetupController())
        // The API's scoring handlers for the examination form's live scores, with the page's
        // session (and CSRF header) instead of a bearer token.
        try pages.register(collection: ScoreController())
    }
}
