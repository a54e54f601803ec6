import Foundation
import TenderpointCore
import Vapor

/// Who wrote or performed a record (assessor, injector, practitioner, diary author), as the
/// records API shows them: enough to say "entered by the patient" or "assessed by Dr X".
struct RecordAuthor: Content, Equatable {
    let id: UUID
    let displayName: String
    let role: String

    init(id: UUID, displayName: String, role: String) {
        self.id = id
        self.displayName = displayName
        self.role = role
    }

    init(_ user: AuthenticatedUser) {
        self.init(id: user.id, displayName: user.displayName, role: user.role.rawValue)
    }
}
