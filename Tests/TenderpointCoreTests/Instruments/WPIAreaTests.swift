import Testing
@testable import TenderpointCore

@Suite struct WPIAreaTests {
    @Test func nineteenAreasWithTheDomainIdentifiers() {
        #expect(WPIArea.allCases.map(\.rawValue) == [
            "jaw.left", "shoulderGirdle.left", "upperArm.left", "lowerArm.left",
            "jaw.right", "shoulderGirdle.right", "upperArm.right", "lowerArm.right",
            "hip.left", "upperLeg.left", "lowerLeg.left",
            "hip.right", "upperLeg.right", "lowerLeg.right",
            "neck", "upperBack", "lowerBack", "chest", "abdomen",
        ])
    }

    @Test func regionsAsInTheTable() {
        let byRegion = Dictionary(grouping: WPIArea.allCases, by: \.region).mapValues { $0.map(\.rawValue) }
        #expect(byRegion == [
            .leftUpper: ["jaw.left", "shoulderGirdle.left", "upperArm.left", "lowerArm.left"],
            .rightUpper: ["jaw.right", "shoulderGirdle.right", "upperArm.right", "lowerArm.right"],
            .leftLower: ["hip.left", "upperLeg.left", "lowerLeg.left"],
            .rightLower: ["hip.right", "upperLeg.right", "lowerLeg.right"],
            .axial: ["neck", "upperBack", "lowerBack", "chest", "abdomen"],
        ])
        #expect(ACR2016Region.allCases.map(\.rawValue) == ["leftUpper", "rightUpper", "leftLower", "rightLower", "axial"])
    }

    @Test func onlyJawChestAndAbdomenAreLeftOutOfGeneralizedPain() {
        #expect(Set(WPIArea.allCases.filter { !$0.countsTowardGeneralizedPain }) == [.jawLeft, .jawRight, .chest, .abdomen])
    }
}
