import Fluent
import Foundation
import SQLKit
import TenderpointCore

/// The re-injection rule for a booked injection appointment, decided by the core's
/// `ReinjectionWindow`. The dates it counts: the patient's recorded sessions and their other
/// injection appointments that are booked or attended (a cancelled or missed one gave no toxin).
///
/// An appointment must be 84 days after the latest of those on or before it (recorded sessions
/// always count, even a later back-dated one), and an injection already booked after it must
/// still be 84 days later. Counting the later appointments separately keeps a booking for the
/// cycle after next from being refused merely because it is earlier than the last booked one.
enum InjectionIntervalCheck {
    static func decide(proposed: CalendarDate, patientID: UUID, excluding appointmentID: UUID?,
                       override: ReinjectionOverride?, timeZone: TimeZone,
                       on database: any Database) async throws -> ReinjectionDecision {
        let sessions = try await sessionDates(patientID: patientID, on: database)
        let booked = try await injectionAppointmentDates(patientID: patientID, excluding: appointmentID,
                                                         timeZone: timeZone, on: database)
        let earlier = sessions + booked.filter { $0 <= proposed }
        var decision: ReinjectionDecision
        do throws(Problems) {
            decision = try ReinjectionWindow.decide(proposed: proposed, sessionDates: earlier, override: override)
        } catch {
            throw Problems(error.all.map(onStart))
        }

        if let next = booked.filter({ $0 > proposed }).min(),
           case .tooEarly = ReinjectionWindow.assess(proposed: next, lastSession: proposed) {
            let gap = next.days(since: proposed)
            guard let override else {
                throw Problem(.intervalTooShort,
                              "An injection is already booked on \(next), only \(gap) day\(gap == 1 ? "" : "s") after \(proposed); the minimum interval is \(ReinjectionWindow.minimumIntervalDays) days.",
                              field: "start")
            }
            do throws(Problems) {
                // The same permission and reason rules as any override of the interval.
                decision = try ReinjectionWindow.decide(proposed: next, lastSession: proposed, override: override)
            } catch {
                throw Problems(error.all.map(onStart))
            }
        }
        return decision
    }

    /// The core names the proposed session's field `date`; an appointment's is `start`.
    private static func onStart(_ problem: Problem) -> Problem {
        problem.field == "date" ? Problem(problem.code, problem.message, field: "start") : problem
    }

    static func sessionDates(patientID: UUID, on database: any Database) async throws -> [CalendarDate] {
        guard let sql = database as? any SQLDatabase else { return [] }
        struct Row: Decodable { let date: String }
        // A voided session counts for nothing.
        return try await sql.select().column("date").from(TreatmentSessionModel.schema)
            .where("patient_id", .equal, patientID)
            .where(SQLIdentifier("voided_at"), .is, SQLLiteral.null)
            .all(decoding: Row.self)
            .compactMap { CalendarDate(iso: $0.date) }
    }

    static func injectionAppointmentDates(patientID: UUID, excluding appointmentID: UUID?, timeZone: TimeZone,
                                          on database: any Database) async throws -> [CalendarDate] {
        var query = injectionAppointments(on: database).filter(\.$patient.$id == patientID)
        if let appointmentID { query = query.filter(\.$id != appointmentID) }
        return try await query.all().map { CalendarDate($0.startAt, in: timeZone) }
    }

    /// The appointments that count as an injection for the interval rule: one definition for
    /// the booking check and the Today page.
    private static func injectionAppointments(on database: any Database) -> QueryBuilder<AppointmentModel> {
        AppointmentModel.query(on: database)
            .filter(\.$kind == AppointmentKind.injection.rawValue)
            .filter(\.$status ~~ AppointmentStatus.countingAsInjection.map(\.rawValue))
    }

    /// The same for many patients at once (the Today page), by patient; a patient without
    /// injection appointments is absent.
    static func injectionAppointmentDates(patientIDs: [UUID], timeZone: TimeZone,
                                          on database: any Database) async throws -> [UUID: [CalendarDate]] {
        var dates: [UUID: [CalendarDate]] = [:]
        // In slices, so no statement binds more values than PostgreSQL accepts.
        for start in stride(from: 0, to: patientIDs.count, by: 1000) {
            let slice = Array(patientIDs[start..<min(start + 1000, patientIDs.count)])
            for appointment in try await injectionAppointments(on: database).filter(\.$patient.$id ~~ slice).all() {
                dates[appointment.$patient.id, default: []].append(CalendarDate(appointment.startAt, in: timeZone))
            }
        }
        return dates
    }
}
