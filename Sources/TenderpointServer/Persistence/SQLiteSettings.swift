import Fluent
import NIOCore
import SQLKit
import Vapor

/// SQLite settings the driver does not offer (DESIGN.md, known pitfalls): write-ahead logging so
/// readers do not block the writer, `synchronous=FULL` so a committed clinical record survives a
/// power cut, foreign keys on. `journal_mode` is stored in the file; `synchronous` and
/// `foreign_keys` belong to a connection, so they are set on the one connection each event loop
/// keeps.
enum SQLiteSettings {
    static let connectionPragmas = [
        "PRAGMA foreign_keys = ON",
        "PRAGMA synchronous = FULL",
        "PRAGMA busy_timeout = 5000",
    ]

    static func apply(on app: Application) async throws {
        guard let first = app.db as? any SQLDatabase else { return }
        _ = try await first.raw("PRAGMA journal_mode = WAL").all()
        for eventLoop in app.eventLoopGroup.makeIterator() {
            let database = app.databases.database(.sqlite, logger: app.logger, on: eventLoop)
            guard let sql = database as? any SQLDatabase else { continue }
            for pragma in connectionPragmas {
                _ = try await sql.raw(SQLQueryString(pragma)).all()
            }
        }
    }

    /// The settings as SQLite reports them on one connection (for tests and `/health` debugging).
    static func current(on database: any Database) async throws -> [String: String] {
        guard let sql = database as? any SQLDatabase else { return [:] }
        var result: [String: String] = [:]
        for name in ["journal_mode", "synchronous", "foreign_keys"] {
            if let row = try await sql.raw(SQLQueryString("PRAGMA \(unsafeRaw: name)")).first() {
                let column = row.allColumns.first ?? name
                if let text = try? row.decode(column: column, as: String.self) {
                    result[name] = text
                } else if let number = try? row.decode(column: column, as: Int.self) {
                    result[name] = String(number)
                }
            }
        }
        return result
    }
}
