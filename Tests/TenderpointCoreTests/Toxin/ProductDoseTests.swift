import Foundation
import Testing
@testable import TenderpointCore

@Suite struct ProductDoseTests {
    private static func dose(_ product: ToxinProduct, tenths: Int) -> ProductDose {
        ProductDose(product: product, units: Units(tenths: tenths))
    }

    @Test func addingTheSameProduct() throws {
        // 100 U + 12.5 U = 112.5 U
        let sum = try Self.dose(.onabotulinumtoxinA, tenths: 1000).adding(Self.dose(.onabotulinumtoxinA, tenths: 125))
        #expect(sum == Self.dose(.onabotulinumtoxinA, tenths: 1125))
    }

    @Test func addingDifferentProductsIsRefused() {
        let problem = #expect(throws: Problem.self) {
            try Self.dose(.onabotulinumtoxinA, tenths: 1000).adding(Self.dose(.abobotulinumtoxinA, tenths: 3000))
        }
        #expect(problem?.code == .mixedProducts)
        #expect(problem?.message.contains("300 U of abobotulinumtoxinA") == true)
    }

    @Test func totalOfNothingIsNil() throws {
        #expect(try ProductDose.total([]) == nil)
    }

    @Test func totalOfOneProduct() throws {
        // 50 + 25.5 + 0.5 = 76 U
        let doses = [Self.dose(.incobotulinumtoxinA, tenths: 500), Self.dose(.incobotulinumtoxinA, tenths: 255),
                     Self.dose(.incobotulinumtoxinA, tenths: 5)]
        #expect(try ProductDose.total(doses) == Self.dose(.incobotulinumtoxinA, tenths: 760))
        #expect(try ProductDose.total([doses[0]]) == doses[0])
    }

    @Test(arguments: [0, 1, 2])
    func totalRefusesAMixWherever(position: Int) {
        var doses = Array(repeating: Self.dose(.onabotulinumtoxinA, tenths: 100), count: 3)
        doses[position] = Self.dose(.rimabotulinumtoxinB, tenths: 100)
        let problem = #expect(throws: Problem.self) { try ProductDose.total(doses) }
        #expect(problem?.code == .mixedProducts)
    }

    @Test func json() throws {
        let data = try JSONEncoder().encode(Self.dose(.abobotulinumtoxinA, tenths: 125))
        let decoded = try JSONDecoder().decode(ProductDose.self, from: data)
        #expect(decoded == Self.dose(.abobotulinumtoxinA, tenths: 125))
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(object?["product"] as? String == "abobotulinumtoxinA")
        #expect(Self.dose(.abobotulinumtoxinA, tenths: 125).description == "12.5 U of abobotulinumtoxinA")
    }
}
