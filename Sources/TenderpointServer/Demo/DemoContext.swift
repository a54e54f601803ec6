import Foundation
import TenderpointCore

/// What every demo patient's history is made against: the seed, the clinic's "today" and
/// calendar, its rules (the core validates every session with them) and its staff.
struct DemoContext: Sendable {
    let seed: UInt64
    let clock: DemoClock
    let rules: ClinicRules
    let staff: DemoStaff
    /// The version of the patient information leaflet every demo consent refers to.
    let informationVersion = "TP-PIL-3 (2025-01)"
    /// Session screening as the session controller stores it, for the two screenings the demo
    /// uses: all "no", or "no" but for anticoagulants (acknowledged by the clinician).
    let screeningJSON: [Bool: String]
    let acknowledgedJSON: [Bool: String]

    init(seed: UInt64, today: CalendarDate, rules: ClinicRules, staff: DemoStaff) {
        self.seed = seed
        clock = DemoClock(today: today, timeZone: rules.calendar.timeZone)
        self.rules = rules
        self.staff = staff
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var screenings: [Bool: String] = [:]
        var acknowledgements: [Bool: String] = [:]
        for anticoagulants in [false, true] {
            let screen = Self.screening(anticoagulants: anticoagulants)
            screenings[anticoagulants] = String(decoding: try! encoder.encode(screen), as: UTF8.self)
            let acknowledged = ScreeningItem.allCases.filter(Self.acknowledged(anticoagulants: anticoagulants).contains)
            acknowledgements[anticoagulants] = String(decoding: try! encoder.encode(acknowledged), as: UTF8.self)
        }
        screeningJSON = screenings
        acknowledgedJSON = acknowledgements
    }

    var today: CalendarDate { clock.today }
    var calendar: ClinicCalendar { rules.calendar }

    /// Every item answered; only anticoagulant therapy is ever "yes" in the demo.
    static func screening(anticoagulants: Bool) -> ContraindicationScreen {
        ContraindicationScreen(answers: Dictionary(uniqueKeysWithValues: ScreeningItem.allCases.map {
            ($0, $0 == .anticoagulants && anticoagulants)
        }))
    }

    static func acknowledged(anticoagulants: Bool) -> Set<ScreeningItem> {
        anticoagulants ? [.anticoagulants] : []
    }

    /// The last open day on or before `date`.
    func openDay(onOrBefore date: CalendarDate) -> CalendarDate {
        var day = date
        while !calendar.isOpen(day) { day = day.adding(days: -1) }
        return day
    }
}
