import Fluent
import Foundation
import Testing
import TenderpointCore
@testable import TenderpointServer
import VaporTesting

@Suite struct AvailabilityAPITests {
    typealias Fixture = SchedulingFixture

    func put(_ app: Application, _ auth: SignedIn, _ practitioner: UUID, _ windows: [[String: String]]) async throws -> (HTTPStatus, [AvailabilityWindowDTO]?, ErrorBody?) {
        var result: (HTTPStatus, [AvailabilityWindowDTO]?, ErrorBody?) = (.ok, nil, nil)
        try await app.testing().test(.PUT, "api/practitioners/\(practitioner)/availability", headers: auth.headers, beforeRequest: { request in
            try request.content.encode(windows)
        }, afterResponse: { (response: TestingHTTPResponse) in
            result.0 = response.status
            if response.status == .ok { result.1 = try response.content.decode([AvailabilityWindowDTO].self) }
            else { result.2 = try response.content.decode(ErrorBody.self) }
        })
        return result
    }

    func slots(_ app: Application, _ auth: SignedIn, _ practitioner: UUID, _ query: String) async throws -> (HTTPStatus, [SlotDTO]?, ErrorBody?) {
        var result: (HTTPStatus, [SlotDTO]?, ErrorBody?) = (.ok, nil, nil)
        try await app.testing().test(.GET, "api/practitioners/\(practitioner)/slots?\(query)", headers: auth.headers) { (response: TestingHTTPResponse) in
            result.0 = response.status
            if response.status == .ok { result.1 = try response.content.decode([SlotDTO].self) }
            else { result.2 = try response.content.decode(ErrorBody.self) }
        }
        return result
    }

    @Test func thePractitionersAreTheCliniciansAndNurses() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician, username: "b.clinician")
            let nurse = try await app.signIn(.nurse, username: "a.nurse")
            _ = try await app.signIn(.admin)
            let reception = try await app.signIn(.reception)
            let ada = try await Fixture.patient(app)
            let patient = try await app.signIn(.patient, patientID: ada)
            for auth in [reception, patient] {
                try await app.testing().test(.GET, "api/practitioners", headers: auth.headers) { (response: TestingHTTPResponse) in
                    #expect(response.status == .ok)
                    let list = try response.content.decode([PractitionerDTO].self)
                    #expect(list == [PractitionerDTO(id: nurse.userID, displayName: "a.nurse", role: .nurse),
                                     PractitionerDTO(id: clinician.userID, displayName: "b.clinician", role: .clinician)])
                }
            }
            try await app.testing().test(.GET, "api/practitioners") { (response: TestingHTTPResponse) in
                #expect(response.status == .unauthorized)
            }
        }
    }

    @Test func availabilityIsReplacedAndReadBackInWeekOrder() async throws {
        try await withTestApp { app, _ in
            let reception = try await app.signIn(.reception)
            let nurse = try await app.signIn(.nurse)
            let (status, stored, _) = try await put(app, reception, nurse.userID, [
                ["weekday": "wednesday", "start": "13:00", "end": "17:00"],
                ["weekday": "monday", "start": "13:00", "end": "17:00"],
                ["weekday": "monday", "start": "09:00", "end": "12:30"],
            ])
            #expect(status == .ok)
            let expected = [AvailabilityWindowDTO(weekday: .monday, hours: try OpeningHours(open: 540, close: 750)),
                            AvailabilityWindowDTO(weekday: .monday, hours: try OpeningHours(open: 780, close: 1020)),
                            AvailabilityWindowDTO(weekday: .wednesday, hours: try OpeningHours(open: 780, close: 1020))]
            #expect(stored == expected)
            #expect(expected.first == AvailabilityWindowDTO(weekday: "monday", start: "09:00", end: "12:30"))
            try await app.testing().test(.GET, "api/practitioners/\(nurse.userID)/availability", headers: nurse.headers) { (response: TestingHTTPResponse) in
                let read = try response.content.decode([AvailabilityWindowDTO].self)
                #expect(read == expected)
            }
            let (_, replaced, _) = try await put(app, nurse, nurse.userID, [["weekday": "friday", "start": "09:00", "end": "24:00"]])
            #expect(replaced == [AvailabilityWindowDTO(weekday: "friday", start: "09:00", end: "24:00")])
            #expect(try await AvailabilityModel.query(on: app.db).count() == 1)
            let (_, cleared, _) = try await put(app, nurse, nurse.userID, [])
            #expect(cleared == [])
            #expect(try await AvailabilityModel.query(on: app.db).count() == 0)
        }
    }

    @Test func badWindowsAreNamedAndNothingIsWritten() async throws {
        try await withTestApp { app, _ in
            let reception = try await app.signIn(.reception)
            let clinician = try await app.signIn(.clinician)
            _ = try await put(app, reception, clinician.userID, [["weekday": "monday", "start": "09:00", "end": "17:00"]])
            let (status, _, error) = try await put(app, reception, clinician.userID, [
                ["weekday": "funday", "start": "9am", "end": "17:00"],
                ["weekday": "tuesday", "start": "12:00", "end": "11:00"],
                ["weekday": "tuesday", "start": "09:00", "end": "10:00"],
                ["weekday": "tuesday", "start": "09:30", "end": "10:30"],
                ["weekday": "tuesday", "start": "10:30", "end": "24:01"],
            ])
            #expect(status == .unprocessableEntity)
            #expect(error?.all.compactMap(\.field) == ["[0].weekday", "[0].start", "[1].end", "[4].end", "[3].start"])
            #expect(try await AvailabilityModel.query(on: app.db).count() == 1)

            let patient = try await app.signIn(.patient, patientID: try await Fixture.patient(app))
            let (refused, _, _) = try await put(app, patient, clinician.userID, [])
            #expect(refused == .forbidden)
            let (missing, _, _) = try await put(app, reception, reception.userID, [])
            #expect(missing == .notFound)
            #expect(try await AvailabilityModel.query(on: app.db).count() == 1)
        }
    }

    @Test func freeSlotsFollowTheClinicHoursOrTheAvailabilityAndSkipBookings() async throws {
        try await withTestApp { app, _ in
            let reception = try await app.signIn(.reception)
            let clinician = try await app.signIn(.clinician)
            let ada = try await Fixture.patient(app)
            let monday = Fixture.openDate(daysAhead: 2, weekday: .monday)

            // No availability set: the clinic's 09:00–17:00, 30-minute slots every 15 minutes:
            // (480 − 30) / 15 + 1 = 31.
            let (_, all, _) = try await slots(app, reception, clinician.userID, "date=\(monday.iso)")
            #expect(all?.count == 31)
            #expect(all?.first == SlotDTO(start: Fixture.instant(monday, 9), end: Fixture.instant(monday, 9, 30)))
            #expect(all?.last == SlotDTO(start: Fixture.instant(monday, 16, 30), end: Fixture.instant(monday, 17)))

            // Mondays 13:00–15:00 only, and 13:30–14:00 booked.
            _ = try await put(app, reception, clinician.userID, [["weekday": "monday", "start": "13:00", "end": "15:00"],
                                                               ["weekday": "saturday", "start": "09:00", "end": "12:00"]])
            _ = try await Fixture.book(app, reception, .init(practitionerId: clinician.userID, patientId: ada,
                                                           start: Fixture.iso(monday, 13, 30), durationMinutes: 30))
            let (_, free, _) = try await slots(app, reception, clinician.userID, "date=\(monday.iso)&durationMinutes=30")
            #expect(free?.map(\.start) == [Fixture.instant(monday, 13), Fixture.instant(monday, 14),
                                           Fixture.instant(monday, 14, 15), Fixture.instant(monday, 14, 30)])
            let (_, hourly, _) = try await slots(app, reception, clinician.userID, "date=\(monday.iso)&durationMinutes=60&stepMinutes=60")
            #expect(hourly?.map(\.start) == [Fixture.instant(monday, 14)])
            // Not a working day for them, and the clinic is closed on Saturdays whatever they set.
            let (_, tuesday, _) = try await slots(app, reception, clinician.userID, "date=\(monday.adding(days: 1).iso)")
            #expect(tuesday == [])
            let (_, saturday, _) = try await slots(app, reception, clinician.userID, "date=\(monday.adding(days: 5).iso)")
            #expect(saturday == [])
            // Slots in the past are not offered.
            let (_, past, _) = try await slots(app, reception, clinician.userID, "date=\(monday.adding(days: -21).iso)")
            #expect(past == [])
        }
    }

    @Test func slotQueriesAreChecked() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let ada = try await Fixture.patient(app)
            let patient = try await app.signIn(.patient, patientID: ada)
            let monday = Fixture.openDate(daysAhead: 2, weekday: .monday)
            let (status, _, error) = try await slots(app, clinician, clinician.userID, "date=next-monday&durationMinutes=300&stepMinutes=0")
            #expect(status == .unprocessableEntity)
            #expect(error?.all.compactMap(\.field) == ["date", "durationMinutes", "stepMinutes"])
            let (unknown, _, _) = try await slots(app, clinician, UUID(), "date=\(monday.iso)")
            #expect(unknown == .notFound)
            // A patient may look for a free time; the slots name nobody.
            let (allowed, free, _) = try await slots(app, patient, clinician.userID, "date=\(monday.iso)&durationMinutes=240&stepMinutes=240")
            #expect(allowed == .ok)
            #expect(free == [SlotDTO(start: Fixture.instant(monday, 9), end: Fixture.instant(monday, 13)),
                             SlotDTO(start: Fixture.instant(monday, 13), end: Fixture.instant(monday, 17))])
        }
    }
}
