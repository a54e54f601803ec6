/// Answers to the ACR 2016 revised fibromyalgia criteria (DOMAIN.md §1.2).
public struct ACR2016Answers: Hashable, Sendable {
    /// Areas with pain in the last week.
    public let painAreas: Set<WPIArea>
    /// Past-week severity, each 0 none, 1 slight or mild, 2 moderate, 3 severe.
    public let fatigue: Int
    public let wakingUnrefreshed: Int
    public let cognitiveSymptoms: Int
    /// Present in the past 6 months.
    public let headaches: Bool
    public let lowerAbdominalPain: Bool
    public let depression: Bool
    /// How long symptoms have been at a similar level; nil when not recorded.
    public let symptomMonths: Int?
    public let administeredBy: Administration

    /// Validates the three severity items (0–3) and the duration (≥ 0), reporting all problems at once.
    public init(
        painAreas: Set<WPIArea>, fatigue: Int, wakingUnrefreshed: Int, cognitiveSymptoms: Int,
        headaches: Bool, lowerAbdominalPain: Bool, depression: Bool, symptomMonths: Int?,
        administeredBy: Administration
    ) throws(Problems) {
        let problems = Self.rangeProblems(fatigue: fatigue, wakingUnrefreshed: wakingUnrefreshed,
                                          cognitiveSymptoms: cognitiveSymptoms, symptomMonths: symptomMonths)
        guard problems.isEmpty else { throw Problems(problems) }
        self.painAreas = painAreas
        self.fatigue = fatigue
        self.wakingUnrefreshed = wakingUnrefreshed
        self.cognitiveSymptoms = cognitiveSymptoms
        self.headaches = headaches
        self.lowerAbdominalPain = lowerAbdominalPain
        self.depression = depression
        self.symptomMonths = symptomMonths
        self.administeredBy = administeredBy
    }

    /// Builds answers from area identifiers as the API receives them; unknown or repeated
    /// identifiers (field `painAreas[i]`) and out-of-range values are reported together.
    public static func parse(
        painAreas: [String], fatigue: Int, wakingUnrefreshed: Int, cognitiveSymptoms: Int,
        headaches: Bool, lowerAbdominalPain: Bool, depression: Bool, symptomMonths: Int?,
        administeredBy: Administration
    ) throws(Problems) -> ACR2016Answers {
        var problems: [Problem] = []
        var areas: Set<WPIArea> = []
        for (index, id) in painAreas.enumerated() {
            let field = "painAreas[\(index)]"
            guard let area = WPIArea(rawValue: id) else {
                problems.append(Problem(.unknownIdentifier, "Unknown pain area \"\(id)\".", field: field))
                continue
            }
            guard areas.insert(area).inserted else {
                problems.append(Problem(.duplicateIdentifier, "Pain area \(id) is listed more than once.", field: field))
                continue
            }
        }
        problems += rangeProblems(fatigue: fatigue, wakingUnrefreshed: wakingUnrefreshed,
                                  cognitiveSymptoms: cognitiveSymptoms, symptomMonths: symptomMonths)
        guard problems.isEmpty else { throw Problems(problems) }
        return try ACR2016Answers(
            painAreas: areas, fatigue: fatigue, wakingUnrefreshed: wakingUnrefreshed,
            cognitiveSymptoms: cognitiveSymptoms, headaches: headaches, lowerAbdominalPain: lowerAbdominalPain,
            depression: depression, symptomMonths: symptomMonths, administeredBy: administeredBy)
    }

    /// The criteria evaluated for these answers.
    public var result: ACR2016Result { ACR2016.evaluate(self) }

    private static func rangeProblems(
        fatigue: Int, wakingUnrefreshed: Int, cognitiveSymptoms: Int, symptomMonths: Int?
    ) -> [Problem] {
        var problems: [Problem] = []
        for (field, value) in [("fatigue", fatigue), ("wakingUnrefreshed", wakingUnrefreshed),
                               ("cognitiveSymptoms", cognitiveSymptoms)] where !(0...3).contains(value) {
            problems.append(Problem(.valueOutOfRange, "\(field) must be 0–3, not \(value).", field: field))
        }
        if let months = symptomMonths, !Bounded.months.contains(months) {
            problems.append(Problem(.valueOutOfRange,
                                    "Symptom duration must be \(Bounded.months.lowerBound)–\(Bounded.months.upperBound) months, not \(months).",
                                    field: "symptomMonths"))
        }
        return problems
    }
}
