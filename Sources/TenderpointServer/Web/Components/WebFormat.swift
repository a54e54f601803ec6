import Foundation
import TenderpointCore

/// How pages write dates, times and kinds: the clinic's calendar and clock, in words a
/// receptionist or a patient reads at a glance ("Wed 25 Nov 2026", "09:30").
enum WebFormat {
    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let weekdayNames: [Weekday: String] = [
        .monday: "Mon", .tuesday: "Tue", .wednesday: "Wed", .thursday: "Thu", .friday: "Fri", .saturday: "Sat", .sunday: "Sun",
    ]

    /// "Wed 25 Nov 2026".
    static func date(_ date: CalendarDate) -> String {
        "\(weekdayNames[date.weekday] ?? "") \(date.day) \(monthNames[date.month - 1]) \(date.year)"
    }

    /// "25 Nov".
    static func shortDate(_ date: CalendarDate) -> String {
        "\(date.day) \(monthNames[date.month - 1])"
    }

    /// "Nov 2026", for chart axes.
    static func month(_ date: CalendarDate) -> String {
        "\(monthNames[date.month - 1]) \(date.year)"
    }

    /// "09:30" on the clinic's clock.
    static func time(_ instant: Date, in timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }

    /// "Wed 25 Nov 2026, 09:30".
    static func dateTime(_ instant: Date, in timeZone: TimeZone) -> String {
        "\(date(CalendarDate(instant, in: timeZone))), \(time(instant, in: timeZone))"
    }

    static func kind(_ kind: AppointmentKind) -> String {
        switch kind {
        case .assessment: "Assessment"
        case .injection: "Injection session"
        case .onsetCheck: FollowUpKind.onsetCheck.label
        case .peakReview: FollowUpKind.peakReview.label
        case .reassessment: FollowUpKind.reassessment.label
        case .other: "Other"
        }
    }

    static func status(_ status: AppointmentStatus) -> String {
        switch status {
        case .booked: "Booked"
        case .cancelled: "Cancelled"
        case .attended: "Attended"
        case .noShow: "Did not attend"
        }
    }

    /// "3 days", "1 day".
    static func days(_ count: Int) -> String { "\(count) day\(count == 1 ? "" : "s")" }

    /// "6.4" — one decimal, as the FIQR and means are shown.
    static func oneDecimal(_ value: Double) -> String { String(format: "%.1f", value) }
}
