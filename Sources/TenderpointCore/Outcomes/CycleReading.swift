/// One treatment cycle's outcome as the clinic report and a patient's outcome page read it: the
/// response curve, the pain at the week-3 review and the week-12 reassessment, and the FIQR
/// before and after.
///
/// How the readings are chosen (day N is the session's date plus N days):
/// - **Pain observations**: the diary's scores and every assessment's pain NRS; an assessment is
///   one more score on its day (`ResponseCurve` averages a day's scores).
/// - **Pre-injection assessment**: the latest assessment dated in days −42 … 0 that recorded the
///   score. One on the session's own date counts: the clinic assesses before it injects. Six weeks
///   reach back to the week-12 reassessment of the cycle before (days −28 … 0 when the sessions
///   are 12–16 weeks apart), never to its week-3 review. Its pain NRS is the curve's baseline
///   when the diary has fewer than 3 of days −14 … −1; its FIQR total is the FIQR baseline.
/// - **Review scores** (`ReviewWindow.week3`, `.week12`): from the assessment in the window that
///   recorded the score, the one nearest the planned day (the earlier of two equally near), dated
///   no later than the next session (a reassessment on the day of the next session is taken
///   before it). Pain without such an assessment: the smoothed curve's value on the planned day
///   itself when it has one, never another day's. FIQR has no fallback.
/// - **Responder at a review**: IMMPACT (`ResponderClassification`) on the curve's baseline and
///   the review's pain; nil without both, or with a baseline of 0.
public struct CycleReading: Hashable, Codable, Sendable {
    public static let preInjectionDays = 42

    public let sessionDate: CalendarDate
    public let nextSessionDate: CalendarDate?
    public let curve: ResponseCurve
    public let preInjectionNRS: ReviewScore?
    public let week3NRS: ReviewScore?
    public let week12NRS: ReviewScore?
    public let preInjectionFIQR: ReviewScore?
    public let week3FIQR: ReviewScore?
    public let week12FIQR: ReviewScore?

    /// `diary` and `assessments` may span any dates; only those around this cycle count.
    public static func read(sessionDate: CalendarDate, nextSessionDate: CalendarDate?,
                            diary: [PainObservation], assessments: [AssessmentScores]) -> CycleReading {
        let prePain = preInjection(\.painNRS, in: assessments, sessionDate: sessionDate)
        var observations = diary
        for assessment in assessments {
            if let pain = assessment.painNRS {
                observations.append(PainObservation(date: assessment.date, nrs: pain, source: .assessment))
            }
        }
        let curve = ResponseCurve.fit(sessionDate: sessionDate, observations: observations,
                                      preInjectionAssessmentNRS: prePain?.value, nextSessionDate: nextSessionDate)
        func pain(_ window: ReviewWindow) -> ReviewScore? {
            review(\.painNRS, window: window, in: assessments, sessionDate: sessionDate, nextSessionDate: nextSessionDate)
                ?? curve.smoothed.first { $0.day == window.targetDay }.map {
                    ReviewScore(value: $0.nrs, day: $0.day, date: $0.date, source: .curve)
                }
        }
        return CycleReading(
            sessionDate: sessionDate, nextSessionDate: nextSessionDate, curve: curve, preInjectionNRS: prePain,
            week3NRS: pain(.week3), week12NRS: pain(.week12),
            preInjectionFIQR: preInjection(\.fiqrTotal, in: assessments, sessionDate: sessionDate),
            week3FIQR: review(\.fiqrTotal, window: .week3, in: assessments, sessionDate: sessionDate,
                              nextSessionDate: nextSessionDate),
            week12FIQR: review(\.fiqrTotal, window: .week12, in: assessments, sessionDate: sessionDate,
                               nextSessionDate: nextSessionDate))
    }

    /// The baseline the response is measured against (`PainBaseline`).
    public var baselineNRS: Double? { curve.baseline.nrs }

    public var week3Response: ResponderClassification? { response(week3NRS) }

    /// Whether a response was seen in this cycle: a pain reduction of at least 30 % at the week-3
    /// review, or a response on the smoothed curve (its peak). "No prediction without a response"
    /// (`PredictionWithheld`) reads this.
    public var responseObserved: Bool { week3Response?.atLeast30 == true || curve.responded == true }
    public var week12Response: ResponderClassification? { response(week12NRS) }

    /// What the non-response rules need, with the session's dose and the interval since the
    /// previous one.
    public func outcome(product: ToxinProduct, totalUnits: Units, intervalDaysSincePrevious: Int?) -> CycleOutcome {
        let response = week3Response
        return CycleOutcome(sessionDate: sessionDate, product: product, totalUnits: totalUnits,
                            week3ReductionPercent: response?.reductionPercent, responder: response?.atLeast30,
                            intervalDaysSincePrevious: intervalDaysSincePrevious)
    }

    private func response(_ score: ReviewScore?) -> ResponderClassification? {
        guard let baseline = baselineNRS, let score else { return nil }
        return ResponderClassification.classify(baseline: baseline, value: score.value)
    }

    static func preInjection(_ measure: KeyPath<AssessmentScores, Double?>, in assessments: [AssessmentScores],
                             sessionDate: CalendarDate) -> ReviewScore? {
        var best: ReviewScore?
        for assessment in assessments {
            let day = assessment.date.days(since: sessionDate)
            guard (-preInjectionDays...0).contains(day), let value = assessment[keyPath: measure], value.isFinite else { continue }
            if let current = best, current.day >= day { continue }
            best = ReviewScore(value: value, day: day, date: assessment.date, source: .assessment)
        }
        return best
    }

    static func review(_ measure: KeyPath<AssessmentScores, Double?>, window: ReviewWindow,
                       in assessments: [AssessmentScores], sessionDate: CalendarDate,
                       nextSessionDate: CalendarDate?) -> ReviewScore? {
        let lastDay = nextSessionDate.map { $0.days(since: sessionDate) } ?? Int.max
        var best: ReviewScore?
        for assessment in assessments {
            let day = assessment.date.days(since: sessionDate)
            guard window.days.contains(day), day <= lastDay, let value = assessment[keyPath: measure], value.isFinite else {
                continue
            }
            if let current = best {
                let distance = abs(day - window.targetDay), currentDistance = abs(current.day - window.targetDay)
                if distance > currentDistance || (distance == currentDistance && day >= current.day) { continue }
            }
            best = ReviewScore(value: value, day: day, date: assessment.date, source: .assessment)
        }
        return best
    }
}
