import Foundation

/// A botulinum toxin product (DOMAIN.md §2).
///
/// Units are specific to each product and never interchangeable: nothing in Tenderpoint adds or
/// converts units across products. The published ratios appear only as `referenceRatioText`.
public enum ToxinProduct: String, CaseIterable, Codable, CodingKeyRepresentable, Sendable, Hashable {
    case onabotulinumtoxinA
    case abobotulinumtoxinA
    case incobotulinumtoxinA
    case rimabotulinumtoxinB
    case daxibotulinumtoxinA
    case prabotulinumtoxinA
    case letibotulinumtoxinA

    public var brandExamples: [String] {
        switch self {
        case .onabotulinumtoxinA: ["Botox"]
        case .abobotulinumtoxinA: ["Dysport"]
        case .incobotulinumtoxinA: ["Xeomin"]
        case .rimabotulinumtoxinB: ["Myobloc", "NeuroBloc"]
        case .daxibotulinumtoxinA: ["Daxxify"]
        case .prabotulinumtoxinA: ["Jeuveau", "Nuceiva"]
        case .letibotulinumtoxinA: ["Letybo"]
        }
    }

    /// The generic name with its brands, e.g. "onabotulinumtoxinA (Botox)".
    public var displayName: String { "\(rawValue) (\(brandExamples.joined(separator: ", ")))" }

    /// The vial sizes the product is supplied in; a vial of any other size is refused.
    public var vialSizes: [Units] {
        switch self {
        case .onabotulinumtoxinA, .incobotulinumtoxinA: [Units(50), Units(100), Units(200)]
        case .abobotulinumtoxinA: [Units(300), Units(500)]
        case .rimabotulinumtoxinB: [Units(2500), Units(5000), Units(10000)]
        case .daxibotulinumtoxinA, .letibotulinumtoxinA: [Units(50), Units(100)]
        case .prabotulinumtoxinA: [Units(100)]
        }
    }

    /// A ready-made solution is used as supplied; every other product is a powder that must be
    /// reconstituted before use.
    public var isSolution: Bool { self == .rimabotulinumtoxinB }

    /// Botulinum toxin type A (every product here but rimabotulinumtoxinB, a type B): what a
    /// consent covers when it names no product.
    public var isTypeA: Bool { self != .rimabotulinumtoxinB }

    /// The concentration of a solution product per mL; nil for powders (their concentration
    /// depends on the diluent the clinic adds).
    public var solutionUnitsPerMl: Units? { isSolution ? Units(5000) : nil }

    /// How long a reconstituted vial stays usable; nil for a solution, whose use is "as labelled".
    public var reconstitutedUseWithin: Duration? {
        reconstitutedUseHours.map { Duration.seconds($0 * 3600) }
    }

    /// `reconstitutedUseWithin` in seconds, for storage and arithmetic on `Date`.
    public var reconstitutedUseSeconds: Int? { reconstitutedUseHours.map { $0 * 3600 } }

    /// Storage condition during the reconstituted-use period, shown beside it.
    public var reconstitutedStorage: String? {
        switch self {
        case .rimabotulinumtoxinB: nil
        case .daxibotulinumtoxinA: "room temperature"
        default: "2–8 °C"
        }
    }

    private var reconstitutedUseHours: Int? {
        switch self {
        case .rimabotulinumtoxinB: nil
        case .daxibotulinumtoxinA: 72
        default: 24
        }
    }

    /// Default limits; nil where DOMAIN.md says "not set": such a product cannot be charted until
    /// the clinic sets its own limits (`ClinicDoseLimits`).
    public var defaultLimits: DoseLimits? {
        switch self {
        case .onabotulinumtoxinA, .incobotulinumtoxinA:
            DoseLimits(perSite: Units(50), perSession: Units(400), cumulativeThreeMonths: Units(400))
        case .abobotulinumtoxinA:
            DoseLimits(perSite: Units(150), perSession: Units(1000), cumulativeThreeMonths: Units(1000))
        case .rimabotulinumtoxinB:
            DoseLimits(perSite: Units(2500), perSession: Units(10000), cumulativeThreeMonths: Units(10000))
        case .daxibotulinumtoxinA, .prabotulinumtoxinA, .letibotulinumtoxinA:
            nil
        }
    }

    /// The published unit ratio against onabotulinumtoxinA, as reading material only. Tenderpoint
    /// deliberately has no conversion function: a ratio is not a dose.
    public var referenceRatioText: String? {
        let caveat = "Published ratio, for reference only: units are product-specific and never converted."
        return switch self {
        case .abobotulinumtoxinA: "About 2.5–3 abobotulinumtoxinA units per onabotulinumtoxinA unit. \(caveat)"
        case .incobotulinumtoxinA: "About 1 incobotulinumtoxinA unit per onabotulinumtoxinA unit. \(caveat)"
        case .rimabotulinumtoxinB: "About 40–50 rimabotulinumtoxinB units per onabotulinumtoxinA unit. \(caveat)"
        default: nil
        }
    }
}
