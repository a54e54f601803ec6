import Fluent
import SQLKit
import Vapor

/// Writes a batch of demo rows in one transaction, with multi-row INSERTs: a few statements of
/// thousands of rows instead of a statement per row. Each statement binds at most
/// `maximumBinds` values (SQLite here allows 250 000, PostgreSQL 65 535).
enum DemoWriter {
    static let maximumBinds = 30_000
    /// The page cache while the demo writes (256 MB); `releaseCache` gives it back.
    static let cacheKiB = 262_144
    static let defaultCacheKiB = 2_000

    static func write(_ batch: DemoBatch, on database: any Database) async throws {
        guard !batch.isEmpty else { return }
        try await database.writeTransaction { transaction in
            guard let sql = transaction as? any SQLDatabase else { throw CommandFailure("the database does not speak SQL") }
            // SQLite's default page cache (2 MB) is far smaller than the indexes a large demo
            // inserts into at random places (UUID keys): most of the time went on re-reading pages.
            if sql.dialect.name == "sqlite" { _ = try await sql.raw("PRAGMA cache_size = \(unsafeRaw: String(-cacheKiB))").all() }
            for table in DemoTable.insertionOrder {
                guard let rows = batch.rows[table], !rows.isEmpty else { continue }
                let perStatement = max(1, maximumBinds / table.columns.count)
                for start in stride(from: 0, to: rows.count, by: perStatement) {
                    let insert = sql.insert(into: table.name).columns(table.columns)
                    for row in rows[start..<min(start + perStatement, rows.count)] {
                        insert.values(row)
                    }
                    try await insert.run()
                }
            }
        }
    }

    /// Back to SQLite's default page cache on every event loop's connection, so a server that
    /// filled its database (`serve --demo`) does not keep the demo's cache.
    static func releaseCache(_ app: Application) async throws {
        for eventLoop in app.eventLoopGroup.makeIterator() {
            guard let sql = app.databases.database(logger: app.logger, on: eventLoop) as? any SQLDatabase,
                  sql.dialect.name == "sqlite" else { continue }
            _ = try await sql.raw("PRAGMA cache_size = \(unsafeRaw: String(-defaultCacheKiB))").all()
        }
    }
}
