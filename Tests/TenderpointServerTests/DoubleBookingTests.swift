import Fluent
import Foundation
import Testing
import TenderpointCore
@testable import TenderpointServer
import Vapor
import VaporTesting

/// No double booking under real concurrency: many simultaneous requests over HTTP to running
/// servers, on SQLite and on PostgreSQL, and two server instances sharing one PostgreSQL database.
@Suite struct DoubleBookingTests {
    typealias Fixture = SchedulingFixture
    static let racers = 16

    struct Outcome {
        let status: HTTPStatus
        let code: String?
    }

    /// Fires `racers` bookings at once for one practitioner, each for a different patient, all
    /// sharing 09:15–09:30 (starts 09:00, 09:01, … 09:15, 30 minutes each), spread over `servers`.
    static func race(primary: Application, servers: [Application]) async throws -> [Outcome] {
        let reception = try await primary.signIn(.reception)
        let clinician = try await primary.signIn(.clinician)
        var patients: [UUID] = []
        for index in 0..<racers { patients.append(try await Fixture.patient(primary, given: "Patient\(index)")) }
        let day = Fixture.openDate(daysAhead: 3)

        var ports: [Int] = []
        for server in servers {
            try await server.asyncBoot()
            try await server.server.start(address: .hostname("127.0.0.1", port: 0))
            ports.append(try #require(server.http.server.shared.localAddress?.port))
        }
        do {
            let client = primary.client
            let outcomes = try await withThrowingTaskGroup(of: Outcome.self) { group in
                for index in 0..<racers {
                    let booking = Fixture.Booking(practitionerId: clinician.userID, patientId: patients[index],
                                                  start: Fixture.iso(day, 9, index), durationMinutes: 30)
                    let url = "http://127.0.0.1:\(ports[index % ports.count])/api/appointments"
                    let headers = reception.headers
                    group.addTask {
                        let response = try await client.post(URI(string: url), headers: headers) { request in
                            try request.content.encode(booking, as: .json)
                        }
                        let code = response.status == .created ? nil : try response.content.decode(ErrorBody.self).error.code
                        return Outcome(status: response.status, code: code)
                    }
                }
                var all: [Outcome] = []
                for try await outcome in group { all.append(outcome) }
                return all
            }
            for server in servers { await server.server.shutdown() }
            return outcomes
        } catch {
            for server in servers { await server.server.shutdown() }
            throw error
        }
    }

    static func expectOneWinner(_ outcomes: [Outcome], _ app: Application) async throws {
        #expect(outcomes.count == racers)
        #expect(outcomes.filter { $0.status == .created }.count == 1)
        #expect(outcomes.filter { $0.status == .conflict && $0.code == "double_booking" }.count == racers - 1)
        #expect(try await Fixture.appointmentCount(app) == 1)
    }

    @Test func sixteenConcurrentBookingsOnSQLiteLeaveOne() async throws {
        try await withTestApp { app, _ in
            let outcomes = try await Self.race(primary: app, servers: [app])
            try await Self.expectOneWinner(outcomes, app)
        }
    }

    @Test(.enabled(if: TestDatabase.postgresURL != nil))
    func sixteenConcurrentBookingsOnPostgreSQLLeaveOne() async throws {
        try await withTestApp(postgres: true) { app, _ in
            let outcomes = try await Self.race(primary: app, servers: [app])
            try await Self.expectOneWinner(outcomes, app)
        }
    }

    @Test(.enabled(if: TestDatabase.postgresURL != nil))
    func twoServerInstancesOnOnePostgreSQLDatabaseLeaveOne() async throws {
        try await withTestApp(postgres: true) { app, configuration in
            // A second, stateless instance of the server on the same database.
            let second = try await Application.make(.testing)
            do {
                try await configure(second, with: configuration)
                let outcomes = try await Self.race(primary: app, servers: [app, second])
                try await Self.expectOneWinner(outcomes, app)
            } catch {
                try? await second.asyncShutdown()
                throw error
            }
            try await second.asyncShutdown()
        }
    }

    /// The database's own rule, without the check before it and without any row lock (SQLite still
    /// takes its one write lock: `BEGIN IMMEDIATE`): the mapping
    /// of its refusal to the 409 is what a request sees if the check is ever bypassed.
    static func overlappingRowsRefusedByTheDatabase(_ app: Application) async throws -> [Result<Void, any Error>] {
        let clinician = try await app.signIn(.clinician)
        let patient = try await Fixture.patient(app)
        let day = Fixture.openDate(daysAhead: 3)
        let database = app.db
        return await withTaskGroup(of: Result<Void, any Error>.self) { group in
            for index in 0..<racers {
                group.addTask {
                    let appointment = AppointmentModel()
                    appointment.id = UUID()
                    appointment.$practitioner.id = clinician.userID
                    appointment.$patient.id = patient
                    appointment.startAt = Fixture.instant(day, 9, index)
                    appointment.endAt = Fixture.instant(day, 9, index + 30)
                    appointment.kind = AppointmentKind.other.rawValue
                    appointment.status = AppointmentStatus.booked.rawValue
                    do {
                        try await database.writeTransaction { transaction in
                            try await AppointmentBooking.refusingOverlap { try await appointment.create(on: transaction) }
                        }
                        return .success(())
                    } catch {
                        return .failure(error)
                    }
                }
            }
            var all: [Result<Void, any Error>] = []
            for await result in group { all.append(result) }
            return all
        }
    }

    static func expectConstraintHeld(_ results: [Result<Void, any Error>], _ app: Application) async throws {
        let refusals = results.compactMap { result -> APIError? in
            if case .failure(let error) = result { return error as? APIError }
            return nil
        }
        #expect(results.filter { if case .success = $0 { true } else { false } }.count == 1)
        #expect(refusals.count == racers - 1)
        #expect(refusals.allSatisfy { $0.status == .conflict && $0.items.first?.code == "double_booking" && $0.items.first?.field == "start" })
        #expect(try await Fixture.appointmentCount(app) == 1)
    }

    @Test func theSQLiteTriggerRefusesAnOverlapAndItBecomesA409() async throws {
        try await withTestApp { app, _ in
            let results = try await Self.overlappingRowsRefusedByTheDatabase(app)
            try await Self.expectConstraintHeld(results, app)
        }
    }

    @Test(.enabled(if: TestDatabase.postgresURL != nil))
    func thePostgreSQLExclusionConstraintRefusesConcurrentOverlapsAndTheyBecome409() async throws {
        try await withTestApp(postgres: true) { app, _ in
            let results = try await Self.overlappingRowsRefusedByTheDatabase(app)
            try await Self.expectConstraintHeld(results, app)
        }
    }

    @Test(.enabled(if: TestDatabase.postgresURL != nil))
    func thePostgreSQLRulesHoldForMovesAndCancellations() async throws {
        try await withTestApp(postgres: true) { app, _ in
            let reception = try await app.signIn(.reception)
            let clinician = try await app.signIn(.clinician)
            let ada = try await Fixture.patient(app)
            let day = Fixture.openDate(daysAhead: 3)
            let booking = Fixture.Booking(practitionerId: clinician.userID, patientId: ada, start: Fixture.iso(day, 9))
            let first = try #require(try await Fixture.book(app, reception, booking).appointment)
            var touching = booking
            touching.start = Fixture.iso(day, 9, 30)
            let second = try #require(try await Fixture.book(app, reception, touching).appointment)
            #expect(try await Fixture.patch(app, reception, second.id, ["start": Fixture.iso(day, 9, 10)]).status == .conflict)
            #expect(try await Fixture.patch(app, reception, first.id, ["status": "cancelled"]).status == .ok)
            #expect(try await Fixture.patch(app, reception, second.id, ["start": Fixture.iso(day, 9, 10)]).status == .ok)
        }
    }
}
