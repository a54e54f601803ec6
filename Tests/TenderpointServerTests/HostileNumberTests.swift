import Fluent
import Foundation
import TenderpointCore
@testable import TenderpointServer
import Testing
import Vapor
import VaporTesting

/// Absurd numbers sent to every writing route and every list of the API (issue 10: "no number
/// from outside can crash the server or slip past a range"). The routes come from the running
/// application's own table, so a route added later without a case here fails the suite.
@Suite(.serialized) struct HostileNumberTests {
    // MARK: the numbers

    /// Whole-number limits and beyond, 1e19, 30-digit numbers, negatives and fractions: each is
    /// valid JSON, so each must be a 4xx naming the field, never a 400 "not JSON" or a 5xx.
    static let wholeNumberAttacks = [
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "18446744073709551615", "18446744073709551616", "1e19", "-1e19", "1e400", "-1e400",
        "123456789012345678901234567890", "0.123456789012345678901234567890", "1844674407370955161.7",
        "-1", "0.5", "3.5",
    ]

    /// For numbers that may hold tenths (units, millilitres): the same absurd values, without
    /// the small fractions a dose may really have.
    static let decimalAttacks = [
        "9223372036854775807", "9223372036854775808", "-9223372036854775809", "18446744073709551615",
        "18446744073709551616", "1e19", "-1e19", "1e400", "-1e400", "123456789012345678901234567890",
        "1844674407370955161.7", "-1", "0.000000000000000000000000000001",
    ]

    // MARK: the routes

    /// One request with a hostile number in it: `§` in `body` is replaced by each attack.
    struct Case {
        let body: String
        /// The field a 422 must name; nil where the route refuses earlier for another reason.
        let field: String?
        var attacks: [String] = HostileNumberTests.wholeNumberAttacks
        var role: Role = .clinician
    }

    /// Every POST, PATCH and PUT under /api, keyed by method and route as Vapor registers it.
    static func cases(_ ids: Fixture) -> [String: [Case]] {
        let session = #"{"date":"2026-06-01","consentId":"\#(ids.consent)","screening":\#(Self.screeningJSON),"acknowledged":[],"injections":[{"vialId":"\#(ids.vial)","site":{"tenderPoint":"trapezius.left"},"units":§}]}"#
        let fiqr = "[" + (["§"] + Array(repeating: "1", count: 20)).joined(separator: ",") + "]"
        let fiqrAt4 = "[1,1,1,1," + (["§"] + Array(repeating: "1", count: 16)).joined(separator: ",") + "]"
        return [
            "POST /api/auth/token": [Case(body: #"{"username":"nobody","password":§}"#, field: "password", role: .admin)],
            "POST /api/patients": [
                Case(body: #"{"givenName":"Ada","familyName":"Lovelace","birthDate":§,"sex":"female"}"#, field: "birthDate"),
                Case(body: #"{"givenName":§,"familyName":"Lovelace","birthDate":"1975-12-10","sex":"female"}"#, field: "givenName"),
            ],
            "PATCH /api/patients/:patientID": [Case(body: #"{"birthDate":§}"#, field: "birthDate")],
            "POST /api/score/tender-points": [Case(body: #"{"positive":[],"widespreadPainMonths":§}"#, field: "widespreadPainMonths")],
            "POST /api/score/acr2016": [
                Case(body: #"{"painAreas":[],"fatigue":§,"wakingUnrefreshed":0,"cognitiveSymptoms":0,"headaches":false,"lowerAbdominalPain":false,"depression":false,"symptomMonths":6}"#,
                     field: "fatigue"),
                Case(body: #"{"painAreas":[],"fatigue":0,"wakingUnrefreshed":0,"cognitiveSymptoms":0,"headaches":false,"lowerAbdominalPain":false,"depression":false,"symptomMonths":§}"#,
                     field: "symptomMonths"),
            ],
            "POST /api/score/fiqr": [
                Case(body: #"{"answers":\#(fiqr)}"#, field: "answers[0]"),
                Case(body: #"{"answers":\#(fiqrAt4)}"#, field: "answers[4]"),
            ],
            "POST /api/patients/:patientID/conditions": [Case(body: #"{"kind":"fibromyalgia","onsetDate":§}"#, field: "onsetDate")],
            "PATCH /api/patients/:patientID/conditions/:conditionID": [Case(body: #"{"onsetDate":§}"#, field: "onsetDate")],
            "POST /api/patients/:patientID/assessments": [
                Case(body: #"{"painNRS":§}"#, field: "painNRS"),
                Case(body: #"{"pgic":§}"#, field: "pgic"),
                Case(body: #"{"fiqr":{"answers":\#(fiqrAt4)}}"#, field: "fiqr.answers[4]"),
                Case(body: #"{"tenderPoints":{"positive":[],"widespreadPainMonths":§}}"#, field: "tenderPoints.widespreadPainMonths"),
            ],
            "POST /api/patients/:patientID/consents": [Case(body: #"{"date":§,"informationVersion":"v3"}"#, field: "date")],
            "POST /api/patients/:patientID/consents/:consentID/withdraw": [Case(body: #"{"date":§}"#, field: "date")],
            "POST /api/patients/:patientID/diary": [
                Case(body: #"{"recordedAt":"\#(ids.now)","painNRS":§}"#, field: "painNRS", role: .patient),
                Case(body: #"{"recordedAt":"\#(ids.now)","painNRS":3,"fatigue":§}"#, field: "fatigue", role: .patient),
            ],
            "POST /api/appointments": [
                Case(body: #"{"practitionerId":"\#(ids.practitioner)","patientId":"\#(ids.patient)","start":"\#(ids.nextYear)","durationMinutes":§,"kind":"assessment"}"#,
                     field: "durationMinutes"),
            ],
            "PATCH /api/appointments/:appointmentID": [Case(body: #"{"durationMinutes":§}"#, field: "durationMinutes")],
            "PUT /api/practitioners/:practitionerID/availability": [
                Case(body: #"[{"weekday":"monday","start":§,"end":"17:00"}]"#, field: "[0].start", role: .admin),
            ],
            "POST /api/vials": [
                Case(body: #"{"product":"onabotulinumtoxinA","lotNumber":"H1","expiryDate":"2027-06-30","units":§}"#,
                     field: "units", attacks: decimalAttacks),
                // The core takes 0.2–10 mL of diluent (Vial.minimumDiluentMl), so a vanishing 1e-30 is refused too.
                Case(body: #"{"product":"onabotulinumtoxinA","lotNumber":"H1","expiryDate":"2027-06-30","units":100,"diluentMl":§}"#,
                     field: "diluentMl", attacks: decimalAttacks),
            ],
            "POST /api/vials/recall": [Case(body: #"{"lot":§,"reason":"hostile"}"#, field: "lot")],
            "POST /api/vials/:vialID/reconstitute": [Case(body: #"{"diluentMl":§}"#, field: nil, attacks: decimalAttacks)],
            "POST /api/vials/:vialID/discard": [Case(body: #"{"reason":"dropped","wastedUnits":§}"#, field: nil, attacks: decimalAttacks)],
            "PATCH /api/vials/:vialID": [Case(body: #"{"state":"finished","wastedUnits":§}"#, field: nil, attacks: decimalAttacks)],
            "POST /api/patients/:patientID/sessions": [Case(body: session, field: "injections[0].units", attacks: decimalAttacks)],
            "POST /api/patients/:patientID/sessions/check": [Case(body: session, field: "injections[0].units", attacks: decimalAttacks)],
            "POST /api/patients/:patientID/sessions/:sessionID/void": [Case(body: #"{"reason":§}"#, field: "reason")],
            "POST /api/patients/:patientID/sessions/:sessionID/adverse-events": [
                Case(body: #"{"kind":"headache","onsetDate":§,"severity":"mild","serious":false}"#, field: "onsetDate"),
            ],
            "PATCH /api/patients/:patientID/sessions/:sessionID/adverse-events/:eventID": [Case(body: #"{"onsetDate":§}"#, field: nil)],
            "PUT /api/settings/dose-limits/:product": [
                Case(body: #"{"perSite":§,"perSession":100,"cumulativeThreeMonths":400}"#, field: nil, attacks: decimalAttacks, role: .admin),
            ],
            "PUT /api/settings/pregnancy-policy": [Case(body: #"{"effect":§}"#, field: "effect", role: .admin)],
            "PUT /api/settings/calendar": [Case(body: #"{"openingHours":{"monday":{"open":§,"close":1020}}}"#, field: nil, role: .admin)],
            "PUT /api/settings/periods": [
                Case(body: #"{"consentValidityMonths":§}"#, field: "consentValidityMonths", role: .admin),
                Case(body: #"{"diaryMaxDaysBack":§}"#, field: "diaryMaxDaysBack", role: .admin),
            ],
            "POST /api/alerts/:alertID/acknowledge": [Case(body: #"{"note":§}"#, field: "note")],
            "PUT /api/settings/backups": [Case(body: #"{"copies":§}"#, field: "copies", role: .admin)],
        ]
    }

    /// Lists that page: `limit` 1–500 and `offset` 0–1,000,000, else 422 naming the field.
    static let pagedLists: Set<String> = [
        "GET /api/patients", "GET /api/appointments", "GET /api/vials", "GET /api/alerts",
        "GET /api/patients/:patientID/assessments", "GET /api/patients/:patientID/audit",
        "GET /api/patients/:patientID/conditions", "GET /api/patients/:patientID/diary",
        "GET /api/patients/:patientID/sessions",
    ]

    /// GET routes that are not paged lists: each still gets hostile query numbers, and must
    /// answer below 500. A new GET route must be added to one of these two sets.
    static let otherReads: Set<String> = [
        "GET /api/patients/:patientID", "GET /api/appointments/:appointmentID",
        "GET /api/patients/:patientID/assessments/:assessmentID", "GET /api/patients/:patientID/consents",
        "GET /api/patients/:patientID/timeline", "GET /api/practitioners",
        "GET /api/practitioners/:practitionerID/availability", "GET /api/practitioners/:practitionerID/slots",
        "GET /api/vials/recall", "GET /api/vials/:vialID", "GET /api/patients/:patientID/sessions/:sessionID",
        "GET /api/patients/:patientID/reinjection-window", "GET /api/patients/:patientID/sessions/:sessionID/adverse-events",
        "GET /api/patients/:patientID/sessions/:sessionID/adverse-events/:eventID",
        "GET /api/patients/:patientID/adverse-events", "GET /api/settings", "GET /api/calendar/holidays",
        "GET /api/reports/outcomes", "GET /api/reports/outcomes/cycles.csv", "GET /api/patients/:patientID/outcomes",
        "GET /api/settings/backups",
    ]

    static let pagingAttacks: [(query: String, field: String)] = [
        ("limit=0", "limit"), ("limit=501", "limit"), ("limit=-1", "limit"), ("limit=1.5", "limit"),
        ("limit=1e19", "limit"), ("limit=9223372036854775808", "limit"), ("limit=18446744073709551616", "limit"),
        ("offset=-1", "offset"), ("offset=1000001", "offset"), ("offset=9223372036854775807", "offset"),
        ("offset=-9223372036854775808", "offset"), ("offset=0.5", "offset"), ("offset=1e400", "offset"),
    ]

    // MARK: the fixture

    static let screeningJSON: String = {
        let items = ScreeningItem.allCases.map { "\"\($0.rawValue)\":false" }.joined(separator: ",")
        return "{\(items)}"
    }()

    struct Fixture {
        var patient = UUID()
        var consent = UUID()
        var vial = UUID()
        var session = UUID()
        var condition = UUID()
        var appointment = UUID()
        var assessment = UUID()
        var event = UUID()
        var practitioner = UUID()
        var now = JSONCoding.formatInstant(Date())
        /// A weekday at 10:00 about a year ahead, inside the booking horizon.
        var nextYear = "2027-09-06T10:00:00Z"

        /// `:patientID` and the others filled in; an unknown name gets a fresh UUID (a 404).
        func path(_ route: String, product: String = "onabotulinumtoxinA") -> String {
            let values: [String: String] = [
                ":patientID": patient.uuidString, ":consentID": consent.uuidString, ":vialID": vial.uuidString,
                ":sessionID": session.uuidString, ":conditionID": condition.uuidString,
                ":appointmentID": appointment.uuidString, ":assessmentID": assessment.uuidString,
                ":eventID": event.uuidString, ":practitionerID": practitioner.uuidString, ":product": product,
            ]
            return route.split(separator: "/").map { segment in
                segment.hasPrefix(":") ? (values[String(segment)] ?? UUID().uuidString) : String(segment)
            }.joined(separator: "/")
        }
    }

    /// Real records behind every path parameter, so that a body is read and checked rather than
    /// refused for a missing record. A part that cannot be made keeps a random id (404: still 4xx).
    static func fixture(_ app: Application, clinician: SignedIn) async throws -> Fixture {
        var ids = Fixture()
        ids.practitioner = clinician.userID
        ids.nextYear = Self.openWeekdayAboutAYearAhead()
        ids.patient = try await TreatmentFixture.patient(app, clinician)
        ids.consent = try await TreatmentFixture.consent(app, patient: ids.patient, recordedBy: clinician.userID)
        if let vial = try? await TreatmentFixture.vial(app, clinician) { ids.vial = vial }
        let session = try await TreatmentFixture.send(app, .POST, "api/patients/\(ids.patient)/sessions", clinician,
                                                      json: TreatmentFixture.session(date: "2026-06-01", consent: ids.consent,
                                                                                     injections: TreatmentFixture.standardInjections(ids.vial)))
        if let id = (session.json["id"] as? String).flatMap(UUID.init(uuidString:)) { ids.session = id }
        let condition = try await app.records(.POST, "api/patients/\(ids.patient)/conditions", clinician, json: ["kind": "fibromyalgia"])
        if let id = (try? condition.object())?["id"] as? String, let uuid = UUID(uuidString: id) { ids.condition = uuid }
        let assessment = try await app.records(.POST, "api/patients/\(ids.patient)/assessments", clinician, json: ["painNRS": 5])
        if let id = (try? assessment.object())?["id"] as? String, let uuid = UUID(uuidString: id) { ids.assessment = uuid }
        let event = try await TreatmentFixture.send(app, .POST, "api/patients/\(ids.patient)/sessions/\(ids.session)/adverse-events", clinician,
                                                    json: ["kind": "headache", "onsetDate": "2026-06-02", "severity": "mild", "serious": false])
        if let id = (event.json["id"] as? String).flatMap(UUID.init(uuidString:)) { ids.event = id }
        let appointment = AppointmentModel()
        appointment.id = UUID()
        appointment.$practitioner.id = clinician.userID
        appointment.$patient.id = ids.patient
        appointment.startAt = Date().addingTimeInterval(30 * 86_400)
        appointment.endAt = appointment.startAt.addingTimeInterval(30 * 60)
        appointment.kind = AppointmentKind.assessment.rawValue
        appointment.status = AppointmentStatus.booked.rawValue
        try await appointment.create(on: app.db)
        ids.appointment = appointment.id!
        return ids
    }

    /// A Monday at 10:00 UTC between 11 and 12 months ahead: inside opening hours (in London
    /// 10:00 or 11:00) and well inside the two-year horizon.
    static func openWeekdayAboutAYearAhead() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var day = calendar.startOfDay(for: Date().addingTimeInterval(330 * 86_400))
        while calendar.component(.weekday, from: day) != 2 { day = day.addingTimeInterval(86_400) }
        return JSONCoding.formatInstant(day.addingTimeInterval(10 * 3600))
    }

    /// "METHOD /api/a/:b" for each registered route.
    static func routeKeys(_ app: Application) -> [(method: HTTPMethod, key: String)] {
        app.routes.all.map { route in
            (route.method, "\(route.method.rawValue) /" + route.path.map(\.description).joined(separator: "/"))
        }
    }

    static func send(_ app: Application, _ method: HTTPMethod, _ path: String, _ auth: SignedIn?, raw: String?) async throws -> TreatmentFixture.Reply {
        var reply = TreatmentFixture.Reply(status: .ok, text: "")
        try await app.testing().test(method, path, headers: auth?.headers ?? [:], beforeRequest: { request in
            if let raw {
                request.headers.contentType = .json
                request.body = ByteBuffer(string: raw)
            }
        }, afterResponse: { (response: TestingHTTPResponse) in
            reply = TreatmentFixture.Reply(status: response.status, text: String(buffer: response.body))
        })
        return reply
    }

    static func healthy(_ app: Application) async throws -> Bool {
        try await send(app, .GET, "health", nil, raw: nil).status == .ok
    }

    // MARK: the tests

    @Test func everyWritingRouteRefusesAbsurdNumbersNamingTheField() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let admin = try await app.signIn(.admin)
            let ids = try await Self.fixture(app, clinician: clinician)
            let patientUser = try await app.signIn(.patient, patientID: ids.patient)
            let users: [Role: SignedIn] = [.clinician: clinician, .admin: admin, .patient: patientUser]
            let cases = Self.cases(ids)
            let writing = Self.routeKeys(app).filter { [.POST, .PATCH, .PUT].contains($0.method) && $0.key.contains(" /api/") }
            #expect(writing.count >= 30, "the route table looks incomplete: \(writing.count) writing routes")
            var sent = 0
            for route in writing {
                guard let routeCases = cases[route.key] else {
                    Issue.record("\(route.key) has no hostile-number case: add one to HostileNumberTests.cases")
                    continue
                }
                let path = ids.path(String(route.key.split(separator: " ")[1]).dropFirst().description)
                for routeCase in routeCases {
                    for attack in routeCase.attacks {
                        let body = routeCase.body.replacingOccurrences(of: "§", with: attack)
                        let reply = try await Self.send(app, route.method, path, users[routeCase.role], raw: body)
                        sent += 1
                        #expect((400..<500).contains(reply.status.code), "\(route.key) with \(attack): \(reply.status.code) \(reply.text)")
                        #expect(reply.error?.error.code != "malformed_json", "\(route.key) with \(attack) is valid JSON: \(reply.text)")
                        if let field = routeCase.field {
                            #expect(reply.status == .unprocessableEntity, "\(route.key) with \(attack): \(reply.status.code) \(reply.text)")
                            #expect(reply.error?.all.contains { $0.field == field } == true,
                                    "\(route.key) with \(attack) should name \(field): \(reply.text)")
                        }
                    }
                }
                #expect(try await Self.healthy(app), "the server stopped answering after \(route.key)")
            }
            #expect(sent >= writing.count * 13, "\(sent) hostile requests for \(writing.count) routes")
            // Nothing absurd was written: the only session is the fixture's.
            #expect(try await TreatmentSessionModel.query(on: app.db).count() <= 1)
            #expect(try await Self.healthy(app))
        }
    }

    @Test func everyListRefusesLimitsAndOffsetsOutOfRange() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let admin = try await app.signIn(.admin)
            let ids = try await Self.fixture(app, clinician: clinician)
            let reads = Self.routeKeys(app).filter { $0.method == .GET && $0.key.contains(" /api/") }
            for route in reads where !Self.pagedLists.contains(route.key) && !Self.otherReads.contains(route.key) {
                Issue.record("\(route.key) is neither a paged list nor another read: add it to HostileNumberTests")
            }
            for route in reads {
                let path = ids.path(String(route.key.split(separator: " ")[1]).dropFirst().description)
                // The audit trail is the admin's; the rest the clinician's.
                let user = route.key.hasSuffix("/audit") ? admin : clinician
                if Self.pagedLists.contains(route.key) {
                    let plain = try await Self.send(app, .GET, path, user, raw: nil)
                    #expect(plain.status == .ok, "\(route.key): \(plain.status.code) \(plain.text)")
                    let widest = try await Self.send(app, .GET, path + "?limit=500&offset=1000000", user, raw: nil)
                    #expect(widest.status == .ok, "\(route.key) limit=500&offset=1000000: \(widest.text)")
                    #expect(widest.json["limit"] as? Int == 500)
                    #expect(widest.json["offset"] as? Int == 1_000_000)
                    for attack in Self.pagingAttacks {
                        let reply = try await Self.send(app, .GET, path + "?" + attack.query, user, raw: nil)
                        #expect(reply.status == .unprocessableEntity, "\(route.key)?\(attack.query): \(reply.status.code) \(reply.text)")
                        #expect(reply.error?.all.contains { $0.field == attack.field } == true, "\(route.key)?\(attack.query): \(reply.text)")
                    }
                }
                // Any read, with absurd numbers in every query parameter a read might take.
                for number in ["9223372036854775808", "-9223372036854775809", "1e400", "-1", "0.5"] {
                    let query = ["limit", "offset", "year", "days", "duration", "durationMinutes", "from", "to", "date", "count"]
                        .map { "\($0)=\(number)" }.joined(separator: "&")
                    let reply = try await Self.send(app, .GET, path + "?" + query, user, raw: nil)
                    #expect(reply.status.code < 500, "\(route.key)?\(query): \(reply.status.code) \(reply.text)")
                }
                #expect(try await Self.healthy(app), "the server stopped answering after \(route.key)")
            }
        }
    }

    @Test func fhirPagingIsLoweredOrRefusedNeverTrapped() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            _ = try await TreatmentFixture.patient(app, clinician)
            let lowered = try await app.fhir("fhir/Patient?_count=99999999999999999999", clinician)
            #expect(lowered.status == .ok)
            #expect(lowered.json["total"] as? Int == 1)
            #expect((lowered.json["link"] as? [[String: Any]])?.first?["url"].map { "\($0)".hasSuffix("_count=1000&_offset=0") } == true)
            for query in ["_offset=9223372036854775807", "_offset=1000001", "_offset=-1", "_offset=abc", "_count=-1",
                          "_count=1.5", "_count=1e3", "_offset=18446744073709551616"] {
                let reply = try await app.fhir("fhir/Patient?\(query)", clinician)
                #expect(reply.status == .badRequest, "\(query): \(reply.status.code)")
                #expect(reply.json["resourceType"] as? String == "OperationOutcome")
            }
            let last = try await app.fhir("fhir/Patient?_offset=1000000&_count=1000", clinician)
            #expect(last.status == .ok)
            #expect(try await Self.healthy(app))
        }
    }

    /// Pages may clamp or explain; they never trap on `offset + pageSize`.
    @Test func pagesWithAbsurdOffsetsKeepTheServerUp() async throws {
        try await withTestApp { app, _ in
            let (patient, _) = try await WebPortalTests.signedInPatient(app)
            try await WebFixture.account(app, "root", .admin)
            let admin = WebBrowser(app)
            try await admin.signIn("root")
            let numbers = ["9223372036854775807", "-9223372036854775808", "18446744073709551616", "1e19", "-1", "0.5"]
            for number in numbers {
                let access = try await patient.get("/portal/access?offset=\(number)")
                #expect(access.status.code < 500, "/portal/access?offset=\(number): \(access.status.code)")
                let users = try await admin.get("/admin/users?offset=\(number)")
                #expect(users.status == .ok, "/admin/users?offset=\(number): \(users.status.code)")
                let audit = try await admin.get("/admin/audit?offset=\(number)&before=\(number)_\(UUID().uuidString)")
                #expect(audit.status.code < 500, "/admin/audit: \(audit.status.code)")
                #expect(try await Self.healthy(app))
            }
            // In range, the access page shows the page asked for.
            #expect(try await patient.get("/portal/access?offset=1000000").status == .ok)
            #expect(try await admin.get("/admin/audit?before=1e300_\(UUID().uuidString)").status.code < 500)
        }
    }

    @Test func malformedJSONStaysA400AndAFractionIsA422() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let broken = try await Self.send(app, .POST, "api/score/fiqr", clinician, raw: #"{"answers":[1,2"#)
            #expect(broken.status == .badRequest)
            #expect(broken.error?.error.code == "malformed_json")
            let fraction = try await Self.send(app, .POST, "api/score/fiqr", clinician,
                                               raw: #"{"answers":[1,1,1,1,3.5,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1]}"#)
            #expect(fraction.status == .unprocessableEntity)
            #expect(fraction.error?.all == [ErrorBody.Item(code: "value_out_of_range", message: "answers[4] must be a whole number, not 3.5.",
                                                           field: "answers[4]")])
            // 1.0 and 1e1 are whole numbers, as Foundation reads them: accepted, scored.
            let whole = try await Self.send(app, .POST, "api/score/fiqr", clinician,
                                            raw: #"{"answers":[1.0,1e1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1]}"#)
            #expect(whole.status == .ok, "\(whole.text)")
        }
    }

    @Test func headersOnEveryAnswer() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            func headers(_ path: String, _ auth: SignedIn?) async throws -> (HTTPStatus, HTTPHeaders) {
                var result: (HTTPStatus, HTTPHeaders) = (.ok, [:])
                try await app.testing().test(.GET, path, headers: auth?.headers ?? [:], afterResponse: { (response: TestingHTTPResponse) in
                    result = (response.status, response.headers)
                })
                return result
            }
            for (path, auth, noStore) in [("api/patients", Optional(clinician), true), ("api/patients", nil, true),
                                          ("api/nothing-here", clinician, true), ("fhir/metadata", nil, true),
                                          ("fhir/Patient", clinician, true), ("health", nil, false),
                                          ("no-such-page", nil, false), ("login", nil, false)] {
                let (status, fields) = try await headers(path, auth)
                #expect(fields.first(name: "X-Content-Type-Options") == "nosniff", "\(path) \(status.code)")
                if noStore { #expect(fields.first(name: .cacheControl) == "no-store", "\(path) \(status.code)") }
            }
        }
    }
}
