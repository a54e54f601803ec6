import Fluent
import Foundation
import Testing
import TenderpointCore
@testable import TenderpointServer
import VaporTesting

/// Sessions are charted on past dates (Monday 2026-06-01 and after) so every expected date is
/// fixed and computed by hand; the clinic is the default one (Monday–Friday, Europe/London).
@Suite struct SessionAPITests {
    typealias F = TreatmentFixture

    @Test func theContractsHappyPath() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let patient = try await F.patient(app, clinician)
            let consent = try await F.consent(app, patient: patient, recordedBy: clinician.userID)
            let vial = try await F.vial(app, clinician)  // 100 U in 2.5 mL: 4 U per 0.1 mL
            let injections = F.standardInjections(vial)
                + [F.injection(vial, muscle: "levatorScapulae.right", units: 12.5, chart: ["view": "back", "x": 41.5, "y": 22.0])]
            let reply = try await F.send(app, .POST, "api/patients/\(patient)/sessions", clinician,
                                         json: F.session(date: "2026-06-01", consent: consent, injections: injections,
                                                         extra: ["guidance": "ultrasound", "note": "tolerated well"]))
            #expect(reply.status == .created, "\(reply.text)")
            let json = reply.json
            #expect(json["totalUnits"] as? Double == 52.5)
            #expect(json["product"] as? String == "onabotulinumtoxinA")
            // No performedAt: noon on the session date in London (BST), 11:00 UTC.
            #expect(json["performedAt"] as? String == "2026-06-01T11:00:00Z")
            #expect(json["guidance"] as? String == "ultrasound")
            let followUps = try #require(json["followUps"] as? [[String: Any]])
            #expect(followUps.map { $0["kind"] as? String } == ["onset-check", "peak-review", "reassessment"])
            // Day 8 Tuesday 9 June, day 21 Monday 22 June, day 84 Monday 24 August: all open days.
            #expect(followUps.map { $0["date"] as? String } == ["2026-06-09", "2026-06-22", "2026-08-24"])
            #expect(followUps.allSatisfy { $0["appointmentId"] is String })
            let window = try #require(json["reinjectionWindow"] as? [String: Any])
            #expect(window["earliest"] as? String == "2026-08-24")
            #expect(window["targetFrom"] as? String == "2026-08-24")
            #expect(window["targetTo"] as? String == "2026-09-21")

            let session = try reply.decode(SessionDTO.self)
            #expect(session.injections.map(\.units) == [Units(20), Units(20), Units(tenths: 125)])
            // Volume = units ÷ 40 U/mL: 0.5, 0.5 and 0.3125 mL.
            #expect(session.injections.map(\.volumeMl) == [Decimal(string: "0.5"), Decimal(string: "0.5"), Decimal(string: "0.3125")])
            #expect(session.injections[2].site.chart?.x == 41.5)
            #expect(session.injections.allSatisfy { $0.lotNumber == "C1234" })
            #expect(session.interval?.daysSinceLast == nil)

            // The vial was opened, the follow-ups are booked with the injector, and it is audited.
            #expect(try await VialModel.find(vial, on: app.db)?.state == "inUse")
            let appointments = try await AppointmentModel.query(on: app.db).sort(\.$startAt).all()
            #expect(appointments.map(\.kind) == ["onset-check", "peak-review", "reassessment"])
            #expect(appointments.allSatisfy { $0.$practitioner.id == clinician.userID && $0.$session.id == session.id })
            let audit = try await AuditEventModel.query(on: app.db).filter(\.$resourceType == "TreatmentSession").all()
            #expect(audit.map(\.action) == ["create"])
            #expect(audit.first?.patientID == patient)

            // Read back: the list, the session with its injections, and the window.
            let list = try await F.send(app, .GET, "api/patients/\(patient)/sessions", clinician)
            let page = try list.decode(Listing<SessionSummaryDTO>.self)
            #expect(page.total == 1)
            #expect(page.items.first?.injectionCount == 3)
            #expect(page.items.first?.totalUnits == Units(tenths: 525))
            let read = try await F.send(app, .GET, "api/patients/\(patient)/sessions/\(session.id)", clinician)
            let detail = try read.decode(SessionDTO.self)
            #expect(detail.injections == session.injections)
            #expect(detail.followUps.map(\.date.iso) == ["2026-06-09", "2026-06-22", "2026-08-24"])
            #expect(detail.note == "tolerated well")
            let windowReply = try await F.send(app, .GET, "api/patients/\(patient)/reinjection-window", clinician)
            #expect(windowReply.json["lastSessionDate"] as? String == "2026-06-01")
            #expect(windowReply.json["targetTo"] as? String == "2026-09-21")
        }
    }

    @Test func beforeTheFirstSessionTheWindowIsAllNulls() async throws {
        try await withTestApp { app, _ in
            let reception = try await app.signIn(.reception)
            let patient = try await F.patient(app, reception)
            let reply = try await F.send(app, .GET, "api/patients/\(patient)/reinjection-window", reception)
            #expect(reply.status == .ok)
            for key in ["lastSessionDate", "earliest", "targetFrom", "targetTo"] {
                #expect(reply.json[key] is NSNull, "\(key)")
            }
            #expect(reply.json["status"] as? String == "noSession")
        }
    }

    @Test func aSessionTodayIsPerformedNow() async throws {
        try await withTestApp { app, configuration in
            let clinician = try await app.signIn(.clinician)
            let patient = try await F.patient(app, clinician)
            let consent = try await F.consent(app, patient: patient, recordedBy: clinician.userID)
            let now = Date()
            let today = CalendarDate(now, in: configuration.clinicTimeZone)
            let vial = try await F.vial(app, clinician, reconstitutedAt: JSONCoding.formatInstant(now.addingTimeInterval(-600)))
            let reply = try await F.send(app, .POST, "api/patients/\(patient)/sessions", clinician,
                                         json: F.session(date: today.iso, consent: consent, injections: F.standardInjections(vial)))
            #expect(reply.status == .created, "\(reply.text)")
            let session = try reply.decode(SessionDTO.self)
            #expect(abs(session.performedAt.timeIntervalSince(now)) < 60)
        }
    }

    @Test func day83IsRefusedAndNothingIsWritten() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let (patient, consent) = try await F.patientWithFirstSession(app, clinician)
            let before = try await F.counts(app)
            #expect(before == (1, 2, 3))
            let vial = try await F.vial(app, clinician, lot: "D2", reconstitutedAt: "2026-08-23T08:00:00Z")
            // 2026-06-01 + 83 days = 2026-08-23.
            let reply = try await F.send(app, .POST, "api/patients/\(patient)/sessions", clinician,
                                         json: F.session(date: "2026-08-23", consent: consent, injections: F.standardInjections(vial)))
            #expect(reply.status == .unprocessableEntity)
            #expect(reply.problems == ["interval_too_short@date"])
            #expect(reply.error?.error.message.contains("2026-08-24") == true)
            #expect(try await F.counts(app) == before)
            #expect(try await VialModel.find(vial, on: app.db)?.state == "inUse")  // recorded reconstituted, untouched

            // Day 84 is allowed.
            let vial84 = try await F.vial(app, clinician, lot: "D3", reconstitutedAt: "2026-08-24T08:00:00Z")
            let allowed = try await F.send(app, .POST, "api/patients/\(patient)/sessions", clinician,
                                           json: F.session(date: "2026-08-24", consent: consent, injections: F.standardInjections(vial84)))
            #expect(allowed.status == .created, "\(allowed.text)")
            #expect((allowed.json["interval"] as? [String: Any])?["daysSinceLast"] as? Int == 84)
        }
    }

    @Test func aClinicianOverridesWithAReasonAndItIsAudited() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let (patient, consent) = try await F.patientWithFirstSession(app, clinician)
            let vial = try await F.vial(app, clinician, lot: "D2", reconstitutedAt: "2026-08-23T08:00:00Z")
            let reason = "Travelling abroad for three months from 2026-08-24"
            let reply = try await F.send(app, .POST, "api/patients/\(patient)/sessions", clinician,
                                         json: F.session(date: "2026-08-23", consent: consent, injections: F.standardInjections(vial),
                                                         override: "  \(reason) "))
            #expect(reply.status == .created, "\(reply.text)")
            let session = try reply.decode(SessionDTO.self)
            #expect(session.overrideReason == reason)
            #expect(session.interval == SessionDTO.IntervalDTO(daysSinceLast: 83, overridden: true))
            // Sunday 23 August: day 8 Monday 31 August, the summer bank holiday (England and Wales)
            // → Tuesday 1 September; day 21 Sunday 13 September → Monday 14th; day 84 Sunday
            // 15 November → Monday 16th.
            #expect(session.followUps.map(\.date.iso) == ["2026-09-01", "2026-09-14", "2026-11-16"])
            #expect(session.followUps.map(\.nominalDate.iso) == ["2026-08-31", "2026-09-13", "2026-11-15"])

            let audit = try await AuditEventModel.query(on: app.db).filter(\.$action == "override").all()
            #expect(audit.count == 1)
            #expect(audit.first?.patientID == patient)
            #expect(audit.first?.userID == clinician.userID)
            #expect(audit.first?.resourceID == session.id.uuidString)
            #expect(audit.first?.detail == "minimum interval overridden at day 83: \(reason)")
        }
    }

    @Test func aNursesOverrideIsNotPermitted() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let nurse = try await app.signIn(.nurse)
            let (patient, consent) = try await F.patientWithFirstSession(app, clinician)
            let before = try await F.counts(app)
            let vial = try await F.vial(app, nurse, lot: "D2", reconstitutedAt: "2026-08-23T08:00:00Z")
            let reply = try await F.send(app, .POST, "api/patients/\(patient)/sessions", nurse,
                                         json: F.session(date: "2026-08-23", consent: consent, injections: F.standardInjections(vial),
                                                         override: "patient asked", supervisor: clinician.userID))
            #expect(reply.status == .unprocessableEntity)
            #expect(reply.problems == ["override_not_permitted@override"])
            #expect(try await F.counts(app) == before)
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$action == "override").count() == 0)
        }
    }

    @Test func aNurseChartsUnderASupervisingClinician() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let nurse = try await app.signIn(.nurse)
            let patient = try await F.patient(app, nurse)
            let consent = try await F.consent(app, patient: patient, recordedBy: clinician.userID)
            let vial = try await F.vial(app, nurse)
            let body = F.session(date: "2026-06-01", consent: consent, injections: F.standardInjections(vial))
            let missing = try await F.send(app, .POST, "api/patients/\(patient)/sessions", nurse, json: body)
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.problems == ["invalid_value@supervisorId"])
            var byNurse = body
            byNurse["supervisorId"] = nurse.userID.uuidString
            let notAClinician = try await F.send(app, .POST, "api/patients/\(patient)/sessions", nurse, json: byNurse)
            #expect(notAClinician.problems == ["unknown_identifier@supervisorId"])
            #expect(try await F.counts(app) == (0, 0, 0))

            var supervised = body
            supervised["supervisorId"] = clinician.userID.uuidString
            let reply = try await F.send(app, .POST, "api/patients/\(patient)/sessions", nurse, json: supervised)
            #expect(reply.status == .created, "\(reply.text)")
            let session = try reply.decode(SessionDTO.self)
            #expect(session.injectorId == nurse.userID)
            #expect(session.supervisorId == clinician.userID)
        }
    }

    @Test func everyProblemIsReportedAtOnce() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let patient = try await F.patient(app, clinician)
            let vial = try await F.vial(app, clinician)
            let injections = [F.injection(vial, tenderPoint: "trapezius.left", units: 51),
                              F.injection(UUID(), tenderPoint: "trapezius.right", units: 10)]
            let reply = try await F.send(app, .POST, "api/patients/\(patient)/sessions", clinician,
                                         json: F.session(date: "2026-06-01", consent: nil, injections: injections,
                                                         screening: F.screening(yes: "pregnant", "anticoagulants")))
            #expect(reply.status == .unprocessableEntity)
            #expect(reply.problems == [
                "unknown_identifier@injections[1].vialId",
                "dose_limit_exceeded@injections[0].units",
                "contraindicated@screening.pregnant",
                "acknowledgement_required@screening.anticoagulants",
                "consent_missing@consentId",
            ])
            #expect(reply.error?.error.code == "unknown_identifier")
            #expect(try await F.counts(app) == (0, 0, 0))
            #expect(try await VialModel.find(vial, on: app.db)?.state == "inUse")
        }
    }

    @Test func oneUnitOverThePerSiteLimit() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let patient = try await F.patient(app, clinician)
            let consent = try await F.consent(app, patient: patient, recordedBy: clinician.userID)
            let vial = try await F.vial(app, clinician)
            // 30 + 21 = 51 U at trapezius.left: the second injection takes the site over 50 U.
            let over = [F.injection(vial, tenderPoint: "trapezius.left", units: 30), F.injection(vial, tenderPoint: "trapezius.left", units: 21)]
            let refused = try await F.send(app, .POST, "api/patients/\(patient)/sessions", clinician,
                                           json: F.session(date: "2026-06-01", consent: consent, injections: over))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.problems == ["dose_limit_exceeded@injections[1].units"])
            #expect(refused.error?.error.message.contains("51 U") == true)
            #expect(try await F.counts(app) == (0, 0, 0))

            let atLimit = [F.injection(vial, tenderPoint: "trapezius.left", units: 30), F.injection(vial, tenderPoint: "trapezius.left", units: 20)]
            let accepted = try await F.send(app, .POST, "api/patients/\(patient)/sessions", clinician,
                                            json: F.session(date: "2026-06-01", consent: consent, injections: atLimit))
            #expect(accepted.status == .created, "\(accepted.text)")
            #expect(accepted.json["totalUnits"] as? Int == 50)
        }
    }

    @Test func anExpiredOrClosedVialIsUnusable() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let patient = try await F.patient(app, clinician)
            let consent = try await F.consent(app, patient: patient, recordedBy: clinician.userID)
            let expired = try await F.vial(app, clinician, lot: "OLD", expiry: "2026-05-31")
            let reply = try await F.send(app, .POST, "api/patients/\(patient)/sessions", clinician,
                                         json: F.session(date: "2026-06-01", consent: consent, injections: F.standardInjections(expired)))
            #expect(reply.status == .unprocessableEntity)
            #expect(reply.problems == ["vial_unusable@injections[0].vialId"])
            #expect(reply.error?.error.message.contains("expired on 2026-05-31") == true)

            let finished = try await F.vial(app, clinician, lot: "DONE")
            _ = try await F.send(app, .PATCH, "api/vials/\(finished)", clinician, json: ["state": "finished"])
            // Finished at 09:00Z on 1 June: a session charted late for 11:00Z that day comes after it.
            let finishedAt = ISO8601DateFormatter().date(from: "2026-06-01T09:00:00Z")!
            try await VialModel.query(on: app.db).filter(\.$id == finished).set(\.$closedAt, to: finishedAt).update()
            let closed = try await F.send(app, .POST, "api/patients/\(patient)/sessions", clinician,
                                          json: F.session(date: "2026-06-01", consent: consent, injections: F.standardInjections(finished)))
            #expect(closed.problems == ["vial_unusable@injections[0].vialId"])
            #expect(closed.error?.error.message.contains("is finished since 2026-06-01T09:00:00Z") == true)

            let unopened = try await F.vial(app, clinician, lot: "NEW", diluentMl: nil, reconstitutedAt: nil)
            let powder = try await F.send(app, .POST, "api/patients/\(patient)/sessions", clinician,
                                          json: F.session(date: "2026-06-01", consent: consent, injections: F.standardInjections(unopened)))
            #expect(powder.problems == ["vial_unusable@injections[0].vialId"])
            #expect(powder.error?.error.message.contains("has not been reconstituted") == true)
            #expect(try await F.counts(app) == (0, 0, 0))
        }
    }

    @Test func badInputNamesTheField() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let patient = try await F.patient(app, clinician)
            let consent = try await F.consent(app, patient: patient, recordedBy: clinician.userID)
            let vial = try await F.vial(app, clinician)
            let path = "api/patients/\(patient)/sessions"
            let badDate = try await F.send(app, .POST, path, clinician,
                                           json: F.session(date: "2026-13-01", consent: consent, injections: F.standardInjections(vial),
                                                           extra: ["guidance": "dowsing"]))
            #expect(badDate.problems == ["invalid_date@date", "unknown_identifier@guidance"])
            let badSite = try await F.send(app, .POST, path, clinician,
                                           json: F.session(date: "2026-06-01", consent: consent,
                                                           injections: [F.injection(vial, tenderPoint: "elbow.left", units: 10)]))
            #expect(badSite.status == .unprocessableEntity)
            #expect(badSite.error?.error.field == "injections[0].site.tenderPoint")
            let badUnits = try await F.send(app, .POST, path, clinician,
                                            json: F.session(date: "2026-06-01", consent: consent,
                                                            injections: [F.injection(vial, tenderPoint: "knee.left", units: 12.55)]))
            #expect(badUnits.error?.error.field == "injections[0].units")
            var incomplete = F.allNo
            incomplete.removeValue(forKey: "under18")
            let unanswered = try await F.send(app, .POST, path, clinician,
                                              json: F.session(date: "2026-06-01", consent: consent, injections: F.standardInjections(vial),
                                                              screening: incomplete))
            #expect(unanswered.problems == ["screening_incomplete@screening.under18"])
            let future = try await F.send(app, .POST, path, clinician,
                                          json: F.session(date: "2099-01-01", consent: consent, injections: F.standardInjections(vial)))
            #expect(future.problems.contains("session_in_future@date"))
            #expect(try await F.counts(app) == (0, 0, 0))
        }
    }

    @Test func receptionAndPatientsMayNotChart() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let reception = try await app.signIn(.reception)
            let patient = try await F.patient(app, clinician)
            let own = try await app.signIn(.patient, patientID: patient)
            let consent = try await F.consent(app, patient: patient, recordedBy: clinician.userID)
            let vial = try await F.vial(app, clinician)
            let body = F.session(date: "2026-06-01", consent: consent, injections: F.standardInjections(vial))
            for user in [reception, own] {
                let reply = try await F.send(app, .POST, "api/patients/\(patient)/sessions", user, json: body)
                #expect(reply.status == .forbidden)
                #expect(reply.error?.error.code == "forbidden")
            }
            #expect(try await F.counts(app) == (0, 0, 0))
            await app.flushAudit()
            let denied = try await AuditEventModel.query(on: app.db).filter(\.$outcome == "denied").all()
            #expect(Set(denied.compactMap(\.userID)) == [reception.userID, own.userID])
            #expect(denied.allSatisfy { $0.patientID == patient })

            // Reading: the patient sees their own sessions, never another patient's; reception sees no clinical record.
            _ = try await F.send(app, .POST, "api/patients/\(patient)/sessions", clinician, json: body)
            let mine = try await F.send(app, .GET, "api/patients/\(patient)/sessions", own)
            #expect(mine.status == .ok)
            let other = try await F.patient(app, clinician, family: "Babbage")
            #expect(try await F.send(app, .GET, "api/patients/\(other)/sessions", own).status == .forbidden)
            #expect(try await F.send(app, .GET, "api/patients/\(patient)/sessions", reception).status == .forbidden)
        }
    }

    @Test func readsAreAuditedAndAnotherPatientsSessionIsNotFound() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let (patient, _) = try await F.patientWithFirstSession(app, clinician)
            let other = try await F.patient(app, clinician, family: "Babbage")
            let session = try #require(try await TreatmentSessionModel.query(on: app.db).first()?.id)
            #expect(try await F.send(app, .GET, "api/patients/\(other)/sessions/\(session)", clinician).status == .notFound)
            #expect(try await F.send(app, .GET, "api/patients/\(patient)/sessions/\(session)", clinician).status == .ok)
            await app.flushAudit()
            let reads = try await AuditEventModel.query(on: app.db).filter(\.$action == "read")
                .filter(\.$resourceType == "TreatmentSession").all()
            #expect(reads.map(\.patientID) == [patient])
            #expect(reads.first?.resourceID == session.uuidString)
        }
    }

    /// Two people charting the same patient at once: the patient row is locked, so the second
    /// sees the first session and is refused as too early (same day), never both accepted.
    static func concurrentCharting(postgres: Bool) async throws {
        try await withTestApp(postgres: postgres) { app, _ in
            let clinician = try await app.signIn(.clinician)
            let colleague = try await app.signIn(.clinician)
            let patient = try await F.patient(app, clinician)
            let consent = try await F.consent(app, patient: patient, recordedBy: clinician.userID)
            let vials = [try await F.vial(app, clinician, lot: "A"), try await F.vial(app, colleague, lot: "B")]
            let statuses = try await withThrowingTaskGroup(of: F.Reply.self) { group in
                for (index, user) in [clinician, colleague, clinician, colleague].enumerated() {
                    group.addTask {
                        try await F.send(app, .POST, "api/patients/\(patient)/sessions", user,
                                         json: F.session(date: "2026-06-01", consent: consent,
                                                         injections: F.standardInjections(vials[index % 2])))
                    }
                }
                var replies: [F.Reply] = []
                for try await reply in group { replies.append(reply) }
                return replies
            }
            // Never two sessions, whatever else happens.
            let created = statuses.filter { $0.status == .created }.count
            #expect(created <= 1, "\(statuses.map(\.text))")
            #expect(try await F.counts(app) == (created, created * 2, created * 3))
            let expected = {
                #expect(created == 1, "\(statuses.map(\.text))")
                #expect(statuses.filter { $0.problems == ["interval_too_short@date"] }.count == 3, "\(statuses.map(\.text))")
            }
            if postgres {
                expected()
            } else {
                // Known: a SQLite writer waiting for the lock busy-waits inside sqlite3 on a thread of
                // NIO's shared blocking pool (2 threads on 2 cores). When several test apps write at
                // once, the waiters can hold every thread, the lock holder cannot run, and the waiters
                // fail with "database is locked" (500) after busy_timeout. Alone, or with
                // NIO_SINGLETON_BLOCKING_POOL_THREAD_COUNT=32, this passes. The fix belongs in
                // `writeTransaction` (serialise SQLite writes in-process before BEGIN IMMEDIATE).
                withKnownIssue("SQLite writers starve the shared blocking thread pool under parallel tests", isIntermittent: true) {
                    expected()
                }
            }
        }
    }

    @Test func concurrentChartingOnSQLite() async throws {
        try await Self.concurrentCharting(postgres: false)
    }

    @Test(.enabled(if: TestDatabase.postgresURL != nil))
    func concurrentChartingOnPostgreSQL() async throws {
        try await Self.concurrentCharting(postgres: true)
    }

    /// The whole treatment flow on PostgreSQL: its SQL (joins, sums, booleans, UUID binds) and
    /// its row locks differ from SQLite's.
    @Test(.enabled(if: TestDatabase.postgresURL != nil))
    func theTreatmentFlowOnPostgreSQL() async throws {
        try await withTestApp(postgres: true) { app, _ in
            let clinician = try await app.signIn(.clinician)
            let admin = try await app.signIn(.admin)
            let lowered = try await F.send(app, .PUT, "api/settings/dose-limits/onabotulinumtoxinA", admin,
                                           json: ["perSite": 45, "perSession": 400, "cumulativeThreeMonths": 400])
            #expect(lowered.status == .ok, "\(lowered.text)")
            let (patient, consent) = try await F.patientWithFirstSession(app, clinician)
            let vial = try await F.vial(app, clinician, lot: "D2", reconstitutedAt: "2026-08-23T08:00:00Z")
            let refused = try await F.send(app, .POST, "api/patients/\(patient)/sessions", clinician,
                                           json: F.session(date: "2026-08-23", consent: consent,
                                                           injections: [F.injection(vial, tenderPoint: "knee.left", units: 46)]))
            #expect(refused.problems == ["dose_limit_exceeded@injections[0].units", "interval_too_short@date"])
            let overridden = try await F.send(app, .POST, "api/patients/\(patient)/sessions", clinician,
                                              json: F.session(date: "2026-08-23", consent: consent, injections: F.standardInjections(vial),
                                                              override: "travelling"))
            #expect(overridden.status == .created, "\(overridden.text)")
            let session = try overridden.decode(SessionDTO.self)

            let list = try await F.send(app, .GET, "api/patients/\(patient)/sessions", clinician).decode(Listing<SessionSummaryDTO>.self)
            #expect(list.items.map(\.date.iso) == ["2026-08-23", "2026-06-01"])
            #expect(list.items.map(\.overridden) == [true, false])
            let window = try await F.send(app, .GET, "api/patients/\(patient)/reinjection-window", clinician)
            #expect(window.json["lastSessionDate"] as? String == "2026-08-23")
            let recallReply = try await F.send(app, .GET, "api/vials/recall?lot=d2", clinician)
            #expect(recallReply.status == .ok, "\(recallReply.text)")
            let recall = try recallReply.decode(LotRecallDTO.self)
            #expect(recall.patients.map(\.id) == [patient])
            #expect(recall.patients.first?.sessions.map(\.units) == [Units(40)])
            let events = "api/patients/\(patient)/sessions/\(session.id)/adverse-events"
            let event = try await F.send(app, .POST, events, clinician, json: [
                "kind": "headache", "onsetDate": "2026-08-24", "severity": "mild", "serious": false,
            ])
            #expect(event.status == .created, "\(event.text)")
            let listed = try await F.send(app, .GET, "api/patients/\(patient)/adverse-events", clinician)
                .decode(Listing<AdverseEventDTO>.self)
            #expect(listed.items.map(\.serious) == [false])
            let usable = try await F.send(app, .GET, "api/vials?usable=true", clinician)
            #expect(usable.status == .ok)
        }
    }
}
