import Fluent
import Foundation
import Testing
import TenderpointCore
@testable import TenderpointServer
import Vapor
import VaporTesting

@Suite struct WebTodayTests {
    /// Monday 16 March 2026 (GMT in London), week Mon 16 – Sun 22; the clinic opens Mon–Fri.
    static let today = CalendarDate(year: 2026, month: 3, day: 16)!
    static let london = TimeZone(identifier: "Europe/London")!

    struct Clinic {
        var patients: [String: UUID] = [:]
        var sessions: [String: UUID] = [:]
        var clinician = UUID()
    }

    /// One patient per family name, with a session on each date given for that name.
    static func clinic(_ app: Application, sessions: [(family: String, date: String)]) async throws -> Clinic {
        var clinic = Clinic()
        clinic.clinician = try await WebFixture.account(app, "clin", .clinician, displayName: "Dr Who")
        for (family, date) in sessions {
            var patient = clinic.patients[family]
            if patient == nil { patient = try await WebFixture.patient(app, given: "Pat", family: family) }
            guard let patient else { continue }
            let consent = try await TreatmentFixture.consent(app, patient: patient, recordedBy: clinic.clinician, date: "2025-01-01")
            let session = TreatmentSessionModel()
            session.id = UUID()
            session.$patient.id = patient
            session.date = date
            session.performedAt = CalendarDate(iso: date)!.start(in: london).addingTimeInterval(10 * 3600)
            session.$injector.id = clinic.clinician
            session.product = ToxinProduct.onabotulinumtoxinA.rawValue
            session.totalUnitsTenths = 400
            session.screeningJSON = "{}"
            session.acknowledgedJSON = "[]"
            session.$consent.id = consent
            session.guidance = InjectionGuidance.landmark.rawValue
            try await session.create(on: app.db)
            clinic.patients[family] = patient
            clinic.sessions[family] = session.id!
        }
        return clinic
    }

    static func appointment(_ app: Application, practitioner: UUID, patient: UUID, on date: CalendarDate, hour: Int,
                            minutes: Int = 30, kind: AppointmentKind, session: UUID? = nil) async throws {
        let appointment = AppointmentModel()
        appointment.id = UUID()
        appointment.$practitioner.id = practitioner
        appointment.$patient.id = patient
        appointment.startAt = date.start(in: london).addingTimeInterval(TimeInterval(hour * 3600))
        appointment.endAt = appointment.startAt.addingTimeInterval(TimeInterval(minutes * 60))
        appointment.kind = kind.rawValue
        appointment.status = AppointmentStatus.booked.rawValue
        appointment.$session.id = session
        try await appointment.create(on: app.db)
    }

    static func vial(_ app: Application, lot: String, expiry: String, state: VialState) async throws {
        let vial = VialModel()
        vial.id = UUID()
        vial.product = ToxinProduct.onabotulinumtoxinA.rawValue
        vial.lotNumber = lot
        vial.expiryDate = expiry
        vial.unitsTenths = 1000
        vial.state = state.rawValue
        try await vial.create(on: app.db)
    }

    @Test func theDayListsFollowUpsWindowsAppointmentsAndVials() async throws {
        try await withTestApp { app, _ in
            let clinic = try await Self.clinic(app, sessions: [
                ("Able", "2026-03-08"),    // day 8 = Mon 16
                ("Baker", "2026-03-07"),   // day 8 = Sun 15, closed → Mon 16
                ("Carter", "2026-02-23"),  // day 21 = Mon 16
                ("Dunn", "2025-12-22"),    // day 84 = Mon 16; window opens Mon 16
                ("Evans", "2025-12-28"),   // day 84 = Sun 22 → reassessment Mon 23; window opens Sun 22
                ("Fox", "2025-12-21"),     // day 84 = Sun 15 → reassessment Mon 16; window opened last week
                ("Gray", "2025-12-23"),    // window would open Tue 17 …
                ("Gray", "2026-03-02"),    // … but a later session started a new cycle (its day 8, 21 and 84 fall elsewhere)
            ])
            try await Self.appointment(app, practitioner: clinic.clinician, patient: clinic.patients["Dunn"]!, on: Self.today, hour: 10,
                                       kind: .reassessment, session: clinic.sessions["Dunn"])
            try await Self.appointment(app, practitioner: clinic.clinician, patient: clinic.patients["Evans"]!,
                                       on: CalendarDate(year: 2026, month: 3, day: 23)!, hour: 9, kind: .injection)
            try await Self.vial(app, lot: "IN30", expiry: "2026-04-15", state: .unopened)
            try await Self.vial(app, lot: "IN31", expiry: "2026-04-16", state: .unopened)
            try await Self.vial(app, lot: "DONE", expiry: "2026-03-20", state: .finished)
            try await Self.vial(app, lot: "OLD", expiry: "2026-03-10", state: .inUse)

            let calendar = try await ClinicSettingsStore.rules(on: app.db, timeZone: Self.london).calendar
            let model = try await TodayQuery.load(today: Self.today, calendar: calendar,
                                                  sections: TodayQuery.Sections(role: .clinician), on: app.db)

            #expect(model.weekStart == CalendarDate(year: 2026, month: 3, day: 16))
            #expect(model.weekEnd == CalendarDate(year: 2026, month: 3, day: 22))
            #expect(model.practitioners.map(\.name) == ["Dr Who"])
            #expect(model.practitioners.first?.appointments.map(\.time) == ["10:00–10:30"])
            #expect(model.practitioners.first?.appointments.map(\.patientName) == ["Pat Dunn"])

            let groups = try #require(model.followUps)
            #expect(groups.map(\.kind) == [.onsetCheck, .peakReview, .reassessment])
            #expect(groups[0].patients.map(\.patientName) == ["Pat Able", "Pat Baker"])
            #expect(groups[0].patients.map(\.moved) == [false, true])
            #expect(groups[1].patients.map(\.patientName) == ["Pat Carter"])
            #expect(groups[2].patients.map(\.patientName) == ["Pat Dunn", "Pat Fox"])
            #expect(groups[2].patients.map(\.moved) == [false, true])
            #expect(groups[2].patients.map(\.bookedTime) == ["10:00", nil])

            let windows = try #require(model.reinjection)
            #expect(windows.map(\.patientName) == ["Pat Dunn", "Pat Evans"])
            #expect(windows.map(\.window.earliest) == [CalendarDate(year: 2026, month: 3, day: 16)!, CalendarDate(year: 2026, month: 3, day: 22)!])
            #expect(windows.map(\.window.targetTo) == [CalendarDate(year: 2026, month: 4, day: 13)!, CalendarDate(year: 2026, month: 4, day: 19)!])
            #expect(windows.map(\.bookedInjection) == [nil, CalendarDate(year: 2026, month: 3, day: 23)!])

            let vials = try #require(model.vials)
            #expect(vials.map(\.lotNumber) == ["OLD", "IN30"])
            #expect(vials.map(\.daysLeft) == [-6, 30])
            #expect(vials.map(\.state) == ["in use", "unopened"])
            #expect(model.linksToPatients)
        }
    }

    @Test func receptionSeesTheDayWithoutStockOrClinicalLinks() async throws {
        try await withTestApp { app, _ in
            let model = TodayQuery.Sections(role: .reception)
            #expect(model.planning)
            #expect(!model.stock)
            #expect(!model.linksToPatients)
            let clinic = try await Self.clinic(app, sessions: [("Able", "2026-01-01")])
            let now = CalendarDate(Date(), in: Self.london)
            try await Self.appointment(app, practitioner: clinic.clinician, patient: clinic.patients["Able"]!, on: now, hour: 9, kind: .assessment)
            try await WebFixture.account(app, "desk", .reception)
            let browser = WebBrowser(app)
            try await browser.signIn("desk")
            let page = try await browser.get("/today")
            #expect(page.status == .ok)
            #expect(page.body.contains("Pat Able"))
            #expect(!page.body.contains("href=\"/patients/"))
            #expect(page.body.contains("Follow-ups due today"))
            #expect(!page.body.contains("Vials expiring"))
            // Each patient shown is told in their own trail.
            #expect(try await WebFixture.auditCount(app, action: "search", resource: "TodayPage", patient: clinic.patients["Able"]) == 1)
        }
    }

    /// An urgent diary report shows on Today and on the patient's page until a nurse acknowledges it
    /// with the form's button; reception never sees it.
    @Test func anUrgentPatientReportStaysUntilAcknowledged() async throws {
        try await withTestApp { app, _ in
            let nurseID = try await WebFixture.account(app, "nurse", .nurse, displayName: "Nurse Ellis")
            let patient = try await WebFixture.patient(app, given: "Pat", family: "Able")
            try await DiaryAPITests.session(app, patient: patient, clinician: nurseID, daysAgo: 12)
            try await WebFixture.account(app, "pat", .patient, patient: patient, displayName: "Pat Able")
            let portal = WebBrowser(app)
            try await portal.signIn("pat")
            try await portal.get("/portal")
            #expect(try await portal.post("/portal/diary", [("painNRS", "4"), ("sideEffects", "dysphagia")]).status == .seeOther)
            let alertID = try #require(try await AlertModel.query(on: app.db).first()?.id)

            let nurse = WebBrowser(app)
            try await nurse.signIn("nurse")
            let today = try await nurse.get("/today")
            #expect(today.body.contains("Urgent patient reports"))
            #expect(today.body.contains("Dysphagia (swallowing difficulty)"))
            #expect(today.body.contains("href=\"/patients/\(patient.uuidString)\">Pat Able</a>"))
            #expect(today.body.contains("action=\"/alerts/\(alertID.uuidString)/acknowledge\""))
            #expect(try await WebFixture.auditCount(app, action: "search", resource: "TodayPage", patient: patient) == 1)
            let page = try await nurse.get("/patients/\(patient.uuidString)")
            #expect(page.body.contains("id=\"alert-\(alertID.uuidString)\""))
            #expect(page.body.contains("name=\"return\" value=\"/patients/\(patient.uuidString)\""))
            #expect(page.body.contains("Diary, last 14 days"))
            #expect(page.body.contains("Side effects: Dysphagia (swallowing difficulty)"))

            let desk = WebBrowser(app)
            try await WebFixture.account(app, "desk", .reception)
            try await desk.signIn("desk")
            #expect(!(try await desk.get("/today")).body.contains("Urgent patient reports"))
            #expect(try await desk.post("/alerts/\(alertID.uuidString)/acknowledge", [("return", "/today")]).status == .forbidden)

            // Without the CSRF token: refused, still open.
            #expect(try await nurse.post("/alerts/\(alertID.uuidString)/acknowledge", [("return", "/today")], csrf: false).status == .forbidden)
            #expect(try await AlertModel.find(alertID, on: app.db)?.acknowledgedAt == nil)
            // Back to the patient's page; a return address off the site goes to Today instead.
            let done = try await nurse.post("/alerts/\(alertID.uuidString)/acknowledge",
                                            [("return", "/patients/\(patient.uuidString)"), ("note", "called back")])
            #expect(done.status == .seeOther)
            #expect(done.location == "/patients/\(patient.uuidString)")
            let acknowledged = try #require(try await AlertModel.find(alertID, on: app.db))
            #expect(acknowledged.acknowledgedBy == nurseID)
            #expect(acknowledged.acknowledgementNote == "called back")
            #expect(!(try await nurse.get("/today")).body.contains("Urgent patient reports"))
            #expect(!(try await nurse.get("/patients/\(patient.uuidString)")).body.contains("id=\"alert-"))
            #expect(TodayController.localPath("//evil.example/x") == "/today")
            #expect(TodayController.localPath("https://evil.example") == "/today")
            #expect(TodayController.localPath("/patients/1") == "/patients/1")
        }
    }

    @Test func aClinicianSeesTheVialsSection() async throws {
        try await withTestApp { app, _ in
            try await WebFixture.account(app, "clin", .clinician)
            let browser = WebBrowser(app)
            try await browser.signIn("clin")
            let page = try await browser.get("/today")
            #expect(page.body.contains("Vials expiring within 30 days"))
            #expect(page.body.contains("No appointments today."))
        }
    }
}
