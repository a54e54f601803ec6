/// Standard codes for the concepts Tenderpoint records (DOMAIN.md §5), so every output (the REST
/// API, FHIR, exports) codes a concept the same way.
public enum ClinicalCodes {
    /// One code in one code system, as FHIR's `Coding`.
    public struct Coding: Hashable, Sendable, Codable {
        public let system: String
        public let code: String
        public let display: String

        public init(system: String, code: String, display: String) {
            self.system = system
            self.code = code
            self.display = display
        }
    }

    /// A diagnosis the clinic treats; the raw value is the identifier used in the API and stored data.
    public enum Condition: String, CaseIterable, Codable, Sendable, Hashable {
        case fibromyalgia
        case myofascialPain

        public var name: String {
            switch self {
            case .fibromyalgia: "Fibromyalgia"
            case .myofascialPain: "Myofascial pain"
            }
        }

        /// Every code of the condition, most specific system first.
        public var codings: [Coding] {
            switch self {
            case .fibromyalgia: [ClinicalCodes.fibromyalgiaSNOMED, ClinicalCodes.fibromyalgiaICD10, ClinicalCodes.fibromyalgiaICD10CM]
            case .myofascialPain: [ClinicalCodes.myofascialPainICD10, ClinicalCodes.myofascialPainICD10CM]
            }
        }
    }

    public static let snomed = "http://snomed.info/sct"
    public static let icd10 = "http://hl7.org/fhir/sid/icd-10"
    public static let icd10CM = "http://hl7.org/fhir/sid/icd-10-cm"
    public static let icd11 = "http://id.who.int/icd/release/11/mms"
    public static let loinc = "http://loinc.org"
    public static let atc = "http://www.whocc.no/atc"
    public static let ucum = "http://unitsofmeasure.org"
    /// Tenderpoint's own system for instruments and items with no standard code.
    public static let instrument = "urn:tenderpoint:instrument"

    public static let fibromyalgiaSNOMED = Coding(system: snomed, code: "203082005", display: "Fibromyalgia")
    public static let fibromyalgiaICD10 = Coding(system: icd10, code: "M79.7", display: "Fibromyalgia")
    public static let fibromyalgiaICD10CM = Coding(system: icd10CM, code: "M79.7", display: "Fibromyalgia")
    /// WHO ICD-10 has no code for myofascial pain itself; M79.1 is "Myalgia".
    public static let myofascialPainICD10 = Coding(system: icd10, code: "M79.1", display: "Myalgia")
    /// ICD-10-CM splits M79.1 by site since 2018; M79.18 is "Myalgia, other site".
    public static let myofascialPainICD10CM = Coding(system: icd10CM, code: "M79.18", display: "Myalgia, other site")
    public static let chronicWidespreadPain = Coding(system: icd11, code: "MG30.01", display: "Chronic widespread pain")

    public static let botulinumToxinTypeA = Coding(system: snomed, code: "108890005", display: "Botulinum toxin type A")
    public static let botulinumToxinInjection = Coding(system: snomed, code: "442695005", display: "Injection of botulinum toxin")
    public static let botulinumToxinATC = Coding(system: atc, code: "M03AX01", display: "Botulinum toxin")
    public static let left = Coding(system: snomed, code: "7771000", display: "Left")
    public static let right = Coding(system: snomed, code: "24028007", display: "Right")
    public static let painNRS = Coding(system: loinc, code: PainNRS.loincCode,
                                       display: "Pain severity - 0-10 verbal numeric rating [Score] - Reported")
    /// Product units are not international units: UCUM's arbitrary unit, shown as "U".
    public static let toxinUnit = Coding(system: ucum, code: "[arb'U]", display: "U")

    public static let fiqrTotal = Coding(system: instrument, code: "fiqr-total", display: "FIQR total")
    public static let wpi = Coding(system: instrument, code: "wpi", display: "Widespread Pain Index")
    public static let sss = Coding(system: instrument, code: "sss", display: "Symptom Severity Scale")
    public static let tenderPointCount = Coding(system: instrument, code: "tender-point-count", display: "Tender point count")
}
