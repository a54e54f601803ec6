import Foundation
import Testing
import TenderpointFHIR

@Suite struct TemporalTests {
    @Test(arguments: ["2024", "2024-05", "2024-05-01", "2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31"])
    func validDates(_ text: String) throws {
        let date = try #require(FHIRDate(text))
        #expect(date.text == text)
        #expect(FHIRDateTime(text) != nil, "every date is a dateTime")
    }

    @Test(arguments: ["0000", "2024-13", "2024-00", "2024-02-30", "2023-02-29", "1900-02-29", "2024-04-31",
                      "2024-1-01", "24-01-01", "2024-05-01T10:00:00Z", "", "2024-05-01 ", "20240501", "2024-5"])
    func invalidDates(_ text: String) {
        #expect(FHIRDate(text) == nil)
    }

    @Test func datePartsAndPrecision() throws {
        let year = try #require(FHIRDate("1975"))
        #expect(year.precision == .year && year.month == nil)
        let day = try #require(FHIRDate(year: 2024, month: 2, day: 29))
        #expect(day.text == "2024-02-29" && day.precision == .day && day.day == 29)
        #expect(FHIRDate(year: 2023, month: 2, day: 29) == nil)
        #expect(FHIRDate(year: 2024, day: 1) == nil)
        #expect(FHIRDate(year: 812)?.text == "0812")
    }

    @Test(arguments: ["2024", "2024-05", "2024-05-01", "2024-05-01T10:30:00Z", "2024-05-01T10:30:00.123+01:00",
                      "2024-05-01T23:59:60Z", "2024-05-01T00:00:00+14:00", "2024-05-01T00:00:00-13:59",
                      "2024-05-01T00:00:00.000000001-05:00"])
    func validDateTimes(_ text: String) {
        #expect(FHIRDateTime(text)?.text == text)
    }

    @Test(arguments: ["2024-05-01T10:30Z", "2024-05-01T10:30:00", "2024-05-01T24:00:00Z", "2024-05-01T10:60:00Z",
                      "2024-05-01T10:30:00+14:30", "2024-05-01T10:30:00+15:00", "2024-05T10:00:00Z",
                      "2024-05-01 10:30:00Z", "2024-05-01T10:30:00.Z", "2024-05-01T10:30:00z", "2024-05-01T10:30:00+0100",
                      "2024-02-30T10:00:00Z"])
    func invalidDateTimes(_ text: String) {
        #expect(FHIRDateTime(text) == nil)
    }

    @Test(arguments: ["2024-05-01", "2024", "2024-05-01T10:30:00", "2024-05-01T10:30Z"])
    func instantsNeedEveryPart(_ text: String) {
        #expect(FHIRInstant(text) == nil)
    }

    @Test func instantKeepsTextAndKnowsItsMoment() throws {
        let instant = try #require(FHIRInstant("2024-05-01T11:30:00.250+01:00"))
        #expect(instant.text == "2024-05-01T11:30:00.250+01:00")
        #expect(instant.date == Date(timeIntervalSince1970: 1_714_559_400.25))
    }

    @Test func writesDatesFromFoundation() throws {
        let moment = Date(timeIntervalSince1970: 1_714_559_400)
        #expect(FHIRInstant(moment).text == "2024-05-01T10:30:00Z")
        #expect(FHIRInstant(moment.addingTimeInterval(0.123)).text == "2024-05-01T10:30:00.123Z")
        let london = try #require(TimeZone(identifier: "Europe/London"))
        let local = FHIRDateTime(moment, timeZone: london)
        #expect(local.text == "2024-05-01T11:30:00+01:00")
        #expect(local.date == moment)
        #expect(local.datePart.text == "2024-05-01")
        #expect(FHIRDateTime(moment, timeZone: TimeZone(secondsFromGMT: -(3 * 3600 + 1800))!).text == "2024-05-01T07:00:00-03:30")
    }

    @Test func dateOnlyDateTimeHasNoMoment() throws {
        let dateTime = try #require(FHIRDateTime("2024-05"))
        #expect(!dateTime.hasTime)
        #expect(dateTime.date == nil)
        #expect(dateTime.datePart.precision == .month)
    }

    @Test func invalidDateInAResourceIsRejectedWithItsPath() throws {
        let json = #"{"resourceType": "Patient", "id": "p", "birthDate": "1980-02-30"}"#
        let error = try #require(throws: FHIRJSONError.self) { try FHIRJSON.decode(Patient.self, from: json) }
        #expect(error.kind == .invalidValue)
        #expect(error.path == "Patient.birthDate")
        #expect(error.message.contains("1980-02-30"))
    }

    @Test func invalidDateTimeInANestedElementIsRejectedWithItsPath() throws {
        let json = #"{"resourceType": "Observation", "status": "final", "code": {"text": "x"}, "effectivePeriod": {"start": "2024-05-01T10:00"}}"#
        let error = try #require(throws: FHIRJSONError.self) { try FHIRJSON.decode(Observation.self, from: json) }
        #expect(error.kind == .invalidValue)
        #expect(error.path == "Observation.effectivePeriod.start")
    }

    @Test func invalidInstantIsRejected() throws {
        let json = #"{"resourceType": "Bundle", "type": "searchset", "timestamp": "2024-05-01"}"#
        let error = try #require(throws: FHIRJSONError.self) { try FHIRJSON.decode(FHIRBundle.self, from: json) }
        #expect(error.path == "Bundle.timestamp")
    }
}
