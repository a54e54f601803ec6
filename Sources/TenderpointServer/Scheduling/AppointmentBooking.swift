import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit
import TenderpointCore
import Vapor

/// Booking appointments without double booking. Owned by the scheduling work; other
/// controllers call it inside their own `writeTransaction(locking: [("users", practitionerID)])`.
///
/// Two layers: a check before writing gives a clear message, and the database's own rule
/// (`CreateAppointment`: a trigger on SQLite, an exclusion constraint on PostgreSQL) is the real
/// guarantee when two server instances race; both become the same 409.
enum AppointmentBooking {
    /// Follow-ups start on a five-minute grid, so one fits straight after an appointment that
    /// ends at 09:20 rather than waiting for the next quarter hour.
    static let followUpStepMinutes = 5
    /// A follow-up whose day is full moves to the next open day, looking this many days ahead.
    static let followUpSearchDays = 14

    /// Inserts `appointment` inside the caller's transaction. A clash with another appointment of
    /// the same practitioner becomes `409 {"error":{"code":"double_booking"…}}`, whether the check
    /// or the database's own constraint catches it.
    static func insert(_ appointment: AppointmentModel, on database: any Database) async throws {
        try await lockPractitioner(appointment.$practitioner.id, on: database)
        try await checkFree(appointment, on: database)
        try await refusingOverlap { try await appointment.create(on: database) }
    }

    /// Saves a moved (or otherwise changed) appointment inside the caller's transaction, with
    /// the same double-booking check and mapping as `insert`.
    static func update(_ appointment: AppointmentModel, on database: any Database) async throws {
        try await lockPractitioner(appointment.$practitioner.id, on: database)
        try await checkFree(appointment, on: database)
        try await refusingOverlap { try await appointment.save(on: database) }
    }

    /// Books the follow-ups of `plan` with `practitionerID` at the first free slot (the
    /// practitioner's availability within clinic hours, their other appointments) on each
    /// follow-up's date: 20 minutes for the onset check, 30 for the peak review and the
    /// reassessment. A full day moves the follow-up to the next open day, up to
    /// `followUpSearchDays` days later (never earlier: the reassessment must not fall inside the
    /// 84 days). Returns the appointments created; a follow-up with no free slot in that span is
    /// left out of the result (the caller can compare it with `plan.followUps`) rather than
    /// refusing the session it follows.
    static func bookFollowUps(plan: FollowUpPlan, patientID: UUID, practitionerID: UUID, sessionID: UUID,
                              calendar: ClinicCalendar, on database: any Database) async throws -> [AppointmentModel] {
        try await lockPractitioner(practitionerID, on: database)
        let schedule = try await PractitionerSchedule.load(practitionerID: practitionerID, calendar: calendar, on: database)
        var booked: [AppointmentModel] = []
        for followUp in plan.followUps {
            let minutes = AppointmentKind.followUpMinutes(followUp.kind)
            guard let slot = try await firstFreeSlot(from: followUp.date, minutes: minutes, schedule: schedule,
                                                     practitionerID: practitionerID, on: database) else { continue }
            let appointment = AppointmentModel()
            appointment.id = UUID()
            appointment.$practitioner.id = practitionerID
            appointment.$patient.id = patientID
            appointment.startAt = slot.start
            appointment.endAt = slot.end
            appointment.kind = AppointmentKind(followUp.kind).rawValue
            appointment.status = AppointmentStatus.booked.rawValue
            appointment.$session.id = sessionID
            try await insert(appointment, on: database)
            booked.append(appointment)
        }
        return booked
    }

    /// The first free slot of `minutes` on `date` or, when that day is full or closed, on the
    /// next open days up to `followUpSearchDays` after it.
    static func firstFreeSlot(from date: CalendarDate, minutes: Int, schedule: PractitionerSchedule,
                              practitionerID: UUID, on database: any Database) async throws -> BookedInterval? {
        let last = date.adding(days: followUpSearchDays)
        var day = schedule.calendar.nextOpenDay(onOrAfter: date)
        while day <= last {
            let booked = try await bookedIntervals(practitionerID: practitionerID, on: day,
                                                   timeZone: schedule.calendar.timeZone, database: database)
            if let slot = schedule.freeSlots(on: day, duration: minutes, step: followUpStepMinutes, booked: booked).first {
                return slot
            }
            day = schedule.calendar.nextOpenDay(onOrAfter: day.adding(days: 1))
        }
        return nil
    }

    /// The practitioner's appointments that hold time (every status but cancelled) on a clinic day.
    static func bookedIntervals(practitionerID: UUID, on date: CalendarDate, timeZone: TimeZone,
                                database: any Database) async throws -> [BookedInterval] {
        let dayStart = date.start(in: timeZone)
        let dayEnd = date.adding(days: 1).start(in: timeZone)
        return try await AppointmentModel.query(on: database)
            .filter(\.$practitioner.$id == practitionerID)
            .filter(\.$status != AppointmentStatus.cancelled.rawValue)
            .filter(\.$startAt < dayEnd)
            .filter(\.$endAt > dayStart)
            .all()
            .map { BookedInterval(start: $0.startAt, end: $0.endAt) }
    }

    /// Refuses `appointment` when another appointment of the practitioner that holds time
    /// overlaps it. The query narrows the candidates with the same half-open comparison the
    /// database rule uses (so the index helps); the core's `SlotFinder.overlaps` decides.
    static func checkFree(_ appointment: AppointmentModel, on database: any Database) async throws {
        guard appointment.status != AppointmentStatus.cancelled.rawValue else { return }
        let proposed = BookedInterval(start: appointment.startAt, end: appointment.endAt)
        var query = AppointmentModel.query(on: database)
            .filter(\.$practitioner.$id == appointment.$practitioner.id)
            .filter(\.$status != AppointmentStatus.cancelled.rawValue)
            .filter(\.$startAt < proposed.end)
            .filter(\.$endAt > proposed.start)
        if let id = appointment.id { query = query.filter(\.$id != id) }
        let candidates = try await query.sort(\.$startAt).all()
        if let clash = candidates.first(where: { SlotFinder.overlaps(BookedInterval(start: $0.startAt, end: $0.endAt), proposed) }) {
            throw doubleBooking(clash: BookedInterval(start: clash.startAt, end: clash.endAt))
        }
    }

    static func doubleBooking(clash: BookedInterval?) -> APIError {
        let message: String
        if let clash {
            message = "The practitioner is already booked from \(JSONCoding.formatInstant(clash.start)) to \(JSONCoding.formatInstant(clash.end)); choose another time."
        } else {
            message = "The practitioner was booked at an overlapping time a moment ago; choose another time."
        }
        return APIError(.conflict, code: "double_booking", message: message, field: "start")
    }

    /// Runs a write and turns the database's refusal of an overlap into the 409.
    static func refusingOverlap<T>(_ write: () async throws -> T) async throws -> T {
        do {
            return try await write()
        } catch where isOverlapRefusal(error) {
            throw doubleBooking(clash: nil)
        }
    }

    /// The database's own no-overlap rule: the SQLite trigger's `RAISE(ABORT, 'appointment_overlap')`,
    /// or PostgreSQL's exclusion constraint `appointment_overlap` (SQLSTATE 23P01).
    static func isOverlapRefusal(_ error: any Error) -> Bool {
        if let sqlite = error as? SQLiteError {
            return sqlite.message.contains(CreateAppointment.overlapMessage)
        }
        if let postgres = error as? PSQLError {
            return postgres.serverInfo?[.sqlState] == "23P01"
                && postgres.serverInfo?[.constraintName] == CreateAppointment.overlapMessage
        }
        return false
    }

    /// On PostgreSQL, locks the practitioner's row for the rest of the transaction so that
    /// concurrent bookings for them queue up (idempotent when the caller's `writeTransaction`
    /// already locked it). SQLite needs nothing: `BEGIN IMMEDIATE` already serialises writers.
    static func lockPractitioner(_ practitionerID: UUID, on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name != "sqlite" else { return }
        _ = try await sql.raw("SELECT id FROM users WHERE id = \(bind: practitionerID) FOR UPDATE").all()
    }
}
