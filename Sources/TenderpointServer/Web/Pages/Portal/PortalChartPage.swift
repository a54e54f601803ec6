import Foundation
import Plot
import TenderpointCore

/// "My chart": the patient's own timeline chart and their diary of the last two weeks.
enum PortalChartPage {
    struct Model: Sendable {
        let chart: TimelineChart.Model
        let range: ChartRange
        let recentEntries: [DiaryEntryDTO]
    }

    static let recentDays = 14

    enum View {
        static func render(_ model: Model, context: PageContext) -> HTML {
            Layout.document(title: "My chart", context: context, bodyClass: "portal", main: .group(
                .h1("My chart"),
                .p(.a(.class("button"), .href("/portal"), "Add a diary entry")),
                TimelineChartSection.render(model.chart, range: model.range, basePath: "/portal/chart", heading: "My pain over time"),
                .section(.attribute(named: "aria-labelledby", value: "recent-heading"),
                    .h2(.id("recent-heading"), .text("My last \(PortalChartPage.recentDays) days")),
                    model.recentEntries.isEmpty ? .p(.class("empty"), "No entries in the last two weeks.")
                        : DiaryEntryList.render(model.recentEntries, timeZone: context.timeZone, showDate: true))
            ))
        }
    }
}
