import Fluent
import Foundation

/// An adverse event after a session (DOMAIN.md §4), including increased pain.
final class AdverseEventModel: Model, @unchecked Sendable {
    static let schema = "adverse_events"

    @ID(key: .id) var id: UUID?
    @Parent(key: "patient_id") var patient: PatientModel
    @Parent(key: "session_id") var session: TreatmentSessionModel
    @Field(key: "kind") var kind: String
    @Field(key: "onset_date") var onsetDate: String
    @Field(key: "severity") var severity: String
    @Field(key: "serious") var serious: Bool
    @OptionalField(key: "description") var details: String?
    @OptionalField(key: "resolved_on") var resolvedOn: String?
    @Parent(key: "recorded_by") var recorder: UserModel
    /// `AdverseEventSource`: `clinician` (default for rows before the column existed) or `patient`.
    @Field(key: "source") var source: String
    /// The diary entry a patient-reported event came from.
    @OptionalField(key: "diary_entry_id") var diaryEntryID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
