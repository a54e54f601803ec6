/// One session's response read from the pain scores around it: baseline, onset, peak and
/// wear-off, each with the data behind it, and "not enough data" where that is the truth.
///
/// How it is read (day N is the session's date plus N days; day 0, the session day itself, is
/// left out because its scores may come from before or after the injection):
/// - **Baseline**: `PainBaseline` — the mean of the daily means on days −14 … −1 when at least 3
///   of them have data, else the pre-injection assessment's NRS, else not enough data.
/// - **Smoothing**: `PainSmoothing` — a centred 7-day moving average over the days after the
///   session that have data, at least 3 of them per window, trimmed of each window's highest and
///   lowest day so that a single noisy entry cannot make or end a response.
/// - **Peak**: the lowest smoothed value on days 1 … 56 (the earliest such day when several
///   tie), with its reduction from baseline by the IMMPACT formula (`ResponderClassification`).
///   It is the lowest *observed*: `unobservedDaysBefore` and the smoothed curve show the gaps.
/// - **Response**: a peak reduction of at least 30 %. Without one, onset and wear-off do not
///   apply; with a baseline of 0 there is no responder status, so they do not apply either.
/// - **Onset**: the first day ≥ 1 whose smoothed pain has fallen at least 30 % of the way from
///   the baseline to the peak value: baseline − smoothed ≥ 0.3 × (baseline − peak).
/// - **Wear-off**: the first day after the peak whose smoothed pain has lost at least 70 % of the
///   improvement, that is, is back within 30 % of the baseline-to-peak reduction from baseline:
///   baseline − smoothed ≤ 0.3 × (baseline − peak). When the data end first it is not observed,
///   and the benefit is censored at the last observed day.
///
/// Comparisons allow 1e-9 NRS points so that a boundary written as a decimal (a fall of exactly
/// 30 %) holds despite binary rounding. Nothing is interpolated beyond the data.
public struct ResponseCurve: Hashable, Codable, Sendable {
    public static let peakSearchDays = 1...56
    /// Onset: the share of the baseline-to-peak fall that must be reached.
    public static let onsetFraction = 0.3
    /// Wear-off: the share of the baseline-to-peak fall that may remain at most.
    public static let wearOffRemainingFraction = 0.3
    static let tolerance = 1e-9

    public let sessionDate: CalendarDate
    public let baseline: PainBaseline
    /// The daily means used: days −14 … −1 and the days after the session in this cycle.
    public let daily: [DailyPain]
    public let smoothed: [SmoothedPain]
    public let peak: CurveFinding
    /// Peak reduction ≥ 30 %; nil when the baseline or the peak is unknown or the baseline is 0.
    public let responded: Bool?
    public let onset: CurveFinding
    public let wearOff: CurveFinding
    /// For a response: days to wear-off, or censored at the last observed day; nil otherwise.
    public let benefit: BenefitDuration?
    /// Observations left out because their score was not a finite 0–10 value.
    public let unusableObservations: Int

    /// `observations` may span any dates: only days −14 … −1 and the days after the session
    /// count, and when `nextSessionDate` is given, days from it on belong to the next cycle and
    /// are left out (a benefit that had not worn off by then is censored).
    public static func fit(sessionDate: CalendarDate, observations: [PainObservation],
                           preInjectionAssessmentNRS: Double?,
                           nextSessionDate: CalendarDate? = nil) -> ResponseCurve {
        let lastCycleDay = nextSessionDate.map { $0.days(since: sessionDate) - 1 } ?? Int.max
        let afterSession: ClosedRange<Int>? = lastCycleDay >= 1 ? 1...lastCycleDay : nil
        let daily = DailyPain.byDay(observations).filter { entry in
            let day = entry.date.days(since: sessionDate)
            return (-PainBaseline.windowDays ... -1).contains(day) || afterSession?.contains(day) == true
        }
        var dailyNRS: [Int: Double] = [:]
        for entry in daily { dailyNRS[entry.date.days(since: sessionDate)] = entry.nrs }

        let baseline = PainBaseline.from(dailyNRS: dailyNRS, preInjectionAssessmentNRS: preInjectionAssessmentNRS)
        let smoothed = afterSession.map {
            PainSmoothing.centredMovingAverage(dailyNRS: dailyNRS, range: $0, sessionDate: sessionDate)
        } ?? []
        let reader = CurveReader(baseline: baseline.nrs, smoothed: smoothed)
        let peakIndex = reader.lowestIndex(in: peakSearchDays)
        let peakWindowDays = dailyNRS.keys.filter { peakSearchDays.contains($0) }.count

        let peak: CurveFinding = peakIndex.map { .found(reader.milestone(at: $0, searchFrom: peakSearchDays.lowerBound)) }
            ?? .notEnoughData(window: .afterSession, daysWithData: peakWindowDays)
        let responded = peakIndex.flatMap { index in
            baseline.nrs.flatMap { ResponderClassification.classify(baseline: $0, value: smoothed[index].nrs) }
        }?.atLeast30
        let onset: CurveFinding, wearOff: CurveFinding
        if baseline.nrs == nil {
            onset = .notEnoughData(window: .baseline, daysWithData: baseline.daysWithData)
            wearOff = onset
        } else if let peakIndex {
            // No response, or a baseline of 0 (no responder status): nothing to begin or wear off.
            onset = responded == true ? reader.onset(peakIndex: peakIndex) : .notApplicable
            wearOff = responded == true ? reader.wearOff(peakIndex: peakIndex) : .notApplicable
        } else {
            onset = .notEnoughData(window: .afterSession, daysWithData: peakWindowDays)
            wearOff = onset
        }

        let benefit: BenefitDuration? = switch (responded, wearOff) {
        case (true, .found(let milestone)): BenefitDuration(days: milestone.day, wearOffObserved: true)
        case (true, .notObserved(let lastDay)): BenefitDuration(days: lastDay, wearOffObserved: false)
        default: nil
        }
        return ResponseCurve(sessionDate: sessionDate, baseline: baseline, daily: daily, smoothed: smoothed,
                             peak: peak, responded: responded, onset: onset, wearOff: wearOff, benefit: benefit,
                             unusableObservations: observations.count { !$0.isUsable })
    }
}
