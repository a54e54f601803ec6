import Fluent
import Foundation

/// When a practitioner works on a weekday (clock minutes in the clinic's time zone).
final class AvailabilityModel: Model, @unchecked Sendable {
    static let schema = "availability"

    @ID(key: .id) var id: UUID?
    @Parent(key: "practitioner_id") var practitioner: UserModel
    @Field(key: "weekday") var weekday: String
    @Field(key: "start_minute") var startMinute: Int
    @Field(key: "end_minute") var endMinute: Int

    init() {}
}
