import Foundation
import TenderpointCore
import Vapor

/// The outcome report and a patient's outcomes as the API shows them (API-CONTRACT.md,
/// "Outcomes"). Every figure is labelled as what it is: observed in this clinic, uncontrolled.
enum OutcomeDTO {
    static let label = "observed in this clinic (uncontrolled)"
    static let caveat = "These figures describe this clinic's own patients, without a control group. They are no "
        + "evidence that botulinum toxin works for fibromyalgia: the published evidence is limited and mixed, and pain "
        + "changes for many reasons (disease fluctuation, regression to the mean, other treatment)."

    /// A count out of `n` with its rate and Wilson 95 % interval; rate and interval are null when
    /// `n` is 0.
    struct Proportion: Content, Equatable {
        /// Sessions evaluated: the denominator.
        let n: Int
        /// Sessions counted: the numerator.
        let count: Int
        @ExplicitNull var rate: Double? = nil
        /// `[lower, upper]`, or `[null, null]`.
        let ci95: [Double?]

        init(count: Int, n: Int) {
            self.n = n
            self.count = count
            if let proportion = TenderpointCore.Proportion(successes: count, n: n) {
                rate = proportion.rate
                ci95 = [proportion.interval.lower, proportion.interval.upper]
            } else {
                ci95 = [nil, nil]
            }
        }
    }

    struct ResponderRates: Content, Equatable {
        /// Sessions with a baseline above 0 and a pain score at the review.
        let evaluated: Int
        let atLeast30: Proportion
        let atLeast50: Proportion
    }

    struct Responders: Content, Equatable {
        let week3: ResponderRates
        let week12: ResponderRates
    }

    /// Duration of benefit of the responding sessions (`benefitDays`/`event` of the CSV).
    struct KaplanMeier: Content, Equatable {
        /// Responding sessions in the estimate, wear-offs observed, and censored.
        let cycles: Int
        let wearOffs: Int
        let censored: Int
        /// Distinct days with a wear-off, and S(t) just after each.
        let times: [Double]
        let survival: [Double]
        /// The pointwise 95 % band (log-log Greenwood), and who was at risk.
        let lower95: [Double]
        let upper95: [Double]
        let atRisk: [Int]
        let events: [Int]
        @ExplicitNull var median: Double? = nil
        let medianCI95: [Double?]

        init(_ estimate: KaplanMeierEstimate) {
            cycles = estimate.subjects
            wearOffs = estimate.events.reduce(0, +)
            censored = estimate.subjects - wearOffs
            times = estimate.times
            survival = estimate.survival
            lower95 = estimate.lowerBand
            upper95 = estimate.upperBand
            atRisk = estimate.atRisk
            events = estimate.events
            median = estimate.median
            medianCI95 = [estimate.medianInterval.lower, estimate.medianInterval.upper]
        }
    }

    struct SeverityCounts: Content, Equatable {
        var mild = 0
        var moderate = 0
        var severe = 0
        /// Reported by the patient and not yet reviewed by a clinician.
        var notYetAssessed = 0
    }

    /// Events of one source (`AdverseEventSource`).
    struct SourceFigure: Content, Equatable {
        let events: Int
        /// Sessions with at least one event from this source, out of all sessions in the report.
        let sessions: Proportion
        let serious: Int
    }

    /// Who put the events on record: the clinic, or the patient through the diary.
    struct SourceCounts: Content, Equatable {
        let clinician: SourceFigure
        let patient: SourceFigure
    }

    /// Events of one kind from each source.
    struct KindSourceCounts: Content, Equatable {
        var clinician = 0
        var patient = 0
    }

    struct AdverseEventKindFigure: Content, Equatable {
        let kind: String
        let label: String
        let events: Int
        /// Sessions with at least one event of this kind, out of all sessions in the report.
        let sessions: Proportion
        let bySeverity: SeverityCounts
        let serious: Int
        let bySource: KindSourceCounts
    }

    struct AdverseEvents: Content, Equatable {
        let sessions: Int
        let events: Int
        /// Events per session (an event rate, not a proportion: a session may have several).
        @ExplicitNull var eventsPerSession: Double? = nil
        let serious: Int
        let sessionsWithAny: Proportion
        let bySeverity: SeverityCounts
        /// Kinds seen, in the order of `AdverseEventKind`.
        let byKind: [AdverseEventKindFigure]
        /// Recorded by the clinic against reported by the patient (both included in every count above).
        let bySource: SourceCounts
    }

    /// FIQR total before the session against a review (change = review − before; negative is better).
    struct FIQRChange: Content, Equatable {
        /// Sessions with both scores.
        let n: Int
        @ExplicitNull var meanBefore: Double? = nil
        @ExplicitNull var meanAfter: Double? = nil
        @ExplicitNull var meanChange: Double? = nil
        /// Sample standard deviation of the change (n − 1); null below 2.
        @ExplicitNull var standardDeviation: Double? = nil
        /// An improvement of at least 14 % (`FIQR.meetsFIQDerivedMCID`), among sessions with a baseline above 0.
        let improvedByMCID: Proportion
        let mcidLabel: String
    }

    struct FIQR: Content, Equatable {
        let week3: FIQRChange
        let week12: FIQRChange
    }

    struct CurveCounts: Content, Equatable {
        /// Peak reduction of at least 30 % on the smoothed curve: in the Kaplan–Meier estimate.
        let responded: Int
        let notResponded: Int
        /// No baseline or no smoothed pain on days 1 … 56: counted in `sessions`, not in the estimate.
        let notEnoughData: Int
        /// The patient's latest session, less than 56 days ago, with no response seen yet.
        let followUpUnderWay: Int
    }

    struct Filters: Content, Equatable {
        @ExplicitNull var from: CalendarDate? = nil
        @ExplicitNull var to: CalendarDate? = nil
        @ExplicitNull var product: ToxinProduct? = nil
        @ExplicitNull var minUnits: Units? = nil
        @ExplicitNull var maxUnits: Units? = nil
        @ExplicitNull var injector: UUID? = nil

        init(_ filter: OutcomeFilter) {
            from = filter.from
            to = filter.to
            product = filter.product
            minUnits = filter.minimumUnits
            maxUnits = filter.maximumUnits
            injector = filter.injector
        }
    }

    /// `GET /api/reports/outcomes`.
    struct Report: Content, Equatable {
        let label: String
        let caveat: String
        let filters: Filters
        let patients: Int
        let sessions: Int
        let curves: CurveCounts
        let responders: Responders
        let kaplanMeier: KaplanMeier
        let adverseEvents: AdverseEvents
        let fiqr: FIQR
    }

    // MARK: - One patient

    struct Cycle: Content, Equatable {
        let sessionId: UUID
        let sessionDate: CalendarDate
        let product: String
        let totalUnits: Units
        @ExplicitNull var nextSessionDate: CalendarDate? = nil
        @ExplicitNull var intervalDaysSincePrevious: Int? = nil
        /// The response curve: baseline, daily means, smoothed pain, peak, onset, wear-off, benefit.
        let curve: ResponseCurve
        @ExplicitNull var week3NRS: ReviewScore? = nil
        @ExplicitNull var week12NRS: ReviewScore? = nil
        @ExplicitNull var week3Response: ResponderClassification? = nil
        @ExplicitNull var week12Response: ResponderClassification? = nil
        @ExplicitNull var fiqrBefore: ReviewScore? = nil
        @ExplicitNull var fiqrWeek3: ReviewScore? = nil
        @ExplicitNull var fiqrWeek12: ReviewScore? = nil
    }

    /// The core's `NonResponseFlags` with a flag that is not raised written as `null`.
    struct NonResponse: Content, Equatable {
        /// Every cycle, oldest first, with its dose, adequacy and short intervals marked.
        let history: [CycleHistoryEntry]
        @ExplicitNull var primary: PrimaryNonResponse? = nil
        @ExplicitNull var possibleSecondary: PossibleSecondaryNonResponse? = nil

        init(_ flags: NonResponseFlags) {
            history = flags.history
            primary = flags.primary
            possibleSecondary = flags.possibleSecondary
        }
    }

    /// `GET /api/patients/{id}/outcomes`.
    struct PatientOutcomes: Content, Equatable {
        let patientId: UUID
        let label: String
        let today: CalendarDate
        /// Oldest first.
        let cycles: [Cycle]
        /// From the patient's own observed wear-offs (at least 2), else the clinic's median for the
        /// last session's product, else 105 days; null before a first session, and null while
        /// `predictionWithheld` says why (no prediction without a response).
        @ExplicitNull var prediction: WearOffPrediction? = nil
        /// Why no wear-off or re-injection date is predicted: the primary non-response flag, or no
        /// response observed in any cycle yet; null when `prediction` is given or there is no session.
        @ExplicitNull var predictionWithheld: PredictionWithheld? = nil
        @ExplicitNull var reinjectionWindow: ReinjectionWindow? = nil
        let nonResponse: NonResponse
        /// How "adequately dosed" was decided for the primary non-response rule.
        let adequateDose: String
    }
}
