import Fluent
import Foundation

/// A patient's diary entry; several a day are allowed.
final class DiaryEntryModel: Model, @unchecked Sendable {
    static let schema = "diary_entries"

    @ID(key: .id) var id: UUID?
    @Parent(key: "patient_id") var patient: PatientModel
    @Field(key: "recorded_at") var recordedAt: Date
    /// The clinic calendar date of `recordedAt`, for day-level queries and curves.
    @Field(key: "date") var date: String
    @Field(key: "pain_nrs") var painNRS: Int
    @OptionalField(key: "fatigue") var fatigue: Int?
    @OptionalField(key: "sleep_quality") var sleepQuality: Int?
    @OptionalField(key: "pain_areas") var painAreasJSON: String?
    @OptionalField(key: "side_effects") var sideEffectsJSON: String?
    @OptionalField(key: "note") var note: String?
    @Parent(key: "entered_by") var enteredBy: UserModel
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
