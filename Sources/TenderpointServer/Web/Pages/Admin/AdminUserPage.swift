import Foundation
import Plot
import TenderpointCore

/// `/admin/users/{id}`: one account and what an admin may do with it — change the role (and
/// the patient link that goes with it), deactivate or reactivate, set a new password, clear a
/// lockout. Each is its own small form; a refused one shows its problem beside its field.
enum AdminUserPage {
    struct Model: Sendable, Equatable {
        let account: AdminUserQuery.Account
        /// The signed-in admin's own account: they may not demote or deactivate it.
        let isSelf: Bool
        var role: String
        var patient: String
        var errors: [String: String] = [:]
        var notice: String?

        init(account: AdminUserQuery.Account, isSelf: Bool) {
            self.account = account
            self.isSelf = isSelf
            role = account.role.rawValue
            patient = account.patient?.id.uuidString ?? ""
        }
    }

    /// What the page says after a change went through (`?done=`).
    static func notice(_ done: String?) -> String? {
        switch done {
        case "created": "The account was created."
        case "role": "The role was changed."
        case "deactivated": "The account was deactivated: its API tokens and web sessions have ended."
        case "reactivated": "The account was reactivated."
        case "password": "The new password was set; the account's other sign-ins have ended."
        case "unlocked": "The lockout was cleared."
        default: nil
        }
    }

    static let fieldOrder = ["role", "patient", "active", "password", "passwordConfirmation", "lockout"]

    enum View {
        static func render(_ model: Model, context: PageContext) -> HTML {
            let account = model.account
            let base = "/admin/users/\(account.id.uuidString)"
            return Layout.document(title: "Account \(account.username)", context: context, bodyClass: "admin", main: .group(
                .p(.a(.href("/admin/users"), "← Users and roles")),
                .h1(.text("Account: "), .safe(account.username)),
                .unwrap(model.notice) { .div(.class("notice"), .attribute(named: "role", value: "status"), .safe($0)) },
                FormControls.errorSummary(AdminFormFields.summary(model.errors, order: AdminUserPage.fieldOrder),
                                          title: "Nothing was changed"),
                .dl(.class("facts"),
                    .dt("Name"), .dd(.safe(account.displayName)),
                    .dt("Role"), .dd(.safe(account.role.rawValue.capitalized)),
                    .dt("State"), .dd(AdminUsersPage.View.state(account)),
                    .dt("Sign-in"), .dd(AdminUsersPage.View.signIn(account, timeZone: context.timeZone)),
                    .dt("Patient record"), .dd(.safe(account.patient?.label ?? "—")),
                    .dt("Created"), .dd(.safe(account.createdAt.map { WebFormat.dateTime($0, in: context.timeZone) } ?? "—")),
                    .dt("Audit trail"), .dd(.a(.attr("href", "/admin/audit?user=\(AdminFormFields.queryValue(account.username))"),
                                               "What this account did"))),
                .div(.class("admin-actions"),
                     roleForm(model, base: base, context: context),
                     activeForm(model, base: base, context: context),
                     passwordForm(model, base: base, context: context),
                     lockoutForm(model, base: base, context: context))
            ))
        }

        private static func roleForm(_ model: Model, base: String, context: PageContext) -> Node<HTML.BodyContext> {
            .section(.class("card"), .attribute(named: "aria-labelledby", value: "role-heading"),
                .h2(.id("role-heading"), "Role"),
                model.isSelf && model.account.role == .admin
                    ? .p(.class("muted"), "You cannot change your own role: another admin must.")
                    : .form(.action("\(base)/role"), .method(.post), .novalidate(),
                            Layout.csrfField(context),
                            AdminFormFields.select("role", label: "New role", selected: model.role,
                                                   options: AdminFormFields.roleOptions, error: model.errors["role"]),
                            AdminFormFields.text("patient", label: "Patient record (patient accounts only)", value: model.patient,
                                                 error: model.errors["patient"],
                                                 hint: "The patient's NHS number, record id or full name; ignored for staff roles."),
                            .button(.type(.submit), "Change the role")))
        }

        private static func activeForm(_ model: Model, base: String, context: PageContext) -> Node<HTML.BodyContext> {
            let account = model.account
            return .section(.class("card"), .id("active-field"), .attribute(named: "aria-labelledby", value: "active-heading"),
                .h2(.id("active-heading"), "Access"),
                FormControls.errorMessage("active", model.errors["active"]),
                account.active
                    ? (model.isSelf
                        ? .p(.class("muted"), "You cannot deactivate your own account: another admin must.")
                        : .form(.action("\(base)/deactivate"), .method(.post),
                                .attr("data-confirm", "Deactivate \(account.username)? Their sign-ins end at once."),
                                Layout.csrfField(context),
                                .p(.class("hint"), "Deactivating ends the account's API tokens and web sessions at once; its records stay."),
                                .button(.type(.submit), .class("danger"), "Deactivate the account")))
                    : .form(.action("\(base)/reactivate"), .method(.post), Layout.csrfField(context),
                            .p(.class("hint"), "The account can sign in again with its password."),
                            .button(.type(.submit), "Reactivate the account")))
        }

        private static func passwordForm(_ model: Model, base: String, context: PageContext) -> Node<HTML.BodyContext> {
            .section(.class("card"), .attribute(named: "aria-labelledby", value: "password-heading"),
                .h2(.id("password-heading"), "Reset the password"),
                .form(.action("\(base)/password"), .method(.post), .novalidate(),
                      Layout.csrfField(context),
                      .p(.class("hint"), .safe("Tell the person their new password in person or by phone. Their other sign-ins end; a lockout is cleared.")),
                      AdminFormFields.text("password", label: "New password", value: "", error: model.errors["password"], type: .password,
                                           hint: "At least \(UserAccounts.minimumPasswordLength) characters.", autocomplete: "new-password"),
                      AdminFormFields.text("passwordConfirmation", label: "The same password again", value: "",
                                           error: model.errors["passwordConfirmation"], type: .password, autocomplete: "new-password"),
                      .button(.type(.submit), "Set the new password")))
        }

        private static func lockoutForm(_ model: Model, base: String, context: PageContext) -> Node<HTML.BodyContext> {
            let account = model.account
            guard account.lockedUntil != nil || account.failedSignIns > 0 || model.errors["lockout"] != nil else { return .empty }
            return .section(.class("card"), .id("lockout-field"), .attribute(named: "aria-labelledby", value: "lockout-heading"),
                .h2(.id("lockout-heading"), "Lockout"),
                FormControls.errorMessage("lockout", model.errors["lockout"]),
                .p(AdminUsersPage.View.signIn(account, timeZone: context.timeZone)),
                .form(.action("\(base)/unlock"), .method(.post), Layout.csrfField(context),
                      .button(.type(.submit), "Clear the lockout")))
        }
    }
}

