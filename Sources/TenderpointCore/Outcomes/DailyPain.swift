/// The mean of one day's usable pain scores, diary and assessment alike: several entries on a
/// day count as one day, so a patient who records often does not outweigh the days around.
public struct DailyPain: Hashable, Codable, Sendable {
    public let date: CalendarDate
    public let nrs: Double
    public let observationCount: Int

    public init(date: CalendarDate, nrs: Double, observationCount: Int) {
        self.date = date
        self.nrs = nrs
        self.observationCount = observationCount
    }

    /// One entry per date that has at least one usable observation, in date order.
    public static func byDay(_ observations: [PainObservation]) -> [DailyPain] {
        var sums: [CalendarDate: (total: Double, count: Int)] = [:]
        for observation in observations where observation.isUsable {
            let running = sums[observation.date] ?? (0, 0)
            sums[observation.date] = (running.total + observation.nrs, running.count + 1)
        }
        return sums.keys.sorted().map { date in
            let sum = sums[date]!
            return DailyPain(date: date, nrs: sum.total / Double(sum.count), observationCount: sum.count)
        }
    }
}
