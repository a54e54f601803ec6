import Fluent
import Foundation

/// One line of the append-only audit trail: who did what to which record, and the outcome.
final class AuditEventModel: Model, @unchecked Sendable {
    static let schema = "audit_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "at") var at: Date
    @OptionalField(key: "user_id") var userID: UUID?
    @OptionalField(key: "username") var username: String?
    @OptionalField(key: "role") var role: String?
    @Field(key: "action") var action: String
    @Field(key: "resource_type") var resourceType: String
    @OptionalField(key: "resource_id") var resourceID: String?
    @OptionalField(key: "patient_id") var patientID: UUID?
    @Field(key: "outcome") var outcome: String
    @OptionalField(key: "detail") var detail: String?

    init() {}
}
