import Foundation
import Testing
@testable import TenderpointCore

@Suite struct ScreeningItemTests {
    @Test func identifiersAreExactlyThoseOfTheDomain() {
        #expect(ScreeningItem.allCases.map(\.rawValue) == [
            "hypersensitivity", "milkProteinAllergy", "siteInfection", "neuromuscularDisorder", "pregnant",
            "breastfeeding", "aminoglycosides", "anticoagulants", "dysphagiaOrBreathing", "under18",
            "unresolvedAdverseEvent",
        ])
    }

    @Test func everyItemHasItsOwnQuestion() {
        let questions = ScreeningItem.allCases.map(\.question)
        #expect(Set(questions).count == 11)
        #expect(questions.allSatisfy { $0.hasSuffix("?") })
        #expect(ScreeningItem.hypersensitivity.question.contains("albumin"))
        #expect(ScreeningItem.milkProteinAllergy.question.contains("cow's-milk protein"))
    }

    @Test func onlyPregnancyIsAClinicPolicy() {
        #expect(ScreeningItem.allCases.filter(\.isClinicPolicy) == [.pregnant])
    }

    @Test func fieldNames() {
        #expect(ScreeningItem.dysphagiaOrBreathing.field == "screening.dysphagiaOrBreathing")
    }
}
