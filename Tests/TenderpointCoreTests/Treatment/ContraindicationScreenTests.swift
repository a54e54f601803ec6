import Foundation
import Testing
@testable import TenderpointCore

@Suite struct ContraindicationScreenTests {
    private static let ona: Set<ToxinProduct> = [.onabotulinumtoxinA]
    private static let dysport: Set<ToxinProduct> = [.abobotulinumtoxinA]

    /// Every item answered no, except those listed as yes.
    private static func screen(yes: Set<ScreeningItem> = []) -> ContraindicationScreen {
        ContraindicationScreen(answers: Dictionary(uniqueKeysWithValues: ScreeningItem.allCases.map { ($0, yes.contains($0)) }))
    }

    private static func check(_ screen: ContraindicationScreen, products: Set<ToxinProduct> = ona,
                              acknowledged: Set<ScreeningItem> = [], by role: Role = .clinician,
                              policy: ScreeningPolicy = .standard) -> [Problem] {
        screen.problems(products: products, acknowledged: acknowledged, acknowledgedBy: role, policy: policy)
    }

    @Test func allNoHasNoProblems() {
        #expect(Self.check(Self.screen()).isEmpty)
        #expect(Self.check(Self.screen(), products: Self.dysport, by: .nurse).isEmpty)
    }

    @Test(arguments: [
        (ScreeningItem.hypersensitivity, Problem.Code.contraindicated as Problem.Code?),
        (.milkProteinAllergy, nil),
        (.siteInfection, .contraindicated),
        (.neuromuscularDisorder, .contraindicated),
        (.pregnant, .contraindicated),
        (.breastfeeding, .acknowledgementRequired),
        (.aminoglycosides, .acknowledgementRequired),
        (.anticoagulants, .acknowledgementRequired),
        (.dysphagiaOrBreathing, .acknowledgementRequired),
        (.under18, .contraindicated),
        (.unresolvedAdverseEvent, .acknowledgementRequired),
    ])
    func aYesWithoutAcknowledgement(item: ScreeningItem, code: Problem.Code?) {
        // With onabotulinumtoxinA only, so the milk-protein item does not apply.
        let found = Self.check(Self.screen(yes: [item]))
        #expect(found.map(\.code) == (code.map { [$0] } ?? []))
        #expect(found.allSatisfy { $0.field == "screening.\(item.rawValue)" })
    }

    @Test(arguments: [
        (ScreeningItem.hypersensitivity, true), (.siteInfection, true), (.neuromuscularDisorder, true),
        (.pregnant, true), (.under18, true), (.breastfeeding, false), (.aminoglycosides, false),
        (.anticoagulants, false), (.dysphagiaOrBreathing, false), (.unresolvedAdverseEvent, false),
    ])
    func aClinicianAcknowledgementLiftsOnlyPrecautions(item: ScreeningItem, stillBlocked: Bool) {
        let found = Self.check(Self.screen(yes: [item]), acknowledged: [item], by: .clinician)
        #expect(found.map(\.code) == (stillBlocked ? [.contraindicated] : []))
    }

    @Test func milkProteinWithAndWithoutDysport() {
        let screen = Self.screen(yes: [.milkProteinAllergy])
        let withDysport = Self.check(screen, products: Self.dysport)
        #expect(withDysport.map(\.code) == [.contraindicated])
        #expect(withDysport.map(\.field) == ["screening.milkProteinAllergy"])
        #expect(withDysport.first?.message.contains("abobotulinumtoxinA must not be used") == true)
        #expect(Self.check(screen, products: [.incobotulinumtoxinA, .abobotulinumtoxinA]).map(\.code) == [.contraindicated])
        #expect(Self.check(screen, products: Self.ona).isEmpty)
        #expect(Self.check(screen, products: [.rimabotulinumtoxinB]).isEmpty)
    }

    @Test func aNurseCannotAcknowledge() {
        let found = Self.check(Self.screen(yes: [.breastfeeding]), acknowledged: [.breastfeeding], by: .nurse)
        // The acknowledgement is refused and so counts for nothing: the item still needs one.
        #expect(found.map(\.code) == [.acknowledgementRequired, .acknowledgementNotPermitted])
        #expect(found.map(\.field) == ["screening.breastfeeding", "acknowledged"])
        #expect(found.last?.message.contains("not a nurse") == true)
    }

    @Test(arguments: [Role.admin, .nurse, .reception, .patient])
    func onlyAClinicianAcknowledges(role: Role) {
        // Even an acknowledgement of an item answered no is not theirs to give.
        let found = Self.check(Self.screen(), acknowledged: [.anticoagulants], by: role)
        #expect(found.map(\.code) == [.acknowledgementNotPermitted])
    }

    @Test func anyoneMayRecordAScreenWithNothingToAcknowledge() {
        #expect(Self.check(Self.screen(), acknowledged: [], by: .reception).isEmpty)
    }

    @Test func everyItemMustBeAnswered() {
        let found = Self.check(ContraindicationScreen(answers: [:]))
        #expect(found.map(\.code) == Array(repeating: .screeningIncomplete, count: 11))
        #expect(found.map(\.field) == ScreeningItem.allCases.map { "screening.\($0.rawValue)" })
    }

    @Test func oneMissingAnswer() {
        var answers = Self.screen().answers
        answers[.under18] = nil
        let found = Self.check(ContraindicationScreen(answers: answers))
        #expect(found.map(\.code) == [.screeningIncomplete])
        #expect(found.map(\.field) == ["screening.under18"])
    }

    @Test func pregnancyPolicyChangedToAcknowledgement() throws {
        var policy = ScreeningPolicy()
        try policy.setEffect(.needsAcknowledgement, for: .pregnant)
        let screen = Self.screen(yes: [.pregnant])
        #expect(Self.check(screen, policy: policy).map(\.code) == [.acknowledgementRequired])
        #expect(Self.check(screen, acknowledged: [.pregnant], policy: policy).isEmpty)
        // The standard policy still blocks, acknowledged or not.
        #expect(Self.check(screen, acknowledged: [.pregnant]).map(\.code) == [.contraindicated])
    }

    @Test func everyProblemAtOnce() {
        var answers = Self.screen(yes: [.hypersensitivity, .anticoagulants, .milkProteinAllergy]).answers
        answers[.siteInfection] = nil
        let found = Self.check(ContraindicationScreen(answers: answers), products: Self.dysport,
                               acknowledged: [.dysphagiaOrBreathing], by: .nurse)
        #expect(found.map(\.code) == [.contraindicated, .contraindicated, .screeningIncomplete,
                                      .acknowledgementRequired, .acknowledgementNotPermitted])
        #expect(found.map(\.field) == ["screening.hypersensitivity", "screening.milkProteinAllergy",
                                       "screening.siteInfection", "screening.anticoagulants", "acknowledged"])
    }

    @Test func jsonIsTheAnswersObject() throws {
        let json = #"{"hypersensitivity": false, "pregnant": true}"#
        let screen = try JSONDecoder().decode(ContraindicationScreen.self, from: Data(json.utf8))
        #expect(screen.answers == [.hypersensitivity: false, .pregnant: true])
        #expect(try JSONDecoder().decode(ContraindicationScreen.self, from: JSONEncoder().encode(screen)) == screen)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ContraindicationScreen.self, from: Data(#"{"smoker": true}"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ContraindicationScreen.self, from: Data(#"{"pregnant": "no"}"#.utf8))
        }
    }
}
