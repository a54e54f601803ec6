import Foundation
import Vapor

/// Sets up `/fhir`: the export jobs' directory (under the data directory on SQLite, a temporary
/// one on PostgreSQL), stopping running exports on shutdown, and the routes.
func registerFHIR(_ app: Application) throws {
    let root: URL = switch app.tenderpoint.storage {
    case .sqlite(let directory): directory.appendingPathComponent("exports", isDirectory: true)
    case .postgres: FileManager.default.temporaryDirectory.appendingPathComponent("tenderpoint-exports", isDirectory: true)
    }
    app.fhirExports = FHIRExportJobs(root: root)
    app.lifecycle.use(FHIRExportLifecycle())
    try app.register(collection: FHIRController())
}
