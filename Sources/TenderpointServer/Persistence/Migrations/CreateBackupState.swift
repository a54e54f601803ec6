import Fluent
import Foundation

/// The automatic backups' one row (`BackupStateModel`): which instance holds the lease, the
/// last scheduled run started, and the last good copy.
struct CreateBackupState: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(BackupStateModel.schema)
            .id()
            .field("lease_holder", .string)
            .field("lease_until", .datetime)
            .field("last_slot", .datetime)
            .field("last_attempt_at", .datetime)
            .field("last_error", .string)
            .field("last_good_at", .datetime)
            .field("last_good_file", .string)
            .field("last_good_size", .int64)
            .create()
        try await BackupStateModel(id: BackupStateModel.rowID).create(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(BackupStateModel.schema).delete()
    }
}
