import Testing
@testable import TenderpointCore

@Suite struct ConsentRecordTests {
    let may1 = CalendarDate(iso: "2026-05-01")!

    @Test func coversSessionsFromItsDateUntilWithdrawn() throws {
        let consent = try ConsentRecord(date: may1, informationVersion: "v3", withdrawnOn: CalendarDate(iso: "2026-07-01"))
        #expect(!consent.covers(sessionOn: CalendarDate(iso: "2026-04-30")!, validityMonths: 12))
        #expect(consent.covers(sessionOn: may1, validityMonths: 12))
        #expect(consent.covers(sessionOn: CalendarDate(iso: "2026-06-30")!, validityMonths: 12))
        #expect(!consent.covers(sessionOn: CalendarDate(iso: "2026-07-01")!, validityMonths: 12))
        #expect(ConsentRecord.problem(for: consent, sessionOn: CalendarDate(iso: "2026-07-02")!, product: nil, validityMonths: 12)?.code
                == .consentMissing)
        #expect(ConsentRecord.problem(for: consent, sessionOn: may1, product: .onabotulinumtoxinA, validityMonths: 12) == nil)
    }

    @Test(arguments: [(12, "2027-04-30"), (1, "2026-05-31"), (24, "2028-04-30")])
    func inForceForItsMonthsThroughTheDayBefore(months: Int, lastDay: String) throws {
        let consent = try ConsentRecord(date: may1, informationVersion: "v3")
        let last = CalendarDate(iso: lastDay)!
        #expect(consent.validUntil(validityMonths: months) == last)
        #expect(consent.covers(sessionOn: last, validityMonths: months))
        #expect(!consent.covers(sessionOn: last.adding(days: 1), validityMonths: months))
        let expired = ConsentRecord.problem(for: consent, sessionOn: last.adding(days: 1), product: nil, validityMonths: months)
        #expect(expired?.code == .consentMissing)
        #expect(expired?.message.contains("until \(lastDay)") == true)
    }

    @Test func aConsentFrom2020DoesNotCoverA2026Session() throws {
        let old = try ConsentRecord(date: CalendarDate(iso: "2020-03-01")!, informationVersion: "v1")
        #expect(ConsentRecord.problem(for: old, sessionOn: CalendarDate(iso: "2026-03-01")!, product: .onabotulinumtoxinA,
                                      validityMonths: 12)?.code == .consentMissing)
    }

    @Test func coversTypeAProductsUnlessItNamesOthers() throws {
        let general = try ConsentRecord(date: may1, informationVersion: "v3")
        #expect(general.covers(.onabotulinumtoxinA) && general.covers(.incobotulinumtoxinA) && general.covers(.abobotulinumtoxinA))
        #expect(!general.covers(.rimabotulinumtoxinB))
        let typeB = try ConsentRecord(date: may1, informationVersion: "v3", products: [.rimabotulinumtoxinB])
        #expect(typeB.covers(.rimabotulinumtoxinB) && !typeB.covers(.onabotulinumtoxinA))
        #expect(throws: Problems.self) { try ConsentRecord(date: may1, informationVersion: "v3", products: []) }
    }

    @Test func needsAnInformationVersionAndAWithdrawalAfterItsDate() {
        do {
            _ = try ConsentRecord(date: may1, informationVersion: "  ", withdrawnOn: CalendarDate(iso: "2026-04-01"))
            Issue.record("accepted")
        } catch {
            #expect(error.all.map(\.field) == ["informationVersion", "withdrawnOn"])
        }
    }

    @Test func versionIsTrimmed() throws {
        #expect(try ConsentRecord(date: may1, informationVersion: " leaflet v3 ").informationVersion == "leaflet v3")
    }
}
