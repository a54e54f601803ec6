import Fluent
import Foundation
import SQLKit
import TenderpointCore

/// Builds `TodayPage.Model` from the database. The dates come from the core: the follow-up plan
/// (`FollowUpPlan`, with closed days moved) and the re-injection window (`ReinjectionWindow`);
/// SQL only narrows the rows to the sessions that could matter.
enum TodayQuery {
    /// What the signed-in role may see, from the access table.
    struct Sections: Sendable {
        var planning: Bool
        var stock: Bool
        var linksToPatients: Bool

        init(role: Role) {
            planning = AccessTable.allows(role, .readAppointments)
            stock = AccessTable.allows(role, .readStock)
            linksToPatients = AccessTable.allows(role, .readClinical)
        }
    }

    static let vialWarningDays = 30

    static func load(today: CalendarDate, calendar: ClinicCalendar, sections: Sections,
                     on database: any Database) async throws -> TodayPage.Model {
        let sql = database as! any SQLDatabase
        let zone = calendar.timeZone
        let weekStart = today.adding(days: -(Weekday.allCases.firstIndex(of: today.weekday) ?? 0))
        let weekEnd = weekStart.adding(days: 6)
        return TodayPage.Model(
            date: today, weekStart: weekStart, weekEnd: weekEnd,
            practitioners: try await appointments(on: today, timeZone: zone, database: database),
            followUps: sections.planning ? try await followUps(today: today, calendar: calendar, sql: sql) : nil,
            reinjection: sections.planning ? try await windows(from: weekStart, to: weekEnd, timeZone: zone, sql: sql, database: database) : nil,
            vials: sections.stock ? try await vials(today: today, timeZone: zone, sql: sql) : nil,
            linksToPatients: sections.linksToPatients)
    }

    static func appointments(on today: CalendarDate, timeZone: TimeZone, database: any Database) async throws -> [TodayPage.Model.PractitionerDay] {
        let filter = AppointmentQueries.Filter(from: today.start(in: timeZone), to: today.adding(days: 1).start(in: timeZone))
        let items = try await AppointmentQueries.list(filter, limit: 5000, offset: 0, on: database).items
        var days: [(name: String, id: UUID, appointments: [TodayPage.Model.Appointment])] = []
        for item in items {
            let appointment = TodayPage.Model.Appointment(
                time: "\(WebFormat.time(item.start, in: timeZone))–\(WebFormat.time(item.end, in: timeZone))",
                patientID: item.patientId, patientName: item.patientName, kind: item.kind, status: item.status)
            if let index = days.firstIndex(where: { $0.id == item.practitionerId }) {
                days[index].appointments.append(appointment)
            } else {
                days.append((item.practitionerName, item.practitionerId, [appointment]))
            }
        }
        return days.sorted { $0.name < $1.name }.map { TodayPage.Model.PractitionerDay(name: $0.name, appointments: $0.appointments) }
    }

    private struct SessionRow: Decodable {
        let id: UUID
        let patient_id: UUID
        let date: String
        let given_name: String
        let family_name: String
    }

    private struct FollowUpAppointmentRow: Decodable {
        let session_id: UUID
        let kind: String
        let start_at: Date
    }

    static func followUps(today: CalendarDate, calendar: ClinicCalendar, sql: any SQLDatabase) async throws -> [TodayPage.Model.FollowUpGroup] {
        // Only the sessions whose follow-up can land on today: for each kind, those whose nominal
        // day falls on today or on the closed days just before it (the core's calendar says which).
        // The plan below still decides; this only keeps the read to a few days of sessions.
        guard let movedOntoToday = calendar.datesMovedOnto(today) else {
            return FollowUpKind.allCases.map { TodayPage.Model.FollowUpGroup(kind: $0, patients: []) }
        }
        let ranges: [SQLQueryString] = FollowUpKind.allCases.map { kind in
            "(s.date >= \(bind: movedOntoToday.lowerBound.adding(days: -kind.nominalDay).iso) AND s.date <= \(bind: movedOntoToday.upperBound.adding(days: -kind.nominalDay).iso))"
        }
        let sessions = try await sql.raw("""
            SELECT s.id, s.patient_id, s.date, p.given_name, p.family_name
            FROM treatment_sessions s JOIN patients p ON p.id = s.patient_id
            WHERE s.voided_at IS NULL AND (\(ranges.joined(separator: " OR ")))
            ORDER BY p.family_name, p.given_name
            """).all(decoding: SessionRow.self)
        var due: [FollowUpKind: [(row: SessionRow, date: CalendarDate, followUp: FollowUp)]] = [:]
        for row in sessions {
            guard let date = CalendarDate(iso: row.date) else { continue }
            for followUp in FollowUpPlan(sessionDate: date, calendar: calendar).followUps where followUp.date == today {
                due[followUp.kind, default: []].append((row, date, followUp))
            }
        }
        // The appointments booked for these follow-ups today, by session and kind.
        let sessionIDs = due.values.flatMap { $0.map(\.row.id) }
        var booked: [String: Date] = [:]
        if !sessionIDs.isEmpty {
            let rows = try await sql.select().columns("session_id", "kind", "start_at").from(AppointmentModel.schema)
                .where("session_id", .in, sessionIDs)
                .where("status", .notEqual, AppointmentStatus.cancelled.rawValue)
                .where("start_at", .greaterThanOrEqual, today.start(in: calendar.timeZone))
                .where("start_at", .lessThan, today.adding(days: 1).start(in: calendar.timeZone))
                .all(decoding: FollowUpAppointmentRow.self)
            for row in rows { booked["\(row.session_id)|\(row.kind)"] = row.start_at }
        }
        return FollowUpKind.allCases.map { kind in
            TodayPage.Model.FollowUpGroup(kind: kind, patients: (due[kind] ?? []).map { item in
                TodayPage.Model.DueFollowUp(
                    patientID: item.row.patient_id, patientName: "\(item.row.given_name) \(item.row.family_name)",
                    sessionDate: item.date, moved: item.followUp.isMoved,
                    bookedTime: booked["\(item.row.id)|\(AppointmentKind(kind).rawValue)"].map { WebFormat.time($0, in: calendar.timeZone) })
            })
        }
    }

    private struct LastSessionRow: Decodable {
        let patient_id: UUID
        let last_date: String
        let given_name: String
        let family_name: String
    }

    /// Patients whose last session lies 84 days before a day of this week. Only the sessions of
    /// that one week are read (by the date index), each kept when no later session of the patient
    /// exists, and the injections already booked for all of them come in one query: on a clinic of
    /// 50,000 patients a scan of every session plus a query per patient took seconds.
    static func windows(from weekStart: CalendarDate, to weekEnd: CalendarDate, timeZone: TimeZone, sql: any SQLDatabase,
                        database: any Database) async throws -> [TodayPage.Model.WindowOpening] {
        let interval = ReinjectionWindow.minimumIntervalDays
        let rows = try await sql.raw("""
            SELECT s.patient_id, s.date AS last_date, p.given_name, p.family_name
            FROM treatment_sessions s JOIN patients p ON p.id = s.patient_id
            WHERE s.date >= \(bind: weekStart.adding(days: -interval).iso) AND s.date <= \(bind: weekEnd.adding(days: -interval).iso)
              AND s.voided_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM treatment_sessions later
                              WHERE later.patient_id = s.patient_id AND later.date > s.date AND later.voided_at IS NULL)
            ORDER BY s.date, p.family_name, p.given_name
            """).all(decoding: LastSessionRow.self)
        var seen = Set<UUID>()
        let lastSessions = rows.filter { seen.insert($0.patient_id).inserted }
        let booked = try await InjectionIntervalCheck.injectionAppointmentDates(
            patientIDs: lastSessions.map(\.patient_id), timeZone: timeZone, on: database)
        var openings: [TodayPage.Model.WindowOpening] = []
        for row in lastSessions {
            guard let last = CalendarDate(iso: row.last_date) else { continue }
            let window = ReinjectionWindow(after: last)
            guard window.earliest >= weekStart, window.earliest <= weekEnd else { continue }
            openings.append(TodayPage.Model.WindowOpening(
                patientID: row.patient_id, patientName: "\(row.given_name) \(row.family_name)", window: window,
                bookedInjection: booked[row.patient_id, default: []].filter { $0 > last }.min()))
        }
        return openings
    }

    static func vials(today: CalendarDate, timeZone: TimeZone, sql: any SQLDatabase) async throws -> [TodayPage.Model.ExpiringVial] {
        struct Row: Decodable {
            let product: String
            let lot_number: String
            let expiry_date: String
            let state: String
        }
        let rows = try await sql.select().columns("product", "lot_number", "expiry_date", "state").from(VialModel.schema)
            .where("state", .in, [VialState.unopened.rawValue, VialState.inUse.rawValue])
            .where("expiry_date", .lessThanOrEqual, today.adding(days: vialWarningDays).iso)
            .orderBy("expiry_date").orderBy("lot_number")
            .all(decoding: Row.self)
        return rows.compactMap { row in
            guard let expiry = CalendarDate(iso: row.expiry_date) else { return nil }
            let product = ToxinProduct(rawValue: row.product)
            return TodayPage.Model.ExpiringVial(
                product: product?.displayName ?? row.product, lotNumber: row.lot_number, expiryDate: expiry,
                daysLeft: expiry.days(since: today),
                state: (VialState(rawValue: row.state) ?? .unopened) == .inUse ? "in use" : "unopened")
        }
    }
}
