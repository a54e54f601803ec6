/// The ACR 2016 revised fibromyalgia criteria (Wolfe et al., Semin Arthritis Rheum 2016).
public enum ACR2016 {
    /// Regions, of 5, needed for generalized pain.
    public static let requiredRegions = 4
    /// Months of symptoms at a similar level needed.
    public static let requiredSymptomMonths = 3

    /// Scores the answers and checks the three criteria.
    public static func evaluate(_ answers: ACR2016Answers) -> ACR2016Result {
        let wpi = answers.painAreas.count
        let sss = answers.fatigue + answers.wakingUnrefreshed + answers.cognitiveSymptoms
            + [answers.headaches, answers.lowerAbdominalPain, answers.depression].count(where: { $0 })
        let regions = Set(answers.painAreas.filter(\.countsTowardGeneralizedPain).map(\.region)).count

        var unmet: [String] = []
        if !severityMet(wpi: wpi, sss: sss) {
            // 4–6, not the 2010 criteria's 3–6.
            unmet.append("WPI \(wpi) with SSS \(sss): needs WPI ≥ 7 with SSS ≥ 5, or WPI 4–6 with SSS ≥ 9")
        }
        let generalizedPain = regions >= requiredRegions
        if !generalizedPain {
            unmet.append("Generalized pain in \(regions) of 5 regions: needs at least \(requiredRegions)"
                + " (jaw, chest and abdomen do not count)")
        }
        if let months = answers.symptomMonths {
            if months < requiredSymptomMonths {
                unmet.append("Symptoms for \(months) month\(months == 1 ? "" : "s"): needs at least \(requiredSymptomMonths)")
            }
        } else {
            unmet.append("Symptom duration unknown: needs at least \(requiredSymptomMonths) months")
        }
        let criteriaMet = unmet.isEmpty
        return ACR2016Result(
            wpi: wpi, sss: sss, fs: wpi + sss,
            severityBand: FibromyalgiaSeverityBand(fibromyalgiaSeverity: wpi + sss),
            regionsWithPain: regions, generalizedPain: generalizedPain, criteriaMet: criteriaMet,
            unmetCriteria: unmet, diagnosticFlag: criteriaMet && answers.administeredBy == .clinician)
    }

    private static func severityMet(wpi: Int, sss: Int) -> Bool {
        (wpi >= 7 && sss >= 5) || ((4...6).contains(wpi) && sss >= 9)
    }
}
