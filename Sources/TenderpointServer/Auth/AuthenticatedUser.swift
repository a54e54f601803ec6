import Foundation
import TenderpointCore
import Vapor

/// The signed-in person a request acts for.
struct AuthenticatedUser: Authenticatable, Sendable {
    let id: UUID
    let username: String
    let role: Role
    let displayName: String
    /// Set for a patient's account: the only patient record it may see.
    let patientID: UUID?
}
