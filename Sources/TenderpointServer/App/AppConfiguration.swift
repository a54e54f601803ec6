import Foundation
import Logging

/// The server's settings, read once from the environment (API-CONTRACT.md: command line).
public struct AppConfiguration: Sendable {
    public enum Storage: Sendable, Equatable {
        /// The embedded default: one SQLite file inside the data directory.
        case sqlite(dataDirectory: URL)
        /// Several stateless instances sharing one PostgreSQL server.
        case postgres(url: String)

        public var name: String {
            switch self {
            case .sqlite: "sqlite"
            case .postgres: "postgres"
            }
        }
    }

    public var storage: Storage
    public var clinicTimeZone: TimeZone
    public var logLevel: Logger.Level
    /// bcrypt work factor for new password hashes (tests lower it to keep fast).
    public var passwordCost: Int = 12

    public static let databaseFileName = "tenderpoint.sqlite"

    public init(storage: Storage, clinicTimeZone: TimeZone, logLevel: Logger.Level = .info) {
        self.storage = storage
        self.clinicTimeZone = clinicTimeZone
        self.logLevel = logLevel
    }

    /// The SQLite file, when the embedded database is in use.
    public var sqliteFile: URL? {
        if case .sqlite(let directory) = storage { return directory.appendingPathComponent(Self.databaseFileName) }
        return nil
    }

    /// Reads `TENDERPOINT_DATA_DIR`, `DATABASE_URL`, `CLINIC_TIMEZONE` and `LOG_LEVEL`.
    /// A value that cannot be used stops the start-up with a message naming the variable.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> AppConfiguration {
        let storage: Storage
        if let url = environment["DATABASE_URL"], !url.isEmpty {
            guard url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") else {
                throw ConfigurationError(variable: "DATABASE_URL", message: "must start with postgres:// or postgresql://")
            }
            storage = .postgres(url: url)
        } else {
            let path = environment["TENDERPOINT_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "./data"
            storage = .sqlite(dataDirectory: URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL)
        }

        let zoneName = environment["CLINIC_TIMEZONE"].flatMap { $0.isEmpty ? nil : $0 } ?? "Europe/London"
        guard let zone = TimeZone(identifier: zoneName) else {
            throw ConfigurationError(variable: "CLINIC_TIMEZONE", message: "'\(zoneName)' is not an IANA time zone such as Europe/London")
        }

        var level = Logger.Level.info
        if let text = environment["LOG_LEVEL"], !text.isEmpty {
            guard let parsed = Logger.Level(rawValue: text.lowercased()) else {
                throw ConfigurationError(variable: "LOG_LEVEL", message: "'\(text)' is not one of trace, debug, info, notice, warning, error, critical")
            }
            level = parsed
        }
        return AppConfiguration(storage: storage, clinicTimeZone: zone, logLevel: level)
    }
}

public struct ConfigurationError: Error, CustomStringConvertible {
    public let variable: String
    public let message: String
    public var description: String { "\(variable) \(message)" }
}
