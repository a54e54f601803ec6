/// Whose bank holidays close the clinic (DOMAIN.md §3, "Public holidays"). The three UK
/// jurisdictions have different lists; `none` is for a clinic that enters every closed day
/// itself (a clinic outside the UK, or one that opens on bank holidays).
public enum HolidayRegion: String, CaseIterable, Codable, Sendable, Hashable {
    case englandAndWales
    case scotland
    case northernIreland
    case none

    /// "England and Wales", for pages and messages.
    public var label: String {
        switch self {
        case .englandAndWales: "England and Wales"
        case .scotland: "Scotland"
        case .northernIreland: "Northern Ireland"
        case .none: "None (closed dates only)"
        }
    }
}
