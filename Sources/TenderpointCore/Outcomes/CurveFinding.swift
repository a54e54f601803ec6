/// What a response curve can honestly say about one milestone.
public enum CurveFinding: Hashable, Codable, Sendable {
    case found(CurveMilestone)
    /// The data (or the cycle) end before the milestone was reached; `lastObservedDay` is the
    /// last day with a smoothed value, so the milestone lies after it.
    case notObserved(lastObservedDay: Int)
    /// The data needed are missing: `window` says where, `daysWithData` how many days it had.
    case notEnoughData(window: PainWindow, daysWithData: Int)
    /// Does not apply: onset and wear-off of a session with no response, or with a baseline of 0.
    case notApplicable

    public var milestone: CurveMilestone? {
        if case .found(let milestone) = self { milestone } else { nil }
    }
}

/// Flat JSON for clients: `{"status": "found", "milestone": {…}}`, `{"status": "notObserved",
/// "lastObservedDay": 70}`, `{"status": "notEnoughData", "window": "baseline", "daysWithData": 2}`,
/// `{"status": "notApplicable"}`.
extension CurveFinding {
    private enum CodingKeys: String, CodingKey { case status, milestone, lastObservedDay, window, daysWithData }
    private enum Status: String, Codable { case found, notObserved, notEnoughData, notApplicable }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Status.self, forKey: .status) {
        case .found: self = .found(try container.decode(CurveMilestone.self, forKey: .milestone))
        case .notObserved: self = .notObserved(lastObservedDay: try container.decode(Int.self, forKey: .lastObservedDay))
        case .notEnoughData:
            self = .notEnoughData(window: try container.decode(PainWindow.self, forKey: .window),
                                  daysWithData: try container.decode(Int.self, forKey: .daysWithData))
        case .notApplicable: self = .notApplicable
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .found(let milestone):
            try container.encode(Status.found, forKey: .status)
            try container.encode(milestone, forKey: .milestone)
        case .notObserved(let day):
            try container.encode(Status.notObserved, forKey: .status)
            try container.encode(day, forKey: .lastObservedDay)
        case .notEnoughData(let window, let days):
            try container.encode(Status.notEnoughData, forKey: .status)
            try container.encode(window, forKey: .window)
            try container.encode(days, forKey: .daysWithData)
        case .notApplicable:
            try container.encode(Status.notApplicable, forKey: .status)
        }
    }
}
