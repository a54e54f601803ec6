import Foundation
import SQLKit
import TenderpointCore

/// A patient's diary entries between two clinic dates, newest first, as the API's
/// `DiaryEntryDTO` (the same row and columns as `GET /api/patients/{id}/diary`).
enum DiaryEntriesQuery {
    static func entries(patient patientID: UUID, from start: CalendarDate, to end: CalendarDate, limit: Int = 200,
                        on sql: any SQLDatabase) async throws -> [DiaryEntryDTO] {
        try await sql.raw("""
            SELECT \(unsafeRaw: DiaryEntryDTO.Row.columns)
            FROM diary_entries d JOIN users u ON u.id = d.entered_by
            WHERE d.patient_id = \(bind: patientID) AND d.date >= \(bind: start.iso) AND d.date <= \(bind: end.iso)
            ORDER BY d.recorded_at DESC, d.id
            LIMIT \(bind: limit)
            """).all(decoding: DiaryEntryDTO.Row.self).map(DiaryEntryDTO.init)
    }
}
