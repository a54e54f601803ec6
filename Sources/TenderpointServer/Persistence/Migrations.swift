import Fluent
import Vapor

/// Every migration, in order. One migration per file; never edit one that has shipped.
enum Migrations {
    static func register(on app: Application) {
        app.migrations.add(CreateClinicSetting())
    }
}
