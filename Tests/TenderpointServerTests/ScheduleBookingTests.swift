import Fluent
import Foundation
import Testing
import TenderpointCore
@testable import TenderpointServer
import Vapor
import VaporTesting

@Suite struct ScheduleBookingTests {
    struct Clinic {
        let practitioner: UUID
        let patient: UUID
        let browser: WebBrowser
    }

    /// The Monday the bookings are made on: 16 weeks or more ahead, as appointments may be booked at
    /// most 2 years ahead (DOMAIN.md §4), in a month and week where no UK bank holiday falls
    /// (February, June, September to November, days 8–28), so the clinic is open.
    static let monday: CalendarDate = {
        var day = CalendarDate(Date(), in: ScheduleFixture.london).adding(days: 112)
        while day.weekday != .monday || ![2, 6, 9, 10, 11].contains(day.month) || !(8...28).contains(day.day) {
            day = day.adding(days: 1)
        }
        return day
    }()

    /// Dr Okafor, Ada Lovelace with her last session on `lastSession`, and `username` signed in.
    static func clinic(_ app: Application, lastSession: String?, signIn username: String, role: Role) async throws -> Clinic {
        let okafor = try await WebFixture.account(app, "okafor", .clinician, displayName: "Dr Okafor")
        let ada = try await WebFixture.patient(app)
        if let lastSession { try await ScheduleFixture.session(app, patient: ada, injector: okafor, date: lastSession) }
        if username != "okafor" { try await WebFixture.account(app, username, role) }
        let browser = WebBrowser(app)
        try await browser.signIn(username)
        try await browser.get("/schedule/book")
        return Clinic(practitioner: okafor, patient: ada, browser: browser)
    }

    /// An injection on `monday` at 09:00 clinic time.
    static func injection(_ clinic: Clinic, time: String = "09:00", override: String? = nil, note: String = "") -> [(String, String)] {
        var fields = [("intent", "book"), ("patientQuery", ""), ("patientId", clinic.patient.uuidString),
                      ("practitionerId", clinic.practitioner.uuidString), ("kind", "injection"), ("date", Self.monday.iso),
                      ("time", time), ("duration", "30"), ("note", note)]
        if let override { fields.append(("overrideReason", override)) }
        return fields
    }

    static func appointments(_ app: Application) async throws -> [AppointmentModel] {
        try await AppointmentModel.query(on: app.db).sort(\.$startAt).all()
    }

    @Test func theFormIsPrefilledFromASlotLink() async throws {
        try await withTestApp { app, _ in
            let clinic = try await Self.clinic(app, lastSession: nil, signIn: "desk", role: .reception)
            let page = try await clinic.browser.get(
                "/schedule/book?practitioner=\(clinic.practitioner.uuidString)&date=\(Self.monday.iso)&time=10:30&patient=\(clinic.patient.uuidString)")
            #expect(page.status == .ok)
            #expect(page.body.contains("id=\"date\" name=\"date\" value=\"\(Self.monday.iso)\""))
            #expect(page.body.contains("id=\"time\" name=\"time\" value=\"10:30\""))
            #expect(page.body.contains("<option value=\"\(clinic.practitioner.uuidString)\" selected>Dr Okafor</option>"))
            #expect(page.body.contains("value=\"\(clinic.patient.uuidString)\" checked"))
            #expect(page.body.contains("Lovelace, Ada — born Wed 10 Dec 1975"))
            // Reception may not override the interval: no box for it.
            #expect(!page.body.contains("overrideReason"))
            #expect(try await WebFixture.auditCount(app, action: "read", resource: "Patient", patient: clinic.patient) == 1)
        }
    }

    @Test func findingAPatientByNameChoosesTheOnlyMatchAndKeepsTheRest() async throws {
        try await withTestApp { app, _ in
            let clinic = try await Self.clinic(app, lastSession: nil, signIn: "desk", role: .reception)
            _ = try await WebFixture.patient(app, given: "Grace", family: "Hopper")
            let page = try await clinic.browser.post("/schedule/book", [
                ("intent", "search"), ("patientQuery", "lovelace"), ("patientId", ""), ("practitionerId", clinic.practitioner.uuidString),
                ("kind", "injection"), ("date", Self.monday.iso), ("time", "11:00"), ("duration", "20"), ("note", "bring letter"),
            ])
            #expect(page.status == .ok)
            #expect(page.body.contains("1 patient matches."))
            #expect(page.body.contains("value=\"\(clinic.patient.uuidString)\" checked"))
            #expect(!page.body.contains("Hopper"))
            #expect(page.body.contains("<option value=\"injection\" selected>"))
            #expect(page.body.contains("value=\"11:00\""))
            #expect(page.body.contains("value=\"20\""))
            #expect(page.body.contains(">bring letter</textarea>"))
            #expect(try await Self.appointments(app).isEmpty)
            #expect(try await WebFixture.auditCount(app, action: "search", resource: "Patient") == 1)
        }
    }

    @Test func day83AfterTheLastSessionIsRefusedWithTheEarliestDateAndTheTypedValuesKept() async throws {
        try await withTestApp { app, _ in
            // Monday − 83 days: the earliest allowed is the Tuesday.
            let last = Self.monday.adding(days: -83)
            let clinic = try await Self.clinic(app, lastSession: last.iso, signIn: "desk", role: .reception)
            let page = try await clinic.browser.post("/schedule/book", Self.injection(clinic, note: "first visit of the year"))
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains("The appointment was not booked"))
            #expect(page.body.contains("id=\"start-error\""))
            #expect(page.body.contains("Only 83 days since the last session (\(last.iso)); the minimum interval is 84 days, so the earliest date is \(Self.monday.adding(days: 1).iso)."))
            #expect(page.body.contains("id=\"date\" name=\"date\" value=\"\(Self.monday.iso)\""))
            #expect(page.body.contains("id=\"time\" name=\"time\" value=\"09:00\""))
            #expect(page.body.contains(">first visit of the year</textarea>"))
            #expect(page.body.contains("value=\"\(clinic.patient.uuidString)\" checked"))
            #expect(!page.body.contains("overrideReason"))
            #expect(try await Self.appointments(app).isEmpty)
        }
    }

    @Test func day84AfterTheLastSessionIsBooked() async throws {
        try await withTestApp { app, _ in
            // Monday − 84 days.
            let clinic = try await Self.clinic(app, lastSession: Self.monday.adding(days: -84).iso, signIn: "desk", role: .reception)
            let answer = try await clinic.browser.post("/schedule/book", Self.injection(clinic))
            #expect(answer.status == .seeOther)
            #expect(answer.location == "/schedule?practitioner=\(clinic.practitioner.uuidString)&week=\(Self.monday.iso)&done=booked")
            let booked = try await Self.appointments(app)
            #expect(booked.count == 1)
            #expect(booked.first?.startAt == ScheduleFixture.at(Self.monday, 9))
            #expect(booked.first?.endAt == ScheduleFixture.at(Self.monday, 9, 30))
            #expect(booked.first?.kind == "injection")
            #expect(booked.first?.overrideReason == nil)
            #expect(try await WebFixture.auditCount(app, action: "create", resource: "Appointment", patient: clinic.patient) == 1)
            let week = try await clinic.browser.get(answer.location!)
            #expect(week.body.contains("The appointment is booked."))
            #expect(week.body.contains("09:00–09:30"))
        }
    }

    @Test func aClinicianOverridesTheIntervalWithAReasonAndTheOverrideIsAudited() async throws {
        try await withTestApp { app, _ in
            let clinic = try await Self.clinic(app, lastSession: Self.monday.adding(days: -83).iso, signIn: "okafor", role: .clinician)
            let form = try await clinic.browser.get("/schedule/book")
            #expect(form.body.contains("id=\"overrideReason\" name=\"overrideReason\""))
            // A blank reason is no override: refused as too early, the box still there.
            let blank = try await clinic.browser.post("/schedule/book", Self.injection(clinic, override: "  "))
            #expect(blank.status == .unprocessableEntity)
            #expect(blank.body.contains("the earliest date is \(Self.monday.adding(days: 1).iso)"))
            #expect(blank.body.contains("id=\"overrideReason\""))

            let answer = try await clinic.browser.post("/schedule/book", Self.injection(clinic, override: "Travelling abroad for three months"))
            #expect(answer.status == .seeOther)
            let booked = try await Self.appointments(app)
            #expect(booked.map(\.overrideReason) == ["Travelling abroad for three months"])
            await app.flushAudit()
            let overrides = try await AuditEventModel.query(on: app.db).filter(\.$action == "override")
                .filter(\.$patientID == clinic.patient).all()
            #expect(overrides.map(\.detail) == ["Travelling abroad for three months"])
            #expect(overrides.map(\.username) == ["okafor"])
        }
    }

    @Test func aDoubleBookingIsShownBesideTheTime() async throws {
        try await withTestApp { app, _ in
            let clinic = try await Self.clinic(app, lastSession: nil, signIn: "desk", role: .reception)
            let grace = try await WebFixture.patient(app, given: "Grace", family: "Hopper")
            try await ScheduleFixture.appointment(app, practitioner: clinic.practitioner, patient: grace,
                                                  start: ScheduleFixture.at(Self.monday, 9))
            let page = try await clinic.browser.post("/schedule/book", Self.injection(clinic, time: "09:15"))
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains("id=\"start-error\""))
            let from = JSONCoding.formatInstant(ScheduleFixture.at(Self.monday, 9))
            let to = JSONCoding.formatInstant(ScheduleFixture.at(Self.monday, 9, 30))
            #expect(page.body.contains("The practitioner is already booked from \(from) to \(to); choose another time."))
            #expect(page.body.contains("value=\"09:15\""))
            #expect(try await Self.appointments(app).count == 1)
        }
    }

    @Test func theFormsOwnProblemsAndTheAPIsShowTogether() async throws {
        try await withTestApp { app, _ in
            let clinic = try await Self.clinic(app, lastSession: nil, signIn: "desk", role: .reception)
            let page = try await clinic.browser.post("/schedule/book", [
                ("intent", "book"), ("patientId", ""), ("practitionerId", clinic.practitioner.uuidString), ("kind", "injection"),
                ("date", Self.monday.adding(days: -2).iso), ("time", "9 am"), ("duration", "500"),
            ])
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains("Choose a patient: find them by name or NHS number, then pick one."))
            #expect(page.body.contains("Enter the time as HH:MM on the 24-hour clock, such as 09:30."))
            #expect(page.body.contains("durationMinutes must be 5–240; got 500."))
            #expect(page.body.contains("value=\"9 am\""))
            // A Saturday: the clinic is closed.
            let closed = try await clinic.browser.post("/schedule/book", Self.injection(clinic).map {
                $0.0 == "date" ? ("date", Self.monday.adding(days: -2).iso) : $0
            })
            #expect(closed.body.contains("The clinic is closed on \(Self.monday.adding(days: -2).iso) (saturday)."))
            #expect(try await Self.appointments(app).isEmpty)
        }
    }

    @Test func cancellingFromTheWeekGoesThroughTheAPI() async throws {
        try await withTestApp { app, _ in
            let clinic = try await Self.clinic(app, lastSession: nil, signIn: "desk", role: .reception)
            let id = try await ScheduleFixture.appointment(app, practitioner: clinic.practitioner, patient: clinic.patient,
                                                           start: ScheduleFixture.at(ScheduleFixture.monday, 9))
            let week = "practitioner=\(clinic.practitioner.uuidString)&week=2030-03-18"
            let page = try await clinic.browser.get("/schedule?\(week)")
            #expect(page.body.contains("action=\"/schedule/appointments/\(id.uuidString)/cancel\""))
            let answer = try await clinic.browser.post("/schedule/appointments/\(id.uuidString)/cancel", [
                ("practitioner", clinic.practitioner.uuidString), ("week", "2030-03-18"),
            ])
            #expect(answer.status == .seeOther)
            #expect(answer.location == "/schedule?\(week)&done=cancelled")
            #expect(try await AppointmentModel.find(id, on: app.db)?.status == "cancelled")
            #expect(try await WebFixture.auditCount(app, action: "update", resource: "Appointment", patient: clinic.patient) == 1)
            let after = try await clinic.browser.get(answer.location!)
            #expect(after.body.contains("The appointment is cancelled."))
            #expect(after.body.contains("schedule-appointment is-cancelled"))
            // Without the form's token nothing happens.
            let again = try await clinic.browser.post("/schedule/appointments/\(id.uuidString)/cancel", [], csrf: false)
            #expect(again.status == .forbidden)
        }
    }
}
