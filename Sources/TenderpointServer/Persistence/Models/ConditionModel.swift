import Fluent
import Foundation

/// A diagnosis the clinic treats (fibromyalgia, myofascial pain), coded on the way out.
final class ConditionModel: Model, @unchecked Sendable {
    static let schema = "conditions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "patient_id") var patient: PatientModel
    @Field(key: "kind") var kind: String
    @OptionalField(key: "onset_date") var onsetDate: String?
    @Field(key: "recorded_date") var recordedDate: String
    @Field(key: "clinical_status") var clinicalStatus: String
    @OptionalField(key: "note") var note: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
