import Fluent
import Foundation

/// A patient of the clinic (demographics; no clinical content).
final class PatientModel: Model, @unchecked Sendable {
    static let schema = "patients"

    @ID(key: .id) var id: UUID?
    @Field(key: "given_name") var givenName: String
    @Field(key: "family_name") var familyName: String
    /// `YYYY-MM-DD`, a calendar date.
    @Field(key: "birth_date") var birthDate: String
    @Field(key: "sex") var sex: String
    @OptionalField(key: "nhs_number") var nhsNumber: String?
    @OptionalField(key: "phone") var phone: String?
    @OptionalField(key: "email") var email: String?
    @OptionalField(key: "address") var address: String?
    /// Lower-cased "given family" for name search on both databases.
    @Field(key: "search_name") var searchName: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}
