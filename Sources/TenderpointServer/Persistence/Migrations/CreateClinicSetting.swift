import Fluent

/// Clinic settings (time zone, opening days, dose limits…) as audited key–value pairs.
struct CreateClinicSetting: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("clinic_settings")
            .field("key", .string, .identifier(auto: false))
            .field("value", .string, .required)
            .field("updated_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("clinic_settings").delete()
    }
}
