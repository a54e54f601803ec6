import Plot
import TenderpointCore

/// The shell of every page: head, skip link, header with the role's navigation and sign-out,
/// and the page's main content. Phone width first; the stylesheet widens it on larger screens.
enum Layout {
    static func document(title: String, context: PageContext, bodyClass: String = "", main: Node<HTML.BodyContext>) -> HTML {
        HTML(
            .lang(.english),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", nodes: [.safe("\(title) · Tenderpoint")]),
                .link(.rel(.stylesheet), .href(AssetController.stylesheetPath)),
                .script(.src(AssetController.scriptPath), .attribute(named: "defer"))
            ),
            .body(
                .class(bodyClass),
                .a(.class("skip-link"), .href("#main"), .text("Skip to content")),
                header(context),
                .main(.id("main"), .attribute(named: "tabindex", value: "-1"), main)
            )
        )
    }

    private static func header(_ context: PageContext) -> Node<HTML.BodyContext> {
        let items = NavigationItem.items(for: context.user)
        return .header(
            .class("site-header"),
            .div(
                .class("site-header__inner"),
                .a(.class("brand"), .href("/"), .text("Tenderpoint")),
                .if(!items.isEmpty, .nav(
                    .attribute(named: "aria-label", value: "Main"),
                    .ul(.forEach(items) { item in
                        .li(.a(.href(item.path), current(item, context.path), .text(item.title)))
                    })
                )),
                .unwrap(context.user) { user in
                    .form(
                        .class("sign-out"), .action("/logout"), .method(.post),
                        csrfField(context),
                        .span(.class("signed-in-as"), .safe(user.displayName)),
                        .button(.type(.submit), .class("link-button"), .text("Sign out"))
                    )
                }
            )
        )
    }

    private static func current(_ item: NavigationItem, _ path: String) -> Node<HTML.AnchorContext> {
        let isCurrent = path == item.path || (item.path != "/portal" && path.hasPrefix(item.path + "/"))
        return isCurrent ? .attribute(named: "aria-current", value: "page") : .empty
    }

    /// The hidden field that every form carries.
    static func csrfField<Context: HTML.BodyContext>(_ context: PageContext) -> Node<Context> {
        .input(.type(.hidden), .name(CSRFToken.fieldName), .attr("value", context.csrfToken))
    }
}
