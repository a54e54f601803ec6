import Testing
@testable import TenderpointCore

@Suite struct FIQRItemTests {
    @Test func twentyOneItemsNumberedInOrder() {
        #expect(FIQRItem.allCases.map(\.number) == Array(1...21))
    }

    @Test func domains() {
        #expect(FIQRItem.allCases.filter { $0.domain == .function }.map(\.number) == Array(1...9))
        #expect(FIQRItem.allCases.filter { $0.domain == .overallImpact }.map(\.number) == [10, 11])
        #expect(FIQRItem.allCases.filter { $0.domain == .symptoms }.map(\.number) == Array(12...21))
    }

    @Test func shortNeutralLabels() {
        #expect(FIQRItem.hairCare.label == "Hair care")
        #expect(FIQRItem(rawValue: 2)?.label == "Walking 20 minutes")
        #expect(FIQRItem(rawValue: 8)?.label == "Sitting 45 minutes")
        #expect(FIQRItem(rawValue: 10)?.label == "Goals prevented")
        #expect(FIQRItem(rawValue: 12)?.label == "Pain")
        #expect(FIQRItem(rawValue: 21)?.label == "Sensitivity to noise, light, odours or cold")
        #expect(Set(FIQRItem.allCases.map(\.label)).count == 21)
    }
}
