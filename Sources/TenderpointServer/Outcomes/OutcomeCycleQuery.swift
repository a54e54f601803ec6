import Fluent
import Foundation
import SQLKit
import TenderpointCore

/// Reads the records behind the outcome report and turns them into cycle rows, a few hundred
/// patients at a time, so memory stays flat at 50,000 patients and the CSV can stream.
///
/// Patients are chosen by the filter (those with at least one matching session); each chunk then
/// reads all of its patients' sessions — a session outside the filter still ends the cycle before
/// it — their diaries and assessments, with SQLKit and plain `Decodable` rows (Fluent's model
/// hydration is many times slower on millions of diary rows). A voided session (charted in error,
/// DOMAIN.md §3) counts for nothing here: it is neither a cycle nor the end of one.
enum OutcomeCycleQuery {
    static let patientsPerChunk = 500

    /// One chunk's rows (sessions in the filter) and the adverse events of those sessions.
    struct Chunk: Sendable {
        var rows: [OutcomeCycleRow] = []
        var adverseEvents: [OutcomeAdverseEvent] = []
    }

    /// Calls `body` with each chunk, patients in id order and each patient's sessions in date order.
    /// `today` (the clinic's date) tells a follow-up still under way from a non-response.
    static func run(_ filter: OutcomeFilter, today: CalendarDate, on database: any Database, adverseEvents: Bool = true,
                    _ body: (Chunk) async throws -> Void) async throws {
        guard let sql = database as? any SQLDatabase else { throw CommandFailure("the database does not speak SQL") }
        let patients = try await patientIDs(filter, on: sql)
        let chunks = stride(from: 0, to: patients.count, by: patientsPerChunk).map {
            Array(patients[$0..<min($0 + patientsPerChunk, patients.count)])
        }
        // The next chunk is read while this one is fitted: the database works on its own threads,
        // the fitting on the others.
        typealias Read = (records: [OutcomePatientRecords], events: [OutcomeAdverseEvent])
        func fetch(_ index: Int) -> Task<Read, any Error>? {
            guard chunks.indices.contains(index) else { return nil }
            let ids = chunks[index]
            return Task {
                (try await records(for: ids, diaryFrom: filter.from, on: sql),
                 adverseEvents ? try await Self.adverseEvents(patients: ids, on: sql) : [])
            }
        }
        var next = fetch(0)
        defer { next?.cancel() }
        for index in chunks.indices {
            guard let current = next else { break }
            let read = try await current.value
            next = fetch(index + 1)
            var chunk = Chunk()
            chunk.rows = await rows(read.records, filter: filter, today: today)
            if !read.events.isEmpty {
                let sessions = Set(chunk.rows.map(\.sessionID))
                chunk.adverseEvents = read.events.filter { sessions.contains($0.sessionID) }
            }
            try await body(chunk)
        }
    }

    /// The rows of the sessions in the filter, in the records' order; the patients are shared out
    /// among the processor cores (each patient's cycles are independent of every other's).
    static func rows(_ records: [OutcomePatientRecords], filter: OutcomeFilter, today: CalendarDate) async -> [OutcomeCycleRow] {
        let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, records.count / 50))
        let size = (records.count + parts - 1) / parts
        return await withTaskGroup(of: (Int, [OutcomeCycleRow]).self) { group in
            for part in 0..<parts {
                let slice = records[min(part * size, records.count)..<min((part + 1) * size, records.count)]
                group.addTask {
                    var rows: [OutcomeCycleRow] = []
                    for records in slice {
                        for (session, reading) in records.readings()
                        where filter.includes(date: session.date, product: ToxinProduct(rawValue: session.product),
                                              totalUnits: session.totalUnits, injector: session.injectorID) {
                            rows.append(OutcomeCycleRow(patientID: records.patientID, session: session, reading: reading,
                                                        today: today))
                        }
                    }
                    return (part, rows)
                }
            }
            var results: [(Int, [OutcomeCycleRow])] = []
            for await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }

    /// Every row at once, with the adverse events of their sessions.
    static func all(_ filter: OutcomeFilter, today: CalendarDate, on database: any Database) async throws -> Chunk {
        var all = Chunk()
        try await run(filter, today: today, on: database) { chunk in
            all.rows += chunk.rows
            all.adverseEvents += chunk.adverseEvents
        }
        return all
    }

    /// Patients with at least one session in the filter, in id order.
    static func patientIDs(_ filter: OutcomeFilter, on sql: any SQLDatabase) async throws -> [UUID] {
        struct Row: Decodable { let patient_id: UUID }
        let select = sql.select().distinct().column("patient_id").from("treatment_sessions")
            .where(SQLColumn("voided_at"), .is, SQLLiteral.null)
        if let from = filter.from { select.where("date", .greaterThanOrEqual, from.iso) }
        if let to = filter.to { select.where("date", .lessThanOrEqual, to.iso) }
        if let product = filter.product { select.where("product", .equal, product.rawValue) }
        if let low = filter.minimumUnits { select.where("total_units_tenths", .greaterThanOrEqual, low.tenths) }
        if let high = filter.maximumUnits { select.where("total_units_tenths", .lessThanOrEqual, high.tenths) }
        if let injector = filter.injector { select.where("injector_id", .equal, injector) }
        return try await select.orderBy("patient_id").all(decoding: Row.self).map(\.patient_id)
    }

    /// One patient's records, for the patient's own outcome page.
    static func records(for patientID: UUID, on database: any Database) async throws -> OutcomePatientRecords {
        guard let sql = database as? any SQLDatabase else { throw CommandFailure("the database does not speak SQL") }
        return try await records(for: [patientID], diaryFrom: nil, on: sql).first
            ?? OutcomePatientRecords(patientID: patientID, sessions: [], diary: [], assessments: [])
    }

    /// The records of `patients` (each patient with at least one session), in the given order.
    /// `diaryFrom`: diary entries before the 14 days ahead of it cannot reach a session in the
    /// report, so they are not read.
    static func records(for patients: [UUID], diaryFrom: CalendarDate?,
                        on sql: any SQLDatabase) async throws -> [OutcomePatientRecords] {
        guard !patients.isEmpty else { return [] }
        let binds = patients.map { $0 as any Encodable & Sendable }

        struct SessionRow: Decodable {
            let id: UUID
            let patient_id: UUID
            let date: String
            let performed_at: Date
            let product: String
            let total_units_tenths: Int
            let injector_id: UUID
        }
        var sessions: [UUID: [OutcomePatientRecords.Session]] = [:]
        for row in try await sql.raw("""
            SELECT id, patient_id, date, performed_at, product, total_units_tenths, injector_id
            FROM treatment_sessions WHERE patient_id IN (\(binds: binds)) AND voided_at IS NULL
            """).all(decoding: SessionRow.self) {
            guard let date = Self.date(Substring(row.date)) else { continue }
            sessions[row.patient_id, default: []].append(OutcomePatientRecords.Session(
                id: row.id, date: date, performedAt: row.performed_at, product: row.product,
                totalUnits: Units(tenths: row.total_units_tenths), injectorID: row.injector_id))
        }

        // One row per patient with the diary as text ("2025-01-06:7,2025-01-07:6,…"): decoding
        // a row costs microseconds, and a 50,000-patient clinic has millions of diary entries.
        struct DiaryRow: Decodable {
            let patient_id: UUID
            let entries: String?
        }
        let aggregate = sql.dialect.name == "postgresql"
            ? "string_agg(date || ':' || CAST(pain_nrs AS TEXT), ',')"
            : "group_concat(date || ':' || CAST(pain_nrs AS TEXT), ',')"
        var diary: [UUID: [PainObservation]] = [:]
        let earliest = diaryFrom.map { $0.adding(days: -PainBaseline.windowDays).iso } ?? ""
        for row in try await sql.raw("""
            SELECT patient_id, \(unsafeRaw: aggregate) AS entries FROM diary_entries
            WHERE patient_id IN (\(binds: binds)) AND date >= \(bind: earliest)
            GROUP BY patient_id
            """).all(decoding: DiaryRow.self) {
            diary[row.patient_id] = Self.diaryEntries(row.entries ?? "")
        }

        struct AssessmentRow: Decodable {
            let patient_id: UUID
            let date: String
            let pain_nrs: Int?
            let fiqr_total: Double?
        }
        var assessments: [UUID: [AssessmentScores]] = [:]
        for row in try await sql.raw("""
            SELECT patient_id, date, pain_nrs, fiqr_total FROM assessments
            WHERE patient_id IN (\(binds: binds)) AND (pain_nrs IS NOT NULL OR fiqr_total IS NOT NULL)
            """).all(decoding: AssessmentRow.self) {
            guard let date = Self.date(Substring(row.date)) else { continue }
            assessments[row.patient_id, default: []].append(
                AssessmentScores(date: date, painNRS: row.pain_nrs.map(Double.init), fiqrTotal: row.fiqr_total))
        }

        return patients.map { patient in
            OutcomePatientRecords(patientID: patient, sessions: sessions[patient] ?? [], diary: diary[patient] ?? [],
                                  assessments: assessments[patient] ?? [])
        }
    }

    /// `2025-01-06:7,2025-01-07:6` as diary observations; an entry that does not read as a date and
    /// a whole number is skipped (the diary API stores nothing else). Read byte by byte in one
    /// pass: a 50,000-patient clinic has millions of entries.
    static func diaryEntries(_ text: String) -> [PainObservation] {
        var observations: [PainObservation] = []
        var text = text
        text.withUTF8 { bytes in
            observations.reserveCapacity(bytes.count / 12 + 1)
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: ",") { end += 1 }
                if let observation = diaryEntry(bytes, start..<end) { observations.append(observation) }
                start = end + 1
            }
        }
        return observations
    }

    /// One `YYYY-MM-DD:N` entry.
    private static func diaryEntry(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> PainObservation? {
        guard range.count >= 12, bytes[range.lowerBound + 10] == UInt8(ascii: ":"),
              let date = date(bytes, range.lowerBound),
              let pain = number(bytes, (range.lowerBound + 11)..<range.upperBound) else { return nil }
        return PainObservation(date: date, nrs: Double(pain), source: .diary)
    }

    /// A stored `YYYY-MM-DD`, read digit by digit: `CalendarDate(iso:)` checks the text more
    /// generally and is many times slower, which shows on 170,000 sessions.
    static func date(_ text: Substring) -> CalendarDate? {
        var text = String(text)
        return text.withUTF8 { bytes in bytes.count == 10 ? date(bytes, 0) : nil }
    }

    private static func date(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> CalendarDate? {
        guard bytes[start + 4] == UInt8(ascii: "-"), bytes[start + 7] == UInt8(ascii: "-"),
              let year = number(bytes, start..<(start + 4)), let month = number(bytes, (start + 5)..<(start + 7)),
              let day = number(bytes, (start + 8)..<(start + 10)) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count <= 9 else { return nil }
        var value = 0
        for index in range {
            let digit = Int(bytes[index]) &- 48
            guard (0...9).contains(digit) else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    static func adverseEvents(patients: [UUID], on sql: any SQLDatabase) async throws -> [OutcomeAdverseEvent] {
        struct Row: Decodable {
            let session_id: UUID
            let kind: String
            let severity: String
            let serious: Bool
            let source: String
        }
        let binds = patients.map { $0 as any Encodable & Sendable }
        // Events of a voided session drop out with it: only the report's sessions' events are kept.
        return try await sql.raw("""
            SELECT session_id, kind, severity, serious, source FROM adverse_events WHERE patient_id IN (\(binds: binds))
            """).all(decoding: Row.self).map {
            OutcomeAdverseEvent(sessionID: $0.session_id, kind: $0.kind, severity: $0.severity, serious: $0.serious,
                                source: $0.source)
        }
    }
}
