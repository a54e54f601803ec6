import Fluent
import Foundation
import Testing
import TenderpointCore
@testable import TenderpointServer
import VaporTesting

/// `AppointmentBooking.bookFollowUps`, as the session charting calls it.
@Suite struct FollowUpBookingTests {
    typealias Fixture = SchedulingFixture

    func book(_ app: Application, session: UUID, patient: UUID, practitioner: UUID,
              sessionDate: CalendarDate) async throws -> [AppointmentModel] {
        let plan = FollowUpPlan(sessionDate: sessionDate, calendar: Fixture.calendar)
        return try await app.db.writeTransaction(locking: [("users", practitioner)]) { database in
            try await AppointmentBooking.bookFollowUps(plan: plan, patientID: patient, practitionerID: practitioner,
                                                       sessionID: session, calendar: Fixture.calendar, on: database)
        }
    }

    func occupy(_ app: Application, practitioner: UUID, patient: UUID, _ date: CalendarDate,
                from start: (Int, Int), to end: (Int, Int)) async throws {
        let appointment = AppointmentModel()
        appointment.id = UUID()
        appointment.$practitioner.id = practitioner
        appointment.$patient.id = patient
        appointment.startAt = Fixture.instant(date, start.0, start.1)
        appointment.endAt = Fixture.instant(date, end.0, end.1)
        appointment.kind = AppointmentKind.other.rawValue
        appointment.status = AppointmentStatus.booked.rawValue
        try await appointment.create(on: app.db)
    }

    /// The first Monday ahead whose follow-up days and the days after them (0, 8, 15, 21, 22, 84,
    /// 85) are all open, so no bank holiday of the clinic's calendar moves what these tests expect.
    static func mondayWithoutBankHolidays() -> CalendarDate {
        var monday = Fixture.openDate(daysAhead: 1, weekday: .monday)
        while ![0, 8, 15, 21, 22, 84, 85].allSatisfy({ Fixture.calendar.isOpen(monday.adding(days: $0)) }) {
            monday = monday.adding(days: 7)
        }
        return monday
    }

    @Test func eachFollowUpTakesTheFirstFreeSlotOnItsDay() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let ada = try await Fixture.patient(app)
            let grace = try await Fixture.patient(app, given: "Grace", family: "Hopper")
            let monday = Self.mondayWithoutBankHolidays()
            let session = try await Fixture.session(app, patient: ada, on: monday, injector: clinician.userID)
            // Day 8 is a Tuesday; its first 20 minutes are taken.
            try await occupy(app, practitioner: clinician.userID, patient: grace, monday.adding(days: 8), from: (9, 0), to: (9, 20))

            let booked = try await book(app, session: session, patient: ada, practitioner: clinician.userID, sessionDate: monday)
            #expect(booked.map(\.kind) == ["onset-check", "peak-review", "reassessment"])
            #expect(booked.map(\.startAt) == [Fixture.instant(monday.adding(days: 8), 9, 20),
                                              Fixture.instant(monday.adding(days: 21), 9),
                                              Fixture.instant(monday.adding(days: 84), 9)])
            #expect(booked.map(\.endAt) == [Fixture.instant(monday.adding(days: 8), 9, 40),
                                            Fixture.instant(monday.adding(days: 21), 9, 30),
                                            Fixture.instant(monday.adding(days: 84), 9, 30)])
            #expect(booked.allSatisfy { $0.$session.id == session && $0.$patient.id == ada && $0.status == "booked" })
            #expect(try await AppointmentModel.query(on: app.db).filter(\.$session.$id == session).count() == 3)
        }
    }

    @Test func aFullDayMovesTheFollowUpToTheNextDayThePractitionerWorks() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let ada = try await Fixture.patient(app)
            let grace = try await Fixture.patient(app, given: "Grace", family: "Hopper")
            // The practitioner works Tuesdays 09:00–09:30 only.
            let window = AvailabilityModel()
            window.id = UUID()
            window.$practitioner.id = clinician.userID
            window.weekday = "tuesday"
            window.startMinute = 9 * 60
            window.endMinute = 9 * 60 + 30
            try await window.create(on: app.db)
            let monday = Self.mondayWithoutBankHolidays()
            let session = try await Fixture.session(app, patient: ada, on: monday, injector: clinician.userID)
            try await occupy(app, practitioner: clinician.userID, patient: grace, monday.adding(days: 8), from: (9, 0), to: (9, 30))

            let booked = try await book(app, session: session, patient: ada, practitioner: clinician.userID, sessionDate: monday)
            // Day 8 (Tuesday) is full: the Tuesday after. Days 21 and 84 are Mondays: the next day, a Tuesday.
            #expect(booked.map(\.startAt) == [Fixture.instant(monday.adding(days: 15), 9),
                                              Fixture.instant(monday.adding(days: 22), 9),
                                              Fixture.instant(monday.adding(days: 85), 9)])
        }
    }

    @Test func aFollowUpWithNoFreeSlotInFourteenDaysIsLeftOut() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let ada = try await Fixture.patient(app)
            // Twenty minutes on Tuesdays: room for the onset check, never for a 30-minute review.
            let window = AvailabilityModel()
            window.id = UUID()
            window.$practitioner.id = clinician.userID
            window.weekday = "tuesday"
            window.startMinute = 9 * 60
            window.endMinute = 9 * 60 + 20
            try await window.create(on: app.db)
            let monday = Self.mondayWithoutBankHolidays()
            let session = try await Fixture.session(app, patient: ada, on: monday, injector: clinician.userID)
            let booked = try await book(app, session: session, patient: ada, practitioner: clinician.userID, sessionDate: monday)
            #expect(booked.map(\.kind) == ["onset-check"])
            #expect(booked.first?.startAt == Fixture.instant(monday.adding(days: 8), 9))
        }
    }
}
