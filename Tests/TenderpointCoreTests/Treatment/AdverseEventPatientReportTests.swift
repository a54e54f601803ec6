import Testing
@testable import TenderpointCore

/// A session on 2026-06-01. Hand arithmetic: 2026-09-21 is day 112 (June 29 + July 31 + August
/// 31 + 21 = 112), 2026-09-22 day 113.
@Suite struct AdverseEventPatientReportTests {
    private static let session = CalendarDate(iso: "2026-06-01")!
    private static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    @Test func theKindsAPatientMayNameAreDomainSection4() {
        #expect(AdverseEventPatientReport.reportableKinds.map(\.rawValue) == [
            "injectionSitePain", "bruising", "localMuscleWeakness", "fluLikeSymptoms", "headache", "fatigue", "dryMouth",
            "dysphagia", "ptosis", "neckWeakness", "distantSpread", "allergicReaction",
        ])
        #expect(AdverseEventPatientReport.reportingWindowDays == 112)
    }

    @Test func identifiersAreReadFreeTextIsKept() {
        let read = AdverseEventPatientReport.read(["Headache", "itchy", "distantSpread", "headache", "increasedPain", "DYSPHAGIA"])
        #expect(read.kinds == [.headache, .distantSpread, .dysphagia])
        // The identifier as written in the list, once; the patient's own words as written.
        #expect(read.stored == ["headache", "itchy", "distantSpread", "increasedPain", "dysphagia"])
        #expect(read.urgentKinds == [.distantSpread, .dysphagia])
        #expect(AdverseEventPatientReport.kind(named: "increasedPain") == nil)
        #expect(AdverseEventPatientReport.kind(named: "head ache") == nil)
    }

    @Test func theWindowRunsFromTheSessionDayToDay112() {
        #expect(Self.session.adding(days: 112) == Self.day("2026-09-21"))
        #expect(AdverseEventPatientReport.isWithinWindow(sessionDate: Self.session, entryDate: Self.session))
        #expect(AdverseEventPatientReport.isWithinWindow(sessionDate: Self.session, entryDate: Self.day("2026-09-21")))
        #expect(!AdverseEventPatientReport.isWithinWindow(sessionDate: Self.session, entryDate: Self.day("2026-09-22")))
        #expect(!AdverseEventPatientReport.isWithinWindow(sessionDate: Self.session, entryDate: Self.day("2026-05-31")))
    }

    private static func plan(_ effects: [String], on entry: String, session: CalendarDate? = session,
                             onRecord: Set<AdverseEventKind> = [], open: Set<AdverseEventKind> = []) -> AdverseEventPatientReport.Plan {
        AdverseEventPatientReport.plan(AdverseEventPatientReport.read(effects), entryDate: day(entry), latestSessionDate: session,
                                       kindsOnRecord: onRecord, openAlertKinds: open)
    }

    @Test func eachKindBecomesOneEventOfTheSession() {
        let plan = Self.plan(["ptosis", "headache", "sore"], on: "2026-06-10")
        #expect(plan.sessionDate == Self.session)
        #expect(plan.newEvents == [.ptosis, .headache])
        #expect(plan.alerts.isEmpty)
        #expect(plan.urgent.isEmpty)
    }

    @Test func aKindAlreadyOnRecordForTheSessionIsNotRecordedAgain() {
        let plan = Self.plan(["ptosis", "headache"], on: "2026-06-12", onRecord: [.headache])
        #expect(plan.newEvents == [.ptosis])
    }

    @Test func day112IsInTheWindowAndDay113IsNot() {
        #expect(Self.plan(["bruising"], on: "2026-09-21").newEvents == [.bruising])
        let late = Self.plan(["bruising"], on: "2026-09-22")
        #expect(late.sessionDate == nil)
        #expect(late.newEvents.isEmpty)
    }

    @Test func urgentKindsRaiseAnAlertEvenWithoutASession() {
        let none = Self.plan(["distantSpread", "allergicReaction", "headache"], on: "2026-06-10", session: nil)
        #expect(none.newEvents.isEmpty)
        #expect(none.alerts == [.distantSpread, .allergicReaction])
        #expect(none.urgent == [.distantSpread, .allergicReaction])
        let inWindow = Self.plan(["dysphagia"], on: "2026-06-10")
        #expect(inWindow.newEvents == [.dysphagia])
        #expect(inWindow.alerts == [.dysphagia])
    }

    @Test func anOpenAlertOfTheSameKindIsNotRaisedTwiceButThePatientIsStillTold() {
        let plan = Self.plan(["distantSpread", "dysphagia"], on: "2026-06-11", onRecord: [.distantSpread], open: [.distantSpread])
        #expect(plan.newEvents == [.dysphagia])
        #expect(plan.alerts == [.dysphagia])
        #expect(plan.urgent == [.distantSpread, .dysphagia])
    }

    @Test func freeTextAloneRaisesNothing() {
        let plan = Self.plan(["a bit dizzy"], on: "2026-06-10")
        #expect(plan.newEvents.isEmpty && plan.alerts.isEmpty && plan.urgent.isEmpty)
    }

    @Test func sourcesAreClinicianAndPatient() {
        #expect(AdverseEventSource.allCases.map(\.rawValue) == ["clinician", "patient"])
    }
}
