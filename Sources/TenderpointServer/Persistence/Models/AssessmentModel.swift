import Fluent
import Foundation

/// One assessment visit: the answers as given (JSON) and the core's scores beside them, so lists
/// and reports read scores without re-scoring and the answers stay auditable.
final class AssessmentModel: Model, @unchecked Sendable {
    static let schema = "assessments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "patient_id") var patient: PatientModel
    @Field(key: "date") var date: String
    @Field(key: "assessed_at") var assessedAt: Date
    @Parent(key: "assessed_by") var assessor: UserModel
    @OptionalField(key: "tender_points") var tenderPointsJSON: String?
    @OptionalField(key: "tender_point_count") var tenderPointCount: Int?
    @OptionalField(key: "acr1990_met") var acr1990Met: Bool?
    @OptionalField(key: "acr2016") var acr2016JSON: String?
    @OptionalField(key: "wpi") var wpi: Int?
    @OptionalField(key: "sss") var sss: Int?
    @OptionalField(key: "fs") var fs: Int?
    @OptionalField(key: "acr2016_met") var acr2016Met: Bool?
    @OptionalField(key: "fiqr_answers") var fiqrAnswersJSON: String?
    @OptionalField(key: "fiqr_total") var fiqrTotal: Double?
    @OptionalField(key: "pain_nrs") var painNRS: Int?
    @OptionalField(key: "pgic") var pgic: Int?
    @OptionalField(key: "note") var note: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
