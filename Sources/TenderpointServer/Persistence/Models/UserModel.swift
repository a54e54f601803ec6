import Fluent
import Foundation
import TenderpointCore

/// A person who signs in: staff (admin, clinician, nurse, reception) or a patient, whose account
/// is linked to their patient record.
final class UserModel: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "role") var role: String
    @Field(key: "display_name") var displayName: String
    @OptionalParent(key: "patient_id") var patient: PatientModel?
    @Field(key: "failed_logins") var failedLogins: Int
    @OptionalField(key: "locked_until") var lockedUntil: Date?
    @Field(key: "active") var active: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(id: UUID? = nil, username: String, passwordHash: String, role: Role, displayName: String, patientID: UUID? = nil) {
        self.id = id
        self.username = username
        self.passwordHash = passwordHash
        self.role = role.rawValue
        self.displayName = displayName
        self.$patient.id = patientID
        self.failedLogins = 0
        self.active = true
    }

    var accountRole: Role { Role(rawValue: role) ?? .patient }
}
