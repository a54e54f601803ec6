/// A point on the body chart, in per cent of the drawing's width (`x`, from the left) and height
/// (`y`, from the top). It adds precision to a site; it never replaces one.
public struct ChartPoint: Hashable, Sendable {
    public let view: ChartView
    public let x: Double
    public let y: Double

    /// Both coordinates must lie in 0...100; every problem is reported together.
    public init(view: ChartView, x: Double, y: Double) throws(Problems) {
        var problems: [Problem] = []
        for (field, value) in [("chart.x", x), ("chart.y", y)] where !(0...100).contains(value) {
            problems.append(Problem(.valueOutOfRange,
                                    "A chart coordinate is a percentage from 0 to 100, not \(value).", field: field))
        }
        guard problems.isEmpty else { throw Problems(problems) }
        self.view = view
        self.x = x
        self.y = y
    }
}

extension ChartPoint: Codable {
    private enum CodingKeys: String, CodingKey {
        case view, x, y
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        do {
            try self.init(view: container.decode(ChartView.self, forKey: .view),
                          x: container.decode(Double.self, forKey: .x),
                          y: container.decode(Double.self, forKey: .y))
        } catch let problems as Problems {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath,
                debugDescription: problems.all.map(\.message).joined(separator: "; "),
                underlyingError: problems))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(view, forKey: .view)
        try container.encode(x, forKey: .x)
        try container.encode(y, forKey: .y)
    }
}
