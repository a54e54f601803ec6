import Fluent
import Foundation
import SQLKit
import TenderpointCore

/// Puts on record what a diary entry's side effects report (the core's
/// `AdverseEventPatientReport` decides which): adverse events of the patient's latest session
/// (source patient, severity not yet assessed) and alerts for the urgent kinds. Runs inside the
/// diary entry's own transaction, so the entry, its events, its alerts and their audit records
/// are written together or not at all.
enum PatientReportedEvents {
    /// What was written, for the diary's answer.
    struct Written: Sendable, Equatable {
        var adverseEventIDs: [UUID] = []
        var alertIDs: [UUID] = []
        /// Every urgent kind the entry named, whether or not it raised a new alert.
        var urgent: [AdverseEventKind] = []
    }

    static func record(_ sideEffects: AdverseEventPatientReport.SideEffects, entry: DiaryEntryModel, patientID: UUID,
                       user: AuthenticatedUser, now: Date, on database: any Database) async throws -> Written {
        guard !sideEffects.kinds.isEmpty else { return Written() }
        let sql = database as! any SQLDatabase
        guard let entryID = entry.id, let entryDate = CalendarDate(iso: entry.date) else { return Written() }

        struct SessionRow: Decodable {
            let id: UUID
            let date: String
        }
        // The latest session on or before the entry's date; a voided session counts for nothing.
        let session = try await sql.raw("""
            SELECT id, date FROM treatment_sessions
            WHERE patient_id = \(bind: patientID) AND date <= \(bind: entryDate.iso) AND voided_at IS NULL
            ORDER BY date DESC, performed_at DESC LIMIT 1
            """).first(decoding: SessionRow.self)
        let sessionDate = session.flatMap { CalendarDate(iso: $0.date) }

        struct KindRow: Decodable { let kind: String }
        var onRecord: Set<AdverseEventKind> = []
        if let session {
            onRecord = Set(try await sql.raw("SELECT kind FROM adverse_events WHERE session_id = \(bind: session.id)")
                .all(decoding: KindRow.self).compactMap { AdverseEventKind(rawValue: $0.kind) })
        }
        let openAlerts = Set(try await sql.raw("""
            SELECT kind FROM alerts WHERE patient_id = \(bind: patientID) AND acknowledged_at IS NULL
            """).all(decoding: KindRow.self).compactMap { AdverseEventKind(rawValue: $0.kind) })

        let plan = AdverseEventPatientReport.plan(sideEffects, entryDate: entryDate, latestSessionDate: sessionDate,
                                                  kindsOnRecord: onRecord, openAlertKinds: openAlerts)
        var written = Written(urgent: plan.urgent)
        var eventOfKind: [AdverseEventKind: UUID] = [:]
        if let session, let sessionDate = plan.sessionDate {
            for kind in plan.newEvents {
                // The core's own checks (onset on or after the session, not after today); the
                // entry may be dated "tomorrow" by the clock tolerance near midnight.
                let event = try AdverseEvent(kind: kind, onsetDate: entryDate, severity: .notYetAssessed, serious: false,
                                             description: "Reported by the patient in the diary.", resolvedOn: nil,
                                             sessionDate: sessionDate, today: entryDate)
                let model = AdverseEventModel()
                model.id = UUID()
                model.$patient.id = patientID
                model.$session.id = session.id
                model.$recorder.id = user.id
                model.source = AdverseEventSource.patient.rawValue
                model.diaryEntryID = entryID
                model.apply(event)
                try await model.create(on: database)
                let id = try model.requireID()
                eventOfKind[kind] = id
                written.adverseEventIDs.append(id)
                try await AuditLog.insert(AuditEntry(user: user, action: .create, resourceType: "AdverseEvent",
                                                     resourceID: id.uuidString, patientID: patientID,
                                                     detail: "\(kind.rawValue) reported in the diary"
                                                         + (kind.isUrgent ? " (urgent)" : "")), on: database)
            }
            // An urgent kind already on record for the session: its new alert points at that event.
            let missing = plan.alerts.filter { eventOfKind[$0] == nil }
            if !missing.isEmpty {
                struct EventRow: Decodable {
                    let id: UUID
                    let kind: String
                }
                for row in try await sql.raw("""
                    SELECT id, kind FROM adverse_events WHERE session_id = \(bind: session.id)
                    ORDER BY created_at
                    """).all(decoding: EventRow.self) {
                    if let kind = AdverseEventKind(rawValue: row.kind), missing.contains(kind), eventOfKind[kind] == nil {
                        eventOfKind[kind] = row.id
                    }
                }
            }
        }
        for kind in plan.alerts {
            let alert = AlertModel()
            alert.id = UUID()
            alert.$patient.id = patientID
            alert.kind = kind.rawValue
            alert.raisedAt = now
            alert.adverseEventID = eventOfKind[kind]
            alert.diaryEntryID = entryID
            try await alert.create(on: database)
            let id = try alert.requireID()
            written.alertIDs.append(id)
            try await AuditLog.insert(AuditEntry(user: user, action: .create, resourceType: "Alert", resourceID: id.uuidString,
                                                 patientID: patientID, detail: "\(kind.rawValue) reported in the diary"),
                                      on: database)
        }
        return written
    }
}
