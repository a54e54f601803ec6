import Fluent
import Foundation
import Testing
import TenderpointCore
@testable import TenderpointServer
import VaporTesting

/// Dates, instants and rows the scheduling tests share. The clinic in the tests is the default
/// one: Monday–Friday 09:00–17:00, Europe/London.
enum SchedulingFixture {
    static let calendar = ClinicCalendar.standard

    static var today: CalendarDate { calendar.today(now: Date()) }

    /// The first open day at least `days` after today (on `weekday` when given).
    static func openDate(daysAhead days: Int, weekday: Weekday? = nil) -> CalendarDate {
        var date = today.adding(days: days)
        while !calendar.isOpen(date) || (weekday != nil && date.weekday != weekday) { date = date.adding(days: 1) }
        return date
    }

    /// The first date at least `days` ahead that falls on `weekday`, open or not.
    static func date(daysAhead days: Int, weekday: Weekday) -> CalendarDate {
        var date = today.adding(days: days)
        while date.weekday != weekday { date = date.adding(days: 1) }
        return date
    }

    static func instant(_ date: CalendarDate, _ hour: Int, _ minute: Int = 0) -> Date {
        calendar.instant(date, minute: hour * 60 + minute)
    }

    static func iso(_ date: CalendarDate, _ hour: Int, _ minute: Int = 0) -> String {
        JSONCoding.formatInstant(instant(date, hour, minute))
    }

    static func patient(_ app: Application, given: String = "Ada", family: String = "Lovelace") async throws -> UUID {
        let patient = PatientModel()
        patient.id = UUID()
        patient.givenName = given
        patient.familyName = family
        patient.birthDate = "1975-12-10"
        patient.sex = "female"
        patient.searchName = PatientModel.searchKey(given: given, family: family)
        try await patient.create(on: app.db)
        return try patient.requireID()
    }

    /// A recorded toxin session (with the consent it needs), written straight to the tables.
    @discardableResult
    static func session(_ app: Application, patient: UUID, on date: CalendarDate, injector: UUID) async throws -> UUID {
        let consent = ConsentModel()
        consent.id = UUID()
        consent.$patient.id = patient
        consent.date = date.adding(days: -7).iso
        consent.informationVersion = "2026-01"
        consent.signedBy = "patient"
        consent.$recorder.id = injector
        try await consent.create(on: app.db)
        let session = TreatmentSessionModel()
        session.id = UUID()
        session.$patient.id = patient
        session.date = date.iso
        session.performedAt = instant(date, 10)
        session.$injector.id = injector
        session.product = ToxinProduct.onabotulinumtoxinA.rawValue
        session.totalUnitsTenths = 1000
        session.screeningJSON = "{}"
        session.acknowledgedJSON = "[]"
        session.$consent.id = try consent.requireID()
        session.guidance = "landmark"
        try await session.create(on: app.db)
        return try session.requireID()
    }

    struct Booking: Encodable {
        var practitionerId: UUID
        var patientId: UUID
        var start: String
        var durationMinutes: Int = 30
        var kind: String = "assessment"
        var note: String?
        var override: [String: String]?
    }

    struct Result {
        let status: HTTPStatus
        let appointment: AppointmentDTO?
        let error: ErrorBody?
    }

    static func book(_ app: Application, _ auth: SignedIn, _ booking: Booking) async throws -> Result {
        try await send(app, .POST, "api/appointments", auth, booking)
    }

    static func patch(_ app: Application, _ auth: SignedIn, _ id: UUID, _ body: [String: String]) async throws -> Result {
        try await send(app, .PATCH, "api/appointments/\(id)", auth, body)
    }

    private static func send(_ app: Application, _ method: HTTPMethod, _ path: String, _ auth: SignedIn,
                             _ body: some Encodable & Sendable) async throws -> Result {
        var result = Result(status: .ok, appointment: nil, error: nil)
        try await app.testing().test(method, path, headers: auth.headers, beforeRequest: { request in
            try request.content.encode(body, as: .json)
        }, afterResponse: { (response: TestingHTTPResponse) in
            if response.status == .created || response.status == .ok {
                result = Result(status: response.status, appointment: try response.content.decode(AppointmentDTO.self), error: nil)
            } else {
                result = Result(status: response.status, appointment: nil, error: try response.content.decode(ErrorBody.self))
            }
        })
        return result
    }

    static func appointmentCount(_ app: Application) async throws -> Int {
        try await AppointmentModel.query(on: app.db).count()
    }
}

@Suite struct AppointmentAPITests {
    typealias Fixture = SchedulingFixture

    @Test func receptionBooksAnAppointmentAndEveryoneSeesTheSameFacts() async throws {
        try await withTestApp { app, _ in
            let reception = try await app.signIn(.reception)
            let clinician = try await app.signIn(.clinician, username: "dr.jones")
            let patient = try await Fixture.patient(app)
            let day = Fixture.openDate(daysAhead: 3)
            let result = try await Fixture.book(app, reception, .init(practitionerId: clinician.userID, patientId: patient,
                                                                    start: Fixture.iso(day, 10, 30), durationMinutes: 45,
                                                                    kind: "assessment", note: "  first visit  "))
            #expect(result.status == .created)
            let booked = try #require(result.appointment)
            #expect(booked.practitionerId == clinician.userID)
            #expect(booked.practitionerName == "dr.jones")
            #expect(booked.patientName == "Ada Lovelace")
            #expect(booked.start == Fixture.instant(day, 10, 30))
            #expect(booked.end == Fixture.instant(day, 11, 15))
            #expect(booked.durationMinutes == 45)
            #expect(booked.kind == .assessment)
            #expect(booked.status == .booked)
            #expect(booked.note == "first visit")
            #expect(booked.overrideReason == nil)

            try await app.testing().test(.GET, "api/appointments/\(booked.id)", headers: clinician.headers) { (response: TestingHTTPResponse) in
                #expect(response.status == .ok)
                let read = try response.content.decode(AppointmentDTO.self)
                #expect(read == booked)
            }
            await app.flushAudit()
            let events = try await AuditEventModel.query(on: app.db).filter(\.$patientID == patient).sort(\.$at).all()
            #expect(events.map(\.action) == ["create", "read"])
            #expect(events.first?.userID == reception.userID)
            #expect(events.allSatisfy { $0.resourceType == "Appointment" && $0.resourceID == booked.id.uuidString })
        }
    }

    /// Appointments up to 2 years ahead (the core's `Bounded.appointmentStart`): the last open
    /// day on or before today + 2 years is bookable, the first open day after it is not.
    @Test func appointmentsAtMostTwoYearsAhead() async throws {
        try await withTestApp { app, _ in
            let reception = try await app.signIn(.reception)
            let clinician = try await app.signIn(.clinician)
            let patient = try await Fixture.patient(app)
            let latest = Fixture.today.adding(years: 2)
            var lastOpen = latest
            while !Fixture.calendar.isOpen(lastOpen) { lastOpen = lastOpen.adding(days: -1) }
            var firstTooFar = latest.adding(days: 1)
            while !Fixture.calendar.isOpen(firstTooFar) { firstTooFar = firstTooFar.adding(days: 1) }
            let inside = try await Fixture.book(app, reception, .init(practitionerId: clinician.userID, patientId: patient,
                                                                    start: Fixture.iso(lastOpen, 10)))
            #expect(inside.status == .created, "\(lastOpen): \(String(describing: inside.error))")
            let outside = try await Fixture.book(app, reception, .init(practitionerId: clinician.userID, patientId: patient,
                                                                     start: Fixture.iso(firstTooFar, 10)))
            #expect(outside.status == .unprocessableEntity)
            #expect(outside.error?.all.map(\.field) == ["start"])
            #expect(outside.error?.error.code == "invalid_date")
            let absurd = try await Fixture.book(app, reception, .init(practitionerId: clinician.userID, patientId: patient,
                                                                    start: "9999-12-31T10:00:00Z"))
            #expect(absurd.error?.all.map(\.field) == ["start"])
            #expect(try await Fixture.appointmentCount(app) == 1)
        }
    }

    @Test func touchingAppointmentsAreAllowedAndAnOverlapIsADoubleBooking() async throws {
        try await withTestApp { app, _ in
            let reception = try await app.signIn(.reception)
            let clinician = try await app.signIn(.clinician)
            let ada = try await Fixture.patient(app)
            let grace = try await Fixture.patient(app, given: "Grace", family: "Hopper")
            let day = Fixture.openDate(daysAhead: 3)
            let first = try await Fixture.book(app, reception, .init(practitionerId: clinician.userID, patientId: ada,
                                                                   start: Fixture.iso(day, 9), durationMinutes: 30))
            #expect(first.status == .created)
            // 09:30 is where the first ends: half-open intervals do not overlap.
            let touching = try await Fixture.book(app, reception, .init(practitionerId: clinician.userID, patientId: grace,
                                                                      start: Fixture.iso(day, 9, 30), durationMinutes: 30))
            #expect(touching.status == .created)
            // 09:29–09:59 shares one minute with each.
            let clash = try await Fixture.book(app, reception, .init(practitionerId: clinician.userID, patientId: grace,
                                                                   start: Fixture.iso(day, 9, 29), durationMinutes: 30))
            #expect(clash.status == .conflict)
            #expect(clash.error?.error.code == "double_booking")
            #expect(clash.error?.error.field == "start")
            #expect(try await Fixture.appointmentCount(app) == 2)
            // A different practitioner is free at the same time.
            let nurse = try await app.signIn(.nurse)
            let other = try await Fixture.book(app, reception, .init(practitionerId: nurse.userID, patientId: grace,
                                                                   start: Fixture.iso(day, 9, 29), durationMinutes: 30))
            #expect(other.status == .created)
        }
    }

    @Test func aCancelledAppointmentFreesItsSlot() async throws {
        try await withTestApp { app, _ in
            let reception = try await app.signIn(.reception)
            let clinician = try await app.signIn(.clinician)
            let ada = try await Fixture.patient(app)
            let grace = try await Fixture.patient(app, given: "Grace", family: "Hopper")
            let day = Fixture.openDate(daysAhead: 3)
            let booking = Fixture.Booking(practitionerId: clinician.userID, patientId: ada, start: Fixture.iso(day, 14))
            let first = try #require(try await Fixture.book(app, reception, booking).appointment)
            var second = booking
            second.patientId = grace
            #expect(try await Fixture.book(app, reception, second).status == .conflict)

            let cancelled = try await Fixture.patch(app, reception, first.id, ["status": "cancelled"])
            #expect(cancelled.status == .ok)
            #expect(cancelled.appointment?.status == .cancelled)
            let rebooked = try await Fixture.book(app, reception, second)
            #expect(rebooked.status == .created)
            // A cancelled appointment stays cancelled: re-opening it would double-book.
            let reopened = try await Fixture.patch(app, reception, first.id, ["status": "attended"])
            #expect(reopened.status == .unprocessableEntity)
            #expect(reopened.error?.error.field == "status")
            #expect(try await Fixture.appointmentCount(app) == 2)
        }
    }

    @Test func movingAnAppointmentChecksTheOverlapAgain() async throws {
        try await withTestApp { app, _ in
            let reception = try await app.signIn(.reception)
            let clinician = try await app.signIn(.clinician)
            let ada = try await Fixture.patient(app)
            let day = Fixture.openDate(daysAhead: 3)
            let early = try #require(try await Fixture.book(app, reception, .init(practitionerId: clinician.userID, patientId: ada,
                                                                                start: Fixture.iso(day, 9))).appointment)
            let late = try #require(try await Fixture.book(app, reception, .init(practitionerId: clinician.userID, patientId: ada,
                                                                               start: Fixture.iso(day, 11))).appointment)
            let clash = try await Fixture.patch(app, reception, late.id, ["start": Fixture.iso(day, 9, 15)])
            #expect(clash.status == .conflict)
            #expect(clash.error?.error.code == "double_booking")
            let moved = try await Fixture.patch(app, reception, late.id, ["start": Fixture.iso(day, 9, 30)])
            #expect(moved.status == .ok)
            #expect(moved.appointment?.start == Fixture.instant(day, 9, 30))
            #expect(moved.appointment?.end == Fixture.instant(day, 10))
            // Lengthening the first into the moved one overlaps.
            try await app.testing().test(.PATCH, "api/appointments/\(early.id)", headers: reception.headers, beforeRequest: { request in
                try request.content.encode(["durationMinutes": 45])
            }, afterResponse: { (response: TestingHTTPResponse) in
                #expect(response.status == .conflict)
            })
            let stored = try #require(try await AppointmentModel.find(early.id, on: app.db))
            #expect(stored.endAt == Fixture.instant(day, 9, 30))
        }
    }

    @Test func closedDaysAndTimesOutsideOpeningHoursAreRefused() async throws {
        try await withTestApp { app, _ in
            let reception = try await app.signIn(.reception)
            let clinician = try await app.signIn(.clinician)
            let ada = try await Fixture.patient(app)
            let saturday = Fixture.date(daysAhead: 2, weekday: .saturday)
            let monday = Fixture.openDate(daysAhead: 2, weekday: .monday)
            let cases: [(String, Int, String)] = [
                (Fixture.iso(saturday, 10), 30, "clinic_closed"),
                (Fixture.iso(monday, 8, 45), 30, "outside_opening_hours"),
                (Fixture.iso(monday, 16, 45), 30, "outside_opening_hours"),  // would end 17:15
            ]
            for (start, minutes, code) in cases {
                let result = try await Fixture.book(app, reception, .init(practitionerId: clinician.userID, patientId: ada,
                                                                        start: start, durationMinutes: minutes))
                #expect(result.status == .unprocessableEntity, "\(start)")
                #expect(result.error?.error.code == code, "\(start)")
                #expect(result.error?.error.field == "start", "\(start)")
            }
            // 16:30–17:00 ends exactly at closing time.
            let last = try await Fixture.book(app, reception, .init(practitionerId: clinician.userID, patientId: ada,
                                                                  start: Fixture.iso(monday, 16, 30), durationMinutes: 30))
            #expect(last.status == .created)
            #expect(try await Fixture.appointmentCount(app) == 1)
        }
    }

    @Test func badInputNamesEveryFieldAndWritesNothing() async throws {
        try await withTestApp { app, _ in
            let reception = try await app.signIn(.reception)
            let clinician = try await app.signIn(.clinician)
            let ada = try await Fixture.patient(app)
            let day = Fixture.openDate(daysAhead: 3)
            let bad = try await Fixture.book(app, reception, .init(practitionerId: clinician.userID, patientId: ada,
                                                                 start: "tomorrow at ten", durationMinutes: 241, kind: "massage"))
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.error?.all.compactMap(\.field) == ["start", "durationMinutes", "kind"])
            #expect(bad.error?.all.map(\.code) == ["invalid_date", "value_out_of_range", "unknown_identifier"])

            let past = try await Fixture.book(app, reception, .init(practitionerId: clinician.userID, patientId: ada,
                                                                  start: Fixture.iso(Fixture.today.adding(days: -7), 10),
                                                                  durationMinutes: 4))
            #expect(past.error?.all.compactMap(\.field) == ["start", "durationMinutes"])

            // A reception account is not a practitioner; an unknown patient is named.
            let notClinical = try await Fixture.book(app, reception, .init(practitionerId: reception.userID, patientId: UUID(),
                                                                         start: Fixture.iso(day, 10)))
            #expect(notClinical.status == .unprocessableEntity)
            #expect(notClinical.error?.all.map(\.code) == ["not_a_practitioner", "unknown_identifier"])
            #expect(notClinical.error?.all.compactMap(\.field) == ["practitionerId", "patientId"])

            try await app.testing().test(.POST, "api/appointments", headers: reception.headers, beforeRequest: { request in
                try request.content.encode(["patientId": ada.uuidString])
            }, afterResponse: { (response: TestingHTTPResponse) in
                #expect(response.status == .unprocessableEntity)
                let decoded = try response.content.decode(ErrorBody.self)
                #expect(decoded.all.compactMap(\.field) == ["practitionerId", "start", "durationMinutes", "kind"])
            })
            #expect(try await Fixture.appointmentCount(app) == 0)
        }
    }

    @Test func onlyStaffWhoBookMayBookAndNotWithoutSigningIn() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let ada = try await Fixture.patient(app)
            let day = Fixture.openDate(daysAhead: 3)
            let booking = Fixture.Booking(practitionerId: clinician.userID, patientId: ada, start: Fixture.iso(day, 10))
            for role in [Role.admin, .patient] {
                let auth = try await app.signIn(role, patientID: role == .patient ? ada : nil)
                let refused = try await Fixture.book(app, auth, booking)
                #expect(refused.status == .forbidden, "\(role)")
                #expect(refused.error?.error.code == "forbidden")
            }
            try await app.testing().test(.POST, "api/appointments", beforeRequest: { request in
                try request.content.encode(booking, as: .json)
            }, afterResponse: { (response: TestingHTTPResponse) in
                #expect(response.status == .unauthorized)
            })
            #expect(try await Fixture.appointmentCount(app) == 0)
            for role in [Role.nurse, .clinician, .reception] {
                let auth = try await app.signIn(role)
                var own = booking
                own.start = Fixture.iso(day, role == .nurse ? 11 : role == .clinician ? 12 : 13)
                #expect(try await Fixture.book(app, auth, own).status == .created, "\(role)")
            }
        }
    }

    @Test func aVoidedSessionDoesNotCountForTheInterval() async throws {
        try await withTestApp { app, _ in
            let reception = try await app.signIn(.reception)
            let clinician = try await app.signIn(.clinician)
            let ada = try await Fixture.patient(app)
            let day84 = Fixture.openDate(daysAhead: 2, weekday: .tuesday)
            let session = try await Fixture.session(app, patient: ada, on: day84.adding(days: -84), injector: clinician.userID)
            let booking = Fixture.Booking(practitionerId: clinician.userID, patientId: ada,
                                          start: Fixture.iso(day84.adding(days: -1), 10), kind: "injection")
            #expect(try await Fixture.book(app, reception, booking).status == .unprocessableEntity)
            // Voided as charted in error, it no longer holds the next injection back.
            let voided = try await TreatmentFixture.send(app, .POST, "api/patients/\(ada)/sessions/\(session)/void", clinician,
                                                         json: ["reason": "Duplicate entry"])
            #expect(voided.status == .ok, "\(voided.text)")
            #expect(try await Fixture.book(app, reception, booking).status == .created)
            // FHIR keeps it, marked as entered in error.
            let procedure = try await TreatmentFixture.send(app, .GET, "fhir/Procedure/\(session)", clinician)
            #expect(procedure.json["status"] as? String == "entered-in-error")
        }
    }

    @Test func anInjectionIsRefusedOnDay83AndAllowedOnDay84() async throws {
        try await withTestApp { app, _ in
            let reception = try await app.signIn(.reception)
            let clinician = try await app.signIn(.clinician)
            let ada = try await Fixture.patient(app)
            // A Tuesday at least two days ahead, so day 83 (the Monday before) is ahead too.
            let day84 = Fixture.openDate(daysAhead: 2, weekday: .tuesday)
            let lastSession = day84.adding(days: -84)
            try await Fixture.session(app, patient: ada, on: lastSession, injector: clinician.userID)

            var booking = Fixture.Booking(practitionerId: clinician.userID, patientId: ada,
                                          start: Fixture.iso(day84.adding(days: -1), 10), kind: "injection")
            let early = try await Fixture.book(app, reception, booking)
            #expect(early.status == .unprocessableEntity)
            #expect(early.error?.error.code == "interval_too_short")
            #expect(early.error?.error.field == "start")
            #expect(early.error?.error.message.contains("Only 83 days") == true)
            // Any other kind is not an injection: a review on day 83 is fine.
            booking.kind = "assessment"
            #expect(try await Fixture.book(app, reception, booking).status == .created)

            booking.kind = "injection"
            booking.start = Fixture.iso(day84, 10)
            let allowed = try await Fixture.book(app, reception, booking)
            #expect(allowed.status == .created)
            #expect(allowed.appointment?.kind == .injection)
            // The booked injection counts too: another one 7 days later is too early.
            booking.start = Fixture.iso(day84.adding(days: 7), 10)
            let second = try await Fixture.book(app, reception, booking)
            #expect(second.error?.error.code == "interval_too_short")
            #expect(try await Fixture.appointmentCount(app) == 2)
        }
    }

    @Test func anInjectionBookedLaterMustStillBe84DaysAfterTheNewOne() async throws {
        try await withTestApp { app, _ in
            let reception = try await app.signIn(.reception)
            let clinician = try await app.signIn(.clinician)
            let ada = try await Fixture.patient(app)
            let first = Fixture.openDate(daysAhead: 100, weekday: .wednesday)
            let booking = Fixture.Booking(practitionerId: clinician.userID, patientId: ada,
                                          start: Fixture.iso(first, 10), kind: "injection")
            #expect(try await Fixture.book(app, reception, booking).status == .created)
            var earlier = booking
            earlier.start = Fixture.iso(first.adding(days: -83), 10)
            let refused = try await Fixture.book(app, reception, earlier)
            #expect(refused.error?.error.code == "interval_too_short")
            #expect(refused.error?.error.message.contains("already booked on \(first.iso), only 83 days") == true)
            earlier.start = Fixture.iso(first.adding(days: -84), 10)
            #expect(try await Fixture.book(app, reception, earlier).status == .created)
        }
    }

    @Test func aClinicianMayOverrideTheIntervalWithAReasonAndItIsAudited() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let ada = try await Fixture.patient(app)
            let day = Fixture.openDate(daysAhead: 3)
            try await Fixture.session(app, patient: ada, on: day.adding(days: -60), injector: clinician.userID)
            var booking = Fixture.Booking(practitionerId: clinician.userID, patientId: ada, start: Fixture.iso(day, 10),
                                          kind: "injection", override: ["reason": "   "])
            let blank = try await Fixture.book(app, clinician, booking)
            #expect(blank.status == .unprocessableEntity)
            #expect(blank.error?.error.code == "override_reason_required")
            #expect(blank.error?.error.field == "override.reason")

            booking.override = ["reason": " Travelling abroad for three months from next week "]
            let result = try await Fixture.book(app, clinician, booking)
            #expect(result.status == .created)
            let appointment = try #require(result.appointment)
            #expect(appointment.overrideReason == "Travelling abroad for three months from next week")
            let events = try await AuditEventModel.query(on: app.db).filter(\.$action == "override").all()
            #expect(events.count == 1)
            #expect(events.first?.patientID == ada)
            #expect(events.first?.userID == clinician.userID)
            #expect(events.first?.resourceID == appointment.id.uuidString)
            #expect(events.first?.detail == "Travelling abroad for three months from next week")
        }
    }

    @Test func receptionAndNursesMayNotOverrideTheInterval() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let ada = try await Fixture.patient(app)
            let day = Fixture.openDate(daysAhead: 3)
            try await Fixture.session(app, patient: ada, on: day.adding(days: -60), injector: clinician.userID)
            let booking = Fixture.Booking(practitionerId: clinician.userID, patientId: ada, start: Fixture.iso(day, 10),
                                          kind: "injection", override: ["reason": "patient request"])
            for role in [Role.reception, .nurse] {
                let auth = try await app.signIn(role)
                let refused = try await Fixture.book(app, auth, booking)
                #expect(refused.status == .unprocessableEntity, "\(role)")
                #expect(refused.error?.error.code == "override_not_permitted", "\(role)")
                #expect(refused.error?.error.field == "override", "\(role)")
            }
            #expect(try await Fixture.appointmentCount(app) == 0)
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$action == "override").count() == 0)
        }
    }

    @Test func movingAnInjectionToAnotherDayChecksTheIntervalAgain() async throws {
        try await withTestApp { app, _ in
            let reception = try await app.signIn(.reception)
            let clinician = try await app.signIn(.clinician)
            let ada = try await Fixture.patient(app)
            let day84 = Fixture.openDate(daysAhead: 2, weekday: .tuesday)
            try await Fixture.session(app, patient: ada, on: day84.adding(days: -84), injector: clinician.userID)
            let booked = try #require(try await Fixture.book(app, reception, .init(practitionerId: clinician.userID, patientId: ada,
                                                                                 start: Fixture.iso(day84, 10),
                                                                                 kind: "injection")).appointment)
            let earlier = try await Fixture.patch(app, reception, booked.id, ["start": Fixture.iso(day84.adding(days: -1), 10)])
            #expect(earlier.status == .unprocessableEntity)
            #expect(earlier.error?.error.code == "interval_too_short")
            // Later the same day is the same interval.
            let sameDay = try await Fixture.patch(app, reception, booked.id, ["start": Fixture.iso(day84, 15)])
            #expect(sameDay.status == .ok)
            #expect(sameDay.appointment?.start == Fixture.instant(day84, 15))
        }
    }

    @Test func aPatientSeesOnlyTheirOwnAppointments() async throws {
        try await withTestApp { app, _ in
            let reception = try await app.signIn(.reception)
            let clinician = try await app.signIn(.clinician)
            let ada = try await Fixture.patient(app)
            let grace = try await Fixture.patient(app, given: "Grace", family: "Hopper")
            let day = Fixture.openDate(daysAhead: 3)
            let own = try #require(try await Fixture.book(app, reception, .init(practitionerId: clinician.userID, patientId: ada,
                                                                              start: Fixture.iso(day, 9))).appointment)
            let other = try #require(try await Fixture.book(app, reception, .init(practitionerId: clinician.userID, patientId: grace,
                                                                                start: Fixture.iso(day, 10))).appointment)
            let patient = try await app.signIn(.patient, patientID: ada)

            try await app.testing().test(.GET, "api/appointments", headers: patient.headers) { (response: TestingHTTPResponse) in
                #expect(response.status == .ok)
                let page = try response.content.decode(Listing<AppointmentDTO>.self)
                #expect(page.items.map(\.id) == [own.id])
                #expect(page.total == 1)
            }
            try await app.testing().test(.GET, "api/appointments?practitionerId=\(clinician.userID)", headers: patient.headers) { (response: TestingHTTPResponse) in
                let page = try response.content.decode(Listing<AppointmentDTO>.self)
                #expect(page.items.map(\.id) == [own.id])
            }
            for path in ["api/appointments?patientId=\(grace)", "api/appointments/\(other.id)"] {
                try await app.testing().test(.GET, path, headers: patient.headers) { (response: TestingHTTPResponse) in
                    #expect(response.status == .forbidden, "\(path)")
                }
            }
            try await app.testing().test(.GET, "api/appointments/\(own.id)", headers: patient.headers) { (response: TestingHTTPResponse) in
                #expect(response.status == .ok)
            }
            // Patients read their appointments but do not change them.
            let cancel = try await Fixture.patch(app, patient, own.id, ["status": "cancelled"])
            #expect(cancel.status == .forbidden)
            await app.flushAudit()
            let denied = try await AuditEventModel.query(on: app.db).filter(\.$outcome == "denied").all()
            #expect(denied.contains { $0.patientID == grace && $0.userID == patient.userID })
        }
    }

    @Test func staffListAppointmentsByPractitionerPatientPeriodAndStatus() async throws {
        try await withTestApp { app, _ in
            let reception = try await app.signIn(.reception)
            let clinician = try await app.signIn(.clinician)
            let nurse = try await app.signIn(.nurse)
            let ada = try await Fixture.patient(app)
            let grace = try await Fixture.patient(app, given: "Grace", family: "Hopper")
            let first = Fixture.openDate(daysAhead: 3)
            let second = first.adding(days: 7)
            var ids: [String: UUID] = [:]
            for (name, practitioner, patient, date, hour) in [
                ("a", clinician.userID, ada, first, 9), ("b", nurse.userID, grace, first, 9),
                ("c", clinician.userID, grace, first, 11), ("d", clinician.userID, ada, second, 9),
            ] {
                let booked = try await Fixture.book(app, reception, .init(practitionerId: practitioner, patientId: patient,
                                                                        start: Fixture.iso(date, hour)))
                ids[name] = try #require(booked.appointment).id
            }
            _ = try await Fixture.patch(app, reception, ids["c"]!, ["status": "cancelled"])
            let queries: [(String, [String])] = [
                ("", ["a", "b", "c", "d"]),
                ("practitionerId=\(clinician.userID)", ["a", "c", "d"]),
                ("patientId=\(ada)", ["a", "d"]),
                ("from=\(first.iso)&to=\(first.iso)", ["a", "b", "c"]),
                ("from=\(Fixture.iso(first, 10))", ["c", "d"]),
                ("status=cancelled", ["c"]),
                ("practitionerId=\(clinician.userID)&status=booked", ["a", "d"]),
            ]
            for (query, expected) in queries {
                try await app.testing().test(.GET, "api/appointments?\(query)", headers: reception.headers) { (response: TestingHTTPResponse) in
                    #expect(response.status == .ok, "\(query)")
                    let page = try response.content.decode(Listing<AppointmentDTO>.self)
                    #expect(page.items.map(\.id) == expected.map { ids[$0]! }, "\(query)")
                    #expect(page.total == expected.count, "\(query)")
                }
            }
            try await app.testing().test(.GET, "api/appointments?status=lost&from=soon", headers: reception.headers) { (response: TestingHTTPResponse) in
                #expect(response.status == .unprocessableEntity)
                let decoded = try response.content.decode(ErrorBody.self)
                #expect(decoded.all.compactMap(\.field) == ["from", "status"])
            }
        }
    }

    @Test func attendanceIsRecordedOnlyOnceTheAppointmentHasBegun() async throws {
        try await withTestApp { app, _ in
            let reception = try await app.signIn(.reception)
            let clinician = try await app.signIn(.clinician)
            let ada = try await Fixture.patient(app)
            let day = Fixture.openDate(daysAhead: 3)
            let future = try #require(try await Fixture.book(app, reception, .init(practitionerId: clinician.userID, patientId: ada,
                                                                                 start: Fixture.iso(day, 9))).appointment)
            let early = try await Fixture.patch(app, reception, future.id, ["status": "attended"])
            #expect(early.status == .unprocessableEntity)
            #expect(early.error?.error.field == "status")

            // One that has begun (written directly: the API books only ahead).
            let past = AppointmentModel()
            past.id = UUID()
            past.$practitioner.id = clinician.userID
            past.$patient.id = ada
            past.startAt = Date().addingTimeInterval(-3600)
            past.endAt = Date().addingTimeInterval(-1800)
            past.kind = AppointmentKind.peakReview.rawValue
            past.status = AppointmentStatus.booked.rawValue
            try await past.create(on: app.db)
            let missed = try await Fixture.patch(app, reception, past.id!, ["status": "noShow"])
            #expect(missed.status == .ok)
            #expect(missed.appointment?.status == .noShow)
            let corrected = try await Fixture.patch(app, reception, past.id!, ["status": "attended"])
            #expect(corrected.appointment?.status == .attended)
            let both = try await Fixture.patch(app, reception, future.id, ["status": "cancelled", "start": Fixture.iso(day, 10)])
            #expect(both.status == .unprocessableEntity)
            try await app.testing().test(.PATCH, "api/appointments/\(UUID())", headers: reception.headers, beforeRequest: { request in
                try request.content.encode(["status": "cancelled"])
            }, afterResponse: { (response: TestingHTTPResponse) in
                #expect(response.status == .notFound)
            })
        }
    }
}
