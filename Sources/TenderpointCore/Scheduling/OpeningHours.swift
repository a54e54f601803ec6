/// The hours a clinic is open on one weekday, as wall-clock minutes after local midnight
/// (09:00 is 540). `close` may be 1440 (midnight at the end of the day).
///
/// Wall-clock minutes, not elapsed time: 09:00–17:00 stays 09:00–17:00 on the days the clocks
/// change, and `SlotFinder` turns them into instants in the clinic's time zone.
public struct OpeningHours: Hashable, Sendable {
    public let open: Int
    public let close: Int

    /// 09:00–17:00, the default on every open weekday.
    public static let standard = OpeningHours(unchecked: 9 * 60, 17 * 60)

    /// Throws `valueOutOfRange` (field `openingHours`) unless 0 ≤ open < close ≤ 1440.
    public init(open: Int, close: Int) throws(Problem) {
        guard 0 <= open, open < close, close <= 24 * 60 else {
            throw Problem(.valueOutOfRange,
                          "Opening hours must open before they close, within one day (minutes 0–1440); got \(open)–\(close).",
                          field: "openingHours")
        }
        self.init(unchecked: open, close)
    }

    private init(unchecked open: Int, _ close: Int) {
        self.open = open
        self.close = close
    }
}

extension OpeningHours: Codable {
    private enum CodingKeys: String, CodingKey { case open, close }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let open = try container.decode(Int.self, forKey: .open)
        let close = try container.decode(Int.self, forKey: .close)
        do {
            try self.init(open: open, close: close)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .close, in: container, debugDescription: error.message)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(open, forKey: .open)
        try container.encode(close, forKey: .close)
    }
}
