/// Where an appointment stands. The rules that read it live here once: which statuses count as
/// an injection for the minimum interval, and which occupy the practitioner's time.
public enum AppointmentStatus: String, CaseIterable, Codable, Sendable {
    case booked
    case cancelled
    case attended
    case noShow

    /// Injection appointments in these statuses count against the minimum interval between
    /// sessions: a missed or cancelled one gave no toxin.
    public static let countingAsInjection: [AppointmentStatus] = [.booked, .attended]

    /// Only a cancelled appointment frees the practitioner's time. The server's database rule
    /// against overlaps (`CreateAppointment`) names `cancelled`, so its raw value must not change.
    public var occupiesTime: Bool { self != .cancelled }

    public var countsAsInjection: Bool { Self.countingAsInjection.contains(self) }

    public static var list: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
