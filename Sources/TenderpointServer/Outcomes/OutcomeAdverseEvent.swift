import Foundation
import TenderpointCore

/// An adverse event as the outcome report counts it: which session, what, how bad.
struct OutcomeAdverseEvent: Sendable, Equatable {
    let sessionID: UUID
    /// `AdverseEventKind` and `AdverseEventSeverity` identifiers as stored.
    let kind: String
    let severity: String
    let serious: Bool
    /// `AdverseEventSource` as stored: `clinician` or `patient`.
    var source: String = AdverseEventSource.clinician.rawValue
}
