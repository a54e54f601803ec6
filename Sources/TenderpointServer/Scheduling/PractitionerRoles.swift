import TenderpointCore

/// The accounts appointments are booked with: clinicians and nurses.
enum PractitionerRoles {
    static let all: [Role] = [.clinician, .nurse]
}
