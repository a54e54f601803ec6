import TenderpointCore

/// The toxin lots of the demo's stock: the clinic receives a new lot of each product about every
/// ten weeks, each with 18 months' shelf life, so every vial is in date on the day it is used
/// and a lot recall finds the patients of a few weeks' sessions.
enum DemoLots {
    static let daysPerLot = 70
    static let shelfLifeDays = 540

    /// The lot in use on `date` and its expiry date.
    static func lot(of product: ToxinProduct, on date: CalendarDate) -> (number: String, expiry: CalendarDate) {
        let period = Int((Double(date.daysSinceEpoch) / Double(daysPerLot)).rounded(.down))
        let received = CalendarDate(daysSinceEpoch: period * daysPerLot)
        let serial = (period &* 7919 &+ (product == .onabotulinumtoxinA ? 1237 : 4513)) % 10_000
        let digits = String(repeating: "0", count: 4 - String(serial).count) + String(serial)
        let number = switch product {
        case .onabotulinumtoxinA: "C\(digits)C3"
        case .incobotulinumtoxinA: "2\(digits)7"
        default: "L\(digits)"
        }
        return (number, received.adding(days: shelfLifeDays))
    }
}
