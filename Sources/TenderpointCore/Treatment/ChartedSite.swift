/// An injection site as charted: the site and, optionally, a point on the body chart.
/// JSON is one object: `{"muscle": "levatorScapulae.right", "chart": {"view": "back", "x": 41.5, "y": 22.0}}`.
public struct ChartedSite: Hashable, Sendable {
    public let site: InjectionSite
    public let chart: ChartPoint?

    public init(site: InjectionSite, chart: ChartPoint? = nil) {
        self.site = site
        self.chart = chart
    }
}

extension ChartedSite: Codable {
    private enum CodingKeys: String, CodingKey {
        case chart
    }

    public init(from decoder: Decoder) throws {
        site = try InjectionSite(from: decoder)
        chart = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(ChartPoint.self, forKey: .chart)
    }

    public func encode(to encoder: Encoder) throws {
        try site.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(chart, forKey: .chart)
    }
}
