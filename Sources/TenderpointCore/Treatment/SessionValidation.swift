import Foundation

/// Checks a proposed injection session against every rule of DOMAIN.md §2–4 and reports every
/// problem at once, each with its stable code and the input field it concerns.
public enum SessionValidation {
    /// A session's time of injection may be this far past the clock (devices disagree a little).
    public static let clockTolerance: TimeInterval = 5 * 60

    /// - Parameters:
    ///   - otherSessions: the patient's other recorded, not voided, toxin sessions (any product,
    ///     before or after this one), with their doses.
    ///   - now: the clock; the session's date cannot be after the clinic's today, nor its time of
    ///     injection more than `clockTolerance` ahead of it.
    public static func validate(_ session: ProposedSession, otherSessions: [DoseCheck.RecordedSession],
                                rules: ClinicRules, now: Date) -> Result<ValidatedSession, Problems> {
        var problems: [Problem] = []
        let today = rules.calendar.today(now: now)

        if !session.chartedBy.mayChartSessions {
            problems.append(Problem(.chartingNotPermitted,
                                    "Only a clinician or a nurse may chart an injection session, not a \(session.chartedBy.rawValue).",
                                    field: nil))
        }
        problems += session.supervision.problems(chartedBy: session.chartedBy)
        if session.date > today {
            problems.append(Problem(.sessionInFuture, "A session is charted on or after the day it happens; \(session.date) is after today (\(today)).", field: "date"))
        }
        if session.performedAt.timeIntervalSince(now) > clockTolerance {
            problems.append(Problem(.sessionInFuture,
                                    "The time of injection (\(Vial.timestamp(session.performedAt))) is in the future.",
                                    field: "performedAt"))
        }
        let performedOn = CalendarDate(session.performedAt, in: rules.calendar.timeZone)
        if performedOn != session.date {
            problems.append(Problem(.invalidDate, "The injection time falls on \(performedOn), not on the session date \(session.date).", field: "performedAt"))
        }

        let product = checkInjections(session, rules: rules, problems: &problems)
        if let product {
            let injections = session.injections.enumerated().map { index, injection in
                DoseCheck.Injection(field: "injections[\(index)].units", site: injection.site, units: injection.units)
            }
            problems += DoseCheck.problems(product: product, sessionDate: session.date, injections: injections,
                                           otherSessions: otherSessions, limits: rules.doseLimits.limits(for: product))
                .map { $0.field == nil ? Problem($0.code, $0.message, field: "injections") : $0 }
        }

        let products = Set(session.injections.compactMap { $0.stock?.product })
        problems += session.screening.problems(products: products, acknowledged: session.acknowledged,
                                               acknowledgedBy: session.chartedBy, policy: rules.screeningPolicy)
        if let birthDate = session.patientBirthDate, birthDate.age(on: session.date) < 18,
           session.screening.answers[.under18] != true {
            problems.append(Problem(.contraindicated,
                                    "The patient is \(max(0, birthDate.age(on: session.date))) on \(session.date): adults only (18 or over).",
                                    field: ScreeningItem.under18.field))
        }
        if let consentProblem = ConsentRecord.problem(for: session.consent, sessionOn: session.date, product: product,
                                                      validityMonths: rules.consentValidityMonths) {
            problems.append(consentProblem)
        }

        let override = session.overrideReason.map { ReinjectionOverride(reason: $0, by: session.chartedBy) }
        var interval: ReinjectionDecision?
        do {
            interval = try ReinjectionWindow.decide(proposed: session.date, sessionDates: otherSessions.map(\.date),
                                                    override: override)
        } catch {
            problems += error.all
        }

        guard problems.isEmpty, let product, let interval else {
            return .failure(Problems(problems))
        }
        let total = ProductDose(product: product, units: Units.sum(session.injections.map(\.units)))
        return .success(ValidatedSession(total: total, interval: interval,
                                         followUpPlan: FollowUpPlan(sessionDate: session.date, calendar: rules.calendar),
                                         nextWindow: ReinjectionWindow(after: session.date)))
    }

    /// Checks each injection's vial and units; returns the session's one product when there is one.
    /// A vial's problems are reported once, on the first injection that names it; drawing more
    /// than a vial has left is reported on the injection that takes it over.
    private static func checkInjections(_ session: ProposedSession, rules: ClinicRules, problems: inout [Problem]) -> ToxinProduct? {
        guard !session.injections.isEmpty else {
            problems.append(Problem(.noInjections, "A session needs at least one injection.", field: "injections"))
            return nil
        }
        var checkedVials: Set<String> = []
        var drawnHere: [String: Units] = [:]
        var overdrawn: Set<String> = []
        var products: [ToxinProduct] = []
        for (index, injection) in session.injections.enumerated() {
            if injection.units <= .zero {
                problems.append(Problem(.valueOutOfRange, "Units must be more than 0.", field: "injections[\(index)].units"))
            }
            guard let stock = injection.stock else {
                problems.append(Problem(.unknownIdentifier, "No vial \(injection.vialReference) is on record.",
                                        field: "injections[\(index)].vialId"))
                continue
            }
            if !products.contains(stock.product) { products.append(stock.product) }
            let drawn = drawnHere[injection.vialReference, default: .zero] + injection.units
            drawnHere[injection.vialReference] = drawn
            if drawn > stock.remaining, overdrawn.insert(injection.vialReference).inserted {
                problems.append(Problem(.vialUnusable,
                                        "Vial \(stock.vial.lotNumber) holds \(stock.vial.size) and has \(stock.remaining) left "
                                        + "(\(stock.drawn) drawn in other sessions, \(stock.wasted) wasted); this session would draw \(drawn).",
                                        field: "injections[\(index)].units"))
            }
            guard checkedVials.insert(injection.vialReference).inserted else { continue }
            problems += stock.problems(at: session.performedAt, timeZone: rules.calendar.timeZone).map {
                Problem($0.code, "Vial \(stock.vial.lotNumber): \($0.message)", field: "injections[\(index)].vialId")
            }
        }
        if products.count > 1 {
            let names = products.map(\.rawValue).joined(separator: " and ")
            problems.append(Problem(.mixedProducts,
                                    "One session uses one product; this one mixes \(names), whose units are not interchangeable.",
                                    field: "injections"))
            return nil
        }
        return products.first
    }
}
