import Testing
@testable import TenderpointCore

@Suite struct ScreeningPolicyTests {
    @Test(arguments: [
        (ScreeningItem.hypersensitivity, ScreeningEffect.blocks),
        (.milkProteinAllergy, .blocksProduct(.abobotulinumtoxinA)),
        (.siteInfection, .blocks),
        (.neuromuscularDisorder, .blocks),
        (.pregnant, .blocks),
        (.breastfeeding, .needsAcknowledgement),
        (.aminoglycosides, .needsAcknowledgement),
        (.anticoagulants, .needsAcknowledgement),
        (.dysphagiaOrBreathing, .needsAcknowledgement),
        (.under18, .blocks),
        (.unresolvedAdverseEvent, .needsAcknowledgement),
    ])
    func defaultEffects(item: ScreeningItem, effect: ScreeningEffect) {
        #expect(ScreeningPolicy.defaultEffect(of: item) == effect)
        #expect(ScreeningPolicy.standard.effect(of: item) == effect)
    }

    @Test func milkProteinBlocksOnlyAbobotulinumtoxinA() {
        let policy = ScreeningPolicy.standard
        #expect(policy.effect(of: .milkProteinAllergy, products: [.abobotulinumtoxinA]) == .blocks)
        #expect(policy.effect(of: .milkProteinAllergy, products: [.onabotulinumtoxinA, .abobotulinumtoxinA]) == .blocks)
        #expect(policy.effect(of: .milkProteinAllergy, products: [.onabotulinumtoxinA]) == .notApplicable)
        #expect(policy.effect(of: .milkProteinAllergy, products: []) == .notApplicable)
        // Items that are not product-specific are unchanged by the products.
        #expect(policy.effect(of: .hypersensitivity, products: []) == .blocks)
        #expect(policy.effect(of: .anticoagulants, products: [.abobotulinumtoxinA]) == .needsAcknowledgement)
    }

    @Test func theClinicMayLetPregnancyGoToAClinician() throws {
        var policy = ScreeningPolicy()
        try policy.setEffect(.needsAcknowledgement, for: .pregnant)
        #expect(policy.effect(of: .pregnant) == .needsAcknowledgement)
        #expect(policy != .standard)
        try policy.setEffect(.blocks, for: .pregnant)
        #expect(policy.effect(of: .pregnant) == .blocks)
        #expect(policy == .standard)
    }

    @Test(arguments: [ScreeningEffect.notApplicable, .blocksProduct(.onabotulinumtoxinA)])
    func pregnancyCannotBeDroppedOrMadeProductSpecific(effect: ScreeningEffect) {
        var policy = ScreeningPolicy()
        let problem = #expect(throws: Problem.self) { try policy.setEffect(effect, for: .pregnant) }
        #expect(problem?.code == .valueOutOfRange)
        #expect(problem?.field == "screening.pregnant")
        #expect(policy.effect(of: .pregnant) == .blocks)
    }

    @Test(arguments: ScreeningItem.allCases.filter { $0 != .pregnant })
    func labelItemsCannotBeChanged(item: ScreeningItem) {
        var policy = ScreeningPolicy()
        for effect in [ScreeningEffect.blocks, .needsAcknowledgement, .notApplicable] {
            let problem = #expect(throws: Problem.self) { try policy.setEffect(effect, for: item) }
            #expect(problem?.code == .overrideNotPermitted)
            #expect(problem?.field == item.field)
        }
        #expect(policy == .standard)
    }
}
