/// Where an appointment stands. Only `cancelled` frees the practitioner's time: the database's
/// no-overlap rule (`CreateAppointment`) names that value, so it must not change.
enum AppointmentStatus: String, CaseIterable, Codable, Sendable {
    case booked
    case cancelled
    case attended
    case noShow

    /// Injection appointments in these statuses count against the minimum interval between
    /// sessions: a missed or cancelled one gave no toxin.
    static let countingAsInjection: [AppointmentStatus] = [.booked, .attended]

    static var list: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
