import Foundation
import Testing
@testable import TenderpointCore

/// Areas in all 5 regions, unstarred only; the first `wpi` are used (up to 15).
private let generalizedAreas: [WPIArea] = [
    .shoulderGirdleLeft, .shoulderGirdleRight, .hipLeft, .hipRight, .neck,
    .upperArmLeft, .upperArmRight, .upperLegLeft, .upperLegRight, .upperBack,
    .lowerArmLeft, .lowerArmRight, .lowerLegLeft, .lowerLegRight, .lowerBack,
]

/// Severity items giving the requested SSS (0–12): the three 0–3 items first, then the yes/no items.
private func answers(
    areas: Set<WPIArea>, sss: Int, months: Int? = 6, by administration: Administration = .clinician
) throws -> ACR2016Answers {
    let graded = min(sss, 9)
    let extra = sss - graded
    return try ACR2016Answers(
        painAreas: areas, fatigue: min(graded, 3), wakingUnrefreshed: min(max(graded - 3, 0), 3),
        cognitiveSymptoms: max(graded - 6, 0), headaches: extra >= 1, lowerAbdominalPain: extra >= 2,
        depression: extra >= 3, symptomMonths: months, administeredBy: administration)
}

private func answers(wpi: Int, sss: Int) throws -> ACR2016Answers {
    try answers(areas: Set(generalizedAreas.prefix(wpi)), sss: sss)
}

private let severityReason = "WPI"

@Suite struct ACR2016Tests {
    @Test func scoresAddUp() throws {
        // WPI 5 (all generalized areas of the first row); SSS 2 + 1 + 3 + headaches + depression = 8.
        let result = try ACR2016Answers(
            painAreas: Set(generalizedAreas.prefix(5)), fatigue: 2, wakingUnrefreshed: 1, cognitiveSymptoms: 3,
            headaches: true, lowerAbdominalPain: false, depression: true, symptomMonths: 4,
            administeredBy: .clinician).result
        #expect(result.wpi == 5)
        #expect(result.sss == 8)
        #expect(result.fs == 13)
        #expect(result.severityBand == .severe)
        #expect(result.regionsWithPain == 5)
    }

    @Test func allNineteenAreasAndEveryItemAtMaximum() throws {
        let result = try answers(areas: Set(WPIArea.allCases), sss: 12).result
        #expect(result.wpi == 19)
        #expect(result.sss == 12)
        #expect(result.fs == 31)
        #expect(result.severityBand == .verySevere)
    }

    @Test(arguments: [
        (6, 8, false), (6, 9, true),     // second branch: WPI 4–6 needs SSS ≥ 9
        (7, 4, false), (7, 5, true),     // first branch: WPI ≥ 7 needs SSS ≥ 5
        (4, 9, true), (4, 8, false),     // lower edge of the second branch
        (3, 12, false),                  // 2016 uses 4–6, not 2010's 3–6
    ])
    func severityCriterion(wpi: Int, sss: Int, met: Bool) throws {
        let result = try answers(wpi: wpi, sss: sss).result
        #expect(result.wpi == wpi)
        #expect(result.sss == sss)
        #expect(result.unmetCriteria.contains { $0.hasPrefix(severityReason) } == !met)
        if wpi >= 4 {
            // The areas span at least 4 regions, so severity alone decides.
            #expect(result.criteriaMet == met)
        } else {
            #expect(result.criteriaMet == false)
        }
    }

    @Test func generalizedPainNeedsFourRegions() throws {
        // 9 areas in 3 regions (left upper, right upper, axial): WPI and SSS are ample.
        let threeRegions: Set<WPIArea> = [.shoulderGirdleLeft, .upperArmLeft, .lowerArmLeft, .shoulderGirdleRight,
                                          .upperArmRight, .lowerArmRight, .neck, .upperBack, .lowerBack]
        let three = try answers(areas: threeRegions, sss: 9).result
        #expect(three.regionsWithPain == 3)
        #expect(three.generalizedPain == false)
        #expect(three.criteriaMet == false)
        #expect(three.unmetCriteria.count == 1)
        #expect(three.unmetCriteria.first?.hasPrefix("Generalized pain in 3 of 5") == true)

        let four = try answers(areas: threeRegions.union([.lowerLegRight]), sss: 9).result
        #expect(four.regionsWithPain == 4)
        #expect(four.generalizedPain == true)
        #expect(four.criteriaMet == true)
        #expect(four.unmetCriteria.isEmpty)
    }

    @Test func starredAreasDoNotGiveTheirRegionPain() throws {
        // Left upper only through the jaw, axial only through chest and abdomen: 2 regions by
        // the rule (right upper, left lower), though WPI counts all 7 areas.
        let areas: Set<WPIArea> = [.jawLeft, .chest, .abdomen, .shoulderGirdleRight, .upperArmRight, .hipLeft, .upperLegLeft]
        let result = try answers(areas: areas, sss: 9).result
        #expect(result.wpi == 7)
        #expect(result.regionsWithPain == 2)
        #expect(result.generalizedPain == false)

        // Adding the right lower region and the neck reaches 4 regions; the jaw still adds nothing.
        let more = try answers(areas: areas.union([.hipRight, .neck]), sss: 9).result
        #expect(more.regionsWithPain == 4)
        #expect(more.generalizedPain == true)
    }

    @Test(arguments: [(2, false), (3, true), (0, false)])
    func symptomDuration(months: Int, met: Bool) throws {
        let result = try answers(areas: Set(generalizedAreas.prefix(7)), sss: 5, months: months).result
        #expect(result.criteriaMet == met)
        #expect(result.unmetCriteria == (met ? [] : ["Symptoms for \(months) months: needs at least 3"]))
    }

    @Test func unknownDurationIsNotMet() throws {
        let result = try answers(areas: Set(generalizedAreas.prefix(7)), sss: 5, months: nil).result
        #expect(result.criteriaMet == false)
        #expect(result.unmetCriteria == ["Symptom duration unknown: needs at least 3 months"])
    }

    @Test func everyUnmetCriterionIsListed() throws {
        let result = try answers(areas: [.neck], sss: 0, months: 1).result
        #expect(result.unmetCriteria.count == 3)
    }

    @Test func onlyAClinicianRaisesTheDiagnosticFlag() throws {
        let areas = Set(generalizedAreas.prefix(10))
        let clinician = try answers(areas: areas, sss: 10, by: .clinician).result
        let selfReport = try answers(areas: areas, sss: 10, by: .selfReport).result
        #expect(clinician.criteriaMet && clinician.diagnosticFlag)
        #expect(selfReport.criteriaMet && !selfReport.diagnosticFlag)

        let notMet = try answers(areas: areas, sss: 10, months: 2, by: .clinician).result
        #expect(!notMet.diagnosticFlag)
    }

    @Test(arguments: [(3, FibromyalgiaSeverityBand.none), (4, .mild), (7, .mild), (8, .moderate),
                      (11, .moderate), (12, .severe), (19, .severe), (20, .verySevere)])
    func severityBandThroughTheResult(fs: Int, band: FibromyalgiaSeverityBand) throws {
        // WPI up to 8, the rest from SSS (at most 12).
        let wpi = min(fs, 8)
        let result = try answers(wpi: wpi, sss: fs - wpi).result
        #expect(result.fs == fs)
        #expect(result.severityBand == band)
    }

    /// Symptom months 0–1200 (a lifetime); 1201 and Int.max are refused, naming symptomMonths.
    @Test(arguments: [(0, true), (1200, true), (1201, false), (-1, false), (Int.max, false)])
    func symptomMonthsBounds(months: Int, accepted: Bool) {
        let result = Result { try answers(areas: [], sss: 0, months: months) }
        switch result {
        case .success: #expect(accepted)
        case .failure(let error):
            #expect(!accepted)
            #expect((error as? Problems)?.all.map(\.field) == ["symptomMonths"])
        }
    }

    @Test func rangesAreValidated() {
        let error = #expect(throws: Problems.self) {
            try ACR2016Answers(painAreas: [], fatigue: 4, wakingUnrefreshed: -1, cognitiveSymptoms: 3,
                               headaches: false, lowerAbdominalPain: false, depression: false, symptomMonths: -1,
                               administeredBy: .clinician)
        }
        #expect(error?.all.map(\.field) == ["fatigue", "wakingUnrefreshed", "symptomMonths"])
        #expect(error?.all.allSatisfy { $0.code == .valueOutOfRange } == true)
    }

    @Test func parseReadsIdentifiers() throws {
        let parsed = try ACR2016Answers.parse(
            painAreas: ["neck", "hip.left", "jaw.right"], fatigue: 0, wakingUnrefreshed: 3, cognitiveSymptoms: 0,
            headaches: false, lowerAbdominalPain: true, depression: false, symptomMonths: nil, administeredBy: .selfReport)
        #expect(parsed.painAreas == [.neck, .hipLeft, .jawRight])
        #expect(parsed.result.sss == 4)
        #expect(parsed.administeredBy == .selfReport)
    }

    @Test func parseReportsEveryProblemWithItsField() throws {
        let error = #expect(throws: Problems.self) {
            try ACR2016Answers.parse(
                painAreas: ["neck", "knee", "neck", "hip.left"], fatigue: 1, wakingUnrefreshed: 1, cognitiveSymptoms: 7,
                headaches: false, lowerAbdominalPain: false, depression: false, symptomMonths: 3,
                administeredBy: .clinician)
        }
        let problems = try #require(error).all
        #expect(problems.map(\.code) == [.unknownIdentifier, .duplicateIdentifier, .valueOutOfRange])
        #expect(problems.map(\.field) == ["painAreas[1]", "painAreas[2]", "cognitiveSymptoms"])
    }

    @Test func resultEncodesWithCamelCaseKeys() throws {
        let result = try answers(wpi: 7, sss: 5).result
        let object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(result)) as? [String: Any])
        #expect(Set(object.keys) == ["wpi", "sss", "fs", "severityBand", "regionsWithPain",
                                     "generalizedPain", "criteriaMet", "unmetCriteria", "diagnosticFlag"])
        #expect(object["severityBand"] as? String == "severe")  // FS = 7 + 5 = 12
    }
}
