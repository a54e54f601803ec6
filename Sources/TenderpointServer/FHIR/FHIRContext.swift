import Foundation
import SQLKit
import Vapor

/// What a FHIR query needs besides its parameters: the database (SQLKit: rows are decoded into
/// `Codable` structs, never hydrated as Fluent models), the clinic's time zone, and the base URL
/// that `fullUrl`s and links start with.
struct FHIRContext: Sendable {
    let database: any SQLDatabase
    let timeZone: TimeZone
    /// `http://host:port/fhir`, without a trailing slash.
    let baseURL: String

    init(database: any SQLDatabase, timeZone: TimeZone, baseURL: String) {
        self.database = database
        self.timeZone = timeZone
        self.baseURL = baseURL
    }

    init(request: Request) {
        self.init(database: request.db as! any SQLDatabase, timeZone: request.application.tenderpoint.clinicTimeZone,
                  baseURL: Self.baseURL(of: request))
    }

    /// The server's FHIR base as the client reached it (a proxy's `X-Forwarded-Proto` and
    /// `X-Forwarded-Host` win), so links work from where the client stands.
    static func baseURL(of request: Request) -> String {
        let scheme = request.headers.first(name: "X-Forwarded-Proto") ?? "http"
        let host = request.headers.first(name: "X-Forwarded-Host") ?? request.headers.first(name: .host)
            ?? request.application.http.server.configuration.hostname + ":\(request.application.http.server.configuration.port)"
        return "\(scheme)://\(host)/fhir"
    }
}
