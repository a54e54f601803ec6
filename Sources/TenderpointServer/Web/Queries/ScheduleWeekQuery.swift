import Fluent
import Foundation
import TenderpointCore

/// One practitioner's week: their appointments (every status, so a cancellation stays visible)
/// and the free slots their availability leaves within the clinic's hours, found by the same
/// `PractitionerSchedule` and core `SlotFinder` as `GET /api/practitioners/{id}/slots`.
enum ScheduleWeekQuery {
    /// Offered slots: the API's default length, one every half hour, so a day reads at a glance
    /// (the booking form takes any start time).
    static let slotMinutes = AvailabilityController.defaultSlotMinutes
    static let slotStepMinutes = 30
    /// More than any week holds; the appointment list query pages, this is one page.
    static let maximumAppointments = 1000

    /// The Monday on or before `date`: weeks run Monday to Sunday, as on the Today page.
    static func weekStart(of date: CalendarDate) -> CalendarDate {
        date.adding(days: -(Weekday.allCases.firstIndex(of: date.weekday) ?? 0))
    }

    /// Active clinicians and nurses, by name.
    static func practitioners(on database: any Database) async throws -> [ScheduleWeekPage.Practitioner] {
        try await UserModel.query(on: database)
            .filter(\.$role ~~ PractitionerRoles.all.map(\.rawValue))
            .filter(\.$active == true)
            .sort(\.$displayName).sort(\.$username).all()
            .compactMap { user in user.id.map { ScheduleWeekPage.Practitioner(id: $0, name: user.displayName) } }
    }

    /// The week of `practitionerID` starting on `weekStart`. Free slots are offered from `now` on only.
    static func days(practitionerID: UUID, weekStart: CalendarDate, calendar: ClinicCalendar, now: Date,
                     on database: any Database) async throws -> [ScheduleWeekPage.Day] {
        let zone = calendar.timeZone
        var filter = AppointmentQueries.Filter()
        filter.practitionerID = practitionerID
        filter.from = weekStart.start(in: zone)
        filter.to = weekStart.adding(days: 7).start(in: zone)
        let appointments = try await AppointmentQueries.list(filter, limit: maximumAppointments, offset: 0, on: database).items
        let schedule = try await PractitionerSchedule.load(practitionerID: practitionerID, calendar: calendar, on: database)
        return days(weekStart: weekStart, appointments: appointments, schedule: schedule, now: now)
    }

    /// The days shown: every weekday the clinic opens, and any other day that has appointments
    /// (booked before the opening days changed); each with its appointments and free slots.
    static func days(weekStart: CalendarDate, appointments: [AppointmentDTO], schedule: PractitionerSchedule,
                     now: Date) -> [ScheduleWeekPage.Day] {
        let calendar = schedule.calendar
        let zone = calendar.timeZone
        let byDate = Dictionary(grouping: appointments) { CalendarDate($0.start, in: zone) }
        return (0..<7).map { weekStart.adding(days: $0) }.compactMap { date in
            let dayAppointments = byDate[date] ?? []
            guard calendar.openWeekdays.contains(date.weekday) || !dayAppointments.isEmpty else { return nil }
            let booked = dayAppointments.filter { $0.status.occupiesTime }.map { BookedInterval(start: $0.start, end: $0.end) }
            let slots = schedule.freeSlots(on: date, duration: slotMinutes, step: slotStepMinutes, booked: booked)
                .filter { $0.start >= now }
            return ScheduleWeekPage.Day(
                date: date, open: calendar.isOpen(date),
                items: items(appointments: dayAppointments.map { appointment($0, zone: zone) },
                             slots: slots.map { ScheduleWeekPage.Slot(start: $0.start, date: date, time: WebFormat.time($0.start, in: zone)) }))
        }
    }

    static func appointment(_ dto: AppointmentDTO, zone: TimeZone) -> ScheduleWeekPage.Appointment {
        ScheduleWeekPage.Appointment(id: dto.id, start: dto.start,
                                     time: "\(WebFormat.time(dto.start, in: zone))–\(WebFormat.time(dto.end, in: zone))",
                                     patientID: dto.patientId, patientName: dto.patientName, kind: dto.kind, status: dto.status,
                                     overridden: dto.overrideReason != nil)
    }

    /// Appointments and free slots in time order, each run of free slots between two
    /// appointments as one item.
    static func items(appointments: [ScheduleWeekPage.Appointment], slots: [ScheduleWeekPage.Slot]) -> [ScheduleWeekPage.Item] {
        var items: [ScheduleWeekPage.Item] = []
        var run: [ScheduleWeekPage.Slot] = []
        var pending = slots.sorted { $0.start < $1.start }[...]
        for appointment in appointments.sorted(by: { $0.start < $1.start }) {
            while let slot = pending.first, slot.start < appointment.start {
                run.append(slot)
                pending = pending.dropFirst()
            }
            if !run.isEmpty { items.append(.free(run)); run = [] }
            items.append(.appointment(appointment))
        }
        run += pending
        if !run.isEmpty { items.append(.free(run)) }
        return items
    }
}
