import Fluent
import SQLKit

/// Writes a batch of demo rows in one transaction, with multi-row INSERTs: a few statements of
/// thousands of rows instead of a statement per row. Each statement binds at most
/// `maximumBinds` values (SQLite here allows 250 000, PostgreSQL 65 535).
enum DemoWriter {
    static let maximumBinds = 30_000

    static func write(_ batch: DemoBatch, on database: any Database) async throws {
        guard !batch.isEmpty else { return }
        try await database.writeTransaction { transaction in
            guard let sql = transaction as? any SQLDatabase else { throw CommandFailure("the database does not speak SQL") }
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
}
