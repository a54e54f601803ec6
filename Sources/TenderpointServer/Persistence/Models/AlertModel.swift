import Fluent
import Foundation

/// An urgent side effect a patient reported (DOMAIN.md §4), open until a clinician or nurse
/// acknowledges it.
final class AlertModel: Model, @unchecked Sendable {
    static let schema = "alerts"

    @ID(key: .id) var id: UUID?
    @Parent(key: "patient_id") var patient: PatientModel
    /// An urgent `AdverseEventKind`.
    @Field(key: "kind") var kind: String
    @Field(key: "raised_at") var raisedAt: Date
    /// The adverse event the report became; nil when the entry fell in no session's window.
    @OptionalField(key: "adverse_event_id") var adverseEventID: UUID?
    @OptionalField(key: "diary_entry_id") var diaryEntryID: UUID?
    @OptionalField(key: "acknowledged_at") var acknowledgedAt: Date?
    @OptionalField(key: "acknowledged_by") var acknowledgedBy: UUID?
    @OptionalField(key: "acknowledgement_note") var acknowledgementNote: String?

    init() {}
}
