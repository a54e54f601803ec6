import Testing
@testable import TenderpointCore

@Suite struct AppointmentStatusTests {
    @Test func onlyBookedAndAttendedInjectionsCountForTheInterval() {
        #expect(AppointmentStatus.allCases.filter(\.countsAsInjection) == [.booked, .attended])
    }

    @Test func onlyACancelledAppointmentFreesTheTime() {
        #expect(AppointmentStatus.allCases.filter { !$0.occupiesTime } == [.cancelled])
        // The database's overlap rule names this value.
        #expect(AppointmentStatus.cancelled.rawValue == "cancelled")
    }
}
