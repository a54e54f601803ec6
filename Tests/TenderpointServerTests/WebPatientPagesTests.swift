import Fluent
import Foundation
import Testing
import TenderpointCore
@testable import TenderpointServer
import Vapor
import VaporTesting

@Suite struct WebPatientPagesTests {
    @Test func searchFindsByNameAndNHSNumberAndIsAudited() async throws {
        try await withTestApp { app, _ in
            let ada = try await WebFixture.patient(app, given: "Ada", family: "Lovelace")
            let patient = try #require(try await PatientModel.find(ada, on: app.db))
            patient.nhsNumber = "9434765919"
            try await patient.save(on: app.db)
            _ = try await WebFixture.patient(app, given: "Grace", family: "Hopper")
            try await WebFixture.account(app, "clin", .clinician)
            let browser = WebBrowser(app)
            try await browser.signIn("clin")

            let byName = try await browser.get("/patients?q=love")
            #expect(byName.status == .ok)
            #expect(byName.body.contains("<a href=\"/patients/\(ada.uuidString)\">Lovelace, Ada</a>"))
            #expect(!byName.body.contains("Hopper"))
            #expect(byName.body.contains("1 patient match."))
            let byNumber = try await browser.get("/patients?q=943+476+5919")
            #expect(byNumber.body.contains("Lovelace, Ada"))
            #expect(byNumber.body.contains("943 476 5919"))
            let none = try await browser.get("/patients?q=zz")
            #expect(none.body.contains("No patient matches <strong>zz</strong>."))
            // Search text is literal: "%" and "_" match only themselves, not every patient.
            #expect(try await browser.get("/patients?q=%25").body.contains("No patient matches"))
            #expect(try await browser.get("/patients?q=_").body.contains("No patient matches"))
            #expect(try await WebFixture.auditCount(app, action: "search", resource: "Patient") == 5)
        }
    }

    @Test func receptionFindsPatientsButCannotOpenTheClinicalPage() async throws {
        try await withTestApp { app, _ in
            let ada = try await WebFixture.patient(app)
            try await WebFixture.account(app, "desk", .reception)
            let browser = WebBrowser(app)
            try await browser.signIn("desk")
            let search = try await browser.get("/patients?q=ada")
            #expect(search.body.contains("Lovelace, Ada"))
            #expect(!search.body.contains("href=\"/patients/\(ada.uuidString)\""))
            let page = try await browser.get("/patients/\(ada.uuidString)")
            #expect(page.status == .forbidden)
            #expect(page.body.contains("<h1>Not allowed</h1>"))
            #expect(page.body.contains("A reception may not do this (readClinical)."))
            #expect(try await WebFixture.auditCount(app, action: "denied", resource: "Timeline", patient: ada) == 1)
            #expect(try await WebFixture.auditCount(app, action: "read", resource: "Timeline", patient: ada) == 0)
        }
    }

    @Test func theClinicalPageShowsThePatientAndTheirChartAndIsAudited() async throws {
        try await withTestApp { app, _ in
            let ada = try await WebFixture.patient(app)
            try await WebFixture.account(app, "clin", .clinician)
            let browser = WebBrowser(app)
            try await browser.signIn("clin")
            let page = try await browser.get("/patients/\(ada.uuidString)")
            #expect(page.status == .ok)
            #expect(page.body.contains("<h1>Ada Lovelace</h1>"))
            #expect(page.body.contains("<svg class=\"chart\""))
            #expect(page.body.contains("No injection sessions yet."))
            #expect(try await WebFixture.auditCount(app, action: "read", resource: "Timeline", patient: ada) == 1)
            #expect(try await WebFixture.auditCount(app, action: "read", resource: "DiaryEntry", patient: ada) == 1)
            #expect(try await browser.get("/patients/\(UUID().uuidString)").status == .notFound)
        }
    }

    @Test func aPatientCannotOpenAnotherPatientsPage() async throws {
        try await withTestApp { app, _ in
            let ada = try await WebFixture.patient(app)
            let grace = try await WebFixture.patient(app, given: "Grace", family: "Hopper")
            try await WebFixture.account(app, "ada", .patient, patient: ada)
            let browser = WebBrowser(app)
            try await browser.signIn("ada")
            let other = try await browser.get("/patients/\(grace.uuidString)")
            #expect(other.status == .forbidden)
            #expect(!other.body.contains("Hopper"))
            #expect(try await browser.get("/patients?q=hopper").status == .forbidden)
            #expect(try await browser.get("/today").status == .forbidden)
        }
    }

    /// DESIGN.md: a patient named `<script>alert(1)</script>` renders as text everywhere.
    @Test func userTextIsEscapedEverywhere() async throws {
        try await withTestApp { app, _ in
            let given = "<script>alert(1)</script>"
            let family = "\"><img src=x onerror=alert(2)>"
            let patient = try await WebFixture.patient(app, given: given, family: family)
            let clinicianID = try await WebFixture.account(app, "clin", .clinician, displayName: "<b>Dr</b>")
            try await WebFixture.account(app, "pat", .patient, patient: patient, displayName: given)
            // An appointment today, so the day list shows the name too.
            let appointment = AppointmentModel()
            appointment.id = UUID()
            appointment.$practitioner.id = clinicianID
            appointment.$patient.id = patient
            let start = CalendarDate(Date(), in: TimeZone(identifier: "Europe/London")!).start(in: TimeZone(identifier: "Europe/London")!)
                .addingTimeInterval(10 * 3600)
            appointment.startAt = start
            appointment.endAt = start.addingTimeInterval(1800)
            appointment.kind = AppointmentKind.assessment.rawValue
            appointment.status = AppointmentStatus.booked.rawValue
            try await appointment.create(on: app.db)

            let browser = WebBrowser(app)
            try await browser.signIn("clin")
            let pages = [
                try await browser.get("/patients?q=" + WebBrowser.encode("<script>")),
                try await browser.get("/patients/\(patient.uuidString)"),
                try await browser.get("/today"),
            ]
            let portal = WebBrowser(app)
            try await portal.signIn("pat")
            try await portal.get("/portal")
            try await portal.post("/portal/diary", [("painNRS", "4"), ("note", "</textarea><script>alert(3)</script>"),
                                                    ("otherSideEffect", "<i>itch</i>")])
            let diary = try await portal.get("/portal")
            for page in pages + [diary] {
                #expect(page.status == .ok)
                #expect(!page.body.contains("<script>alert"))
                #expect(!page.body.contains("<img src=x"))
                #expect(!page.body.contains("<b>Dr</b>"))
                #expect(!page.body.contains("<i>itch"))
            }
            #expect(pages[0].body.contains("value=\"&lt;script&gt;\""))
            #expect(pages[0].body.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;, &lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(pages[1].body.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(2)&gt;</h1>"))
            #expect(pages[2].body.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img"))
            #expect(pages[2].body.contains("&lt;b&gt;Dr&lt;/b&gt;"))
            #expect(diary.body.contains("Note: &lt;/textarea&gt;&lt;script&gt;alert(3)&lt;/script&gt;"))
            #expect(diary.body.contains("&lt;i&gt;itch&lt;/i&gt;"))
        }
    }
}
