/// An ACR 1990 tender-point examination (DOMAIN.md §1.1).
///
/// A site without a finding was not found positive: the count includes only recorded positives.
public struct TenderPointExam: Hashable, Sendable {
    /// Positive points needed, of 18.
    public static let requiredPositiveCount = 11
    /// Months of widespread pain needed.
    public static let requiredWidespreadPainMonths = 3

    public let findings: [TenderPointSite: TenderPointFinding]
    /// How long widespread pain has lasted; nil when not recorded.
    public let widespreadPainMonths: Int?

    /// Validates every pain rating (0–10) and the duration (0–1200 months), reporting all problems at once.
    public init(findings: [TenderPointSite: TenderPointFinding], widespreadPainMonths: Int?) throws(Problems) {
        var problems: [Problem] = []
        for site in findings.keys.sorted() {
            if let pain = findings[site]?.pain, !(0...10).contains(pain) {
                problems.append(Problem(.valueOutOfRange, "Pain rating at \(site.name) must be 0–10, not \(pain).",
                                        field: "findings.\(site.id).pain"))
            }
        }
        if let months = widespreadPainMonths, !Bounded.months.contains(months) {
            problems.append(Problem(.valueOutOfRange,
                                    "Widespread pain duration must be \(Bounded.months.lowerBound)–\(Bounded.months.upperBound) months, not \(months).",
                                    field: "widespreadPainMonths"))
        }
        guard problems.isEmpty else { throw Problems(problems) }
        self.findings = findings
        self.widespreadPainMonths = widespreadPainMonths
    }

    /// Positive tender points, 0–18.
    public var count: Int { findings.values.count(where: \.positive) }

    public var result: ACR1990Result {
        let count = count
        var reasons: [String] = []
        if count < Self.requiredPositiveCount {
            reasons.append("\(count) of 18 tender points positive; at least \(Self.requiredPositiveCount) are required")
        }
        if let months = widespreadPainMonths {
            if months < Self.requiredWidespreadPainMonths {
                reasons.append("widespread pain for \(months) month\(months == 1 ? "" : "s"); at least \(Self.requiredWidespreadPainMonths) are required")
            }
        } else {
            reasons.append("duration of widespread pain unknown; at least \(Self.requiredWidespreadPainMonths) months are required")
        }
        return ACR1990Result(count: count, criteriaMet: reasons.isEmpty,
                             reason: reasons.isEmpty ? nil : reasons.joined(separator: "; "))
    }

    /// Scores a list of positive tender-point identifiers, as the stateless scoring API receives it.
    /// Unknown and repeated identifiers and a negative duration are reported together.
    public static func score(positive: [String], widespreadPainMonths: Int) throws(Problems) -> ACR1990Result {
        var problems: [Problem] = []
        var findings: [TenderPointSite: TenderPointFinding] = [:]
        for (index, id) in positive.enumerated() {
            let field = "positive[\(index)]"
            guard let site = TenderPointSite(id: id) else {
                problems.append(Problem(.unknownIdentifier, "Unknown tender point \"\(id)\".", field: field))
                continue
            }
            guard findings[site] == nil else {
                problems.append(Problem(.duplicateIdentifier, "Tender point \(id) is listed more than once.", field: field))
                continue
            }
            findings[site] = TenderPointFinding(positive: true)
        }
        let exam: TenderPointExam
        do {
            exam = try TenderPointExam(findings: findings, widespreadPainMonths: widespreadPainMonths)
        } catch {
            throw Problems(problems + error.all)
        }
        guard problems.isEmpty else { throw Problems(problems) }
        return exam.result
    }
}
