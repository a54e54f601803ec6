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
                })
            ))
        }
    }
}
