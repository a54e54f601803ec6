/// The smoothing behind a response curve: a centred 7-day moving average, trimmed, over the
/// days that have data.
///
/// The value on day d rests on the daily means of the days d − 3 … d + 3 that have data, and
/// exists only when at least 3 of those 7 days have data. It is their mean after setting aside
/// the single highest and the single lowest day (with 3 days, their median), so one noisy entry
/// — a slip of the finger, one bad night — never moves the curve on its own; a plain mean would
/// let a single 0 among three 6s pass for a 33 % response. On a steady rise or fall the trimmed
/// and the plain mean agree. Days without an entry of their own get a value when their window
/// qualifies (a missed day between recorded days is bridged), but only from the first to the
/// last day with data: the curve never extends beyond the data. Windows are cut at the edges of
/// `range`, so a window never reaches across the session (pain before the injection does not
/// blur the days after it) or into the next cycle.
public enum PainSmoothing {
    public static let windowDays = 7
    public static let minimumDaysInWindow = 3

    /// `dailyNRS` maps days after the session to that day's mean score; days outside `range`
    /// are ignored. `sessionDate` dates the results.
    public static func centredMovingAverage(dailyNRS: [Int: Double], range: ClosedRange<Int>,
                                            sessionDate: CalendarDate) -> [SmoothedPain] {
        let dataDays = dailyNRS.keys.filter { range.contains($0) }
        guard let first = dataDays.min(), let last = dataDays.max() else { return [] }
        let halfWidth = windowDays / 2
        var smoothed: [SmoothedPain] = []
        for day in first...last {
            let window = max(range.lowerBound, day - halfWidth)...min(range.upperBound, day + halfWidth)
            let values = window.compactMap { dailyNRS[$0] }.sorted()
            guard values.count >= minimumDaysInWindow else { continue }
            let kept = values.dropFirst().dropLast()
            smoothed.append(SmoothedPain(day: day, date: sessionDate.adding(days: day),
                                         nrs: kept.reduce(0, +) / Double(kept.count),
                                         supportingDays: values.count))
        }
        return smoothed
    }
}
