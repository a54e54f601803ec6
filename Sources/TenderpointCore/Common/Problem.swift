/// A clinical rule that a value or a proposed action breaks.
///
/// The core reports problems with a stable `code` (clients, the API and stored data rely on it),
/// a message a clinician can read, and the input field it concerns, if any. The server maps a
/// problem to HTTP 422, a FHIR `OperationOutcome` or a form message.
public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
    public let code: Code
    public let message: String
    public let field: String?

    public init(_ code: Code, _ message: String, field: String? = nil) {
        self.code = code
        self.message = message
        self.field = field
    }

    public var description: String { "\(code.rawValue): \(message)" + (field.map { " [\($0)]" } ?? "") }

    /// Stable identifiers of every rule the core enforces.
    public enum Code: String, Hashable, Sendable, CaseIterable, Codable {
        // Input values
        case valueOutOfRange = "value_out_of_range"
        case unknownIdentifier = "unknown_identifier"
        case duplicateIdentifier = "duplicate_identifier"
        case invalidDate = "invalid_date"
        case invalidValue = "invalid_value"
        // Toxin products, vials and doses
        case mixedProducts = "mixed_products"
        case vialUnusable = "vial_unusable"
        case doseLimitExceeded = "dose_limit_exceeded"
        case doseLimitsNotSet = "dose_limits_not_set"
        case doseLimitAboveDefault = "dose_limit_above_default"
        // Screening and consent
        case contraindicated = "contraindicated"
        case acknowledgementRequired = "acknowledgement_required"
        case acknowledgementNotPermitted = "acknowledgement_not_permitted"
        case screeningIncomplete = "screening_incomplete"
        case consentMissing = "consent_missing"
        // Scheduling
        case intervalTooShort = "interval_too_short"
        case overrideNotPermitted = "override_not_permitted"
        case overrideReasonRequired = "override_reason_required"
        case noInjections = "no_injections"
        case sessionInFuture = "session_in_future"
        case chartingNotPermitted = "charting_not_permitted"
    }
}

/// Several problems found at once, thrown where every problem must be reported together.
public struct Problems: Error, Hashable, Sendable {
    public let all: [Problem]
    public init(_ all: [Problem]) { self.all = all }
}
