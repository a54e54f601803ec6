import Fluent
import Foundation

/// One injection session: the screening as answered on the day, the consent it relied on, and
/// an override of the minimum interval with its reason when there was one.
final class TreatmentSessionModel: Model, @unchecked Sendable {
    static let schema = "treatment_sessions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "patient_id") var patient: PatientModel
    @Field(key: "date") var date: String
    @Field(key: "performed_at") var performedAt: Date
    @Parent(key: "injector_id") var injector: UserModel
    @OptionalParent(key: "supervisor_id") var supervisor: UserModel?
    @Field(key: "product") var product: String
    @Field(key: "total_units_tenths") var totalUnitsTenths: Int
    @Field(key: "screening") var screeningJSON: String
    @Field(key: "acknowledged") var acknowledgedJSON: String
    @Parent(key: "consent_id") var consent: ConsentModel
    @Field(key: "guidance") var guidance: String
    @OptionalField(key: "override_reason") var overrideReason: String?
    @OptionalField(key: "note") var note: String?
    /// Set when a clinician voided the session (charted in error); it then counts for nothing.
    @OptionalField(key: "voided_at") var voidedAt: Date?
    @OptionalField(key: "voided_by") var voidedBy: UUID?
    @OptionalField(key: "void_reason") var voidReason: String?
    @Children(for: \.$session) var injections: [InjectionModel]
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
