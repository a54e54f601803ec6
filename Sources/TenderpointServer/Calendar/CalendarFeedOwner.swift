import Foundation

/// Whose appointments a calendar feed carries.
enum CalendarFeedOwner: Sendable, Equatable {
    /// A practitioner's (clinician's or nurse's) own diary.
    case practitioner(UUID)
    /// One patient's appointments.
    case patient(UUID)

    /// The patient whose data the feed is, for its audit records; nil for a practitioner's.
    var patientID: UUID? {
        if case .patient(let id) = self { return id }
        return nil
    }

    /// The row whose lock serialises replacing this owner's feed (PostgreSQL; SQLite has one writer).
    var lock: (table: String, id: UUID) {
        switch self {
        case .practitioner(let id): (UserModel.schema, id)
        case .patient(let id): (PatientModel.schema, id)
        }
    }
}
