import Fluent
import Foundation

/// The one row of `backup_state`: the lease that lets one instance run the daily backup, the
/// scheduled time of the last run started (so a run is not repeated), and the last good copy
/// (time, file name, size) for the admin page.
final class BackupStateModel: Model, @unchecked Sendable {
    static let schema = "backup_state"
    static let rowID = UUID(uuidString: "00000000-0000-0000-0000-0000000000B1")!

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "lease_holder") var leaseHolder: String?
    @OptionalField(key: "lease_until") var leaseUntil: Date?
    @OptionalField(key: "last_slot") var lastSlot: Date?
    @OptionalField(key: "last_attempt_at") var lastAttemptAt: Date?
    @OptionalField(key: "last_error") var lastError: String?
    @OptionalField(key: "last_good_at") var lastGoodAt: Date?
    @OptionalField(key: "last_good_file") var lastGoodFile: String?
    @OptionalField(key: "last_good_size") var lastGoodSize: Int64?

    init() {}

    init(id: UUID) { self.id = id }

    static func load(on database: any Database) async throws -> BackupStateModel {
        if let row = try await find(rowID, on: database) { return row }
        // Written by the migration; recreated should it ever be missing.
        let row = BackupStateModel(id: rowID)
        try await row.create(on: database)
        return row
    }
}
