import Foundation

/// Which moments a diary entry may describe (DOMAIN.md §4, "Diary dates"): at most the last N
/// days (`ClinicRules.diaryMaxDaysBack`, 7 by default, 0–30) and never the future, with 5 minutes'
/// clock tolerance for a device whose clock runs a little fast or slow.
///
/// How it is read: N days are N × 24 hours counted back from the moment the entry reaches the
/// clinic, so an entry exactly 7 days old is accepted and one a minute older is refused. The
/// clock tolerance also applies backwards, so a clinic that sets 0 days still accepts an entry
/// made "now" on a phone whose clock is slightly slow. The moment the entry was made is kept, and
/// an entry that describes a moment more than a day before it was made is a *late entry*, shown
/// as such beside it.
public enum DiaryDateRule {
    /// A device clock this far off is not an error.
    public static let clockTolerance: TimeInterval = 5 * 60
    /// Entries made more than this after the moment they describe are shown as entered later.
    public static let lateEntryThreshold: TimeInterval = 24 * 60 * 60
    static let secondsPerDay: TimeInterval = 24 * 60 * 60

    /// The earliest moment an entry made at `now` may describe.
    public static func earliest(now: Date, maxDaysBack: Int) -> Date {
        let days = min(max(maxDaysBack, ClinicRules.diaryMaxDaysBackRange.lowerBound), ClinicRules.diaryMaxDaysBackRange.upperBound)
        return min(now.addingTimeInterval(-Double(days) * secondsPerDay), now.addingTimeInterval(-clockTolerance))
    }

    /// The problem with `recordedAt` for an entry made at `now`, or nil when it may be recorded.
    public static func check(recordedAt: Date, now: Date, maxDaysBack: Int, field: String = "recordedAt") -> Problem? {
        guard recordedAt.timeIntervalSince1970.isFinite else {
            return Problem(.invalidDate, "\(field) is not a moment in time.", field: field)
        }
        if recordedAt.timeIntervalSince(now) > clockTolerance {
            return Problem(.invalidDate, "\(field) is in the future: a diary entry describes the past or now.", field: field)
        }
        let days = min(max(maxDaysBack, ClinicRules.diaryMaxDaysBackRange.lowerBound), ClinicRules.diaryMaxDaysBackRange.upperBound)
        if recordedAt < earliest(now: now, maxDaysBack: days) {
            let span = days == 0 ? "only the present moment" : days == 1 ? "at most the last day" : "at most the last \(days) days"
            return Problem(.invalidDate, "\(field) is too far back: a diary entry may describe \(span) (a clinic setting).",
                           field: field)
        }
        return nil
    }

    /// True when the entry was made more than a day after the moment it describes.
    public static func isLateEntry(recordedAt: Date, enteredAt: Date) -> Bool {
        enteredAt.timeIntervalSince(recordedAt) > lateEntryThreshold
    }
}
