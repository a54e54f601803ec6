import Foundation
import Testing
@testable import TenderpointCore
@Test func dates() {
  #expect(CalendarDate(iso: "2024-02-29")!.adding(days: 1).iso == "2024-03-01")
  #expect(CalendarDate(iso: "1970-01-01")!.weekday == .thursday)
  #expect(CalendarDate(iso: "2026-11-25")!.weekday == .wednesday)
  #expect(CalendarDate(iso: "2026-05-31")!.adding(months: -3).iso == "2026-02-28")
  #expect(CalendarDate(iso: "2026-01-15")!.adding(months: -1).iso == "2025-12-15")
  #expect(Units(exactly: Decimal(string: "12.5")!)!.tenths == 125)
  #expect(Units(exactly: Decimal(string: "12.55")!) == nil)
}
