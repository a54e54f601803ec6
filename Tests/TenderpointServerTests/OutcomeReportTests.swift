import Foundation
import Testing
import TenderpointCore
@testable import TenderpointServer
import Vapor

/// A small clinic built by hand, so every figure of the report can be worked out on paper.
/// Day N is a session's date plus N days.
///
/// - Patient A, session S1 on 2025-01-06, 100 U onabotulinumtoxinA (clinician). Diary 8 on days
///   −14 … 4, 4 on days 5 … 60, 8 on days 61 … 120. Smoothed (trimmed 7-day mean, windows cut at
///   day 1): day 3 = 7, day 4 = 6.4 (onset: 8 − 6.4 ≥ 0.3 × 4), day 7 = 4 (peak, −50 %), day 61 =
///   6.4, day 62 = 7.2 (wear-off: 8 − 7.2 ≤ 0.3 × 4). Assessments: day −7 NRS 8, FIQR 60; day 21
///   NRS 4, FIQR 45; day 84 NRS 8. Row: baseline 8, week 3 4, week 12 8, benefit 62 days, event 1.
///   Adverse events: bruising (mild), headache (moderate).
/// - Patient B, S2 on 2025-01-06, 120 U, and S3 90 days later (2025-04-06), 150 U. Diary 6 on days
///   −14 … 4, 3 on days 5 … 100. S2: baseline 6, peak 3 on day 7, no review assessments, so weeks
///   3 and 12 read the curve (3 and 3: −50 %); still 3 on day 89, the day before S3: censored at
///   89. S3: baseline 3 (days 76 … 89 of S2), 3 on its days 1 … 10: no response, no review scores.
///   Adverse event on S2: bruising (mild).
/// - Patient C, S4 on 2025-02-03, 80 U, nothing recorded around it: not enough data.
/// - Patient D, S5 on 2025-03-03, 50 U incobotulinumtoxinA (nurse). Assessments only: day 0 NRS
///   5, FIQR 50 (pre-injection); day 23 NRS 4, FIQR 40. Baseline 5; week 3 4 (−20 %, not a
///   responder); one score after the session is no curve: not enough data.
enum OutcomeClinic {
    static let patientA = UUID(uuidString: "00000000-0000-4000-8000-0000000000A1")!
    static let patientB = UUID(uuidString: "00000000-0000-4000-8000-0000000000B1")!
    static let patientC = UUID(uuidString: "00000000-0000-4000-8000-0000000000C1")!
    static let patientD = UUID(uuidString: "00000000-0000-4000-8000-0000000000D1")!
    static let s1 = UUID(uuidString: "00000000-0000-4000-8000-000000000051")!
    static let s2 = UUID(uuidString: "00000000-0000-4000-8000-000000000052")!
    static let s3 = UUID(uuidString: "00000000-0000-4000-8000-000000000053")!
    static let s4 = UUID(uuidString: "00000000-0000-4000-8000-000000000054")!
    static let s5 = UUID(uuidString: "00000000-0000-4000-8000-000000000055")!

    static let day0 = CalendarDate(iso: "2025-01-06")!

    struct Session {
        let id: UUID
        let patient: UUID
        let date: CalendarDate
        let product: ToxinProduct
        let units: Units
        let byNurse: Bool
    }

    static let sessions = [
        Session(id: s1, patient: patientA, date: day0, product: .onabotulinumtoxinA, units: Units(100), byNurse: false),
        Session(id: s2, patient: patientB, date: day0, product: .onabotulinumtoxinA, units: Units(120), byNurse: false),
        Session(id: s3, patient: patientB, date: day0.adding(days: 90), product: .onabotulinumtoxinA, units: Units(150), byNurse: false),
        Session(id: s4, patient: patientC, date: CalendarDate(iso: "2025-02-03")!, product: .onabotulinumtoxinA, units: Units(80),
                byNurse: false),
        Session(id: s5, patient: patientD, date: CalendarDate(iso: "2025-03-03")!, product: .incobotulinumtoxinA, units: Units(50),
                byNurse: true),
    ]

    static var diary: [(patient: UUID, date: CalendarDate, pain: Int)] {
        let a = (-14...120).filter { $0 != 0 }.map { day in (patientA, day0.adding(days: day), day <= 4 || day > 60 ? 8 : 4) }
        let b = (-14...100).filter { $0 != 0 && $0 != 90 }.map { day in (patientB, day0.adding(days: day), day <= 4 ? 6 : 3) }
        return a + b
    }

    static let assessments: [(patient: UUID, date: CalendarDate, pain: Int?, fiqr: Double?)] = [
        (patientA, day0.adding(days: -7), 8, 60), (patientA, day0.adding(days: 21), 4, 45), (patientA, day0.adding(days: 84), 8, nil),
        (patientD, CalendarDate(iso: "2025-03-03")!, 5, 50), (patientD, CalendarDate(iso: "2025-03-26")!, 4, 40),
    ]

    static let adverseEvents: [(patient: UUID, session: UUID, kind: AdverseEventKind, severity: AdverseEventSeverity)] = [
        (patientA, s1, .bruising, .mild), (patientA, s1, .headache, .moderate), (patientB, s2, .bruising, .mild),
    ]

    static let expectedCSV = """
        patientId,sessionId,sessionDate,product,totalUnits,baselineNRS,week3NRS,week12NRS,benefitDays,event\r
        00000000-0000-4000-8000-0000000000A1,00000000-0000-4000-8000-000000000051,2025-01-06,onabotulinumtoxinA,100,8,4,8,62,1\r
        00000000-0000-4000-8000-0000000000B1,00000000-0000-4000-8000-000000000052,2025-01-06,onabotulinumtoxinA,120,6,3,3,89,0\r
        00000000-0000-4000-8000-0000000000B1,00000000-0000-4000-8000-000000000053,2025-04-06,onabotulinumtoxinA,150,3,,,,\r
        00000000-0000-4000-8000-0000000000C1,00000000-0000-4000-8000-000000000054,2025-02-03,onabotulinumtoxinA,80,,,,,\r
        00000000-0000-4000-8000-0000000000D1,00000000-0000-4000-8000-000000000055,2025-03-03,incobotulinumtoxinA,50,5,4,,,\r

        """

    static func records(clinician: UUID, nurse: UUID) -> [OutcomePatientRecords] {
        [patientA, patientB, patientC, patientD].map { patient in
            OutcomePatientRecords(
                patientID: patient,
                sessions: sessions.filter { $0.patient == patient }.map {
                    OutcomePatientRecords.Session(id: $0.id, date: $0.date, performedAt: Date(timeIntervalSince1970: Double($0.date.daysSinceEpoch) * 86_400 + 36_000),
                                                  product: $0.product.rawValue, totalUnits: $0.units, injectorID: $0.byNurse ? nurse : clinician)
                },
                diary: diary.filter { $0.patient == patient }.map { PainObservation(date: $0.date, nrs: Double($0.pain), source: .diary) },
                assessments: assessments.filter { $0.patient == patient }.map {
                    AssessmentScores(date: $0.date, painNRS: $0.pain.map(Double.init), fiqrTotal: $0.fiqr)
                })
        }
    }

    /// The same clinic as database rows (the tables the demo writes), with consents and patients.
    static func write(_ app: Application, clinician: UUID, nurse: UUID) async throws {
        var batch = DemoBatch()
        let now = Date()
        let consent = [patientA: UUID(), patientB: UUID(), patientC: UUID(), patientD: UUID()]
        for (index, patient) in [patientA, patientB, patientC, patientD].enumerated() {
            batch.add(.patients, [patient, "Test", "Patient\(index)", "1970-01-01", "female", String?.none, String?.none,
                                  String?.none, String?.none, "test patient\(index)", now, now])
            batch.add(.consents, [consent[patient]!, patient, "2024-12-01", "v1", "Test Patient", clinician, String?.none, now])
        }
        for record in records(clinician: clinician, nurse: nurse) {
            for session in record.sessions {
                batch.add(.sessions, [session.id, record.patientID, session.date.iso, session.performedAt, session.injectorID,
                                      UUID?.none, session.product, session.totalUnits.tenths, "{}", "[]", consent[record.patientID]!,
                                      "landmark", String?.none, String?.none, now])
            }
        }
        for entry in diary {
            batch.add(.diaryEntries, [UUID(), entry.patient, now, entry.date.iso, entry.pain, Int?.none, Int?.none, String?.none,
                                      String?.none, String?.none, clinician, now])
        }
        for assessment in assessments {
            batch.add(.assessments, [UUID(), assessment.patient, assessment.date.iso, now, clinician, String?.none, Int?.none,
                                     Bool?.none, String?.none, Int?.none, Int?.none, Int?.none, Bool?.none, String?.none,
                                     assessment.fiqr, assessment.pain, Int?.none, String?.none, now])
        }
        for event in adverseEvents {
            let date = sessions.first { $0.id == event.session }!.date
            batch.add(.adverseEvents, [UUID(), event.patient, event.session, event.kind.rawValue, date.adding(days: 1).iso,
                                       event.severity.rawValue, false, String?.none, String?.none, clinician, now])
        }
        try await DemoWriter.write(batch, on: app.db)
    }

    /// A day long after every session, so no follow-up is still under way.
    static let later = CalendarDate(iso: "2025-12-01")!

    static func rows(_ filter: OutcomeFilter = OutcomeFilter(), today: CalendarDate = later, clinician: UUID = UUID(),
                     nurse: UUID = UUID()) -> [OutcomeCycleRow] {
        records(clinician: clinician, nurse: nurse).flatMap { record in
            record.readings().filter { session, _ in
                filter.includes(date: session.date, product: ToxinProduct(rawValue: session.product), totalUnits: session.totalUnits,
                                injector: session.injectorID)
            }.map { OutcomeCycleRow(patientID: record.patientID, session: $0.session, reading: $0.reading, today: today) }
        }
    }

    static var events: [OutcomeAdverseEvent] {
        adverseEvents.map { OutcomeAdverseEvent(sessionID: $0.session, kind: $0.kind.rawValue, severity: $0.severity.rawValue, serious: false) }
    }
}

@Suite struct OutcomeReportTests {
    @Test func theCycleRowsAsWorkedOutOnPaper() {
        let rows = OutcomeClinic.rows()
        let csv = ([OutcomeCycleRow.csvHeader] + rows.map(\.csvLine)).map { $0 + "\r\n" }.joined()
        #expect(csv == OutcomeClinic.expectedCSV)
        #expect(rows.map(\.verdict) == [.responded, .responded, .notResponded, .notEnoughData, .notEnoughData])
    }

    @Test func aRecentSessionWithoutAResponseYetIsNotANonResponse() {
        // On 2025-04-16, S3 is 10 days old and S5 44 days: their peak windows (56 days) are still
        // open. S2 has a next session, and S4 has no baseline at all, so nothing will change them.
        let rows = OutcomeClinic.rows(today: CalendarDate(iso: "2025-04-16")!)
        #expect(rows.map(\.verdict) == [.responded, .responded, .followUpUnderWay, .notEnoughData, .followUpUnderWay])
        // Day 56 closes the window.
        let closed = OutcomeClinic.rows(today: OutcomeClinic.day0.adding(days: 90 + 56))
        #expect(closed[2].verdict == .notResponded)
        #expect(OutcomeClinic.rows(today: OutcomeClinic.day0.adding(days: 90 + 55))[2].verdict == .followUpUnderWay)
        // The CSV does not change with the day: only the curve counts do.
        #expect(rows.map(\.csvLine) == OutcomeClinic.rows().map(\.csvLine))
    }

    @Test func theReportFromThoseRows() throws {
        let report = try OutcomeReportAssembly.report(rows: OutcomeClinic.rows(), adverseEvents: OutcomeClinic.events,
                                                      filter: OutcomeFilter())
        #expect(report.label == "observed in this clinic (uncontrolled)")
        #expect(report.patients == 4)
        #expect(report.sessions == 5)
        #expect(report.curves == OutcomeDTO.CurveCounts(responded: 2, notResponded: 1, notEnoughData: 2, followUpUnderWay: 0))
        // Week 3: S1 8 → 4 (50 %), S2 6 → 3 (50 %), S5 5 → 4 (20 %).
        #expect(report.responders.week3.evaluated == 3)
        #expect(report.responders.week3.atLeast30 == OutcomeDTO.Proportion(count: 2, n: 3))
        #expect(report.responders.week3.atLeast50.count == 2)
        #expect(report.responders.week3.atLeast30.rate == 2.0 / 3.0)
        // Week 12: S1 8 → 8 (0 %), S2 6 → 3 (50 %).
        #expect(report.responders.week12.evaluated == 2)
        #expect(report.responders.week12.atLeast30.count == 1)
        #expect(report.responders.week12.atLeast50.count == 1)

        // Kaplan–Meier: S1 wore off on day 62, S2 censored on day 89: S(62) = 1/2, the median.
        let km = report.kaplanMeier
        #expect(km.cycles == 2 && km.wearOffs == 1 && km.censored == 1)
        #expect(km.times == [62])
        #expect(km.survival == [0.5])
        #expect(km.median == 62)
        // Greenwood V = 1 ÷ (2 × 1); the log-log band at S = ½: the lower limit falls below ½ at
        // day 62, the upper (0.91) never does.
        let w = Proportion.z95 * 0.5.squareRoot() / log(0.5)
        let lower = exp(-exp(log(-log(0.5)) - w)), upper = exp(-exp(log(-log(0.5)) + w))
        #expect(abs(km.lower95[0] - lower) < 1e-12 && abs(km.upper95[0] - upper) < 1e-12)
        #expect(abs(upper - 0.9104) < 1e-4)
        #expect(km.medianCI95 == [62, nil])

        // Adverse events: 3 in 5 sessions, 2 sessions with any; bruising in 2 sessions, headache in 1.
        let adverse = report.adverseEvents
        #expect(adverse.events == 3 && adverse.sessions == 5 && adverse.eventsPerSession == 0.6)
        #expect(adverse.sessionsWithAny == OutcomeDTO.Proportion(count: 2, n: 5))
        #expect(adverse.bySeverity == OutcomeDTO.SeverityCounts(mild: 2, moderate: 1, severe: 0))
        #expect(adverse.bySource.patient.events == 0 && adverse.bySource.clinician.events == 3)
        #expect(adverse.byKind.map(\.kind) == ["bruising", "headache"])
        #expect(adverse.byKind[0].sessions == OutcomeDTO.Proportion(count: 2, n: 5))
        #expect(adverse.byKind[1].bySeverity == OutcomeDTO.SeverityCounts(mild: 0, moderate: 1, severe: 0))

        // FIQR at week 3: S1 60 → 45 (−15), S5 50 → 40 (−10): mean −12.5, SD √12.5; both ≥ 14 % better.
        let fiqr = report.fiqr.week3
        #expect(fiqr.n == 2 && fiqr.meanBefore == 55 && fiqr.meanAfter == 42.5 && fiqr.meanChange == -12.5)
        #expect(abs((fiqr.standardDeviation ?? 0) - 12.5.squareRoot()) < 1e-12)
        #expect(fiqr.improvedByMCID == OutcomeDTO.Proportion(count: 2, n: 2))
        #expect(report.fiqr.week12.n == 0 && report.fiqr.week12.meanChange == nil)
    }

    /// Patient-reported events count in every figure and again by source; one not yet assessed
    /// has its own severity column.
    @Test func adverseEventsBySource() throws {
        let reported = OutcomeAdverseEvent(sessionID: OutcomeClinic.s2, kind: "distantSpread", severity: "notYetAssessed",
                                           serious: false, source: "patient")
        let report = try OutcomeReportAssembly.report(rows: OutcomeClinic.rows(), adverseEvents: OutcomeClinic.events + [reported],
                                                      filter: OutcomeFilter())
        let adverse = report.adverseEvents
        // 4 events in 5 sessions; S1 and S2 have any (2 of 5).
        #expect(adverse.events == 4 && adverse.eventsPerSession == 0.8)
        #expect(adverse.sessionsWithAny == OutcomeDTO.Proportion(count: 2, n: 5))
        #expect(adverse.bySeverity == OutcomeDTO.SeverityCounts(mild: 2, moderate: 1, severe: 0, notYetAssessed: 1))
        #expect(adverse.bySource.clinician == OutcomeDTO.SourceFigure(events: 3, sessions: OutcomeDTO.Proportion(count: 2, n: 5), serious: 0))
        #expect(adverse.bySource.patient == OutcomeDTO.SourceFigure(events: 1, sessions: OutcomeDTO.Proportion(count: 1, n: 5), serious: 0))
        #expect(adverse.byKind.map(\.kind) == ["bruising", "headache", "distantSpread"])
        #expect(adverse.byKind.map(\.bySource) == [OutcomeDTO.KindSourceCounts(clinician: 2, patient: 0),
                                                    OutcomeDTO.KindSourceCounts(clinician: 1, patient: 0),
                                                    OutcomeDTO.KindSourceCounts(clinician: 0, patient: 1)])
        // The terminal report says it too.
        let text = OutcomeReportText.render(report)
        #expect(text.contains("by source: 3 recorded by the clinic, 1 reported by the patient; 1 not yet assessed"))
    }

    @Test func anEmptySelectionHasNoRatesAndNoCurve() throws {
        let report = try OutcomeReportAssembly.report(rows: [], adverseEvents: [], filter: OutcomeFilter())
        #expect(report.sessions == 0 && report.patients == 0)
        #expect(report.responders.week3.atLeast30.rate == nil)
        #expect(report.responders.week3.atLeast30.ci95 == [nil, nil])
        #expect(report.kaplanMeier.times.isEmpty && report.kaplanMeier.median == nil && report.kaplanMeier.medianCI95 == [nil, nil])
        #expect(report.adverseEvents.eventsPerSession == nil)
    }

    @Test func filtersChooseSessionsButEveryLaterSessionStillEndsACycle() {
        // From 2025-04-01: only S3; its row is the same as in the full report.
        let later = OutcomeClinic.rows(OutcomeFilter(from: CalendarDate(iso: "2025-04-01")))
        #expect(later.map(\.sessionID) == [OutcomeClinic.s3])
        #expect(later.first?.csvLine == OutcomeClinic.rows()[2].csvLine)
        // The dose band 110–200 U of onabotulinumtoxinA: S2 and S3; S2 is still censored at S3.
        let band = OutcomeClinic.rows(OutcomeFilter(product: .onabotulinumtoxinA, minimumUnits: Units(110), maximumUnits: Units(200)))
        #expect(band.map(\.sessionID) == [OutcomeClinic.s2, OutcomeClinic.s3])
        #expect(band.first?.benefit == BenefitDuration(days: 89, wearOffObserved: false))
        let nurse = UUID()
        #expect(OutcomeClinic.rows(OutcomeFilter(injector: nurse), nurse: nurse).map(\.sessionID) == [OutcomeClinic.s5])
    }

    @Test func filterTextIsCheckedFieldByField() throws {
        func problems(_ text: OutcomeFilter.Text) -> [String] {
            do {
                _ = try OutcomeFilter(text)
                return []
            } catch let problems as Problems {
                return problems.all.map { "\($0.code.rawValue)@\($0.field ?? "-")" }
            } catch {
                return ["unexpected"]
            }
        }
        #expect(problems(OutcomeFilter.Text(from: "2025-13-01")) == ["invalid_date@from"])
        #expect(problems(OutcomeFilter.Text(from: "2025-02-01", to: "2025-01-31")) == ["invalid_date@to"])
        #expect(problems(OutcomeFilter.Text(product: "botox")) == ["unknown_identifier@product"])
        #expect(problems(OutcomeFilter.Text(minUnits: "100")) == ["invalid_value@minUnits"])
        #expect(problems(OutcomeFilter.Text(product: "onabotulinumtoxinA", minUnits: "12.55")) == ["invalid_value@minUnits"])
        #expect(problems(OutcomeFilter.Text(product: "onabotulinumtoxinA", minUnits: "-5")) == ["invalid_value@minUnits"])
        #expect(problems(OutcomeFilter.Text(product: "onabotulinumtoxinA", minUnits: "200", maxUnits: "100")) == ["invalid_value@maxUnits"])
        #expect(problems(OutcomeFilter.Text(injector: "someone")) == ["invalid_value@injector"])
        let filter = try OutcomeFilter(OutcomeFilter.Text(from: "2025-01-01", to: "2025-12-31", product: "incobotulinumtoxinA",
                                                          minUnits: "12.5", maxUnits: "100"))
        #expect(filter == OutcomeFilter(from: CalendarDate(iso: "2025-01-01"), to: CalendarDate(iso: "2025-12-31"),
                                        product: .incobotulinumtoxinA, minimumUnits: Units(tenths: 125), maximumUnits: Units(100)))
    }

    @Test func theDiaryReadsBackFromItsTextForm() {
        let entries = OutcomeCycleQuery.diaryEntries("2025-01-06:7,2025-01-07:10,2025-02-30:5,2025-01-08:x,2025-1-09:3,2025-01-10:0")
        #expect(entries == [
            PainObservation(date: CalendarDate(iso: "2025-01-06")!, nrs: 7, source: .diary),
            PainObservation(date: CalendarDate(iso: "2025-01-07")!, nrs: 10, source: .diary),
            PainObservation(date: CalendarDate(iso: "2025-01-10")!, nrs: 0, source: .diary),
        ])
        #expect(OutcomeCycleQuery.diaryEntries("").isEmpty)
        #expect(OutcomeCycleQuery.date("2024-02-29") == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(OutcomeCycleQuery.date("2025-02-29") == nil)
        #expect(OutcomeCycleQuery.date("2025-0a-01") == nil)
    }

    @Test func numbersInTheCSVReadBackExactly() {
        #expect(OutcomeCycleRow.number(6) == "6")
        #expect(OutcomeCycleRow.number(16.0 / 3.0) == "5.333333333333333")
        #expect(Double(OutcomeCycleRow.number(16.0 / 3.0)) == 16.0 / 3.0)
        #expect(OutcomeCycleRow.number(6.5) == "6.5")
        #expect(OutcomeCycleRow.number(nil) == "")
        #expect(OutcomeCycleRow.number(.nan) == "")
    }

    @Test func theTerminalReport() throws {
        let report = try OutcomeReportAssembly.report(rows: OutcomeClinic.rows(), adverseEvents: OutcomeClinic.events,
                                                      filter: OutcomeFilter())
        let text = OutcomeReportText.render(report)
        #expect(text.contains("Outcome report — observed in this clinic (uncontrolled)"))
        #expect(text.contains("4 patients, 5 sessions (response curve: 2 responded, 1 did not, 2 not enough data, 0 follow-up under way)"))
        #expect(text.contains("median 62 days (95% CI 62–not reached)"))
        // 2 of 3 at week 3: 66.7 %.
        #expect(text.contains("66.7% ("))
        #expect(text.contains("2/3"))
        #expect(text.contains("still benefiting at day 56: 100%, day 84: 50%, day 112: 50%"))
        #expect(text.contains("Bruising"))
        #expect(OutcomeReportText.count(1_234_567) == "1,234,567")
    }
}
