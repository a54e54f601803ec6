import Fluent
import Foundation
import TenderpointCore
import Vapor

/// Creating accounts, shared by the CLI, the admin API, the demo clinic and the tests.
enum UserAccounts {
    static let minimumPasswordLength = 8

    static func normalized(username: String) -> String {
        username.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// Checks the username, password, role and patient link; all problems at once.
    static func validate(username: String, password: String, role: Role, patientID: UUID?) -> [Problem] {
        var problems: [Problem] = []
        let name = normalized(username: username)
        if name.isEmpty || name.count > 64 || !name.allSatisfy({ $0.isLetter || $0.isNumber || "._-@".contains($0) }) {
            problems.append(Problem(.invalidValue, "username must be 1–64 letters, digits or . _ - @.", field: "username"))
        }
        if password.count < minimumPasswordLength {
            problems.append(Problem(.invalidValue, "password must have at least \(minimumPasswordLength) characters.", field: "password"))
        }
        if role == .patient, patientID == nil {
            problems.append(Problem(.invalidValue, "a patient account must be linked to its patient record.", field: "patient"))
        }
        if role != .patient, patientID != nil {
            problems.append(Problem(.invalidValue, "only a patient account is linked to a patient record.", field: "patient"))
        }
        return problems
    }

    /// Creates an account with a bcrypt-hashed password inside the caller's transaction.
    static func create(username: String, password: String, role: Role, displayName: String?, patientID: UUID?,
                       hasher: AsyncPasswordHasher, on database: any Database) async throws -> UserModel {
        let problems = validate(username: username, password: password, role: role, patientID: patientID)
        guard problems.isEmpty else { throw Problems(problems) }
        let name = normalized(username: username)
        if try await UserModel.query(on: database).filter(\.$username == name).first() != nil {
            throw Problem(.duplicateIdentifier, "username \(name) is taken.", field: "username")
        }
        if let patientID, try await PatientModel.find(patientID, on: database) == nil {
            throw Problem(.unknownIdentifier, "no patient \(patientID) exists.", field: "patient")
        }
        let hash = try await hasher.hash(password)
        let user = UserModel(id: UUID(), username: name, passwordHash: hash, role: role,
                             displayName: displayName ?? name, patientID: patientID)
        try await user.create(on: database)
        return user
    }
}
