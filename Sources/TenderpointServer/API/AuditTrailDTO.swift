import Foundation
import Vapor

/// One line of a patient's audit trail: "who saw my record".
struct AuditTrailEntryDTO: Content, Equatable {
    let at: Date
    @ExplicitNull var username: String? = nil
    @ExplicitNull var role: String? = nil
    let action: String
    let resourceType: String
    @ExplicitNull var resourceID: String? = nil
    let outcome: String
    @ExplicitNull var detail: String? = nil

    struct Row: Decodable {
        let at: Date
        let username: String?
        let role: String?
        let action: String
        let resource_type: String
        let resource_id: String?
        let outcome: String
        let detail: String?
    }

    init(_ row: Row) {
        at = row.at
        username = row.username
        role = row.role
        action = row.action
        resourceType = row.resource_type
        resourceID = row.resource_id
        outcome = row.outcome
        detail = row.detail
    }
}
