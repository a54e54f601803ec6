import Plot

/// `/setup/<token>`: the first start's form that creates the clinic's first admin account.
/// A refused form shows every problem beside its field and keeps what was typed but the passwords.
enum SetupPage {
    struct Model: Sendable, Equatable {
        var token: String
        var username = ""
        var displayName = ""
        var errors: [String: String] = [:]
    }

    static let fieldOrder = ["username", "displayName", "password", "passwordConfirmation"]

    enum View {
        static func render(_ model: Model, context: PageContext) -> HTML {
            Layout.document(title: "Set up Tenderpoint", context: context, bodyClass: "admin", main: .group(
                .h1("Set up Tenderpoint"),
                .p("No account exists yet. Create the clinic's first admin account: it signs in, then creates everyone else's accounts under Admin."),
                FormControls.errorSummary(AdminFormFields.summary(model.errors, order: SetupPage.fieldOrder),
                                          title: "The account was not created"),
                .form(
                    .class("admin-form"), .action(FirstStart.path(model.token)), .method(.post), .novalidate(),
                    Layout.csrfField(context),
                    AdminFormFields.text("username", label: "Username", value: model.username, error: model.errors["username"],
                                         hint: "What you type to sign in: letters, digits and . _ - @ (at most 64).",
                                         autocomplete: "username", required: true,
                                         extra: [.attr("autocapitalize", "none"), .attr("spellcheck", "false")]),
                    AdminFormFields.text("displayName", label: "Name shown to others", value: model.displayName,
                                         error: model.errors["displayName"], hint: "Optional: the username when left empty.",
                                         autocomplete: "name"),
                    AdminFormFields.text("password", label: "Password", value: "", error: model.errors["password"], type: .password,
                                         hint: "At least \(UserAccounts.minimumPasswordLength) characters.",
                                         autocomplete: "new-password", required: true),
                    AdminFormFields.text("passwordConfirmation", label: "The same password again", value: "",
                                         error: model.errors["passwordConfirmation"], type: .password,
                                         autocomplete: "new-password", required: true),
                    .div(.class("actions"), .button(.type(.submit), "Create the admin account"))
                )
            ))
        }
    }
}
