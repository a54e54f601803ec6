import Fluent
import Foundation
import Testing
import TenderpointCore
@testable import TenderpointServer
import Vapor
import VaporTesting

@Suite struct CalendarFeedTests {
    struct Clinic {
        let okafor: UUID
        let mensah: UUID
        let ada: UUID
        let grace: UUID
        /// By name: "adaInjection", "adaCancelled", "adaAttended", "adaWithMensah", "graceOther", "adaLongAgo", "adaNextYear".
        var appointments: [String: UUID] = [:]
        var starts: [String: Date] = [:]
    }

    /// Appointments around now: four of Dr Okafor's inside the feed's window (one cancelled, one
    /// past and attended), two of Ada's outside it, and one of Ada's with Dr Mensah.
    static func clinic(_ app: Application) async throws -> Clinic {
        let okafor = try await WebFixture.account(app, "okafor", .clinician, displayName: "Dr Okafor")
        let mensah = try await WebFixture.account(app, "mensah", .clinician, displayName: "Dr Mensah")
        let ada = try await WebFixture.patient(app)
        let grace = try await WebFixture.patient(app, given: "Grace", family: "Hopper")
        let patient = try await PatientModel.find(ada, on: app.db)!
        patient.nhsNumber = "9434765919"
        try await patient.save(on: app.db)
        var clinic = Clinic(okafor: okafor, mensah: mensah, ada: ada, grace: grace)
        let today = CalendarDate(Date(), in: ScheduleFixture.london)
        func at(_ days: Int) -> Date { ScheduleFixture.at(today.adding(days: days), 10) }
        let plan: [(String, UUID, UUID, Int, AppointmentKind, AppointmentStatus)] = [
            ("adaInjection", okafor, ada, 10, .injection, .booked),
            ("adaCancelled", okafor, ada, 12, .assessment, .cancelled),
            ("adaAttended", okafor, ada, -5, .assessment, .attended),
            ("graceOther", okafor, grace, 11, .other, .booked),
            ("adaWithMensah", mensah, ada, 20, .assessment, .booked),
            ("adaLongAgo", okafor, ada, -40, .assessment, .attended),
            ("adaNextYear", okafor, ada, 400, .assessment, .booked),
        ]
        for (name, practitioner, patient, days, kind, status) in plan {
            clinic.starts[name] = at(days)
            clinic.appointments[name] = try await ScheduleFixture.appointment(
                app, practitioner: practitioner, patient: patient, start: at(days), kind: kind, status: status,
                note: "left shoulder worse")
        }
        return clinic
    }

    /// Makes a feed link on `path`'s form and returns its token, read from the page as a user would.
    static func makeFeed(_ browser: WebBrowser, page: String, action: String) async throws -> String {
        try await browser.get(page)
        let answer = try await browser.post(action, [("intent", "create")])
        #expect(answer.status == .ok)
        #expect(answer.body.contains("it is shown only this once"))
        guard let range = answer.body.range(of: #"/calendar/[A-Za-z0-9_-]{43}\.ics"#, options: .regularExpression) else {
            Issue.record("no feed link on the page")
            return ""
        }
        return String(answer.body[range].dropFirst("/calendar/".count).dropLast(".ics".count))
    }

    struct Fetched {
        let status: HTTPStatus
        let headers: HTTPHeaders
        let body: String
        var events: [String] { body.components(separatedBy: "BEGIN:VEVENT\r\n").dropFirst().map { $0 } }
    }

    static func fetch(_ app: Application, _ path: String) async throws -> Fetched {
        var fetched = Fetched(status: .ok, headers: [:], body: "")
        try await app.testing().test(.GET, path) { (response: TestingHTTPResponse) in
            fetched = Fetched(status: response.status, headers: response.headers, body: String(buffer: response.body))
        }
        return fetched
    }

    /// The UTC form written independently of the writer, by a formatter.
    static func utc(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }

    static func uid(_ id: UUID?) -> String { "UID:\(id!.uuidString.lowercased())@tenderpoint" }

    @Test func aPractitionersFeedHoldsTheirWindowOfAppointmentsWithInitialsOnly() async throws {
        try await withTestApp { app, _ in
            let clinic = try await Self.clinic(app)
            let browser = WebBrowser(app)
            try await browser.signIn("okafor")
            let token = try await Self.makeFeed(browser, page: "/schedule", action: "/schedule/feed")
            #expect(token.count == 43)

            let feed = try await Self.fetch(app, "/calendar/\(token).ics")
            #expect(feed.status == .ok)
            #expect(feed.headers.first(name: .contentType) == "text/calendar; charset=utf-8")
            #expect(feed.headers.first(name: .cacheControl) == "private")
            #expect(feed.body.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Tenderpoint//Calendar feed//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:Tenderpoint — Dr Okafor\r\n"))
            #expect(feed.body.hasSuffix("END:VEVENT\r\nEND:VCALENDAR\r\n"))
            // Earliest first: the attended one 5 days ago, then days 10, 11 and 12.
            #expect(feed.events.count == 4)
            #expect(feed.events[0].contains(Self.uid(clinic.appointments["adaAttended"])))
            #expect(feed.events[0].contains("SUMMARY:AL · Assessment\r\nSTATUS:CONFIRMED\r\n"))
            #expect(feed.events[1].contains(Self.uid(clinic.appointments["adaInjection"]) + "\r\n"))
            #expect(feed.events[1].contains("DTSTART:\(Self.utc(clinic.starts["adaInjection"]!))\r\n"))
            #expect(feed.events[1].contains("DTEND:\(Self.utc(clinic.starts["adaInjection"]!.addingTimeInterval(1800)))\r\n"))
            #expect(feed.events[1].contains("SUMMARY:AL · Injection session\r\nSTATUS:CONFIRMED\r\n"))
            #expect(feed.events[2].contains("SUMMARY:GH · Other\r\n"))
            #expect(feed.events[3].contains("SUMMARY:Cancelled: AL · Assessment\r\nSTATUS:CANCELLED\r\n"))
            for name in ["adaWithMensah", "adaLongAgo", "adaNextYear"] {
                #expect(!feed.body.contains(Self.uid(clinic.appointments[name])))
            }
            for private_ in ["Lovelace", "Ada", "Hopper", "9434765919", "943 476 5919", "shoulder"] {
                #expect(!feed.body.contains(private_))
            }
            await app.flushAudit()
            let reads = try await AuditEventModel.query(on: app.db).filter(\.$action == "read")
                .filter(\.$resourceType == "Appointment").all()
            #expect(reads.map(\.detail) == ["calendar feed: 4 appointments"])
            #expect(reads.map(\.username) == ["okafor"])
            #expect(reads.map(\.patientID) == [nil])
            #expect(try await WebFixture.auditCount(app, action: "create", resource: "CalendarFeed") == 1)

            // The page now says a link is active, without showing it again.
            let page = try await browser.get("/schedule")
            #expect(page.body.contains("is active"))
            #expect(!page.body.contains(token))
        }
    }

    @Test func aPatientsFeedShowsOnlyTheirOwnAppointmentsAndIsAuditedOnTheirRecord() async throws {
        try await withTestApp { app, _ in
            let clinic = try await Self.clinic(app)
            try await WebFixture.account(app, "ada", .patient, patient: clinic.ada, displayName: "Ada Lovelace")
            let browser = WebBrowser(app)
            try await browser.signIn("ada")
            let token = try await Self.makeFeed(browser, page: "/portal/appointments", action: "/portal/calendar-feed")

            let feed = try await Self.fetch(app, "/calendar/\(token).ics")
            #expect(feed.status == .ok)
            #expect(feed.body.contains("X-WR-CALNAME:Tenderpoint — my appointments\r\n"))
            #expect(feed.events.count == 4)
            #expect(feed.events[0].contains("SUMMARY:Assessment with Dr Okafor\r\n"))
            #expect(feed.events[1].contains("SUMMARY:Injection session with Dr Okafor\r\n"))
            #expect(feed.events[2].contains("SUMMARY:Cancelled: Assessment with Dr Okafor\r\nSTATUS:CANCELLED\r\n"))
            #expect(feed.events[3].contains(Self.uid(clinic.appointments["adaWithMensah"])))
            #expect(feed.events[3].contains("SUMMARY:Assessment with Dr Mensah\r\n"))
            // Never another patient's.
            #expect(!feed.body.contains(Self.uid(clinic.appointments["graceOther"])))
            #expect(!feed.body.contains("Other"))
            for private_ in ["Lovelace", "Hopper", "9434765919", "shoulder"] { #expect(!feed.body.contains(private_)) }

            await app.flushAudit()
            let reads = try await AuditEventModel.query(on: app.db).filter(\.$action == "read")
                .filter(\.$resourceType == "Appointment").filter(\.$patientID == clinic.ada).all()
            #expect(reads.map(\.detail) == ["calendar feed: 4 appointments"])
            #expect(reads.map(\.username) == ["ada"])
            let made = try await AuditEventModel.query(on: app.db).filter(\.$action == "create").filter(\.$resourceType == "CalendarFeed").all()
            #expect(made.map(\.patientID) == [clinic.ada])
        }
    }

    @Test func onlyTheDigestIsStoredAndUnknownTokensGetABare404() async throws {
        try await withTestApp { app, _ in
            let clinic = try await Self.clinic(app)
            let browser = WebBrowser(app)
            try await browser.signIn("okafor")
            let token = try await Self.makeFeed(browser, page: "/schedule", action: "/schedule/feed")
            let rows = try await CalendarFeedTokenModel.query(on: app.db).all()
            #expect(rows.map(\.tokenHash) == [TokenDigest.hash(token)])
            #expect(rows.first?.tokenHash.count == 64)

            for path in ["/calendar/\(TokenDigest.newToken()).ics", "/calendar/\(token)", "/calendar/short.ics",
                         "/calendar/\(TokenDigest.hash(token)).ics"] {
                let missing = try await Self.fetch(app, path)
                #expect(missing.status == .notFound)
                #expect(missing.body == "Not found\n")
            }
            #expect(try await Self.fetch(app, "/calendar/\(token).ics").status == .ok)
            // One feed per practitioner, kept by the database too.
            let duplicate = CalendarFeedTokenModel()
            duplicate.id = UUID()
            duplicate.tokenHash = TokenDigest.hash(TokenDigest.newToken())
            duplicate.$practitioner.id = clinic.okafor
            await #expect(throws: (any Error).self) { try await duplicate.create(on: app.db) }
        }
    }

    @Test func aNewLinkEndsTheOldOneAndTurningTheFeedOffEndsIt() async throws {
        try await withTestApp { app, _ in
            _ = try await Self.clinic(app)
            let browser = WebBrowser(app)
            try await browser.signIn("okafor")
            let first = try await Self.makeFeed(browser, page: "/schedule", action: "/schedule/feed")
            let second = try await Self.makeFeed(browser, page: "/schedule", action: "/schedule/feed")
            #expect(first != second)
            #expect(try await Self.fetch(app, "/calendar/\(first).ics").status == .notFound)
            #expect(try await Self.fetch(app, "/calendar/\(second).ics").status == .ok)
            #expect(try await CalendarFeedTokenModel.query(on: app.db).count() == 1)

            try await browser.get("/schedule")
            let off = try await browser.post("/schedule/feed", [("intent", "revoke")])
            #expect(off.status == .seeOther)
            #expect(off.location?.hasSuffix("done=feed-off") == true)
            let revoked = try await Self.fetch(app, "/calendar/\(second).ics")
            #expect(revoked.status == .notFound)
            #expect(revoked.body == "Not found\n")
            #expect(try await CalendarFeedTokenModel.query(on: app.db).count() == 0)
            #expect(try await WebFixture.auditCount(app, action: "delete", resource: "CalendarFeed") == 1)
            let page = try await browser.get(off.location!)
            #expect(page.body.contains("Your calendar feed is off"))
            #expect(page.body.contains("No feed link yet."))
        }
    }

    @Test(.enabled(if: TestDatabase.postgresURL != nil))
    func feedsWorkOnPostgreSQL() async throws {
        try await withTestApp(postgres: true) { app, _ in
            let clinic = try await Self.clinic(app)
            let browser = WebBrowser(app)
            try await browser.signIn("okafor")
            let first = try await Self.makeFeed(browser, page: "/schedule", action: "/schedule/feed")
            let second = try await Self.makeFeed(browser, page: "/schedule", action: "/schedule/feed")
            #expect(try await Self.fetch(app, "/calendar/\(first).ics").status == .notFound)
            let feed = try await Self.fetch(app, "/calendar/\(second).ics")
            #expect(feed.events.count == 4)
            #expect(feed.events[1].contains(Self.uid(clinic.appointments["adaInjection"])))
            // One feed per practitioner, kept by the database too.
            let duplicate = CalendarFeedTokenModel()
            duplicate.id = UUID()
            duplicate.tokenHash = TokenDigest.hash(TokenDigest.newToken())
            duplicate.$practitioner.id = clinic.okafor
            await #expect(throws: (any Error).self) { try await duplicate.create(on: app.db) }
        }
    }

    @Test func aDeactivatedPractitionersFeedStops() async throws {
        try await withTestApp { app, _ in
            let clinic = try await Self.clinic(app)
            let browser = WebBrowser(app)
            try await browser.signIn("okafor")
            let token = try await Self.makeFeed(browser, page: "/schedule", action: "/schedule/feed")
            let okafor = try await UserModel.find(clinic.okafor, on: app.db)!
            okafor.active = false
            try await okafor.save(on: app.db)
            #expect(try await Self.fetch(app, "/calendar/\(token).ics").status == .notFound)
        }
    }

    @Test func receptionHasNoFeedOfItsOwnAndAPatientCanTurnTheirsOff() async throws {
        try await withTestApp { app, _ in
            let clinic = try await Self.clinic(app)
            try await WebFixture.account(app, "desk", .reception)
            let desk = WebBrowser(app)
            try await desk.signIn("desk")
            try await desk.get("/schedule")
            #expect(try await desk.post("/schedule/feed", [("intent", "create")]).status == .forbidden)
            #expect(try await CalendarFeedTokenModel.query(on: app.db).count() == 0)

            try await WebFixture.account(app, "ada", .patient, patient: clinic.ada)
            let patient = WebBrowser(app)
            try await patient.signIn("ada")
            let token = try await Self.makeFeed(patient, page: "/portal/appointments", action: "/portal/calendar-feed")
            let off = try await patient.post("/portal/calendar-feed", [("intent", "revoke")])
            #expect(off.location == "/portal/appointments?done=feed-off")
            #expect(try await Self.fetch(app, "/calendar/\(token).ics").status == .notFound)
            // A patient cannot reach the practitioners' feed form.
            #expect(try await patient.post("/schedule/feed", [("intent", "create")]).status == .forbidden)
        }
    }
}
