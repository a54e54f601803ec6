import Foundation
import Testing
@testable import TenderpointCore

@Suite struct ToxinProductTests {
    @Test func identifiersAreExactlyThoseOfTheDomain() {
        #expect(ToxinProduct.allCases.map(\.rawValue) == [
            "onabotulinumtoxinA", "abobotulinumtoxinA", "incobotulinumtoxinA", "rimabotulinumtoxinB",
            "daxibotulinumtoxinA", "prabotulinumtoxinA", "letibotulinumtoxinA",
        ])
    }

    @Test(arguments: [
        (ToxinProduct.onabotulinumtoxinA, [50, 100, 200], ["Botox"]),
        (.abobotulinumtoxinA, [300, 500], ["Dysport"]),
        (.incobotulinumtoxinA, [50, 100, 200], ["Xeomin"]),
        (.rimabotulinumtoxinB, [2500, 5000, 10000], ["Myobloc", "NeuroBloc"]),
        (.daxibotulinumtoxinA, [50, 100], ["Daxxify"]),
        (.prabotulinumtoxinA, [100], ["Jeuveau", "Nuceiva"]),
        (.letibotulinumtoxinA, [50, 100], ["Letybo"]),
    ])
    func vialSizesAndBrands(product: ToxinProduct, sizes: [Int], brands: [String]) {
        #expect(product.vialSizes == sizes.map { Units($0) })
        #expect(product.brandExamples == brands)
    }

    @Test func displayNameIsGenericNameWithBrands() {
        #expect(ToxinProduct.onabotulinumtoxinA.displayName == "onabotulinumtoxinA (Botox)")
        #expect(ToxinProduct.rimabotulinumtoxinB.displayName == "rimabotulinumtoxinB (Myobloc, NeuroBloc)")
    }

    @Test func onlyRimabotulinumtoxinBIsASolution() {
        for product in ToxinProduct.allCases {
            #expect(product.isSolution == (product == .rimabotulinumtoxinB))
            #expect(product.solutionUnitsPerMl == (product == .rimabotulinumtoxinB ? Units(5000) : nil))
        }
    }

    @Test(arguments: [
        // 24 h = 86 400 s; 72 h = 259 200 s; the solution is "as labelled" (nil).
        (ToxinProduct.onabotulinumtoxinA, 86_400 as Int?),
        (.abobotulinumtoxinA, 86_400), (.incobotulinumtoxinA, 86_400), (.prabotulinumtoxinA, 86_400),
        (.letibotulinumtoxinA, 86_400), (.daxibotulinumtoxinA, 259_200), (.rimabotulinumtoxinB, nil),
    ])
    func reconstitutedUsePeriod(product: ToxinProduct, seconds: Int?) {
        #expect(product.reconstitutedUseSeconds == seconds)
        #expect(product.reconstitutedUseWithin == seconds.map { Duration.seconds($0) })
    }

    @Test func storageConditions() {
        #expect(ToxinProduct.onabotulinumtoxinA.reconstitutedStorage == "2–8 °C")
        #expect(ToxinProduct.daxibotulinumtoxinA.reconstitutedStorage == "room temperature")
        #expect(ToxinProduct.rimabotulinumtoxinB.reconstitutedStorage == nil)
    }

    @Test(arguments: [
        (ToxinProduct.onabotulinumtoxinA, [50, 400, 400] as [Int]?),
        (.abobotulinumtoxinA, [150, 1000, 1000]),
        (.incobotulinumtoxinA, [50, 400, 400]),
        (.rimabotulinumtoxinB, [2500, 10000, 10000]),
        (.daxibotulinumtoxinA, nil), (.prabotulinumtoxinA, nil), (.letibotulinumtoxinA, nil),
    ])
    func defaultLimits(product: ToxinProduct, expected: [Int]?) {
        let limits = product.defaultLimits
        #expect(limits.map { [$0.perSite, $0.perSession, $0.cumulativeThreeMonths] } == expected?.map { Units($0) })
    }

    @Test func referenceRatiosAreTextOnly() {
        #expect(ToxinProduct.abobotulinumtoxinA.referenceRatioText?.contains("2.5–3") == true)
        #expect(ToxinProduct.incobotulinumtoxinA.referenceRatioText?.contains("About 1 ") == true)
        #expect(ToxinProduct.rimabotulinumtoxinB.referenceRatioText?.contains("40–50") == true)
        for product in [ToxinProduct.abobotulinumtoxinA, .incobotulinumtoxinA, .rimabotulinumtoxinB] {
            #expect(product.referenceRatioText?.contains("never converted") == true)
        }
        for product in [ToxinProduct.onabotulinumtoxinA, .daxibotulinumtoxinA, .prabotulinumtoxinA, .letibotulinumtoxinA] {
            #expect(product.referenceRatioText == nil)
        }
    }

    @Test func codableAsIdentifierAndAsDictionaryKey() throws {
        let data = try JSONEncoder().encode([ToxinProduct.abobotulinumtoxinA: 1])
        #expect(String(decoding: data, as: UTF8.self) == #"{"abobotulinumtoxinA":1}"#)
        #expect(try JSONDecoder().decode(ToxinProduct.self, from: Data(#""incobotulinumtoxinA""#.utf8)) == .incobotulinumtoxinA)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ToxinProduct.self, from: Data(#""botox""#.utf8))
        }
    }
}
