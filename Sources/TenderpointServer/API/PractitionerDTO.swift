import Foundation
import TenderpointCore
import Vapor

/// Someone appointments are booked with.
struct PractitionerDTO: Content, Equatable {
    let id: UUID
    let displayName: String
    let role: Role
}
