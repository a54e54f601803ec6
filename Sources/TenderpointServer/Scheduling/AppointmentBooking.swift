import Fluent
import Foundation
import TenderpointCore
import Vapor

/// Booking appointments without double booking. Owned by the scheduling work; other
/// controllers call it inside their own `writeTransaction`.
enum AppointmentBooking {
    /// Inserts `appointment` inside the caller's transaction. A clash with another appointment of
    /// the same practitioner becomes `409 {"error":{"code":"double_booking"…}}`, whether the check
    /// or the database's own constraint catches it.
    static func insert(_ appointment: AppointmentModel, on database: any Database) async throws {
        // TODO(scheduling): check first for a clear message; map the constraint error to 409.
        try await appointment.create(on: database)
    }

    /// Books the follow-ups of `plan` with `practitionerID` at the first free slot (clinic hours,
    /// the practitioner's other appointments) on each follow-up's date, moving to the next open
    /// day when that day is full. Returns the appointments created.
    static func bookFollowUps(plan: FollowUpPlan, patientID: UUID, practitionerID: UUID, sessionID: UUID,
                              calendar: ClinicCalendar, on database: any Database) async throws -> [AppointmentModel] {
        // TODO(scheduling): real slot finding. Placeholder books 09:00 for 20 minutes.
        var booked: [AppointmentModel] = []
        for followUp in plan.followUps {
            let appointment = AppointmentModel()
            appointment.id = UUID()
            appointment.$practitioner.id = practitionerID
            appointment.$patient.id = patientID
            appointment.startAt = followUp.date.start(in: calendar.timeZone).addingTimeInterval(9 * 3600)
            appointment.endAt = appointment.startAt.addingTimeInterval(20 * 60)
            appointment.kind = followUp.kind.rawValue
            appointment.status = "booked"
            appointment.$session.id = sessionID
            try await insert(appointment, on: database)
            booked.append(appointment)
        }
        return booked
    }
}
