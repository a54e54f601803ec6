/// The clinic's configurable settings that the session rules read.
public struct ClinicRules: Sendable {
    public var doseLimits: ClinicDoseLimits
    public var screeningPolicy: ScreeningPolicy
    public var calendar: ClinicCalendar
    /// How long a consent stays in force from its date, in months (DOMAIN.md §4: 12 by default,
    /// a clinic setting of 1–24).
    public var consentValidityMonths: Int
    /// How far back a diary entry may describe, in days (DOMAIN.md §4: 7 by default, 0–30).
    public var diaryMaxDaysBack: Int

    public static let consentValidityMonthsRange = 1...24
    public static let defaultConsentValidityMonths = 12
    public static let diaryMaxDaysBackRange = 0...30
    public static let defaultDiaryMaxDaysBack = 7

    public init(doseLimits: ClinicDoseLimits = ClinicDoseLimits(), screeningPolicy: ScreeningPolicy = .standard,
                calendar: ClinicCalendar = .standard,
                consentValidityMonths: Int = ClinicRules.defaultConsentValidityMonths,
                diaryMaxDaysBack: Int = ClinicRules.defaultDiaryMaxDaysBack) {
        self.doseLimits = doseLimits
        self.screeningPolicy = screeningPolicy
        self.calendar = calendar
        self.consentValidityMonths = min(max(consentValidityMonths, ClinicRules.consentValidityMonthsRange.lowerBound),
                                         ClinicRules.consentValidityMonthsRange.upperBound)
        self.diaryMaxDaysBack = min(max(diaryMaxDaysBack, ClinicRules.diaryMaxDaysBackRange.lowerBound),
                                    ClinicRules.diaryMaxDaysBackRange.upperBound)
    }
}
