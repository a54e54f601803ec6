import Foundation
import Plot
import TenderpointCore

/// `/admin/users`: every account with its role, state, lockout and (for a patient) the record
/// it belongs to, filtered by role or name, a hundred at a time.
enum AdminUsersPage {
    struct Model: Sendable, Equatable {
        var role = ""
        var query = ""
        var offset = 0
        var page = AdminUserQuery.Page(accounts: [], total: 0)
    }

    enum View {
        static func render(_ model: Model, context: PageContext) -> HTML {
            Layout.document(title: "Users and roles", context: context, bodyClass: "admin", main: .group(
                .p(.a(.href("/admin"), "← Administration")),
                .h1("Users and roles"),
                .p(.a(.class("button"), .href("/admin/users/new"), "Create an account")),
                .form(.class("search"), .action("/admin/users"), .method(.get),
                      .div(.class("field"), .label(.for("q"), "Username or name"),
                           .input(.type(.search), .id("q"), .name("q"), .attr("value", model.query))),
                      .div(.class("field"), .label(.for("role"), "Role"),
                           FormControls.select(id: "role", name: "role", selected: model.role,
                                               options: [("", "Any role")] + AdminFormFields.roleOptions)),
                      .button(.type(.submit), "Show")),
                .p(.class("muted"), .safe("\(model.page.total) account\(model.page.total == 1 ? "" : "s")")),
                model.page.accounts.isEmpty ? .p(.class("empty"), "No account matches.") : .div(.class("table-scroll"), .table(
                    .class("admin-users"),
                    .thead(.tr(.th("Username"), .th("Name"), .th("Role"), .th("State"), .th("Sign-in"), .th("Patient record"))),
                    .tbody(.forEach(model.page.accounts) { account in
                        .tr(.td(.a(.href("/admin/users/\(account.id.uuidString)"), .safe(account.username))),
                            .td(.safe(account.displayName)),
                            .td(.safe(account.role.rawValue.capitalized)),
                            .td(state(account)),
                            .td(signIn(account, timeZone: context.timeZone)),
                            .td(.safe(account.patient?.label ?? "—")))
                    }))),
                pager(model)
            ))
        }

        static func state(_ account: AdminUserQuery.Account) -> Node<HTML.BodyContext> {
            account.active ? .span(.class("badge badge--ok"), "Active") : .span(.class("badge badge--error"), "Deactivated")
        }

        static func signIn(_ account: AdminUserQuery.Account, timeZone: TimeZone) -> Node<HTML.BodyContext> {
            if let until = account.lockedUntil {
                return .span(.class("badge badge--warn"), .safe("Locked until \(WebFormat.dateTime(until, in: timeZone))"))
            }
            if account.failedSignIns > 0 {
                return .safe("\(account.failedSignIns) failed sign-in\(account.failedSignIns == 1 ? "" : "s")")
            }
            return .text("—")
        }

        private static func pager(_ model: Model) -> Node<HTML.BodyContext> {
            func link(_ offset: Int) -> String {
                var components = URLComponents()
                components.path = "/admin/users"
                components.queryItems = [URLQueryItem(name: "q", value: model.query), URLQueryItem(name: "role", value: model.role),
                                         URLQueryItem(name: "offset", value: String(offset))]
                return components.string ?? "/admin/users"
            }
            return .nav(.class("pager"), .attribute(named: "aria-label", value: "Pages"),
                        .if(model.offset > 0, .a(.attr("href", link(max(0, model.offset - AdminUserQuery.pageSize))), "Previous")),
                        .if(model.offset + model.page.accounts.count < model.page.total,
                            .a(.attr("href", link(model.offset + AdminUserQuery.pageSize)), "Next")))
        }
    }
}
