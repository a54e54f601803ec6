import Foundation
import Fluent
import SQLKit

extension Database {
    /// One user action that writes: all of it or none of it, safe against concurrent writers.
    ///
    /// SQLite: `BEGIN IMMEDIATE` takes the write lock before the first read, so a read-then-write
    /// transaction cannot fail with "database is locked" (Fluent's `transaction` is `BEGIN
    /// DEFERRED`). PostgreSQL: the rows in `lock` (the practitioner, the patient…) are locked with
    /// `SELECT … FOR UPDATE` first, so concurrent actions on the same parent queue up. SQLite
    /// writers also queue in the process (`WriteLock`) instead of inside SQLite's busy handler.
    func writeTransaction<T: Sendable>(
        locking lock: [(table: String, id: UUID)] = [],
        _ body: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        guard let sql = self as? any SQLDatabase else { return try await transaction(body) }
        if sql.dialect.name == "sqlite" {
            return try await WriteLock.shared.withLock { try await self.withConnection { connection in
                let sqlConnection = connection as! any SQLDatabase
                try await sqlConnection.raw("BEGIN IMMEDIATE").run()
                do {
                    let result = try await body(connection)
                    try await sqlConnection.raw("COMMIT").run()
                    return result
                } catch {
                    try? await sqlConnection.raw("ROLLBACK").run()
                    throw error
                }
            } }
        }
        return try await transaction { transaction in
            let sqlTransaction = transaction as! any SQLDatabase
            for (table, id) in lock {
                _ = try await sqlTransaction.raw("SELECT id FROM \(ident: table) WHERE id = \(bind: id) FOR UPDATE").all()
            }
            return try await body(transaction)
        }
    }
}
