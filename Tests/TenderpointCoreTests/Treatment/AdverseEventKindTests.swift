import Testing
@testable import TenderpointCore

@Suite struct AdverseEventKindTests {
    @Test func theListOfDomainSection4PlusIncreasedPain() {
        #expect(AdverseEventKind.allCases.map(\.rawValue) == [
            "injectionSitePain", "bruising", "localMuscleWeakness", "fluLikeSymptoms", "headache", "fatigue", "dryMouth",
            "dysphagia", "ptosis", "neckWeakness", "distantSpread", "allergicReaction", "increasedPain",
        ])
    }

    @Test func distantSpreadDysphagiaAndAllergicReactionAreUrgent() {
        #expect(AdverseEventKind.allCases.filter(\.isUrgent) == [.dysphagia, .distantSpread, .allergicReaction])
    }

    @Test func everyKindHasALabel() {
        #expect(AdverseEventKind.allCases.allSatisfy { !$0.label.isEmpty })
        #expect(AdverseEventKind.distantSpread.label.contains("diplopia"))
    }

    @Test func severitiesAreOrdered() {
        #expect(AdverseEventSeverity.allCases.map(\.rawValue) == ["notYetAssessed", "mild", "moderate", "severe"])
        #expect(AdverseEventSeverity.assessed == [.mild, .moderate, .severe])
        #expect(AdverseEventSeverity.mild < .moderate && AdverseEventSeverity.moderate < .severe)
        #expect(AdverseEventSeverity.notYetAssessed.label == "not yet assessed")
    }
}
