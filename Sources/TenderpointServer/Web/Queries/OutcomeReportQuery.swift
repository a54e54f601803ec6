import Fluent
import Foundation
import TenderpointCore

/// What the outcome report page reads: the report itself, from the same rows and the same
/// assembly as `GET /api/reports/outcomes` (so the page and the JSON never disagree), the number
/// at risk under the Kaplan–Meier curve from those rows, and who may be chosen as injector.
enum OutcomeReportQuery {
    struct Result: Sendable {
        let report: OutcomeDTO.Report
        let survival: [OutcomeReportPage.SurvivalPoint]
    }

    static func load(_ filter: OutcomeFilter, today: CalendarDate, on database: any Database) async throws -> Result {
        let data = try await OutcomeCycleQuery.all(filter, today: today, on: database)
        let report = try OutcomeReportAssembly.report(rows: data.rows, adverseEvents: data.adverseEvents, filter: filter)
        return Result(report: report, survival: survival(report.kaplanMeier, observations: data.rows.compactMap { $0.benefit?.survivalObservation }))
    }

    /// The days of the number-at-risk row: the chart's ticks, every 4 weeks from day 0 to day 112
    /// at least, further when a wear-off came later.
    static func days(_ estimate: OutcomeDTO.KaplanMeier) -> [Int] {
        let last = Int(((estimate.times.last ?? 0) / 28).rounded(.up)) * 28
        return Array(stride(from: 0, through: max(112, last), by: 28))
    }

    /// On each of `days`: the responding sessions still at risk (the core's
    /// `KaplanMeier.numberAtRisk`), and the estimate with its band read off the step curve (1
    /// before the first wear-off).
    static func survival(_ estimate: OutcomeDTO.KaplanMeier, observations: [SurvivalObservation]) -> [OutcomeReportPage.SurvivalPoint] {
        days(estimate).map { day in
            let step = estimate.times.lastIndex { $0 <= Double(day) }
            let hasCurve = estimate.cycles > 0
            return OutcomeReportPage.SurvivalPoint(
                day: day, atRisk: KaplanMeier.numberAtRisk(observations, at: Double(day)),
                survival: hasCurve ? OutcomeReportText.survival(estimate, at: Double(day)) : nil,
                lower: hasCurve ? step.map { estimate.lower95[$0] } ?? 1 : nil,
                upper: hasCurve ? step.map { estimate.upper95[$0] } ?? 1 : nil)
        }
    }

    /// The users who may chart (and so inject) a session, by the access table, inactive ones
    /// included: their past sessions are still in the report.
    static func injectors(on database: any Database) async throws -> [OutcomeReportPage.Injector] {
        let roles = Role.allCases.filter { AccessTable.allows($0, .chartSession) }.map(\.rawValue)
        return try await UserModel.query(on: database).filter(\.$role ~~ roles).sort(\.$displayName).all()
            .compactMap { user in user.id.map { OutcomeReportPage.Injector(id: $0, name: user.displayName, role: user.role) } }
    }
}
