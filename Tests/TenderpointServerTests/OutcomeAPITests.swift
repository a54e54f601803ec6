import Fluent
import Foundation
import Testing
import TenderpointCore
@testable import TenderpointServer
import Vapor
import VaporTesting

/// The outcome routes on the hand-built clinic of `OutcomeClinic`: the CSV is exactly the rows
/// worked out on paper, the JSON report their figures, and both are audited and refused to the
/// roles that may not see them.
@Suite struct OutcomeAPITests {
    private static func clinic(_ app: Application) async throws -> (clinician: SignedIn, nurse: SignedIn) {
        let clinician = try await app.signIn(.clinician)
        let nurse = try await app.signIn(.nurse)
        try await OutcomeClinic.write(app, clinician: clinician.userID, nurse: nurse.userID)
        return (clinician, nurse)
    }

    private static func get(_ app: Application, _ path: String, _ auth: SignedIn) async throws -> (status: HTTPStatus, body: String, headers: HTTPHeaders) {
        var result: (HTTPStatus, String, HTTPHeaders) = (.ok, "", [:])
        try await app.testing().test(.GET, path, headers: auth.headers) { (response: TestingHTTPResponse) in
            result = (response.status, String(buffer: response.body), response.headers)
        }
        return result
    }

    @Test(arguments: [false, true])
    func theCSVIsTheRowsWorkedOutOnPaper(postgres: Bool) async throws {
        guard !postgres || TestDatabase.postgresURL != nil else { return }
        try await withTestApp(postgres: postgres) { app, _ in
            let (clinician, _) = try await Self.clinic(app)
            let reply = try await Self.get(app, "api/reports/outcomes/cycles.csv", clinician)
            #expect(reply.status == .ok)
            #expect(reply.headers.contentType?.description.hasPrefix("text/csv") == true)
            #expect(reply.body == OutcomeClinic.expectedCSV)

            await app.flushAudit()
            let audit = try await AuditEventModel.query(on: app.db).filter(\.$resourceType == "OutcomeCycles").all()
            #expect(audit.count == 1)
            #expect(audit.first?.action == "export")
            #expect(audit.first?.userID == clinician.userID)
        }
    }

    @Test(arguments: [false, true])
    func theReportIsComputedFromThoseRows(postgres: Bool) async throws {
        guard !postgres || TestDatabase.postgresURL != nil else { return }
        try await withTestApp(postgres: postgres) { app, _ in
            let (_, nurse) = try await Self.clinic(app)
            let reply = try await Self.get(app, "api/reports/outcomes", nurse)
            #expect(reply.status == .ok)
            let report = try JSONCoding.decoder().decode(OutcomeDTO.Report.self, from: Data(reply.body.utf8))
            let expected = try OutcomeReportAssembly.report(rows: OutcomeClinic.rows(), adverseEvents: OutcomeClinic.events,
                                                            filter: OutcomeFilter())
            #expect(report == expected)
            #expect(report.sessions == 5 && report.patients == 4 && report.kaplanMeier.median == 62)

            // The contract's shape, nulls included.
            let json = try #require(try JSONSerialization.jsonObject(with: Data(reply.body.utf8)) as? [String: Any])
            let week3 = try #require((json["responders"] as? [String: Any])?["week3"] as? [String: Any])
            let atLeast30 = try #require(week3["atLeast30"] as? [String: Any])
            #expect(atLeast30["n"] as? Int == 3)
            #expect((atLeast30["ci95"] as? [Double])?.count == 2)
            let km = try #require(json["kaplanMeier"] as? [String: Any])
            #expect(km["times"] as? [Double] == [62])
            #expect(km["survival"] as? [Double] == [0.5])
            #expect((km["medianCI95"] as? [Any])?.last is NSNull)
            #expect(json["label"] as? String == "observed in this clinic (uncontrolled)")

            await app.flushAudit()
            let audit = try await AuditEventModel.query(on: app.db).filter(\.$resourceType == "OutcomeReport").all()
            #expect(audit.map(\.action) == ["read"])
            #expect(audit.first?.detail == "all sessions: 5 sessions of 4 patients")
        }
    }

    @Test func filtersAreAppliedAndBadOnesNamed() async throws {
        try await withTestApp { app, _ in
            let (clinician, nurse) = try await Self.clinic(app)
            let inco = try await Self.get(app, "api/reports/outcomes?product=incobotulinumtoxinA", clinician)
            let report = try JSONCoding.decoder().decode(OutcomeDTO.Report.self, from: Data(inco.body.utf8))
            #expect(report.sessions == 1 && report.patients == 1)
            #expect(report.filters.product == .incobotulinumtoxinA)
            #expect(report.kaplanMeier.cycles == 0 && report.kaplanMeier.median == nil)

            let band = try await Self.get(app, "api/reports/outcomes/cycles.csv?product=onabotulinumtoxinA&minUnits=110&maxUnits=200", clinician)
            let lines = band.body.split(separator: "\r\n").map(String.init)
            #expect(lines.count == 3)
            #expect(lines[1].hasSuffix(",2025-01-06,onabotulinumtoxinA,120,6,3,3,89,0"))

            let byNurse = try await Self.get(app, "api/reports/outcomes/cycles.csv?injector=\(nurse.userID.uuidString)", clinician)
            #expect(byNurse.body.split(separator: "\r\n").count == 2)
            let range = try await Self.get(app, "api/reports/outcomes?from=2025-02-01&to=2025-03-31", clinician)
            #expect(try JSONCoding.decoder().decode(OutcomeDTO.Report.self, from: Data(range.body.utf8)).sessions == 2)

            for (query, field) in [("from=yesterday", "from"), ("product=botox", "product"), ("minUnits=100", "minUnits"),
                                   ("injector=42", "injector"), ("from=2025-03-01&to=2025-02-01", "to")] {
                for path in ["api/reports/outcomes", "api/reports/outcomes/cycles.csv"] {
                    let refused = try await Self.get(app, "\(path)?\(query)", clinician)
                    #expect(refused.status == .unprocessableEntity, "\(path)?\(query)")
                    let error = try JSONDecoder().decode(ErrorBody.self, from: Data(refused.body.utf8))
                    #expect(error.error.field == field, "\(path)?\(query)")
                }
            }
        }
    }

    @Test func onlyTheClinicalTeamAndTheAdministratorSeeTheReport() async throws {
        try await withTestApp { app, _ in
            _ = try await Self.clinic(app)
            let admin = try await app.signIn(.admin)
            let reception = try await app.signIn(.reception)
            let patient = try await app.signIn(.patient, patientID: OutcomeClinic.patientA)
            for path in ["api/reports/outcomes", "api/reports/outcomes/cycles.csv"] {
                #expect(try await Self.get(app, path, admin).status == .ok)
                #expect(try await Self.get(app, path, reception).status == .forbidden)
                #expect(try await Self.get(app, path, patient).status == .forbidden)
            }
            await app.flushAudit()
            let denied = try await AuditEventModel.query(on: app.db).filter(\.$outcome == "denied").all()
            #expect(denied.count == 4)
        }
    }

    @Test func aPatientsOwnOutcomes() async throws {
        try await withTestApp { app, _ in
            let (clinician, _) = try await Self.clinic(app)
            let reply = try await Self.get(app, "api/patients/\(OutcomeClinic.patientB)/outcomes", clinician)
            #expect(reply.status == .ok)
            let outcomes = try JSONCoding.decoder().decode(OutcomeDTO.PatientOutcomes.self, from: Data(reply.body.utf8))
            #expect(outcomes.cycles.map(\.sessionId) == [OutcomeClinic.s2, OutcomeClinic.s3])
            #expect(outcomes.cycles[0].nextSessionDate == OutcomeClinic.day0.adding(days: 90))
            #expect(outcomes.cycles[1].intervalDaysSincePrevious == 90)
            #expect(outcomes.cycles[0].curve.benefit == BenefitDuration(days: 89, wearOffObserved: false))
            #expect(outcomes.cycles[0].week3NRS?.source == .curve)
            #expect(outcomes.cycles[0].week3Response?.atLeast30 == true)
            // No wear-off of their own observed: the clinic's median for onabotulinumtoxinA (62
            // days, from S1 and S2) — 62 − 7 = 55 is raised to the 84-day minimum.
            let prediction = try #require(outcomes.prediction)
            let s3 = OutcomeClinic.day0.adding(days: 90)
            #expect(prediction.basis == .population)
            #expect(prediction.benefitDays == 62)
            #expect(prediction.predictedWearOff == s3.adding(days: 62))
            #expect(prediction.recommendedDate == s3.adding(days: 84))
            #expect(prediction.adjustment == .raisedToMinimumInterval)
            #expect(outcomes.reinjectionWindow == ReinjectionWindow(after: s3))
            #expect(outcomes.nonResponse.primary == nil && outcomes.nonResponse.possibleSecondary == nil)
            #expect(outcomes.nonResponse.history.map(\.cycle.responder) == [true, nil])
            let json = try #require(try JSONSerialization.jsonObject(with: Data(reply.body.utf8)) as? [String: Any])
            let flags = try #require(json["nonResponse"] as? [String: Any])
            #expect(flags["primary"] is NSNull && flags["possibleSecondary"] is NSNull)

            await app.flushAudit()
            let audit = try await AuditEventModel.query(on: app.db).filter(\.$resourceType == "PatientOutcomes").all()
            #expect(audit.map(\.patientID) == [OutcomeClinic.patientB])
        }
    }

    /// Patient D's one cycle fell 20 % at week 3 and has no curve: no response observed, so no
    /// wear-off or re-injection date, nulls and the reason instead.
    @Test func noPredictionWithoutAResponse() async throws {
        try await withTestApp { app, _ in
            let (clinician, _) = try await Self.clinic(app)
            let reply = try await Self.get(app, "api/patients/\(OutcomeClinic.patientD)/outcomes", clinician)
            #expect(reply.status == .ok)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(reply.body.utf8)) as? [String: Any])
            #expect(json["prediction"] is NSNull)
            let withheld = try #require(json["predictionWithheld"] as? [String: Any])
            #expect(withheld["reason"] as? String == "noResponseObserved")
            #expect(withheld["cycles"] as? Int == 1)
            #expect(withheld["message"] as? String == "No response observed in 1 cycle: review whether to continue.")
            #expect(json["reinjectionWindow"] is [String: Any])
            // Patient B responded: predicted as before, nothing withheld.
            let b = try await Self.get(app, "api/patients/\(OutcomeClinic.patientB)/outcomes", clinician)
            let bJSON = try #require(try JSONSerialization.jsonObject(with: Data(b.body.utf8)) as? [String: Any])
            #expect(bJSON["prediction"] is [String: Any])
            #expect(bJSON["predictionWithheld"] is NSNull)
        }
    }

    /// Voided sessions (S3, with an adverse event of its own, and S4) count for nothing: not in the
    /// rows, not in the events, and S3 no longer ends S2's cycle.
    @Test func voidedSessionsCountForNothing() async throws {
        try await withTestApp { app, _ in
            let (clinician, _) = try await Self.clinic(app)
            let event = AdverseEventModel()
            event.id = UUID()
            event.$patient.id = OutcomeClinic.patientB
            event.$session.id = OutcomeClinic.s3
            event.kind = "headache"
            event.onsetDate = OutcomeClinic.day0.adding(days: 92).iso
            event.severity = "mild"
            event.serious = false
            event.$recorder.id = clinician.userID
            event.source = "clinician"
            try await event.create(on: app.db)
            let before = try JSONCoding.decoder().decode(OutcomeDTO.Report.self,
                                                         from: Data(try await Self.get(app, "api/reports/outcomes", clinician).body.utf8))
            #expect(before.sessions == 5 && before.adverseEvents.events == 4)

            for session in [OutcomeClinic.s3, OutcomeClinic.s4] {
                let model = try #require(try await TreatmentSessionModel.find(session, on: app.db))
                model.voidedAt = Date()
                model.voidedBy = clinician.userID
                model.voidReason = "charted in error"
                try await model.save(on: app.db)
            }
            await app.populationBenefit.clear()
            let report = try JSONCoding.decoder().decode(OutcomeDTO.Report.self,
                                                         from: Data(try await Self.get(app, "api/reports/outcomes", clinician).body.utf8))
            #expect(report.sessions == 3 && report.patients == 3)
            #expect(report.adverseEvents.events == 3)
            let csv = try await Self.get(app, "api/reports/outcomes/cycles.csv", clinician).body
            #expect(!csv.contains(OutcomeClinic.s3.uuidString.lowercased()) && !csv.contains(OutcomeClinic.s3.uuidString))
            #expect(!csv.contains(OutcomeClinic.s4.uuidString))
            #expect(csv.split(separator: "\r\n").count == 4)
            let b = try JSONCoding.decoder().decode(OutcomeDTO.PatientOutcomes.self, from: Data(
                try await Self.get(app, "api/patients/\(OutcomeClinic.patientB)/outcomes", clinician).body.utf8))
            #expect(b.cycles.map(\.sessionId) == [OutcomeClinic.s2])
            #expect(b.cycles[0].nextSessionDate == nil)
            #expect(b.reinjectionWindow == ReinjectionWindow(after: OutcomeClinic.day0))
            // The timeline leaves them out too (the sessions API still shows them, marked).
            let timeline = try JSONSerialization.jsonObject(with: Data(
                try await Self.get(app, "api/patients/\(OutcomeClinic.patientB)/timeline", clinician).body.utf8)) as? [String: Any]
            #expect((timeline?["sessions"] as? [Any])?.count == 1)
        }
    }

    @Test func aPatientSeesTheirOwnOutcomesOnly() async throws {
        try await withTestApp { app, _ in
            _ = try await Self.clinic(app)
            let patient = try await app.signIn(.patient, patientID: OutcomeClinic.patientD)
            let own = try await Self.get(app, "api/patients/\(OutcomeClinic.patientD)/outcomes", patient)
            #expect(own.status == .ok)
            let outcomes = try JSONCoding.decoder().decode(OutcomeDTO.PatientOutcomes.self, from: Data(own.body.utf8))
            #expect(outcomes.cycles.count == 1)
            #expect(outcomes.cycles[0].week3Response?.atLeast30 == false)
            #expect(try await Self.get(app, "api/patients/\(OutcomeClinic.patientA)/outcomes", patient).status == .forbidden)
            let clinician = try await app.signIn(.clinician)
            let missing = try await Self.get(app, "api/patients/\(UUID())/outcomes", clinician)
            #expect(missing.status == .notFound)
        }
    }
}
