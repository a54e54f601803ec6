import Foundation
import TenderpointCore

/// The timeline chart (SVG, drawn here): diary pain NRS over time — every entry as a dot placed
/// by its time of day, and the daily mean (the core's `DailyPain`) as a line — with each
/// injection session as a marker, its day-8 / week-3 / week-12 follow-ups (the core's
/// `FollowUpPlan`, closed days moved) as dashed marks, and the re-injection target window after
/// each session (`ReinjectionWindow`, weeks 12–16) shaded.
enum TimelineChart {
    struct Entry: Sendable, Equatable {
        let date: CalendarDate
        /// 0 at midnight to 1 at the next, on the clinic's clock.
        let dayFraction: Double
        let painNRS: Int
    }

    struct Session: Sendable, Equatable {
        let date: CalendarDate
        let label: String
        let plan: FollowUpPlan
        let window: ReinjectionWindow
    }

    struct Model: Sendable, Equatable {
        let start: CalendarDate
        let end: CalendarDate
        /// Marked when it falls inside the range (the chart may run on into the current window).
        let today: CalendarDate?
        let entries: [Entry]
        let sessions: [Session]

        var dailyMeans: [DailyPain] {
            DailyPain.byDay(entries.map { PainObservation(date: $0.date, nrs: Double($0.painNRS), source: .diary) })
        }
    }

    static let width = 800.0
    static let height = 300.0
    static let left = 34.0
    static let right = 12.0
    static let top = 30.0
    static let bottom = 34.0
    /// Days without an entry longer than this break the mean line.
    static let gapDays = 7

    /// The chart as SVG markup; `id` prefixes the ids its title and description need.
    static func svg(_ model: Model, id: String = "timeline") -> String {
        let span = Double(max(1, model.end.days(since: model.start) + 1))
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let baseline = height - bottom
        func x(_ date: CalendarDate, fraction: Double = 0) -> Double {
            left + (Double(date.days(since: model.start)) + fraction) / span * plotWidth
        }
        func y(_ nrs: Double) -> Double { baseline - nrs / 10 * plotHeight }
        func inRange(_ date: CalendarDate) -> Bool { date >= model.start && date <= model.end }
        let coordinate = SVGWriter.number

        let means = model.dailyMeans
        var svg = SVGWriter()
        svg.open("svg", [("class", "chart"), ("viewBox", "0 0 \(coordinate(width)) \(coordinate(height))"), ("role", "img"),
                         ("aria-labelledby", "\(id)-title \(id)-desc"), ("preserveAspectRatio", "xMidYMid meet")])
        svg.element("title", [("id", "\(id)-title")],
                    text: "Pain diary (NRS 0–10) from \(WebFormat.date(model.start)) to \(WebFormat.date(model.end))")
        svg.element("desc", [("id", "\(id)-desc")], text: description(model, means: means))

        // Re-injection target windows, under everything else.
        for session in model.sessions {
            let from = max(session.window.targetFrom, model.start)
            let to = min(session.window.targetTo, model.end)
            guard from <= to else { continue }
            svg.open("rect", [("class", "window"), ("x", coordinate(x(from))), ("y", coordinate(top)), ("width", coordinate(x(to, fraction: 1) - x(from))),
                              ("height", coordinate(plotHeight))])
            svg.element("title", text: "Re-injection window after the session of \(WebFormat.date(session.date)): "
                        + "\(WebFormat.date(session.window.targetFrom)) to \(WebFormat.date(session.window.targetTo))")
            svg.close("rect")
        }
        // Pain scale.
        for value in stride(from: 0, through: 10, by: 2) {
            let line = y(Double(value))
            svg.element("line", [("class", value == 0 ? "axis" : "grid"), ("x1", coordinate(left)), ("x2", coordinate(width - right)),
                                 ("y1", coordinate(line)), ("y2", coordinate(line))])
            svg.element("text", [("x", coordinate(left - 6)), ("y", coordinate(line + 4)), ("text-anchor", "end")], text: "\(value)")
        }
        // Months along the bottom (every month, or fewer when the range is long).
        let step = span > 540 ? 3 : span > 270 ? 2 : 1
        var month = CalendarDate(year: model.start.year, month: model.start.month, day: 1)!
        if month < model.start { month = month.adding(months: 1) }
        var index = 0
        while month <= model.end {
            if index % step == 0 {
                svg.element("line", [("class", "axis"), ("x1", coordinate(x(month))), ("x2", coordinate(x(month))), ("y1", coordinate(baseline)), ("y2", coordinate(baseline + 5))])
                svg.element("text", [("x", coordinate(x(month))), ("y", coordinate(baseline + 18)), ("text-anchor", "middle")], text: WebFormat.month(month))
            }
            month = month.adding(months: 1)
            index += 1
        }
        // Follow-up marks and session markers.
        for session in model.sessions {
            for followUp in session.plan.followUps where inRange(followUp.date) {
                let mark = x(followUp.date, fraction: 0.5)
                svg.open("g")
                svg.element("title", text: "\(followUp.kind.label) after the session of \(WebFormat.date(session.date)): \(WebFormat.date(followUp.date))")
                svg.element("line", [("class", "follow-up"), ("x1", coordinate(mark)), ("x2", coordinate(mark)), ("y1", coordinate(top)), ("y2", coordinate(baseline))])
                // The week-12 mark of one cycle falls near the next session's day-8 mark: the
                // reassessment's label sits left of its line, the others right of theirs.
                let before = followUp.kind == .reassessment
                svg.element("text", [("class", "follow-up-label"), ("x", coordinate(mark + (before ? -2 : 2))), ("y", coordinate(top - 4)),
                                     ("text-anchor", before ? "end" : "start")],
                            text: shortLabel(followUp.kind))
                svg.close("g")
            }
            guard inRange(session.date) else { continue }
            let mark = x(session.date, fraction: 0.5)
            svg.open("g")
            svg.element("title", text: "Session \(WebFormat.date(session.date)): \(session.label)")
            svg.element("line", [("class", "session"), ("x1", coordinate(mark)), ("x2", coordinate(mark)), ("y1", coordinate(top - 14)), ("y2", coordinate(baseline))])
            svg.element("path", [("class", "session-marker"), ("d", "M\(coordinate(mark - 6)) \(coordinate(top - 24))h12l-6 10z")])
            svg.close("g")
        }
        if let today = model.today, inRange(today), today < model.end {
            let mark = x(today, fraction: 0.5)
            svg.element("line", [("class", "today"), ("x1", coordinate(mark)), ("x2", coordinate(mark)), ("y1", coordinate(top)), ("y2", coordinate(baseline))])
            svg.element("text", [("x", coordinate(mark)), ("y", coordinate(baseline - 4)), ("text-anchor", "middle")], text: "today")
        }
        // Every entry, then the daily mean.
        for entry in model.entries where inRange(entry.date) {
            svg.element("circle", [("class", "entry"), ("cx", coordinate(x(entry.date, fraction: entry.dayFraction))),
                                   ("cy", coordinate(y(Double(entry.painNRS)))), ("r", "2.5")])
        }
        var path = ""
        var previous: CalendarDate?
        for day in means where inRange(day.date) {
            let command = previous.map { day.date.days(since: $0) > gapDays } ?? true ? "M" : "L"
            path += "\(command)\(coordinate(x(day.date, fraction: 0.5))) \(coordinate(y(day.nrs)))"
            previous = day.date
        }
        if !path.isEmpty { svg.element("path", [("class", "mean"), ("d", path)]) }
        svg.close("svg")
        return svg.text
    }

    static func shortLabel(_ kind: FollowUpKind) -> String {
        switch kind {
        case .onsetCheck: "d8"
        case .peakReview: "w3"
        case .reassessment: "w12"
        }
    }

    /// The chart in words, for screen readers and as its text alternative.
    static func description(_ model: Model, means: [DailyPain]) -> String {
        let shown = model.entries.filter { $0.date >= model.start && $0.date <= model.end }
        let sessions = model.sessions.filter { $0.date >= model.start && $0.date <= model.end }
        let days = means.filter { $0.date >= model.start && $0.date <= model.end }.count
        var parts = ["\(shown.count) diary entr\(shown.count == 1 ? "y" : "ies") on \(days) day\(days == 1 ? "" : "s")"]
        if let last = means.last(where: { $0.date <= model.end }) {
            parts.append("latest daily mean \(WebFormat.oneDecimal(last.nrs)) on \(WebFormat.date(last.date))")
        }
        parts.append(sessions.isEmpty ? "no injection session in this period"
                     : "sessions on " + sessions.map { WebFormat.date($0.date) }.joined(separator: ", "))
        return parts.joined(separator: "; ") + "."
    }
}
