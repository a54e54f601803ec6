import Fluent
import SQLKit
import Vapor

/// `GET /health`: liveness and which database is in use; no authentication, no patient data.
struct HealthController: RouteCollection {
    struct Health: Content {
        let status: String
        let database: String
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("health", use: health)
    }

    @Sendable
    func health(request: Request) async throws -> Response {
        let name = request.application.tenderpoint.storage.name
        do {
            // A trivial query proves the database answers, not just that the process runs.
            guard let sql = request.db as? any SQLDatabase else { throw Abort(.internalServerError) }
            _ = try await sql.raw("SELECT 1 AS ok").first()
            return try await Health(status: "ok", database: name).encodeResponse(status: .ok, for: request)
        } catch {
            request.logger.error("health check: database did not answer")
            return try await Health(status: "unavailable", database: name).encodeResponse(status: .serviceUnavailable, for: request)
        }
    }
}
