import Fluent
import Foundation
import Testing
import TenderpointCore
@testable import TenderpointServer
import Vapor
import VaporTesting

/// Hand-made clinics for the schedule and calendar feed tests.
enum ScheduleFixture {
    static let london = TimeZone(identifier: "Europe/London")!
    /// Monday 18 March 2030: far enough ahead that every slot of its week is still to come. London
    /// is on GMT until 31 March 2030, so clinic times equal UTC times that week.
    static let monday = CalendarDate(year: 2030, month: 3, day: 18)!

    @discardableResult
    static func appointment(_ app: Application, practitioner: UUID, patient: UUID, start: Date, minutes: Int = 30,
                            kind: AppointmentKind = .assessment, status: AppointmentStatus = .booked,
                            note: String? = nil) async throws -> UUID {
        let appointment = AppointmentModel()
        appointment.id = UUID()
        appointment.$practitioner.id = practitioner
        appointment.$patient.id = patient
        appointment.startAt = start
        appointment.endAt = start.addingTimeInterval(TimeInterval(minutes * 60))
        appointment.kind = kind.rawValue
        appointment.status = status.rawValue
        appointment.note = note
        try await appointment.create(on: app.db)
        return appointment.id!
    }

    /// `hour:minute` on the clinic's clock on `date`.
    static func at(_ date: CalendarDate, _ hour: Int, _ minute: Int = 0) -> Date {
        ClinicCalendar.standard.instant(date, minute: hour * 60 + minute)
    }

    /// A recorded toxin session on `date` (what the interval rule counts).
    static func session(_ app: Application, patient: UUID, injector: UUID, date: String) async throws {
        let consent = try await TreatmentFixture.consent(app, patient: patient, recordedBy: injector, date: "2025-01-01")
        let session = TreatmentSessionModel()
        session.id = UUID()
        session.$patient.id = patient
        session.date = date
        session.performedAt = CalendarDate(iso: date)!.start(in: london).addingTimeInterval(10 * 3600)
        session.$injector.id = injector
        session.product = ToxinProduct.onabotulinumtoxinA.rawValue
        session.totalUnitsTenths = 400
        session.screeningJSON = "{}"
        session.acknowledgedJSON = "[]"
        session.$consent.id = consent
        session.guidance = InjectionGuidance.landmark.rawValue
        try await session.create(on: app.db)
    }

    static func count(_ text: String, in body: String) -> Int {
        body.components(separatedBy: text).count - 1
    }
}

@Suite struct ScheduleWeekTests {
    static func slot(_ hour: Int, _ minute: Int = 0) -> ScheduleWeekPage.Slot {
        ScheduleWeekPage.Slot(start: ScheduleFixture.at(ScheduleFixture.monday, hour, minute), date: ScheduleFixture.monday,
                              time: String(format: "%02d:%02d", hour, minute))
    }

    @Test func aWeekStartsOnTheMondayOnOrBeforeTheDate() {
        #expect(ScheduleWeekQuery.weekStart(of: CalendarDate(year: 2030, month: 3, day: 24)!) == ScheduleFixture.monday)
        #expect(ScheduleWeekQuery.weekStart(of: ScheduleFixture.monday) == ScheduleFixture.monday)
        #expect(ScheduleWeekQuery.weekStart(of: CalendarDate(year: 2030, month: 3, day: 17)!) == CalendarDate(year: 2030, month: 3, day: 11)!)
    }

    @Test func freeSlotsAroundAnAppointmentComeFromThePractitionersSchedule() {
        let patient = UUID()
        let booked = AppointmentDTO(id: UUID(), practitionerId: UUID(), practitionerName: "Dr Who", patientId: patient,
                                    patientName: "Ada Lovelace", start: ScheduleFixture.at(ScheduleFixture.monday, 10),
                                    end: ScheduleFixture.at(ScheduleFixture.monday, 10, 30), durationMinutes: 30, kind: .injection,
                                    status: .booked, note: nil, overrideReason: nil, sessionId: nil, createdAt: nil)
        let cancelled = AppointmentDTO(id: UUID(), practitionerId: UUID(), practitionerName: "Dr Who", patientId: patient,
                                       patientName: "Ada Lovelace", start: ScheduleFixture.at(ScheduleFixture.monday.adding(days: 1), 9),
                                       end: ScheduleFixture.at(ScheduleFixture.monday.adding(days: 1), 9, 30), durationMinutes: 30,
                                       kind: .assessment, status: .cancelled, note: nil, overrideReason: nil, sessionId: nil, createdAt: nil)
        // Wednesdays 13:00–15:00 only, Monday and Tuesday the clinic's 09:00–17:00.
        let schedule = PractitionerSchedule(calendar: .standard, windows: [
            .monday: [OpeningHours.standard], .tuesday: [OpeningHours.standard], .wednesday: [try! OpeningHours(open: 780, close: 900)],
        ])
        let days = ScheduleWeekQuery.days(weekStart: ScheduleFixture.monday, appointments: [booked, cancelled], schedule: schedule,
                                          now: ScheduleFixture.at(ScheduleFixture.monday, 9, 10))
        // Mon–Fri open; Saturday and Sunday closed and empty, so not shown.
        #expect(days.map(\.date.day) == [18, 19, 20, 21, 22])
        let monday = days[0]
        // 09:00 has begun at 09:10, so it is not offered; 09:30, then the appointment, then 10:30 to 16:30.
        #expect(monday.items.count == 3)
        let expected = ["09:30", "10:30", "11:00", "11:30", "12:00", "12:30", "13:00", "13:30", "14:00", "14:30", "15:00", "15:30",
                        "16:00", "16:30"]
        #expect(monday.slots.map(\.time) == expected)
        #expect(monday.slots.count == 14)
        #expect(monday.appointments.map(\.time) == ["10:00–10:30"])
        // A cancelled appointment shows but frees its time.
        #expect(days[1].appointments.map(\.status) == [.cancelled])
        #expect(days[1].slots.count == 16)
        #expect(days[1].slots.first?.time == "09:00")
        #expect(days[2].slots.map(\.time) == ["13:00", "13:30", "14:00", "14:30"])
        #expect(days[3].slots.isEmpty)
    }

    @Test func itemsRunInTimeOrderWithFreeSlotsGroupedBetweenAppointments() {
        let appointment = ScheduleWeekPage.Appointment(id: UUID(), start: ScheduleFixture.at(ScheduleFixture.monday, 10), time: "10:00–10:30",
                                                       patientID: UUID(), patientName: "Ada Lovelace", kind: .injection, status: .booked,
                                                       overridden: false)
        let items = ScheduleWeekQuery.items(appointments: [appointment], slots: [Self.slot(11), Self.slot(9), Self.slot(9, 30)])
        #expect(items == [.free([Self.slot(9), Self.slot(9, 30)]), .appointment(appointment), .free([Self.slot(11)])])
        #expect(ScheduleWeekQuery.items(appointments: [], slots: []) == [])
    }

    @Test func receptionSeesAPractitionersWeekWithBookLinksAndNoClinicalLinks() async throws {
        try await withTestApp { app, _ in
            let okafor = try await WebFixture.account(app, "okafor", .clinician, displayName: "Dr Okafor")
            _ = try await WebFixture.account(app, "adams", .clinician, displayName: "Dr Adams")
            let ada = try await WebFixture.patient(app)
            try await ScheduleFixture.appointment(app, practitioner: okafor, patient: ada, start: ScheduleFixture.at(ScheduleFixture.monday, 10),
                                                  kind: .injection)
            try await WebFixture.account(app, "desk", .reception)
            let browser = WebBrowser(app)
            try await browser.signIn("desk")

            // Reception is no practitioner: the first by name (Dr Adams) is shown by default.
            let first = try await browser.get("/schedule?week=2030-03-20")
            #expect(first.status == .ok)
            #expect(first.body.contains("<h1>Schedule: Dr Adams</h1>"))
            #expect(!first.body.contains("Ada Lovelace"))

            let page = try await browser.get("/schedule?practitioner=\(okafor.uuidString)&week=2030-03-20")
            #expect(page.status == .ok)
            #expect(page.body.contains("<h1>Schedule: Dr Okafor</h1>"))
            #expect(page.body.contains("Week of Mon 18 Mar 2030 – Sun 24 Mar 2030"))
            #expect(page.body.contains("10:00–10:30"))
            #expect(page.body.contains("<span>Ada Lovelace</span>"))
            #expect(!page.body.contains("href=\"/patients/"))
            #expect(page.body.contains("Injection session"))
            // Monday: 16 half hours less the booked one; Tuesday to Friday: 16 each.
            #expect(ScheduleFixture.count("class=\"slot\" href=\"/schedule/book?", in: page.body) == 15 + 4 * 16)
            #expect(page.body.contains("href=\"/schedule/book?practitioner=\(okafor.uuidString)&amp;date=2030-03-18&amp;time=10:30\""))
            #expect(!page.body.contains("date=2030-03-18&amp;time=10:00\""))
            #expect(page.body.contains("<span class=\"visually-hidden\">Book </span>10:30<span class=\"visually-hidden\"> on Mon 18 Mar 2030</span>"))
            #expect(page.body.contains("action=\"/schedule/appointments/"))
            #expect(page.body.contains("href=\"/schedule?practitioner=\(okafor.uuidString)&amp;week=2030-03-11\""))
            #expect(page.body.contains("href=\"/schedule?practitioner=\(okafor.uuidString)&amp;week=2030-03-25\""))
            // No feed for reception: feeds are a practitioner's own.
            #expect(!page.body.contains("Your calendar feed"))
            #expect(try await WebFixture.auditCount(app, action: "search", resource: "Appointment", patient: ada) == 1)
        }
    }

    @Test func aClinicianSeesTheirOwnWeekWithLinksToPatientsAndTheirFeed() async throws {
        try await withTestApp { app, _ in
            _ = try await WebFixture.account(app, "adams", .clinician, displayName: "Dr Adams")
            let okafor = try await WebFixture.account(app, "okafor", .clinician, displayName: "Dr Okafor")
            let ada = try await WebFixture.patient(app)
            try await ScheduleFixture.appointment(app, practitioner: okafor, patient: ada, start: ScheduleFixture.at(ScheduleFixture.monday, 10))
            let browser = WebBrowser(app)
            try await browser.signIn("okafor")
            let page = try await browser.get("/schedule?week=2030-03-18")
            #expect(page.body.contains("<h1>Schedule: Dr Okafor</h1>"))
            #expect(page.body.contains("<a href=\"/patients/\(ada.uuidString)\">Ada Lovelace</a>"))
            #expect(page.body.contains("Your calendar feed"))
            #expect(page.body.contains("No feed link yet."))
        }
    }

    @Test func anAdminSeesTheWeekButCannotBookOrCancel() async throws {
        try await withTestApp { app, _ in
            let okafor = try await WebFixture.account(app, "okafor", .clinician, displayName: "Dr Okafor")
            let ada = try await WebFixture.patient(app)
            try await ScheduleFixture.appointment(app, practitioner: okafor, patient: ada, start: ScheduleFixture.at(ScheduleFixture.monday, 10))
            try await WebFixture.account(app, "boss", .admin)
            let browser = WebBrowser(app)
            try await browser.signIn("boss")
            let page = try await browser.get("/schedule?week=2030-03-18")
            #expect(page.status == .ok)
            #expect(page.body.contains("Ada Lovelace"))
            #expect(!page.body.contains("/schedule/book?"))
            #expect(!page.body.contains("/cancel\""))
            #expect(try await browser.get("/schedule/book").status == .forbidden)
        }
    }

    @Test func aPatientMayNotOpenTheSchedule() async throws {
        try await withTestApp { app, _ in
            let ada = try await WebFixture.patient(app)
            try await WebFixture.account(app, "ada", .patient, patient: ada)
            let browser = WebBrowser(app)
            try await browser.signIn("ada")
            #expect(try await browser.get("/schedule").status == .forbidden)
            #expect(try await browser.get("/schedule/book").status == .forbidden)
            #expect(try await WebFixture.auditCount(app, action: "denied", resource: "Appointment") == 2)
        }
    }

    @Test func signedOutTheScheduleAsksForSignIn() async throws {
        try await withTestApp { app, _ in
            let page = try await WebBrowser(app).get("/schedule")
            #expect(page.status == .seeOther)
            #expect(page.location?.hasPrefix("/login") == true)
        }
    }

    @Test func aBadWeekOrPractitionerIsRefusedNamingTheField() async throws {
        try await withTestApp { app, _ in
            try await WebFixture.account(app, "desk", .reception)
            let browser = WebBrowser(app)
            try await browser.signIn("desk")
            let week = try await browser.get("/schedule?week=next")
            #expect(week.status == .unprocessableEntity)
            #expect(week.body.contains("week must be a date YYYY-MM-DD."))
            let practitioner = try await browser.get("/schedule?practitioner=\(UUID().uuidString)")
            #expect(practitioner.status == .unprocessableEntity)
            #expect(practitioner.body.contains("practitioner must be the id of an active clinician or nurse."))
        }
    }

    @Test func aPatientNamedLikeScriptShowsAsText() async throws {
        try await withTestApp { app, _ in
            let okafor = try await WebFixture.account(app, "okafor", .clinician, displayName: "Dr Okafor")
            let evil = try await WebFixture.patient(app, given: "<script>alert(1)</script>", family: "\"Quote")
            try await ScheduleFixture.appointment(app, practitioner: okafor, patient: evil, start: ScheduleFixture.at(ScheduleFixture.monday, 10))
            let browser = WebBrowser(app)
            try await browser.signIn("okafor")
            let page = try await browser.get("/schedule?week=2030-03-18")
            #expect(!page.body.contains("<script>alert(1)"))
            #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;Quote"))
        }
    }
}
