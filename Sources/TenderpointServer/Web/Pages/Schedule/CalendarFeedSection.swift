import Foundation
import Plot
import TenderpointCore

/// The calendar feed box of the schedule (a practitioner's own feed) and of the portal's
/// appointments page (a patient's): whether a link is active, a new link shown once, and the
/// buttons to make a new one (ending the old) or turn the feed off.
enum CalendarFeedSection {
    struct State: Sendable, Equatable {
        /// When the current link was made; nil when there is none.
        let since: Date?
        /// A link just made: shown this once (only its digest is stored).
        var newURL: String?
    }

    static func body(_ state: State, action: String, context: PageContext,
                     keeping fields: [(name: String, value: String)] = []) -> Node<HTML.BodyContext> {
        let since = state.since, newURL = state.newURL
        return .group(
            .unwrap(newURL, { url in
                .div(.class("notice feed-link"), .attribute(named: "role", value: "status"),
                     .p(.strong("Your feed link is ready. Copy it now: it is shown only this once.")),
                     .div(.class("field"),
                          .label(.for("feed-url"), "Feed address (paste it into your calendar app's \"subscribe\" or \"add by URL\")"),
                          .input(.type(.text), .id("feed-url"), .name("feed-url"), .attr("value", url), .readonly(true),
                                 .attr("autocomplete", "off"), .attr("spellcheck", "false"))),
                     .p(.a(.attr("href", CalendarFeedTokens.subscribeURL(url)), "Subscribe on this device")))
            }, else: .p(.class("feed-state"), .safe(since.map {
                "A feed link made \(WebFormat.dateTime($0, in: context.timeZone)) is active. For safety it cannot be shown again; make a new one if you need it."
            } ?? "No feed link yet."))),
            .div(.class("actions"),
                 .form(.action(action), .method(.post),
                       Layout.csrfField(context),
                       .forEach(fields) { .input(.type(.hidden), .name($0.name), .attr("value", $0.value)) },
                       .input(.type(.hidden), .name("intent"), .attr("value", "create")),
                       .button(.type(.submit), .text(since == nil && newURL == nil ? "Make a feed link" : "Make a new link (ends the old one)"))),
                 .if(since != nil || newURL != nil, .form(
                       .action(action), .method(.post),
                       Layout.csrfField(context),
                       .forEach(fields) { .input(.type(.hidden), .name($0.name), .attr("value", $0.value)) },
                       .input(.type(.hidden), .name("intent"), .attr("value", "revoke")),
                       .button(.type(.submit), .class("secondary"), .text("Turn the feed off")))))
        )
    }
}
