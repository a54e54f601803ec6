import Fluent
import Foundation

/// A booked time with a practitioner. Overlapping appointments of one practitioner are refused
/// by the database itself (see `CreateAppointment`), not only by a check before insert.
final class AppointmentModel: Model, @unchecked Sendable {
    static let schema = "appointments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "practitioner_id") var practitioner: UserModel
    @Parent(key: "patient_id") var patient: PatientModel
    @Field(key: "start_at") var startAt: Date
    @Field(key: "end_at") var endAt: Date
    @Field(key: "kind") var kind: String
    @Field(key: "status") var status: String
    @OptionalParent(key: "session_id") var session: TreatmentSessionModel?
    @OptionalField(key: "override_reason") var overrideReason: String?
    @OptionalField(key: "note") var note: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
