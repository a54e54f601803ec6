import Vapor

func routes(_ app: Application) async throws {
    try app.register(collection: HealthController())
    // The web pages (their own session, CSRF and error-page middleware) and their assets.
    try app.register(collection: WebRoutes())
    let api = app.grouped("api")
    try api.register(collection: TokenController())
    let authenticated = api.grouped(BearerAuthenticator())
    try authenticated.register(collection: PatientController())
    try authenticated.register(collection: ScoreController())
    try authenticated.register(collection: ConditionController())
    try authenticated.register(collection: AssessmentController())
    try authenticated.register(collection: ConsentController())
    try authenticated.register(collection: DiaryController())
    try authenticated.register(collection: TimelineController())
    try authenticated.register(collection: AuditTrailController())
    try authenticated.register(collection: AppointmentController())
    try authenticated.register(collection: PractitionerController())
    try authenticated.register(collection: AvailabilityController())
    try authenticated.register(collection: VialController())
    try authenticated.register(collection: SessionController())
    try authenticated.register(collection: AdverseEventController())
    try authenticated.register(collection: SettingsController())
    try authenticated.register(collection: BackupSettingsController())
    try authenticated.register(collection: OutcomeController())
    try authenticated.register(collection: AlertController())
    try registerFHIR(app)
}
