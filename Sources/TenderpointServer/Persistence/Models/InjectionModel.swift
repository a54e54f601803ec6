import Fluent
import Foundation

/// One injection of a session: the site, the units, the volume from the vial's dilution, and the
/// vial itself so a lot recall finds every patient.
final class InjectionModel: Model, @unchecked Sendable {
    static let schema = "injections"

    @ID(key: .id) var id: UUID?
    @Parent(key: "session_id") var session: TreatmentSessionModel
    @Parent(key: "vial_id") var vial: VialModel
    @Field(key: "site_kind") var siteKind: String
    @Field(key: "site_id") var siteID: String
    @OptionalField(key: "chart_view") var chartView: String?
    @OptionalField(key: "chart_x") var chartX: Double?
    @OptionalField(key: "chart_y") var chartY: Double?
    @Field(key: "units_tenths") var unitsTenths: Int
    @OptionalField(key: "volume_ml") var volumeMl: String?
    @Field(key: "position") var position: Int

    init() {}
}
