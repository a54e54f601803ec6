import Foundation
import TenderpointCore

/// One audit record before it is stored.
struct AuditEntry: Sendable {
    enum Action: String, Sendable, Codable, CaseIterable {
        case read, search, create, update, delete, login, loginFailed = "login-failed", logout, denied, export, override
    }

    enum Outcome: String, Sendable, Codable {
        case success, denied, failure
    }

    var at: Date = Date()
    let userID: UUID?
    let username: String?
    let role: String?
    let action: Action
    let resourceType: String
    let resourceID: String?
    let patientID: UUID?
    let outcome: Outcome
    let detail: String?

    init(user: AuthenticatedUser?, action: Action, resourceType: String, resourceID: String? = nil,
         patientID: UUID? = nil, outcome: Outcome = .success, detail: String? = nil) {
        self.userID = user?.id
        self.username = user?.username
        self.role = user?.role.rawValue
        self.action = action
        self.resourceType = resourceType
        self.resourceID = resourceID
        self.patientID = patientID
        self.outcome = outcome
        self.detail = detail
    }

    init(username: String?, action: Action, resourceType: String, outcome: Outcome, detail: String? = nil) {
        self.userID = nil
        self.username = username
        self.role = nil
        self.action = action
        self.resourceType = resourceType
        self.resourceID = nil
        self.patientID = nil
        self.outcome = outcome
        self.detail = detail
    }

    var model: AuditEventModel {
        let model = AuditEventModel()
        model.id = UUID()
        model.at = at
        model.userID = userID
        model.username = username
        model.role = role
        model.action = action.rawValue
        model.resourceType = resourceType
        model.resourceID = resourceID
        model.patientID = patientID
        model.outcome = outcome.rawValue
        model.detail = detail
        return model
    }
}
