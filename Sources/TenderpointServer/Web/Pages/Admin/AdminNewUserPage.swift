import Plot
import TenderpointCore

/// `/admin/users/new`: a new account. The password rule and hashing are the command line's
/// (`UserAccounts`); a refused form shows every problem beside its field and keeps everything
/// typed but the passwords.
enum AdminNewUserPage {
    struct Model: Sendable, Equatable {
        var form = AdminNewUserForm()
        var errors: [String: String] = [:]
    }

    enum View {
        static func render(_ model: Model, context: PageContext) -> HTML {
            let form = model.form
            return Layout.document(title: "Create an account", context: context, bodyClass: "admin", main: .group(
                .p(.a(.href("/admin/users"), "← Users and roles")),
                .h1("Create an account"),
                FormControls.errorSummary(AdminFormFields.summary(model.errors, order: AdminNewUserForm.fieldOrder),
                                          title: "The account was not created"),
                .form(
                    .class("admin-form"), .action("/admin/users"), .method(.post), .novalidate(),
                    Layout.csrfField(context),
                    AdminFormFields.text("username", label: "Username", value: form.username, error: model.errors["username"],
                                         hint: "What they type to sign in: letters, digits and . _ - @ (at most 64).",
                                         extra: [.attr("autocapitalize", "none"), .attr("spellcheck", "false")]),
                    AdminFormFields.text("displayName", label: "Name shown to others", value: form.displayName,
                                         error: model.errors["displayName"], hint: "Optional: the username when left empty."),
                    AdminFormFields.select("role", label: "Role", selected: form.role,
                                           options: [("", "Choose a role")] + AdminFormFields.roleOptions, error: model.errors["role"]),
                    AdminFormFields.text("patient", label: "Patient record (patient accounts only)", value: form.patient,
                                         error: model.errors["patient"],
                                         hint: "The patient's NHS number, record id or full name; leave empty for staff."),
                    AdminFormFields.text("password", label: "Password", value: "", error: model.errors["password"], type: .password,
                                         hint: "At least \(UserAccounts.minimumPasswordLength) characters.", autocomplete: "new-password"),
                    AdminFormFields.text("passwordConfirmation", label: "The same password again", value: "",
                                         error: model.errors["passwordConfirmation"], type: .password, autocomplete: "new-password"),
                    .div(.class("actions"), .button(.type(.submit), "Create the account"))
                )
            ))
        }
    }
}
