import Foundation
@testable import TenderpointCore

/// What must hold of any record the core has accepted, however it was charted (issue 10). Each
/// check is written here with its own arithmetic (plain integers of tenths, day numbers), not
/// with the core's helpers, so a wrong rule in the core cannot agree with itself.
enum ClinicInvariants {
    /// Every broken invariant, as a sentence naming the sessions or vials concerned.
    static func violations(_ history: ClinicHistory) -> [String] {
        var found: [String] = []
        let live = history.sessions.filter { !$0.voided }
        let limits = history.rules.doseLimits

        for session in live {
            let tenths = session.injections.map(\.units.tenths)
            guard let limit = limits.limits(for: session.product) else {
                found.append("#\(session.id): \(session.product) has no limits yet was charted")
                continue
            }
            let total = tenths.reduce(0, +)
            if total > limit.perSession.tenths { found.append("#\(session.id): \(total) tenths over the per-session limit") }
            if tenths.contains(where: { $0 <= 0 }) { found.append("#\(session.id): an injection of no units") }
            var bySite: [InjectionSite: Int] = [:]
            for injection in session.injections { bySite[injection.site, default: 0] += injection.units.tenths }
            if bySite.values.contains(where: { $0 > limit.perSite.tenths }) {
                found.append("#\(session.id): a site over the per-site limit")
            }
            // Never in the future of the moment it was charted (5 minutes' tolerance), and on its own date.
            if session.performedAt.timeIntervalSince(session.chartedAt) > 300 {
                found.append("#\(session.id): performed \(session.performedAt), after it was charted at \(session.chartedAt)")
            }
            if CalendarDate(session.performedAt, in: ClinicHistory.timeZone) != session.date {
                found.append("#\(session.id): performed on another day than its date")
            }
            // A consent in force on the day, covering the product.
            let consent = session.consent
            let lastDay = consent.date.adding(months: history.rules.consentValidityMonths).daysSinceEpoch - 1
            let day = session.date.daysSinceEpoch
            let covers = consent.products.map { $0.contains(session.product) } ?? (session.product != .rimabotulinumtoxinB)
            if day < consent.date.daysSinceEpoch || day > lastDay || consent.withdrawnOn.map({ $0.daysSinceEpoch <= day }) == true || !covers {
                found.append("#\(session.id): no consent in force on \(session.date) for \(session.product)")
            }
        }

        for patient in Set(live.map(\.patient)) {
            let mine = live.filter { $0.patient == patient }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
            // Every 84-day window within each product's cumulative limit: the heaviest window of a
            // set of days starts on one of them, so try each session's day as a start.
            for product in Set(mine.map(\.product)) {
                let ofProduct = mine.filter { $0.product == product }
                guard let cap = limits.limits(for: product)?.cumulativeThreeMonths.tenths else { continue }
                for start in ofProduct {
                    let first = start.date.daysSinceEpoch
                    let inWindow = ofProduct.filter { (first...(first + 83)).contains($0.date.daysSinceEpoch) }
                    let sum = inWindow.flatMap(\.injections).map(\.units.tenths).reduce(0, +)
                    if sum > cap {
                        found.append("p\(patient) \(product): \(sum) tenths in the 84 days from \(start.date) (limit \(cap)), "
                                     + "sessions \(inWindow.map(\.id))")
                    }
                }
            }
            // Every interval ≥ 84 days unless an override is recorded on one of the two sessions.
            for (earlier, later) in zip(mine, mine.dropFirst()) {
                let gap = later.date.daysSinceEpoch - earlier.date.daysSinceEpoch
                if gap < 84, !earlier.overridden, !later.overridden {
                    found.append("p\(patient): #\(earlier.id) \(earlier.date) and #\(later.id) \(later.date) are \(gap) days apart without an override")
                }
            }
        }

        for (index, entry) in history.vials.enumerated() {
            let uses = live.flatMap { session in session.injections.filter { $0.vial == index }.map { (session, $0) } }
            // No vial gives more than it holds (less what was wasted when it was discarded).
            let drawn = uses.map(\.1.units.tenths).reduce(0, +)
            if drawn + entry.wasted.tenths > entry.vial.size.tenths {
                found.append("v\(index): \(drawn) tenths drawn + \(entry.wasted.tenths) wasted from a vial of \(entry.vial.size.tenths)")
            }
            for (session, _) in uses {
                // No recalled, discarded or finished vial used from the moment it was closed.
                if entry.state.isClosed, let closedAt = entry.closedAt, session.performedAt >= closedAt {
                    found.append("v\(index) (\(entry.state)) used by #\(session.id) at \(session.performedAt), after \(closedAt)")
                }
                // No expired vial, none before it was prepared, none past its 24 hours.
                if session.date > entry.vial.expiryDate { found.append("v\(index) used by #\(session.id) after its expiry") }
                if let prepared = entry.vial.reconstitutedAt {
                    let elapsed = session.performedAt.timeIntervalSince(prepared)
                    if elapsed < 0 || elapsed > 24 * 3600 { found.append("v\(index) used by #\(session.id) \(elapsed) s after reconstitution") }
                }
                if entry.vial.product != session.product { found.append("v\(index) of another product in #\(session.id)") }
            }
        }
        return found
    }
}
