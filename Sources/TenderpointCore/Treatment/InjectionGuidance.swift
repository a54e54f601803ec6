/// How the injector found the site (DOMAIN.md §7): by surface landmarks, EMG or ultrasound.
public enum InjectionGuidance: String, CaseIterable, Codable, Sendable, Hashable {
    case landmark, emg, ultrasound
}
