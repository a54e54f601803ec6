import Foundation
import Plot
import TenderpointCore

/// "Response to treatment" on the patient page: the answer of `GET /api/patients/{id}/outcomes`
/// in words and pictures — the non-response flags as the core words them, the predicted wear-off
/// and recommended re-injection date with what they rest on, and each session's response curve
/// with its baseline, onset, peak and wear-off (or what is missing), newest first.
enum PatientOutcomesSection {
    static func render(_ outcomes: OutcomeDTO.PatientOutcomes) -> Node<HTML.BodyContext> {
        let cycles = outcomes.cycles.reversed()
        return .section(.class("outcomes"), .id("outcomes"), .attribute(named: "aria-labelledby", value: "outcomes-heading"),
            .h2(.id("outcomes-heading"), "Response to treatment"),
            .p(.class("hint"), .strong(.safe("Observed for this patient (uncontrolled).")), .text(" "),
               .safe("Read from the pain diary and the assessments around each session: a baseline from the 14 days before, "
                     + "a 7-day smoothed curve after, and the days it fell (onset), was lowest (peak) and came back (wear-off).")),
            outcomes.cycles.isEmpty ? .p(.class("empty"), "No injection session yet.") : .group(
                flags(outcomes.nonResponse, adequateDose: outcomes.adequateDose),
                .unwrap(outcomes.prediction) { prediction(prediction: $0, window: outcomes.reinjectionWindow, cycles: outcomes.cycles) },
                .unwrap(outcomes.predictionWithheld) { withheld($0, window: outcomes.reinjectionWindow) },
                .h3("Each session's response"),
                .forEach(Array(cycles.enumerated())) { index, cycle in
                    // The newest session open, the older ones a click (or Enter) away.
                    .element(named: "details", nodes: [
                        .class("cycle"), index == 0 ? .attribute(named: "open") : .empty, .id("cycle-\(cycle.sessionId.uuidString)"),
                        .element(named: "summary", nodes: [.safe(summary(cycle))]),
                        cycleBody(cycle),
                    ])
                })
        )
    }

    // MARK: - Flags

    private static func flags(_ flags: OutcomeDTO.NonResponse, adequateDose: String) -> Node<HTML.BodyContext> {
        .div(.class("non-response"),
             .h3("Non-response flags"),
             .unwrap(flags.primary) { primary in
                 .div(.class("flag"), .id("flag-primary"), .attribute(named: "role", value: "note"),
                      .p(.span(.class("badge badge--warn"), "flag"), .text(" "), .strong("Primary non-response")),
                      .p(.safe(primary.message)))
             },
             .unwrap(flags.possibleSecondary) { secondary in
                 .div(.class("flag"), .id("flag-secondary"), .attribute(named: "role", value: "note"),
                      .p(.span(.class("badge badge--warn"), "flag"), .text(" "), .strong("Possible secondary non-response")),
                      .p(.safe(secondary.message)))
             },
             .if(flags.primary == nil && flags.possibleSecondary == nil,
                 .p(.id("no-flags"), "No non-response flag is raised.")),
             history(flags),
             .p(.class("hint"), .safe(adequateDose)))
    }

    /// Every cycle's dose and interval, short intervals marked: the history behind the flags
    /// (short intervals and higher doses are what the literature links to neutralising antibodies).
    private static func history(_ flags: OutcomeDTO.NonResponse) -> Node<HTML.BodyContext> {
        let secondary = flags.possibleSecondary
        return .div(.class("table-scroll"), .table(.id("dose-history"),
            .caption("Dose and interval history"),
            .thead(.tr(.th("Session"), .th("Dose"), .th("Interval since the previous"), .th("Week-3 reduction"), .th("Week-3 responder"))),
            .tbody(.forEach(flags.history) { entry in
                let cycle = entry.cycle
                let role: String? = secondary.flatMap { flag in
                    flag.earlierResponse == entry ? "earlier response" : flag.nonResponding.contains(entry) ? "no response" : nil
                }
                return .tr(.class(entry.shortInterval ? "short-interval" : ""),
                    .td(.safe(WebFormat.date(cycle.sessionDate)), .unwrap(role) { .group(.text(" "), .span(.class("badge"), .safe($0))) }),
                    .td(.safe("\(cycle.totalUnits.plain) U \(cycle.product.rawValue)"),
                        .if(!entry.adequateDose, .group(.text(" "), .span(.class("badge badge--warn"), "below the adequate dose")))),
                    .td(.safe(cycle.intervalDaysSincePrevious.map { WebFormat.days($0) } ?? "first session"),
                        .if(entry.shortInterval, .group(.text(" "), .span(.class("badge badge--warn"),
                                                                          .safe("under \(ReinjectionWindow.minimumIntervalDays) days"))))),
                    .td(.safe(cycle.week3ReductionPercent.map(OutcomeFigureFormat.reduction) ?? "–")),
                    .td(.safe(cycle.responder.map { $0 ? "yes (≥ 30%)" : "no" } ?? "not evaluated")))
            })))
    }

    // MARK: - Prediction

    private static func prediction(prediction: WearOffPrediction, window: ReinjectionWindow?,
                                   cycles: [OutcomeDTO.Cycle]) -> Node<HTML.BodyContext> {
        let last = cycles.last
        return .div(.class("prediction"), .id("prediction"),
            .h3("Next cycle"),
            .dl(.class("facts"),
                .dt("Predicted wear-off"),
                .dd(.id("predicted-wear-off"),
                    .safe("\(WebFormat.date(prediction.predictedWearOff)), day \(prediction.benefitDays) after the session of "
                          + "\(WebFormat.date(prediction.lastSessionDate))")),
                .dt("Based on"), .dd(.id("prediction-basis"), .safe(basis(prediction.basis, product: last?.product))),
                .dt("Recommended re-injection"),
                .dd(.id("recommended-date"),
                    .safe("\(WebFormat.date(prediction.recommendedDate)), day \(prediction.recommendedDate.days(since: prediction.lastSessionDate))")),
                .unwrap(window) { window in
                    .group(.dt("Allowed window"),
                           .dd(.safe("from \(WebFormat.date(window.earliest)) (day \(ReinjectionWindow.minimumIntervalDays)); "
                                     + "target until \(WebFormat.date(window.targetTo)) (day \(ReinjectionWindow.targetToDays))")))
                }),
            .p(.id("recommendation-note"), .class("hint"), .safe(adjustment(prediction))))
    }

    /// No prediction without a response: why, and the clinician's question; the allowed window
    /// still shows, as it is a rule and not a prediction.
    private static func withheld(_ withheld: PredictionWithheld, window: ReinjectionWindow?) -> Node<HTML.BodyContext> {
        .div(.class("prediction"), .id("prediction-withheld"),
            .h3("Next cycle"),
            .div(.class("flag"), .attribute(named: "role", value: "note"),
                 .p(.span(.class("badge badge--warn"), "no prediction"), .text(" "), .strong(.safe(withheld.message))),
                 .p(.class("hint"), .safe(withheld.reason == .primaryNonResponse
                     ? "The primary non-response flag is raised: no wear-off date or recommended re-injection date is predicted."
                     : "No cycle has shown a response yet: no wear-off date or recommended re-injection date is predicted."))),
            .unwrap(window) { window in
                .dl(.class("facts"), .dt("Allowed window"),
                    .dd(.safe("from \(WebFormat.date(window.earliest)) (day \(ReinjectionWindow.minimumIntervalDays)); "
                              + "target until \(WebFormat.date(window.targetTo)) (day \(ReinjectionWindow.targetToDays))")))
            })
    }

    static func basis(_ basis: WearOffBasis, product: String?) -> String {
        switch basis {
        case .ownCycles(let count):
            "The median of this patient's own \(count) observed wear-offs."
        case .population:
            "The clinic's median duration of benefit for \(product ?? "this product") (observed in this clinic, uncontrolled): "
                + "fewer than \(WearOffPrediction.minimumOwnCycles) of this patient's own wear-offs were observed."
        case .defaults:
            "The default of \(WearOffPrediction.defaultBenefitDays) days (15 weeks, the middle of 3–4 months): fewer than "
                + "\(WearOffPrediction.minimumOwnCycles) of this patient's own wear-offs were observed and the clinic has no median yet."
        }
    }

    /// Why the recommended date is where it is: a week before the predicted wear-off, unless that
    /// fell outside days 84 … 112 after the last session.
    static func adjustment(_ prediction: WearOffPrediction) -> String {
        let wanted = prediction.benefitDays - WearOffPrediction.leadDays
        switch prediction.adjustment {
        case .none:
            return "A week before the predicted wear-off (day \(wanted)), inside the 12–16-week window."
        case .raisedToMinimumInterval:
            return "A week before the predicted wear-off would be day \(wanted); raised to day \(ReinjectionWindow.minimumIntervalDays), "
                + "the minimum interval: no session may come sooner, however early the benefit wears off."
        case .loweredToTargetWindowEnd:
            return "A week before the predicted wear-off would be day \(wanted); lowered to day \(ReinjectionWindow.targetToDays), "
                + "the end of the 12–16-week target window."
        }
    }

    // MARK: - One cycle

    static func summary(_ cycle: OutcomeDTO.Cycle) -> String {
        var text = "\(WebFormat.date(cycle.sessionDate)): \(cycle.totalUnits.plain) U \(cycle.product) — "
        let curve = cycle.curve
        switch curve.responded {
        case true?:
            text += "responded" + (curve.peak.milestone?.reductionPercent.map { ", peak \(OutcomeFigureFormat.reduction($0))" } ?? "")
        case false?:
            text += "no response of 30% or more"
        case nil:
            text += "curve: not enough data"
        }
        if let week3 = cycle.week3Response {
            text += "; week 3: \(OutcomeFigureFormat.reduction(week3.reductionPercent))"
        }
        return text
    }

    private static func cycleBody(_ cycle: OutcomeDTO.Cycle) -> Node<HTML.BodyContext> {
        let curve = cycle.curve
        let id = cycle.sessionId.uuidString
        return .group(
            .div(.class("chart-frame"), .attribute(named: "tabindex", value: "0"),
                 .attr("aria-label", "Response curve of the session of \(WebFormat.date(cycle.sessionDate)) (scrolls sideways on a small screen)"),
                 .raw(ResponseCurveChart.svg(curve))),
            .unwrap(ResponseCurveChart.shortfall(curve)) { .p(.class("empty"), .safe($0 + ".")) },
            .dl(.class("facts milestones"), .id("milestones-\(id)"),
                .dt("Baseline"), .dd(.class("baseline"), .safe(baseline(curve.baseline))),
                .dt("Onset"), .dd(.class("onset"), .safe(finding(curve.onset, reduction: false))),
                .dt("Peak"), .dd(.class("peak"), .safe(finding(curve.peak, reduction: true))),
                .dt("Wear-off"), .dd(.class("wear-off"), .safe(finding(curve.wearOff, reduction: false))),
                .dt("Duration of benefit"), .dd(.class("benefit"), .safe(benefit(curve.benefit))),
                .dt("Week-3 review"), .dd(.safe(review(cycle.week3NRS, cycle.week3Response, window: "days 14–35"))),
                .dt("Week-12 reassessment"), .dd(.safe(review(cycle.week12NRS, cycle.week12Response, window: "days 70–112"))),
                .dt("FIQR total"),
                .dd(.safe("before \(fiqr(cycle.fiqrBefore)); week 3 \(fiqr(cycle.fiqrWeek3)); week 12 \(fiqr(cycle.fiqrWeek12))")),
                .dt("Cycle"),
                .dd(.safe((cycle.intervalDaysSincePrevious.map { "\(WebFormat.days($0)) after the previous session; " } ?? "the first session; ")
                          + (cycle.nextSessionDate.map { "next session \(WebFormat.date($0))" } ?? "no later session yet")
                          + (curve.unusableObservations > 0 ? "; \(curve.unusableObservations) unusable scores left out" : "")))))
    }

    static func baseline(_ baseline: PainBaseline) -> String {
        switch baseline {
        case .fourteenDayMean(let nrs, let days):
            "\(OutcomeFigureFormat.decimal(nrs)): the mean of \(days) days with a score on days −14 … −1"
        case .preInjectionAssessment(let nrs, let days):
            "\(OutcomeFigureFormat.decimal(nrs)): the pre-injection assessment (only \(days) of the 14 days before had a score)"
        case .notEnoughData(let days):
            "not enough data: \(days) of the 14 days before had a score, and no pre-injection assessment"
        }
    }

    /// A milestone with the data behind it, or what the data could not say.
    static func finding(_ finding: CurveFinding, reduction: Bool) -> String {
        switch finding {
        case .found(let milestone):
            var text = "day \(milestone.day) (\(WebFormat.shortDate(milestone.date)) \(milestone.date.year)), smoothed pain "
                + OutcomeFigureFormat.decimal(milestone.smoothedNRS)
            if reduction, let percent = milestone.reductionPercent { text += ", \(OutcomeFigureFormat.reduction(percent)) from baseline" }
            text += "; \(milestone.supportingDays) of 7 days around it had a score"
            if milestone.unobservedDaysBefore > 0 {
                text += "; the \(WebFormat.days(milestone.unobservedDaysBefore)) before it had no value, so it may have come that much earlier"
            }
            return text
        case .notObserved(let lastDay):
            return "not observed by day \(lastDay), the last day with a smoothed value"
        case .notEnoughData(let window, let days):
            return window == .baseline
                ? "not enough data for a baseline (\(days) of the 14 days before had a score)"
                : "not enough data after the session (\(WebFormat.days(days)) with a score on days 1–56)"
        case .notApplicable:
            return "does not apply: no fall of 30% or more"
        }
    }

    static func benefit(_ benefit: BenefitDuration?) -> String {
        guard let benefit else { return "none: no response on the curve" }
        return benefit.wearOffObserved
            ? "\(WebFormat.days(benefit.days)) (wear-off observed)"
            : "at least \(WebFormat.days(benefit.days)) (censored: not worn off by the last day with data or the next session)"
    }

    static func review(_ score: ReviewScore?, _ response: ResponderClassification?, window: String) -> String {
        guard let score else { return "no pain score in \(window)" }
        var text = "pain \(OutcomeFigureFormat.decimal(score.value)) on day \(score.day) ("
            + (score.source == .assessment ? "assessment" : "smoothed diary curve: no assessment in \(window)") + ")"
        if let response {
            text += ": \(OutcomeFigureFormat.reduction(response.reductionPercent)) from baseline, "
                + (response.atLeast50 ? "a responder at ≥ 30% and ≥ 50%" : response.atLeast30 ? "a responder at ≥ 30%" : "not a responder")
        }
        return text
    }

    private static func fiqr(_ score: ReviewScore?) -> String {
        score.map { "\(OutcomeFigureFormat.decimal($0.value)) (day \($0.day < 0 ? "−\(-$0.day)" : String($0.day)))" } ?? "–"
    }
}
