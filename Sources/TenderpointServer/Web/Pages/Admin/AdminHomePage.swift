import Foundation
import Plot
import TenderpointCore

/// `/admin`: the three areas of clinic administration, each shown to the roles the access
/// table lets in.
enum AdminHomePage {
    struct Area: Sendable, Equatable {
        let title: String
        let path: String
        let summary: String
    }

    struct Model: Sendable, Equatable {
        let areas: [Area]
        /// The daily backups, for those who manage the clinic's settings.
        var backup: BackupStatus? = nil
        /// The backup settings form as typed, when it was refused, and its errors (by field name).
        var backupTime: String? = nil
        var backupCopies: String? = nil
        var backupErrors: [String: String] = [:]
    }

    static let users = Area(title: "Users and roles", path: "/admin/users",
                            summary: "Create accounts, change roles, deactivate, reset passwords and clear lockouts.")
    static let settings = Area(title: "Clinic settings", path: "/admin/settings",
                               summary: "Opening days and hours, closed dates, the pregnancy screening policy and dose limits.")
    static let audit = Area(title: "Audit trail", path: "/admin/audit",
                            summary: "Who did what, to which record, and when — filtered, paged and downloadable.")

    /// The areas `role` may open. The patient role reads only its own trail, in the portal.
    static func areas(for role: Role) -> [Area] {
        guard role != .patient else { return [] }
        var areas: [Area] = []
        if AccessTable.allows(role, .manageUsers) { areas.append(users) }
        if AccessTable.allows(role, .manageSettings) { areas.append(settings) }
        if AccessTable.allows(role, .readAudit) { areas.append(audit) }
        return areas
    }

    enum View {
        static func render(_ model: Model, context: PageContext) -> HTML {
            Layout.document(title: "Administration", context: context, bodyClass: "admin", main: .group(
                .h1("Administration"),
                .ul(.class("admin-areas"), .forEach(model.areas) { area in
                    .li(.class("card"),
                        .h2(.a(.href(area.path), .safe(area.title))),
                        .p(.safe(area.summary)))
                }),
                .unwrap(model.backup) { backupSection($0, model: model, context: context) }
            ))
        }

        /// "5 Dec 2026 at 02:00" in the clinic's time.
        static func clinicTime(_ date: Date, timeZone: TimeZone) -> String {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_GB")
            formatter.timeZone = timeZone
            formatter.dateFormat = "d MMM yyyy 'at' HH:mm"
            return formatter.string(from: date)
        }

        static func backupSection(_ status: BackupStatus, model: Model, context: PageContext) -> Node<HTML.BodyContext> {
            let timeZone = context.timeZone
            if status.postgres {
                return .section(.class("card backups"), .attribute(named: "aria-labelledby", value: "backups-title"),
                    .h2(.id("backups-title"), "Backups"),
                    .p("This clinic's database is PostgreSQL: Tenderpoint takes no automatic backups of it. Backing it up with pg_dump is the clinic's job, for example every night: ",
                       .code("pg_dump --format=custom --file=tenderpoint-$(date +%F).dump \"$DATABASE_URL\""), "."))
            }
            let settings = status.settings
            return .section(.class("card backups"), .attribute(named: "aria-labelledby", value: "backups-title"),
                .h2(.id("backups-title"), "Backups"),
                .if(status.stale, .div(.class("error-summary"), .attribute(named: "role", value: "alert"),
                    .h3("Backups need attention"),
                    .p(.text(status.lastGoodAt == nil
                        ? "No good backup has been taken yet."
                        : "The last good backup is older than 36 hours.")),
                    .unwrap(status.lastError) { .p(.text("The last attempt failed: \($0)")) })),
                .unwrap(status.lastGoodAt) { at in
                    .p(.id("backup-last-good"),
                       .text("Last good backup: \(clinicTime(at, timeZone: timeZone)), \(status.lastGoodFile ?? ""), "
                             + SQLiteBackup.describe(size: status.lastGoodSize ?? 0) + ", integrity and row counts checked."))
                },
                .if(!status.stale && status.lastError != nil,
                    .p(.class("warning"), .text("The last attempt failed: \(status.lastError ?? "")"))),
                .p(.text("A copy is taken every day at \(settings.timeText) clinic time into the data directory's backups folder; the newest \(settings.copies) are kept.")),
                FormControls.errorSummary(AdminFormFields.summary(model.backupErrors, order: ["backupTime", "backupCopies"]),
                                          title: "The backup settings were not saved"),
                .form(
                    .class("admin-form"), .action("/admin/backups"), .method(.post), .novalidate(),
                    Layout.csrfField(context),
                    AdminFormFields.text("backupTime", label: "Daily backup time", value: model.backupTime ?? settings.timeText,
                                         error: model.backupErrors["backupTime"], type: .time,
                                         hint: "Clinic time, HH:MM; a quiet hour such as 02:00.", required: true),
                    AdminFormFields.text("backupCopies", label: "Copies kept", value: model.backupCopies ?? String(settings.copies),
                                         error: model.backupErrors["backupCopies"], type: .number,
                                         hint: "The newest daily copies kept, from \(BackupSettings.copiesRange.lowerBound) to \(BackupSettings.copiesRange.upperBound).",
                                         required: true,
                                         extra: [.attr("min", String(BackupSettings.copiesRange.lowerBound)),
                                                 .attr("max", String(BackupSettings.copiesRange.upperBound))]),
                    .div(.class("actions"), .button(.type(.submit), "Save the backup settings"))
                )
            )
        }
    }
}
