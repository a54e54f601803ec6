/// The searches along a smoothed curve that `ResponseCurve.fit` needs, kept apart so the fit
/// reads as the rules.
struct CurveReader {
    let baseline: Double?
    let smoothed: [SmoothedPain]

    /// The earliest of the lowest values among days in `days`, nil when none has a value.
    func lowestIndex(in days: ClosedRange<Int>) -> Int? {
        var best: Int?
        for (index, point) in smoothed.enumerated() where days.contains(point.day) {
            if let current = best, point.nrs >= smoothed[current].nrs - ResponseCurve.tolerance { continue }
            best = index
        }
        return best
    }

    /// First day (≤ the peak) whose fall from baseline is at least 30 % of the peak's.
    func onset(peakIndex: Int) -> CurveFinding {
        guard let baseline else { return .notApplicable }
        let required = ResponseCurve.onsetFraction * (baseline - smoothed[peakIndex].nrs)
        for index in 0...peakIndex where baseline - smoothed[index].nrs >= required - ResponseCurve.tolerance {
            return .found(milestone(at: index, searchFrom: ResponseCurve.peakSearchDays.lowerBound))
        }
        return .found(milestone(at: peakIndex, searchFrom: ResponseCurve.peakSearchDays.lowerBound))
    }

    /// First day after the peak whose remaining fall from baseline is at most 30 % of the peak's.
    func wearOff(peakIndex: Int) -> CurveFinding {
        guard let baseline else { return .notApplicable }
        let allowed = ResponseCurve.wearOffRemainingFraction * (baseline - smoothed[peakIndex].nrs)
        let searchFrom = smoothed[peakIndex].day + 1
        for index in smoothed.indices where index > peakIndex
            && baseline - smoothed[index].nrs <= allowed + ResponseCurve.tolerance {
            return .found(milestone(at: index, searchFrom: searchFrom))
        }
        return .notObserved(lastObservedDay: smoothed.last?.day ?? smoothed[peakIndex].day)
    }

    func milestone(at index: Int, searchFrom: Int) -> CurveMilestone {
        let point = smoothed[index]
        let previousDay = index > 0 ? max(smoothed[index - 1].day, searchFrom - 1) : searchFrom - 1
        return CurveMilestone(
            day: point.day, date: point.date, smoothedNRS: point.nrs,
            reductionPercent: baseline.flatMap { ResponderClassification.classify(baseline: $0, value: point.nrs) }?
                .reductionPercent,
            supportingDays: point.supportingDays,
            unobservedDaysBefore: point.day - previousDay - 1)
    }
}
