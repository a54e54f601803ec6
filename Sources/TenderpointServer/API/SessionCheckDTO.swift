import Foundation
import TenderpointCore
import Vapor

/// `POST /api/patients/{id}/sessions/check`: what charting the same body would find, written
/// nowhere. Every figure is the core's (`DoseFigures`, `Vial.volumeMl(for:)`) and every problem
/// `SessionValidation`'s, so a client shows running totals without knowing a rule. Figures that
/// need one product are null when the injections name none or more than one (`mixed_products`).
struct SessionCheckDTO: Content, Equatable {
    /// One injection of the body, in its order (`injections[index]`).
    struct Injection: Content, Equatable {
        let index: Int
        let vialId: String
        @ExplicitNull var lotNumber: String?
        @ExplicitNull var product: ToxinProduct?
        let units: Units
        /// Units ÷ the concentration of this injection's vial; null for an unknown vial or one
        /// without a recorded dilution.
        @ExplicitNull var volumeMl: Decimal?
    }

    /// A figure against its limit; `overLimit` only when above it (exactly at the limit is allowed).
    struct Tally: Content, Equatable {
        let units: Units
        @ExplicitNull var limit: Units?
        let overLimit: Bool

        init(_ tally: DoseFigures.Tally) {
            units = tally.units
            limit = tally.limit
            overLimit = tally.isOverLimit
        }
    }

    struct Site: Content, Equatable {
        /// `{"tenderPoint"|"muscle": ID}`: the tender point and the muscle of one name are different sites.
        let site: InjectionSite
        let name: String
        let units: Units
        @ExplicitNull var limit: Units?
        let overLimit: Bool
    }

    /// The earlier sessions of the product in the window `from`…`to` (both counted) plus this one.
    struct Cumulative: Content, Equatable {
        let from: CalendarDate
        let to: CalendarDate
        let otherSessionDates: [CalendarDate]
        let otherUnits: Units
        let units: Units
        @ExplicitNull var limit: Units?
        let overLimit: Bool

        init(_ cumulative: DoseFigures.Cumulative) {
            from = cumulative.from
            to = cumulative.to
            otherSessionDates = cumulative.otherSessionDates
            otherUnits = cumulative.otherUnits
            units = cumulative.tally.units
            limit = cumulative.tally.limit
            overLimit = cumulative.tally.isOverLimit
        }
    }

    /// True when charting this body now would succeed.
    let valid: Bool
    @ExplicitNull var product: ToxinProduct?
    @ExplicitNull var limits: DoseLimits?
    @ExplicitNull var totalUnits: Units?
    let injections: [Injection]
    let sites: [Site]
    @ExplicitNull var session: Tally?
    @ExplicitNull var cumulative: Cumulative?
    /// Every problem, in the API's error-item shape `{"code","message","field"}`.
    let problems: [APIError.Item]

    init(_ proposal: SessionProposal, input: SessionInput, problems: [Problem]) {
        let figures = proposal.figures
        valid = problems.isEmpty
        product = figures?.product
        limits = figures?.limits
        totalUnits = figures?.session.units
        injections = input.injections.enumerated().map { index, injection in
            let vial = proposal.vials[injection.vialId]?.vial
            return Injection(index: index, vialId: injection.vialId, lotNumber: vial?.lotNumber, product: vial?.product,
                             units: injection.units, volumeMl: vial?.volumeMl(for: injection.units))
        }
        sites = figures?.sites.map { total in
            Site(site: total.site, name: total.site.name, units: total.tally.units, limit: total.tally.limit,
                 overLimit: total.tally.isOverLimit)
        } ?? []
        session = figures.map { Tally($0.session) }
        cumulative = figures.map { Cumulative($0.cumulative) }
        self.problems = problems.map { APIError.Item(code: $0.code.rawValue, message: $0.message, field: $0.field) }
    }
}
