import Foundation
import Plot
import TenderpointCore

/// "Who looked at my record": the patient's audit trail in words, newest first, a page at a time.
enum AccessLogPage {
    struct Model: Sendable {
        let entries: [AuditTrailEntryDTO]
        let total: Int
        let offset: Int
        let limit: Int
    }

    /// What a record type is, as the patient would say it.
    static func subject(_ resourceType: String) -> String {
        switch resourceType {
        case "Patient": "your details"
        case "Timeline": "your clinical summary"
        case "DiaryEntry": "your diary"
        case "Appointment": "your appointments"
        case "TodayPage": "the clinic's list for the day, which included you"
        case "AuditTrail": "this list"
        case "TreatmentSession": "your injection sessions"
        case "Assessment": "your assessments"
        case "Condition": "your diagnosis"
        case "Consent": "your consent"
        case "AdverseEvent": "your side effects"
        default: resourceType
        }
    }

    static func action(_ action: String) -> String {
        switch action {
        case "read": "looked at"
        case "search": "listed"
        case "create": "added to"
        case "update": "changed"
        case "delete": "removed from"
        case "export": "exported"
        case "denied": "was refused access to"
        case "override": "overrode a rule on"
        default: action
        }
    }

    enum View {
        static func render(_ model: Model, context: PageContext) -> HTML {
            Layout.document(title: "Who looked at my record", context: context, bodyClass: "portal", main: .group(
                .h1("Who looked at my record"),
                .p(.class("muted"), "Every time someone at the clinic — or you — reads or changes your record, it is written down here."),
                model.entries.isEmpty ? .p(.class("empty"), "Nothing yet.") : .ul(.class("entries"), .forEach(model.entries) { entry in
                    let isSelf = entry.username != nil && entry.username == context.user?.username
                    return .li(
                        .strong(.safe(isSelf ? "You" : entry.username ?? "The system")),
                        .unwrap(isSelf ? nil : entry.role) { role in .span(.class("muted"), .safe(" (\(role))")) },
                        .safe(" \(AccessLogPage.action(entry.action)) \(AccessLogPage.subject(entry.resourceType))"),
                        .if(entry.outcome != "success", .group(.text(" "), .span(.class("badge badge--warn"), .safe(entry.outcome)))),
                        .div(.class("muted"), .element(named: "time", nodes: [
                            .attribute(named: "datetime", value: JSONCoding.formatInstant(entry.at)),
                            .safe(WebFormat.dateTime(entry.at, in: context.timeZone))])))
                }),
                pager(model)
            ))
        }

        private static func pager(_ model: Model) -> Node<HTML.BodyContext> {
            .nav(.class("pager"), .attribute(named: "aria-label", value: "Pages"),
                 .if(model.offset > 0, .a(.href("/portal/access?offset=\(max(0, model.offset - model.limit))"), "Newer")),
                 .if(model.offset + model.entries.count < model.total,
                     .a(.href("/portal/access?offset=\(model.offset + model.limit)"), "Older")))
        }
    }
}
