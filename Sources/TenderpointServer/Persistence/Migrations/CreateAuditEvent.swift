import Fluent
import SQLKit

/// The audit trail, append-only in the database itself: updates and deletes are refused.
struct CreateAuditEvent: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("audit_events")
            .id()
            .field("at", .datetime, .required)
            .field("user_id", .uuid)
            .field("username", .string)
            .field("role", .string)
            .field("action", .string, .required)
            .field("resource_type", .string, .required)
            .field("resource_id", .string)
            .field("patient_id", .uuid)
            .field("outcome", .string, .required)
            .field("detail", .string)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "audit_patient_at").on("audit_events").column("patient_id").column("at").run()
        try await sql.create(index: "audit_at").on("audit_events").column("at").run()
        if sql.dialect.name == "sqlite" {
            for event in ["UPDATE", "DELETE"] {
                try await sql.raw("""
                    CREATE TRIGGER audit_events_append_only_\(unsafeRaw: event.lowercased())
                    BEFORE \(unsafeRaw: event) ON audit_events
                    BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END
                    """).run()
            }
        } else {
            try await sql.raw("""
                CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION 'audit_events is append-only'; END; $$ LANGUAGE plpgsql
                """).run()
            try await sql.raw("""
                CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
                FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()
                """).run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("audit_events").delete()
    }
}
