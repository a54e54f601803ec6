import Fluent
import Foundation

/// Written consent for a course of treatment.
final class ConsentModel: Model, @unchecked Sendable {
    static let schema = "consents"

    @ID(key: .id) var id: UUID?
    @Parent(key: "patient_id") var patient: PatientModel
    @Field(key: "date") var date: String
    @Field(key: "information_version") var informationVersion: String
    @Field(key: "signed_by") var signedBy: String
    @Parent(key: "recorded_by") var recorder: UserModel
    @OptionalField(key: "withdrawn_on") var withdrawnOn: String?
    /// JSON array of the product identifiers it covers; nil covers every type A product.
    @OptionalField(key: "products") var productsJSON: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
