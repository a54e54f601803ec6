import Fluent
import Foundation
import SQLKit
import Testing
import TenderpointCore
@testable import TenderpointServer
import Vapor
import VaporTesting

/// The audit trail page: hand-made records in 2025 (far from the records the test itself makes
/// by signing in and reading), filtered by day in the clinic's time zone, user, patient, action,
/// record type and outcome; keyset pages of fifty; the CSV; and reading it is audited.
@Suite struct AdminAuditTests {
    /// An instant from its UTC text.
    static func at(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    static func record(_ app: Application, _ at: String, user: String?, role: Role? = nil, action: AuditEntry.Action,
                       resource: String, patient: UUID? = nil, outcome: AuditEntry.Outcome = .success, detail: String? = nil) async throws {
        let actor = user.map { AuthenticatedUser(id: UUID(), username: $0, role: role ?? .nurse, displayName: $0, patientID: nil) }
        var entry = AuditEntry(user: actor, action: action, resourceType: resource, resourceID: patient?.uuidString, patientID: patient,
                               outcome: outcome, detail: detail)
        entry.at = Self.at(at)
        try await AuditLog.insert(entry, on: app.db)
    }

    /// The `datetime` of every row shown, in order.
    static func instants(_ page: WebBrowser.Page) -> [String] {
        guard let table = page.body.components(separatedBy: "<table class=\"audit-rows\">").dropFirst().first else { return [] }
        return table.components(separatedBy: "<time datetime=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    struct Fixture {
        let ada: UUID
        let grace: UUID
    }

    /// Five records, 2025 (London is GMT in March, BST in July).
    static func fixture(_ app: Application) async throws -> Fixture {
        let ada = try await WebFixture.patient(app, given: "Ada", family: "Lovelace")
        let grace = try await WebFixture.patient(app, given: "Grace", family: "Hopper")
        try await record(app, "2025-03-01T10:00:00Z", user: "nurse.a", action: .read, resource: "Patient", patient: ada)
        try await record(app, "2025-03-02T09:00:00Z", user: "dr.b", role: .clinician, action: .update, resource: "Patient", patient: grace)
        try await record(app, "2025-03-02T23:30:00Z", user: "nurse.a", action: .login, resource: "Session")
        try await record(app, "2025-03-03T00:30:00Z", user: "nurse.a", action: .denied, resource: "TreatmentSession", patient: ada,
                         outcome: .denied, detail: "chartSession")
        // 00:30 on 2 July in London.
        try await record(app, "2025-07-01T23:30:00Z", user: "dr.b", role: .clinician, action: .create, resource: "Consent", patient: grace)
        return Fixture(ada: ada, grace: grace)
    }

    @Test func eachFilterReturnsExactlyTheMatchingRowsNewestFirst() async throws {
        try await Self.filters(postgres: false)
    }

    @Test(.enabled(if: TestDatabase.postgresURL != nil))
    func eachFilterReturnsExactlyTheMatchingRowsNewestFirstOnPostgreSQL() async throws {
        try await Self.filters(postgres: true)
    }

    static func filters(postgres: Bool) async throws {
        try await withTestApp(postgres: postgres) { app, _ in
            let fixture = try await Self.fixture(app)
            let (admin, _) = try await UserAdminTests.admin(app)
            let year = "from=2025-01-01&to=2025-12-31"
            func rows(_ query: String) async throws -> [String] {
                let page = try await admin.get("/admin/audit?\(query)")
                #expect(page.status == .ok, "\(query)")
                return Self.instants(page)
            }
            #expect(try await rows(year) == ["2025-07-01T23:30:00Z", "2025-03-03T00:30:00Z", "2025-03-02T23:30:00Z",
                                             "2025-03-02T09:00:00Z", "2025-03-01T10:00:00Z"])
            #expect(try await rows("\(year)&user=nurse.a") == ["2025-03-03T00:30:00Z", "2025-03-02T23:30:00Z", "2025-03-01T10:00:00Z"])
            #expect(try await rows("\(year)&user=NURSE.A") == ["2025-03-03T00:30:00Z", "2025-03-02T23:30:00Z", "2025-03-01T10:00:00Z"])
            // Clinic days: 2 March is 00:00–24:00 GMT; 2 July starts at 23:00 UTC on 1 July.
            #expect(try await rows("from=2025-03-02&to=2025-03-02") == ["2025-03-02T23:30:00Z", "2025-03-02T09:00:00Z"])
            #expect(try await rows("from=2025-07-01&to=2025-07-01") == [])
            #expect(try await rows("from=2025-07-02&to=2025-07-02") == ["2025-07-01T23:30:00Z"])
            #expect(try await rows("\(year)&patient=\(fixture.ada.uuidString)") == ["2025-03-03T00:30:00Z", "2025-03-01T10:00:00Z"])
            #expect(try await rows("\(year)&patient=grace+hopper") == ["2025-07-01T23:30:00Z", "2025-03-02T09:00:00Z"])
            #expect(try await rows("\(year)&action=denied") == ["2025-03-03T00:30:00Z"])
            #expect(try await rows("\(year)&action=login&user=nurse.a") == ["2025-03-02T23:30:00Z"])
            #expect(try await rows("\(year)&resource=Consent") == ["2025-07-01T23:30:00Z"])
            #expect(try await rows("\(year)&outcome=denied") == ["2025-03-03T00:30:00Z"])
            #expect(try await rows("\(year)&user=dr.b&patient=Ada") == [])

            // A row says who, which role, what, on which record, the patient (a link) and the detail, in clinic time.
            let page = try await admin.get("/admin/audit?\(year)&action=denied")
            #expect(page.body.contains("Mon 3 Mar 2025, 00:30"))
            #expect(page.body.contains("<a href=\"/admin/audit?user=nurse.a\">nurse.a</a>"))
            #expect(page.body.contains("<a href=\"/admin/audit?patient=\(fixture.ada.uuidString)\">Ada Lovelace</a>"))
            #expect(page.body.contains("<td>chartSession</td>"))
            #expect(page.body.contains("<span class=\"badge badge--warn\">denied</span>"))
        }
    }

    @Test func badFiltersAreShownBesideTheirFieldsAsTyped() async throws {
        try await withTestApp { app, _ in
            let (admin, _) = try await UserAdminTests.admin(app)
            let page = try await admin.get("/admin/audit?from=2025-13-01&to=2025-01-01&action=dance&patient=Nobody+Here")
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains("Enter the first day as a date (YYYY-MM-DD)."))
            #expect(page.body.contains("value=\"2025-13-01\""))
            #expect(page.body.contains("Choose an action from the list."))
            #expect(page.body.contains("No patient matches “Nobody Here”"))
            #expect(page.body.contains("value=\"Nobody Here\""))
            let backwards = try await admin.get("/admin/audit?from=2025-03-02&to=2025-03-01")
            #expect(backwards.body.contains("The last day (2025-03-01) is before the first (2025-03-02)."))
        }
    }

    @Test func pagesOfFiftyFollowEachOtherByKeysetAndTheCSVHasEveryRow() async throws {
        try await Self.paging(postgres: false)
    }

    @Test(.enabled(if: TestDatabase.postgresURL != nil))
    func pagesOfFiftyFollowEachOtherByKeysetAndTheCSVHasEveryRowOnPostgreSQL() async throws {
        try await Self.paging(postgres: true)
    }

    static func paging(postgres: Bool) async throws {
        try await withTestApp(postgres: postgres) { app, _ in
            // 120 records on 10 January 2025, a minute apart, and two more at the same instant (ties by id).
            var expected: [String] = []
            for minute in 0..<118 {
                let text = String(format: "2025-01-10T%02d:%02d:00Z", 8 + minute / 60, minute % 60)
                try await Self.record(app, text, user: "nurse.a", action: .read, resource: "Patient", detail: "minute \(minute)")
                expected.append(text)
            }
            for _ in 0..<2 {
                try await Self.record(app, "2025-01-10T12:00:00Z", user: "nurse.a", action: .read, resource: "Patient", detail: "tie")
                expected.append("2025-01-10T12:00:00Z")
            }
            expected.sort(by: >)
            let (admin, _) = try await UserAdminTests.admin(app)
            var seen: [String] = []
            var pages: [Int] = []
            var path: String? = "/admin/audit?from=2025-01-10&to=2025-01-10"
            while let next = path {
                let page = try await admin.get(next)
                #expect(page.status == .ok)
                let rows = Self.instants(page)
                pages.append(rows.count)
                seen += rows
                path = page.body.components(separatedBy: "<a href=\"").dropFirst()
                    .first { $0.hasPrefix("/admin/audit?") && $0.contains("before=") && $0.contains("rel=\"next\"") }
                    .map { String($0.prefix { $0 != "\"" }).replacingOccurrences(of: "&amp;", with: "&") }
                if pages.count > 5 { break }
            }
            #expect(pages == [50, 50, 20])
            #expect(seen == expected)

            let csv = try await admin.get("/admin/audit.csv?from=2025-01-10&to=2025-01-10")
            #expect(csv.status == .ok)
            #expect(csv.headers.first(name: .contentDisposition) == "attachment; filename=\"audit-trail.csv\"")
            let lines = csv.body.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.first == "at,username,role,action,resourceType,resourceId,patientId,outcome,detail")
            #expect(lines.count == 121)
            #expect(lines.dropFirst().map { String($0.prefix { $0 != "," }) } == expected)
            #expect(lines.last == "2025-01-10T08:00:00Z,nurse.a,nurse,read,Patient,,,success,minute 0")
        }
    }

    @Test func readingTheTrailIsAudited() async throws {
        try await withTestApp { app, _ in
            let fixture = try await Self.fixture(app)
            let (admin, adminID) = try await UserAdminTests.admin(app)
            try await admin.get("/admin/audit?from=2025-01-01&to=2025-12-31&patient=\(fixture.ada.uuidString)")
            try await admin.get("/admin/audit.csv?from=2025-01-01&to=2025-12-31")
            await app.flushAudit()
            let reads = try await AuditEventModel.query(on: app.db).filter(\.$resourceType == "AuditTrail")
                .filter(\.$userID == adminID).sort(\.$at).all()
            #expect(reads.map(\.action) == ["search", "export"])
            #expect(reads.first?.patientID == fixture.ada)
            #expect(reads.first?.detail == "admin: from=2025-01-01, to=2025-12-31, patient=\(fixture.ada.uuidString); 2 rows")
            #expect(reads.last?.detail == "admin: audit-trail.csv, from=2025-01-01, to=2025-12-31")
            // The patient reads in her own portal that the admin looked at her trail.
            let trail = try await app.records(.GET, "api/patients/\(fixture.ada.uuidString)/audit", try await app.signIn(.admin))
            #expect(String(decoding: trail.body, as: UTF8.self).contains("admin: from=2025-01-01"))
        }
    }

    @Test func textFromTheRecordsIsEscaped() async throws {
        try await withTestApp { app, _ in
            let patient = try await WebFixture.patient(app, given: "<script>alert(1)</script>", family: "Smith")
            try await Self.record(app, "2025-05-05T10:00:00Z", user: "nurse.a", action: .read, resource: "Patient", patient: patient,
                                  detail: "<img src=x onerror=alert(2)>")
            let (admin, _) = try await UserAdminTests.admin(app)
            let page = try await admin.get("/admin/audit?from=2025-05-05&to=2025-05-05")
            #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt; Smith"))
            #expect(page.body.contains("&lt;img src=x onerror=alert(2)&gt;"))
            #expect(!page.body.contains("<script>alert"))
            #expect(!page.body.contains("<img src=x"))
        }
    }

    @Test func theCSVNeverLetsASpreadsheetRunAFormula() {
        #expect(AdminAuditQuery.csvField("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(AdminAuditQuery.csvField("plain") == "plain")
        #expect(AdminAuditQuery.csvField("a, b") == "\"a, b\"")
    }
}
