import Fluent
import Foundation

/// The secret of one calendar feed: a practitioner's or a patient's (exactly one of the two is
/// set; at most one feed each). Only the token's SHA-256 is stored, so a copy of the database
/// cannot read anyone's feed; the token itself is shown once, when it is made.
final class CalendarFeedTokenModel: Model, @unchecked Sendable {
    static let schema = "calendar_feed_tokens"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @OptionalParent(key: "practitioner_id") var practitioner: UserModel?
    @OptionalParent(key: "patient_id") var patient: PatientModel?
    /// Who made the link: the feed's fetches are audited in their name, as the holder of the secret.
    @OptionalParent(key: "created_by") var creator: UserModel?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
