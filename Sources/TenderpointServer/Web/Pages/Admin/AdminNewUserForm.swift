import Foundation
import TenderpointCore

/// The new-account form as typed. The two password fields are read but never shown again.
struct AdminNewUserForm: Sendable, Equatable {
    var username = ""
    var displayName = ""
    var role = ""
    var patient = ""
    var password = ""
    var passwordConfirmation = ""

    static let fieldOrder = ["username", "displayName", "role", "patient", "password", "passwordConfirmation"]

    init() {}

    init(_ form: WebForm) {
        username = form["username"]?.trimmingCharacters(in: .whitespaces) ?? ""
        displayName = form["displayName"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        role = form["role"] ?? ""
        patient = form["patient"]?.trimmingCharacters(in: .whitespaces) ?? ""
        password = form["password"] ?? ""
        passwordConfirmation = form["passwordConfirmation"] ?? ""
    }

    /// The form's own problems, before the account rules are asked: the role must be one of
    /// the list, and the password typed twice alike.
    var problems: [String: String] {
        var errors: [String: String] = [:]
        if Role(rawValue: role) == nil { errors["role"] = "Choose a role." }
        errors.merge(Self.passwordMismatch(password, passwordConfirmation)) { first, _ in first }
        return errors
    }

    static func passwordMismatch(_ password: String, _ confirmation: String) -> [String: String] {
        password == confirmation ? [:] : ["passwordConfirmation": "The two passwords are not the same: type the password again in both fields."]
    }
}
