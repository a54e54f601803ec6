import TenderpointCore
import TenderpointFHIR

/// The Observations Tenderpoint derives from its records, and how each one's id is formed: a
/// diary entry is one Observation with the entry's id; an assessment gives several, each with
/// the assessment's id and a suffix (`<id>-wpi`, `<id>-tp-occiput.left`), so ids are stable and
/// within FHIR's 64 characters (36 + 4 + at most 23).
enum ObservationKind: Hashable, Sendable {
    /// Pain NRS from a diary entry.
    case diaryPain
    /// Pain NRS recorded at an assessment.
    case painNRS
    case pgic
    case wpi
    case sss
    case fibromyalgiaSeverity
    case fiqrTotal
    case tenderPointCount
    /// One tender point's finding at an ACR 1990 examination.
    case tenderPoint(TenderPointSite)

    static let assessmentKinds: [ObservationKind] =
        [.painNRS, .pgic, .wpi, .sss, .fibromyalgiaSeverity, .fiqrTotal, .tenderPointCount] + TenderPointSite.all.map { .tenderPoint($0) }
    static let all: [ObservationKind] = [.diaryPain] + assessmentKinds

    /// What follows the assessment id; `diary` marks a diary entry in queries.
    var key: String {
        switch self {
        case .diaryPain: "diary"
        case .painNRS: "nrs"
        case .pgic: "pgic"
        case .wpi: "wpi"
        case .sss: "sss"
        case .fibromyalgiaSeverity: "fs"
        case .fiqrTotal: "fiqr"
        case .tenderPointCount: "tpc"
        case .tenderPoint(let site): "tp-" + site.id
        }
    }

    init?(key: String) {
        guard let kind = Self.all.first(where: { $0.key == key }) else { return nil }
        self = kind
    }

    func id(source: String) -> String {
        self == .diaryPain ? source : "\(source)-\(key)"
    }

    /// The id's source row and kind: `<uuid>` is a diary entry, `<uuid>-<key>` an assessment's.
    static func parse(id: String) -> (source: String, kind: ObservationKind)? {
        let uuidLength = 36
        guard id.count >= uuidLength else { return nil }
        let source = String(id.prefix(uuidLength))
        let rest = id.dropFirst(uuidLength)
        if rest.isEmpty { return (source, .diaryPain) }
        guard rest.first == "-", let kind = ObservationKind(key: String(rest.dropFirst())), kind != .diaryPain else { return nil }
        return (source, kind)
    }

    /// The assessment column that holds this kind's result (alias `a`).
    var assessmentColumn: String? {
        switch self {
        case .diaryPain: nil
        case .painNRS: "a.pain_nrs"
        case .pgic: "a.pgic"
        case .wpi: "a.wpi"
        case .sss: "a.sss"
        case .fibromyalgiaSeverity: "a.fs"
        case .fiqrTotal: "a.fiqr_total"
        case .tenderPointCount, .tenderPoint: "a.tender_points"
        }
    }

    func isPresent(in row: FHIRAssessmentRow) -> Bool {
        switch self {
        case .diaryPain: false
        case .painNRS: row.painNrs != nil
        case .pgic: row.pgic != nil
        case .wpi: row.wpi != nil
        case .sss: row.sss != nil
        case .fibromyalgiaSeverity: row.fs != nil
        case .fiqrTotal: row.fiqrTotal != nil
        case .tenderPointCount, .tenderPoint: row.tenderPoints != nil
        }
    }

    var code: Coding {
        switch self {
        case .diaryPain, .painNRS: Codings.painNRS
        case .pgic: Codings.pgic
        case .wpi: Codings.wpi
        case .sss: Codings.sss
        case .fibromyalgiaSeverity: Codings.fibromyalgiaSeverity
        case .fiqrTotal: Codings.fiqrTotal
        case .tenderPointCount: Codings.tenderPointCount
        case .tenderPoint: Codings.tenderPoint
        }
    }

    var category: Coding {
        switch self {
        case .tenderPointCount, .tenderPoint: Codings.observationExam
        default: Codings.observationSurvey
        }
    }

    /// The kinds a `code` token asks for.
    static func matching(_ token: FHIRToken) -> [ObservationKind] {
        all.filter { token.matches(system: $0.code.system, code: $0.code.code ?? "") }
    }
}
