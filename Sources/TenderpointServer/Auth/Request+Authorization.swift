import Foundation
import TenderpointCore
import Vapor

extension Request {
    /// The signed-in user, or 401.
    func requireUser() throws -> AuthenticatedUser {
        guard let user = auth.get(AuthenticatedUser.self) else { throw APIError.unauthenticated }
        return user
    }

    /// Checks the access table, and for a patient that `patient` is their own record. A refusal
    /// is audited (who tried what on which patient) before the 403 goes out.
    @discardableResult
    func authorize(_ permission: Permission, patient: UUID? = nil, resource: String = "Patient") async throws -> AuthenticatedUser {
        let user = try requireUser()
        var allowed = AccessTable.allows(user.role, permission)
        if allowed, user.role == .patient {
            allowed = patient != nil && patient == user.patientID
        }
        guard allowed else {
            await audit.record(AuditEntry(user: user, action: .denied, resourceType: resource,
                                          resourceID: patient?.uuidString, patientID: patient,
                                          outcome: .denied, detail: permission.rawValue))
            throw APIError.forbidden(user.role == .patient
                ? "A patient may only see their own record."
                : "A \(user.role.rawValue) may not do this (\(permission.rawValue)).")
        }
        return user
    }
}
