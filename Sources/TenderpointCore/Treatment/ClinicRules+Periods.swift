/// The two periods a clinic sets (DOMAIN.md §4): how long a consent stays in force and how far
/// back a diary entry may describe. `ClinicRules.init` clamps what it is given; these checks
/// are for a value being set, which must be refused, never silently clamped.
extension ClinicRules {
    /// `months` itself when it is within `consentValidityMonthsRange` (1–24); otherwise
    /// `valueOutOfRange` naming `field`.
    public static func checkedConsentValidityMonths(_ months: Int, field: String = "consentValidityMonths") throws(Problem) -> Int {
        let range = consentValidityMonthsRange
        guard range.contains(months) else {
            throw Problem(.valueOutOfRange,
                          "A consent stays in force for \(range.lowerBound) to \(range.upperBound) whole months; got \(months).",
                          field: field)
        }
        return months
    }

    /// `days` itself when it is within `diaryMaxDaysBackRange` (0–30); otherwise
    /// `valueOutOfRange` naming `field`.
    public static func checkedDiaryMaxDaysBack(_ days: Int, field: String = "diaryMaxDaysBack") throws(Problem) -> Int {
        let range = diaryMaxDaysBackRange
        guard range.contains(days) else {
            throw Problem(.valueOutOfRange,
                          "A diary entry may reach back \(range.lowerBound) to \(range.upperBound) whole days; got \(days).",
                          field: field)
        }
        return days
    }
}
