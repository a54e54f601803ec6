import Plot

/// The sign-in form. A refused sign-in shows why and keeps the username (never the password).
enum LoginPage {
    struct Model: Sendable, Equatable {
        var username = ""
        var error: String?
        /// Where to go after signing in (a path on this server).
        var next: String?
    }

    enum View {
        static func render(_ model: Model, context: PageContext) -> HTML {
            Layout.document(title: "Sign in", context: context, main: .div(
                .class("login"),
                .h1("Sign in to Tenderpoint"),
                .unwrap(model.error) { error in
                    .div(.class("error-summary"), .attribute(named: "role", value: "alert"),
                         .h2("Not signed in"), .p(.id("login-error"), .safe(error)))
                },
                .form(
                    .action("/login"), .method(.post),
                    Layout.csrfField(context),
                    .unwrap(model.next) { next in .input(.type(.hidden), .name("next"), .attr("value", next)) },
                    .div(.class(model.error == nil ? "field" : "field field--error"),
                         .label(.for("username"), "Username"),
                         .input(.type(.text), .id("username"), .name("username"), .attr("value", model.username),
                                .attr("autocomplete", "username"), .attr("autocapitalize", "none"), .attr("spellcheck", "false"),
                                .required(true), .attr("aria-describedby", model.error == nil ? "" : "login-error"))),
                    .div(.class(model.error == nil ? "field" : "field field--error"),
                         .label(.for("password"), "Password"),
                         .input(.type(.password), .id("password"), .name("password"), .attr("autocomplete", "current-password"),
                                .required(true))),
                    .button(.type(.submit), .text("Sign in"))
                )
            ))
        }
    }
}
