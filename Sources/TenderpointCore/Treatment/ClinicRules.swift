/// The clinic's configurable settings that the session rules read.
public struct ClinicRules: Sendable {
    public var doseLimits: ClinicDoseLimits
    public var screeningPolicy: ScreeningPolicy
    public var calendar: ClinicCalendar

    public init(doseLimits: ClinicDoseLimits = ClinicDoseLimits(), screeningPolicy: ScreeningPolicy = .standard,
                calendar: ClinicCalendar = .standard) {
        self.doseLimits = doseLimits
        self.screeningPolicy = screeningPolicy
        self.calendar = calendar
    }
}
