import Fluent
import SQLKit

/// The Today page and the appointment list read one day of every practitioner's appointments:
/// the existing indexes begin with the practitioner or the patient, so that read walked every
/// appointment (772,000 in the 50,000-patient demo).
struct CreateAppointmentStartIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "appointments_start").on("appointments").column("start_at").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(index: "appointments_start").run()
    }
}
