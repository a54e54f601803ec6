import TenderpointCore
import Vapor

/// Computes the clinic's benefit figures once when the server starts, in the background, so that
/// the first patient page of the day does not pay for reading the whole clinic (seconds on a
/// clinic of thousands of patients). The server answers requests meanwhile; a page that needs a
/// figure before it is ready waits for this same computation rather than starting another.
struct PopulationBenefitWarmUp: LifecycleHandler {
    func didBootAsync(_ app: Application) async throws {
        let zone = app.tenderpoint.clinicTimeZone
        let today = CalendarDate(Date(), in: zone)
        let cache = app.populationBenefit
        let database = app.db
        Task(priority: .background) {
            for product in ToxinProduct.allCases {
                _ = try? await cache.median(for: product, today: today, on: database)
            }
        }
    }

    func shutdownAsync(_ app: Application) async {
        await app.populationBenefit.cancelAll()
    }
}
