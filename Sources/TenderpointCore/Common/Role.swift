/// Who is acting. Clinical permissions that are rules of the domain (who may override the
/// re-injection interval, who may acknowledge a screening item) are decided here; route-level
/// access lives in the server's authorisation table.
public enum Role: String, CaseIterable, Codable, Sendable, Hashable {
    case admin, clinician, nurse, reception, patient

    /// Only a clinician may override the minimum interval or acknowledge a screening item.
    public var mayOverrideClinicalRules: Bool { self == .clinician }

    /// Clinicians inject; nurses chart under a supervising clinician.
    public var mayChartSessions: Bool { self == .clinician || self == .nurse }
}
