import Testing
@testable import TenderpointCore

@Suite struct ConsentRecordTests {
    let may1 = CalendarDate(iso: "2026-05-01")!

    @Test func coversSessionsFromItsDateUntilWithdrawn() throws {
        let consent = try ConsentRecord(date: may1, informationVersion: "v3", withdrawnOn: CalendarDate(iso: "2026-07-01"))
        #expect(!consent.covers(sessionOn: CalendarDate(iso: "2026-04-30")!))
        #expect(consent.covers(sessionOn: may1))
        #expect(consent.covers(sessionOn: CalendarDate(iso: "2026-06-30")!))
        #expect(!consent.covers(sessionOn: CalendarDate(iso: "2026-07-01")!))
        #expect(ConsentRecord.problem(for: consent, sessionOn: CalendarDate(iso: "2026-07-02")!)?.code == .consentMissing)
        #expect(ConsentRecord.problem(for: consent, sessionOn: may1) == nil)
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
