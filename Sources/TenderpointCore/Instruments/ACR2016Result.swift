/// The ACR 2016 scores and criteria for one set of answers.
public struct ACR2016Result: Hashable, Sendable, Codable {
    /// Widespread Pain Index, 0–19.
    public let wpi: Int
    /// Symptom Severity Scale, 0–12.
    public let sss: Int
    /// Fibromyalgia Severity (WPI + SSS), 0–31.
    public let fs: Int
    public let severityBand: FibromyalgiaSeverityBand
    /// Regions with pain for the generalized-pain rule (jaw, chest and abdomen do not count), 0–5.
    public let regionsWithPain: Int
    public let generalizedPain: Bool
    public let criteriaMet: Bool
    /// A readable reason for each criterion not met; empty when the criteria are met.
    public let unmetCriteria: [String]
    /// Criteria met on a clinician-administered questionnaire; self-report never raises it.
    public let diagnosticFlag: Bool

    public init(
        wpi: Int, sss: Int, fs: Int, severityBand: FibromyalgiaSeverityBand, regionsWithPain: Int,
        generalizedPain: Bool, criteriaMet: Bool, unmetCriteria: [String], diagnosticFlag: Bool
    ) {
        self.wpi = wpi
        self.sss = sss
        self.fs = fs
        self.severityBand = severityBand
        self.regionsWithPain = regionsWithPain
        self.generalizedPain = generalizedPain
        self.criteriaMet = criteriaMet
        self.unmetCriteria = unmetCriteria
        self.diagnosticFlag = diagnosticFlag
    }
}
