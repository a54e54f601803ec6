import Testing
@testable import TenderpointCore

@Suite struct NHSNumberTests {
    // 943 476 5919: 9·10 + 4·9 + 3·8 + 4·7 + 7·6 + 6·5 + 5·4 + 9·3 + 1·2 = 90+36+24+28+42+30+20+27+2 = 299;
    // 299 mod 11 = 2; 11 − 2 = 9 = the last digit.
    @Test(arguments: ["9434765919", "943 476 5919", "943-476-5919"])
    func acceptsAValidNumberInItsUsualSpellings(text: String) throws {
        let number = try #require(NHSNumber(text))
        #expect(number.digits == "9434765919")
        #expect(number.formatted == "943 476 5919")
    }

    @Test(arguments: ["9434765918", "943476591", "94347659190", "94347659a9", ""])
    func refusesWrongCheckDigitsAndLengths(text: String) {
        #expect(NHSNumber(text) == nil)
    }

    // 401 023 2137: 4·10 + 0 + 1·8 + 0 + 2·6 + 3·5 + 2·4 + 1·3 + 3·2 = 40+8+12+15+8+3+6 = 92;
    // 92 mod 11 = 4; 11 − 4 = 7 = the last digit.
    @Test func anotherValidNumber() {
        #expect(NHSNumber("4010232137") != nil)
    }

    // 000 000 0000: sum 0, 11 − 0 = 11 → check digit 0.
    @Test func remainderZeroGivesCheckDigitZero() {
        #expect(NHSNumber("0000000000") != nil)
    }

    // 123 456 7890: 10+18+24+28+30+30+28+24+18 = 210; 210 mod 11 = 1; 11 − 1 = 10: no valid number.
    @Test func checkTenIsNeverValid() {
        #expect(NHSNumber("1234567890") == nil)
        #expect(NHSNumber("1234567891") == nil)
    }
}
