import Fluent
import Vapor

/// Every migration, in order. One migration per file; never edit one that has shipped.
enum Migrations {
    static func register(on app: Application) {
        app.migrations.add(CreateClinicSetting())
        app.migrations.add(CreatePatient())
        app.migrations.add(CreateUser())
        app.migrations.add(CreateToken())
        app.migrations.add(CreateCondition())
        app.migrations.add(CreateAssessment())
        app.migrations.add(CreateConsent())
        app.migrations.add(CreateVial())
        app.migrations.add(CreateTreatmentSession())
        app.migrations.add(CreateInjection())
        app.migrations.add(CreateAdverseEvent())
        app.migrations.add(CreateAppointment())
        app.migrations.add(CreateDiaryEntry())
        app.migrations.add(CreateAuditEvent())
        app.migrations.add(CreateAvailability())
        // The web pages' sessions, in the database so that every instance shares them.
        app.migrations.add(CreateWebSession())
        app.migrations.add(CreateCalendarFeedToken())
        app.migrations.add(CreateAuditUsernameIndex())
        app.migrations.add(CreateSessionDateIndex())
        app.migrations.add(CreateAppointmentStartIndex())
        // Clinical safety (December 2026): void, vial lifecycle, consent scope.
        app.migrations.add(AddSessionVoid())
        app.migrations.add(AddVialLifecycle())
        app.migrations.add(AddConsentProducts())
        // Patient-reported adverse events and their urgent alerts.
        app.migrations.add(AddAdverseEventSource())
        app.migrations.add(CreateAlert())
        // Issue 11: the daily backups' lease and last good copy.
        app.migrations.add(CreateBackupState())
    }
}
