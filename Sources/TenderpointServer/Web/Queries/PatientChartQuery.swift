import Foundation
import SQLKit
import TenderpointCore

/// The rows behind a patient's timeline chart: their diary pain scores in a date range (only
/// the columns the chart draws), and their sessions with the core's plan and window for each.
enum PatientChartQuery {
    private struct Row: Decodable {
        let date: String
        let recorded_at: Date
        let pain_nrs: Int
    }

    static func entries(patient patientID: UUID, from start: CalendarDate, to end: CalendarDate, timeZone: TimeZone,
                        on sql: any SQLDatabase) async throws -> [TimelineChart.Entry] {
        // Dates are stored as YYYY-MM-DD, so text order is calendar order.
        let rows = try await sql.raw("""
            SELECT date, recorded_at, pain_nrs FROM diary_entries
            WHERE patient_id = \(bind: patientID) AND date >= \(bind: start.iso) AND date <= \(bind: end.iso)
            ORDER BY recorded_at, id
            """).all(decoding: Row.self)
        return rows.compactMap { row in
            guard let date = CalendarDate(iso: row.date) else { return nil }
            let fraction = row.recorded_at.timeIntervalSince(date.start(in: timeZone)) / 86_400
            return TimelineChart.Entry(date: date, dayFraction: min(max(fraction, 0), 0.999), painNRS: row.pain_nrs)
        }
    }

    /// The chart for a patient's timeline (`TimelineDTO`, already authorised and audited) and
    /// the diary entries of the range.
    static func model(timeline: TimelineDTO, entries: [TimelineChart.Entry], start: CalendarDate, end: CalendarDate,
                      calendar: ClinicCalendar) -> TimelineChart.Model {
        let sessions = timeline.sessions.sorted { $0.date < $1.date }.map { session in
            TimelineChart.Session(date: session.date, label: "\(session.totalUnits) \(session.product)",
                                  plan: FollowUpPlan(sessionDate: session.date, calendar: calendar),
                                  window: ReinjectionWindow(after: session.date))
        }
        return TimelineChart.Model(start: start, end: end, today: timeline.today, entries: entries, sessions: sessions)
    }
}
