import TenderpointCore

/// What an appointment is for. The follow-up kinds keep the core's `FollowUpKind` raw values, so
/// a booked follow-up and its plan entry read the same in the API and in stored data.
enum AppointmentKind: String, CaseIterable, Codable, Sendable {
    case assessment
    case injection
    case onsetCheck = "onset-check"
    case peakReview = "peak-review"
    case reassessment
    case other

    init(_ followUp: FollowUpKind) {
        switch followUp {
        case .onsetCheck: self = .onsetCheck
        case .peakReview: self = .peakReview
        case .reassessment: self = .reassessment
        }
    }

    /// The length of a follow-up booked automatically after a session: the day-8 onset check is
    /// a short phone call; the week-3 review and week-12 reassessment take questionnaires.
    static func followUpMinutes(_ followUp: FollowUpKind) -> Int {
        switch followUp {
        case .onsetCheck: 20
        case .peakReview, .reassessment: 30
        }
    }

    static var list: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
