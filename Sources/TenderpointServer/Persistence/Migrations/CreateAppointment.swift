import Fluent
import SQLKit

/// Appointments, with the no-double-booking rule in the database: on SQLite a trigger refuses an
/// overlapping row (SQLite has one writer at a time, so the check and the insert cannot interleave);
/// on PostgreSQL an exclusion constraint over the practitioner and the time range does the same
/// even for concurrent transactions on several server instances.
struct CreateAppointment: AsyncMigration {
    static let overlapMessage = "appointment_overlap"

    func prepare(on database: any Database) async throws {
        try await database.schema("appointments")
            .id()
            .field("practitioner_id", .uuid, .required, .references("users", "id"))
            .field("patient_id", .uuid, .required, .references("patients", "id"))
            .field("start_at", .datetime, .required)
            .field("end_at", .datetime, .required)
            .field("kind", .string, .required)
            .field("status", .string, .required)
            .field("session_id", .uuid, .references("treatment_sessions", "id"))
            .field("override_reason", .string)
            .field("note", .string)
            .field("created_at", .datetime)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "appointments_practitioner_start").on("appointments")
            .column("practitioner_id").column("start_at").run()
        try await sql.create(index: "appointments_patient_start").on("appointments")
            .column("patient_id").column("start_at").run()

        if sql.dialect.name == "sqlite" {
            for event in ["INSERT", "UPDATE"] {
                try await sql.raw("""
                    CREATE TRIGGER appointments_no_overlap_\(unsafeRaw: event.lowercased())
                    BEFORE \(unsafeRaw: event) ON appointments
                    WHEN NEW.status <> 'cancelled' AND EXISTS (
                        SELECT 1 FROM appointments a
                        WHERE a.practitioner_id = NEW.practitioner_id AND a.id <> NEW.id
                          AND a.status <> 'cancelled'
                          AND a.start_at < NEW.end_at AND a.end_at > NEW.start_at)
                    BEGIN SELECT RAISE(ABORT, '\(unsafeRaw: Self.overlapMessage)'); END
                    """).run()
            }
        } else {
            try await sql.raw("CREATE EXTENSION IF NOT EXISTS btree_gist").run()
            try await sql.raw("""
                ALTER TABLE appointments ADD CONSTRAINT \(unsafeRaw: Self.overlapMessage)
                EXCLUDE USING gist (practitioner_id WITH =, tstzrange(start_at, end_at, '[)') WITH &&)
                WHERE (status <> 'cancelled')
                """).run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("appointments").delete()
    }
}
