import Foundation

/// Checks a proposed injection session against every rule of DOMAIN.md §2–4 and reports every
/// problem at once, each with its stable code and the input field it concerns.
public enum SessionValidation {
    /// - Parameters:
    ///   - earlierSessions: the patient's recorded toxin sessions (any product), with their doses.
    ///   - today: the clinic's date now; a session cannot be charted for a later day.
    public static func validate(_ session: ProposedSession, earlierSessions: [DoseCheck.EarlierSession],
                                rules: ClinicRules, today: CalendarDate) -> Result<ValidatedSession, Problems> {
        var problems: [Problem] = []

        if !session.chartedBy.mayChartSessions {
            problems.append(Problem(.chartingNotPermitted,
                                    "Only a clinician or a nurse may chart an injection session, not a \(session.chartedBy.rawValue).",
                                    field: nil))
        }
        if session.date > today {
            problems.append(Problem(.sessionInFuture, "A session is charted on or after the day it happens; \(session.date) is after today (\(today)).", field: "date"))
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
                                           earlierSessions: earlierSessions, limits: rules.doseLimits.limits(for: product))
                .map { $0.field == nil ? Problem($0.code, $0.message, field: "injections") : $0 }
        }

        let products = Set(session.injections.compactMap { $0.vial?.product })
        problems += session.screening.problems(products: products, acknowledged: session.acknowledged,
                                               acknowledgedBy: session.chartedBy, policy: rules.screeningPolicy)
        if let birthDate = session.patientBirthDate, birthDate.age(on: session.date) < 18,
           session.screening.answers[.under18] != true {
            problems.append(Problem(.contraindicated,
                                    "The patient is \(max(0, birthDate.age(on: session.date))) on \(session.date): adults only (18 or over).",
                                    field: ScreeningItem.under18.field))
        }
        if let consentProblem = ConsentRecord.problem(for: session.consent, sessionOn: session.date) {
            problems.append(consentProblem)
        }

        let override = session.overrideReason.map { ReinjectionOverride(reason: $0, by: session.chartedBy) }
        var interval: ReinjectionDecision?
        do {
            interval = try ReinjectionWindow.decide(proposed: session.date, sessionDates: earlierSessions.map(\.date),
                                                    override: override)
        } catch {
            problems += error.all
        }

        guard problems.isEmpty, let product, let interval else {
            return .failure(Problems(problems))
        }
        let total = ProductDose(product: product, units: session.injections.reduce(Units.zero) { $0 + $1.units })
        return .success(ValidatedSession(total: total, interval: interval,
                                         followUpPlan: FollowUpPlan(sessionDate: session.date, calendar: rules.calendar),
                                         nextWindow: ReinjectionWindow(after: session.date)))
    }

    /// Checks each injection's vial and units; returns the session's one product when there is one.
    private static func checkInjections(_ session: ProposedSession, rules: ClinicRules, problems: inout [Problem]) -> ToxinProduct? {
        guard !session.injections.isEmpty else {
            problems.append(Problem(.noInjections, "A session needs at least one injection.", field: "injections"))
            return nil
        }
        var checkedVials: Set<String> = []
        var products: [ToxinProduct] = []
        for (index, injection) in session.injections.enumerated() {
            if injection.units <= .zero {
                problems.append(Problem(.valueOutOfRange, "Units must be more than 0.", field: "injections[\(index)].units"))
            }
            guard let vial = injection.vial else {
                problems.append(Problem(.unknownIdentifier, "No vial \(injection.vialReference) is on record.",
                                        field: "injections[\(index)].vialId"))
                continue
            }
            if !products.contains(vial.product) { products.append(vial.product) }
            guard checkedVials.insert(injection.vialReference).inserted else { continue }
            problems += vial.problems(at: session.performedAt, timeZone: rules.calendar.timeZone).map {
                Problem($0.code, "Vial \(vial.lotNumber): \($0.message)", field: "injections[\(index)].vialId")
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
