import Fluent
import Foundation

/// A vial of toxin in the clinic's stock. Units are stored as whole tenths, the diluent as the
/// exact decimal text entered.
final class VialModel: Model, @unchecked Sendable {
    static let schema = "vials"

    @ID(key: .id) var id: UUID?
    @Field(key: "product") var product: String
    @Field(key: "lot_number") var lotNumber: String
    @Field(key: "expiry_date") var expiryDate: String
    @Field(key: "units_tenths") var unitsTenths: Int
    @OptionalField(key: "diluent_ml") var diluentMl: String?
    @OptionalField(key: "reconstituted_at") var reconstitutedAt: Date?
    @Field(key: "state") var state: String
    /// When it was finished, discarded or recalled, why, and (discarded) the units wasted.
    @OptionalField(key: "closed_at") var closedAt: Date?
    @OptionalField(key: "close_reason") var closeReason: String?
    @OptionalField(key: "wasted_units_tenths") var wastedUnitsTenths: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
