import Plot
import TenderpointCore

/// The timeline chart on a page: the range links, a legend in words and swatches, the SVG, and
/// the sessions with their follow-up dates as a table (the chart's markers as text).
enum TimelineChartSection {
    static func render(_ chart: TimelineChart.Model, range: ChartRange, basePath: String, heading: String) -> Node<HTML.BodyContext> {
        .section(
            .class("timeline"), .attribute(named: "aria-labelledby", value: "chart-heading"),
            .h2(.id("chart-heading"), .safe(heading)),
            .nav(.class("range-links"), .attribute(named: "aria-label", value: "Chart period"),
                 .forEach(ChartRange.allCases) { option in
                     option == range
                         ? .strong(.attribute(named: "aria-current", value: "true"), .safe(option.title))
                         : .a(.attr("href", "\(basePath)?range=\(option.rawValue)"), .safe(option.title))
                 }),
            .ul(.class("chart-legend"),
                .li(.span(.class("legend-swatch legend-swatch--entry")), "Diary entry"),
                .li(.span(.class("legend-swatch legend-swatch--mean")), "Daily mean"),
                .li(.span(.class("legend-swatch legend-swatch--session")), "Injection session"),
                .li(.span(.class("legend-swatch legend-swatch--follow-up")), "Day 8 · week 3 · week 12"),
                .li(.span(.class("legend-swatch legend-swatch--window")), "Re-injection window (weeks 12–16)")),
            .div(.class("chart-frame"), .attribute(named: "tabindex", value: "0"), .attribute(named: "aria-label", value: "Chart (scrolls sideways on a small screen)"),
                 .raw(TimelineChart.svg(chart))),
            sessionsTable(chart)
        )
    }

    private static func sessionsTable(_ chart: TimelineChart.Model) -> Node<HTML.BodyContext> {
        let sessions = chart.sessions.reversed()
        return sessions.isEmpty ? .p(.class("empty"), "No injection sessions yet.") : .div(.class("table-scroll"), .table(
            .caption("Sessions and their follow-ups"),
            .thead(.tr(.th("Session"), .th("Dose"), .forEach(FollowUpKind.allCases) { .th(.safe($0.label)) }, .th("Re-injection window"))),
            .tbody(.forEach(sessions) { session in
                .tr(.td(.safe(WebFormat.date(session.date))),
                    .td(.safe(session.label)),
                    .forEach(session.plan.followUps) { followUp in .td(.safe(WebFormat.shortDate(followUp.date))) },
                    .td(.safe("\(WebFormat.shortDate(session.window.targetFrom)) – \(WebFormat.date(session.window.targetTo))")))
            })
        ))
    }
}
