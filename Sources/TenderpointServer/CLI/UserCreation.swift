import Fluent
import Foundation
import TenderpointCore
import Vapor

/// The work of `user create`, apart from the console so tests can run it directly.
enum UserCreation {
    /// The command's arguments, checked: an unknown role or a malformed patient id is bad input.
    struct Request: Sendable {
        let username: String
        let role: Role
        let patientID: UUID?
        let displayName: String?

        init(username: String, role: String?, patient: String?, displayName: String?) throws {
            guard let role else {
                throw CommandFailure.badInput("--role is required: one of \(Self.roles)")
            }
            guard let parsed = Role(rawValue: role.trimmingCharacters(in: .whitespaces).lowercased()) else {
                throw CommandFailure.badInput("unknown role '\(role)': one of \(Self.roles)")
            }
            var patientID: UUID?
            if let patient {
                guard let id = UUID(uuidString: patient.trimmingCharacters(in: .whitespaces)) else {
                    throw CommandFailure.badInput("--patient must be a patient id such as 0F8FAD5B-D9CB-469F-A165-70867728950E, not '\(patient)'")
                }
                patientID = id
            }
            let name = displayName?.trimmingCharacters(in: .whitespacesAndNewlines)
            self.username = username
            self.role = parsed
            self.patientID = patientID
            self.displayName = name?.isEmpty == true ? nil : name
        }

        static var roles: String { Role.allCases.map(\.rawValue).joined(separator: ", ") }
    }

    /// Creates the account (bcrypt hash with the application's cost) and its audit record in
    /// one transaction; returns its id. The account rules' refusals are bad input.
    static func create(_ request: Request, password: String, app: Application) async throws -> UUID {
        let hasher = app.password.async
        do {
            return try await app.db.writeTransaction { database in
                let user = try await UserAccounts.create(username: request.username, password: password, role: request.role,
                                                         displayName: request.displayName, patientID: request.patientID,
                                                         hasher: hasher, on: database)
                let id = try user.requireID()
                let entry = AuditEntry(user: nil, action: .create, resourceType: "User", resourceID: id.uuidString,
                                       patientID: request.patientID, detail: "command line: \(request.role.rawValue) account \(user.username)")
                try await AuditLog.insert(entry, on: database)
                return id
            }
        } catch let problems as Problems {
            throw CommandFailure.badInput(problems.all)
        } catch let problem as Problem {
            throw CommandFailure.badInput([problem])
        }
    }
}
