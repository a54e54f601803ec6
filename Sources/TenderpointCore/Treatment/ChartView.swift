/// Which body-chart drawing a point is on.
public enum ChartView: String, CaseIterable, Codable, Sendable, Hashable {
    case front, back
}
