import Foundation
import TenderpointCore
@testable import TenderpointServer
import Testing
import Vapor
import VaporTesting

@Suite struct ScoreAPITests {
    /// The first `count` of the 18 tender points, in examination order.
    static func points(_ count: Int) -> [String] {
        let all = ["occiput", "lowCervical", "trapezius", "supraspinatus", "secondRib", "lateralEpicondyle", "gluteal",
                   "greaterTrochanter", "knee"].flatMap { ["\($0).left", "\($0).right"] }
        return Array(all.prefix(count))
    }

    /// Six areas in all five regions: WPI 6, generalized pain.
    static let sixAreas = ["shoulderGirdle.left", "shoulderGirdle.right", "hip.left", "hip.right", "neck", "lowerBack"]

    static func acr2016(areas: [String], headaches: Bool) -> [String: Any] {
        // fatigue 3 + waking unrefreshed 3 + cognitive 2 = 8, + 1 with headaches = 9.
        ["painAreas": areas, "fatigue": 3, "wakingUnrefreshed": 3, "cognitiveSymptoms": 2, "headaches": headaches,
         "lowerAbdominalPain": false, "depression": false, "symptomMonths": 6]
    }

    @Test func elevenTenderPointsMeetTheCriterionAndTenDoNot() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let ten = try await app.records(.POST, "api/score/tender-points", clinician,
                                            json: ["positive": Self.points(10), "widespreadPainMonths": 6])
            #expect(ten.status == .ok)
            let tenBody = try ten.object()
            #expect(tenBody["count"] as? Int == 10)
            #expect(tenBody["criteriaMet"] as? Bool == false)

            let eleven = try await app.records(.POST, "api/score/tender-points", clinician,
                                               json: ["positive": Self.points(11), "widespreadPainMonths": 6])
            let elevenBody = try eleven.object()
            #expect(elevenBody["count"] as? Int == 11)
            #expect(elevenBody["criteriaMet"] as? Bool == true)
            #expect(elevenBody["reason"] is NSNull)

            let tooShort = try await app.records(.POST, "api/score/tender-points", clinician,
                                                 json: ["positive": Self.points(11), "widespreadPainMonths": 2])
            #expect(try tooShort.object()["criteriaMet"] as? Bool == false)
        }
    }

    @Test func wpiSixNeedsSSSNine() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let sss8 = try await app.records(.POST, "api/score/acr2016", clinician, json: Self.acr2016(areas: Self.sixAreas, headaches: false))
            #expect(sss8.status == .ok)
            let eight = try sss8.object()
            #expect(eight["wpi"] as? Int == 6)
            #expect(eight["sss"] as? Int == 8)
            #expect(eight["fs"] as? Int == 14)
            #expect(eight["regionsWithPain"] as? Int == 5)
            #expect(eight["generalizedPain"] as? Bool == true)
            #expect(eight["criteriaMet"] as? Bool == false)

            let sss9 = try await app.records(.POST, "api/score/acr2016", clinician, json: Self.acr2016(areas: Self.sixAreas, headaches: true))
            let nine = try sss9.object()
            #expect(nine["wpi"] as? Int == 6)
            #expect(nine["sss"] as? Int == 9)
            #expect(nine["fs"] as? Int == 15)
            #expect(nine["criteriaMet"] as? Bool == true)
            #expect(nine["severityBand"] as? String == "severe")
        }
    }

    @Test func jawChestAndAbdomenDoNotCountTowardGeneralizedPain() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            let response = try await app.records(.POST, "api/score/acr2016", clinician,
                                                 json: Self.acr2016(areas: ["jaw.left", "jaw.right", "chest", "abdomen", "neck"], headaches: true))
            let body = try response.object()
            #expect(body["wpi"] as? Int == 5)
            #expect(body["regionsWithPain"] as? Int == 1)  // only the neck counts: axial
            #expect(body["generalizedPain"] as? Bool == false)
        }
    }

    @Test func fiqrScalesOneMissingFunctionItemAndRefusesToScoreTwo() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            // Function items 1–8 sum to 36 (item 9 missing): 36 × 9/8 ÷ 3 = 13.5.
            // Overall impact 6 + 7 = 13. Symptoms 7+6+5+8+4+3+6+5+2+3 = 49, ÷ 2 = 24.5. Total 51.
            let symptoms: [Any] = [7, 6, 5, 8, 4, 3, 6, 5, 2, 3]
            let oneMissing: [Any] = [1, 2, 3, 4, 5, 6, 7, 8, NSNull(), 6, 7] + symptoms
            let scored = try await app.records(.POST, "api/score/fiqr", clinician, json: ["answers": oneMissing])
            #expect(scored.status == .ok)
            let body = try scored.object()
            #expect(body["valid"] as? Bool == true)
            #expect(body["function"] as? Double == 13.5)
            #expect(body["overallImpact"] as? Double == 13)
            #expect(body["symptoms"] as? Double == 24.5)
            #expect(body["total"] as? Double == 51)

            let twoMissing: [Any] = [1, 2, 3, 4, 5, 6, 7, NSNull(), NSNull(), 6, 7] + symptoms
            let invalid = try await app.records(.POST, "api/score/fiqr", clinician, json: ["answers": twoMissing])
            #expect(invalid.status == .ok)
            let invalidBody = try invalid.object()
            #expect(invalidBody["valid"] as? Bool == false)
            for key in ["function", "overallImpact", "symptoms", "total"] {
                #expect(invalidBody[key] is NSNull, "\(key) is null")
            }
        }
    }

    @Test func fiqrNumbersAreNotRounded() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            // Function items sum to 10: 10 ÷ 3, unrounded.
            let answers: [Any] = [1, 1, 1, 1, 1, 1, 1, 1, 2] + Array(repeating: 0, count: 12)
            let response = try await app.records(.POST, "api/score/fiqr", clinician, json: ["answers": answers])
            let body = try response.object()
            #expect(body["function"] as? Double == 10.0 / 3.0)
            #expect(body["total"] as? Double == 10.0 / 3.0)
        }
    }

    @Test func unknownAndOutOfRangeValuesAre422NamingTheField() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            var unknownArea = Self.acr2016(areas: ["elbow", "neck"], headaches: false)
            let area = try await app.records(.POST, "api/score/acr2016", clinician, json: unknownArea)
            #expect(area.status == .unprocessableEntity)
            #expect(area.error?.error.code == "unknown_identifier")
            #expect(area.error?.error.field == "painAreas[0]")

            unknownArea["painAreas"] = ["neck"]
            unknownArea["fatigue"] = 4
            let fatigue = try await app.records(.POST, "api/score/acr2016", clinician, json: unknownArea)
            #expect(fatigue.status == .unprocessableEntity)
            #expect(fatigue.fields == ["fatigue"])

            let point = try await app.records(.POST, "api/score/tender-points", clinician,
                                              json: ["positive": ["occiput.left", "occiput.middle"], "widespreadPainMonths": 6])
            #expect(point.status == .unprocessableEntity)
            #expect(point.fields == ["positive[1]"])

            let missing = try await app.records(.POST, "api/score/tender-points", clinician, json: ["positive": ["occiput.left"]])
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.fields == ["widespreadPainMonths"])

            let item: [Any] = [0, 0, 11] + Array(repeating: 0, count: 18)
            let fiqr = try await app.records(.POST, "api/score/fiqr", clinician, json: ["answers": item])
            #expect(fiqr.status == .unprocessableEntity)
            #expect(fiqr.error?.error.code == "value_out_of_range")
            #expect(fiqr.fields == ["answers[2]"])

            let short = try await app.records(.POST, "api/score/fiqr", clinician, json: ["answers": [1, 2, 3]])
            #expect(short.fields == ["answers"])
        }
    }

    /// An FIQR answer of 3.5 or 1e19 is valid JSON: a 422 naming the answer, not a 400.
    @Test func fractionsAndHugeNumbersAreRefusedNamingTheField() async throws {
        try await withTestApp { app, _ in
            let clinician = try await app.signIn(.clinician)
            for (number, message) in [("3.5", "answers[4] must be a whole number, not 3.5."),
                                      ("1e19", "answers[4] is out of range: 1e19."),
                                      ("9223372036854775808", "answers[4] is out of range: 9223372036854775808.")] {
                let answers = "[1,1,1,1,\(number)" + String(repeating: ",1", count: 16) + "]"
                var reply = TreatmentFixture.Reply(status: .ok, text: "")
                try await app.testing().test(.POST, "api/score/fiqr", headers: clinician.headers, beforeRequest: { request in
                    request.headers.contentType = .json
                    request.body = ByteBuffer(string: "{\"answers\":\(answers)}")
                }, afterResponse: { (response: TestingHTTPResponse) in
                    reply = TreatmentFixture.Reply(status: response.status, text: String(buffer: response.body))
                })
                #expect(reply.status == .unprocessableEntity)
                #expect(reply.error?.all == [ErrorBody.Item(code: "value_out_of_range", message: message, field: "answers[4]")])
            }
            let months = try await app.records(.POST, "api/score/tender-points", clinician,
                                               json: ["positive": Self.points(11), "widespreadPainMonths": 1201])
            #expect(months.status == .unprocessableEntity)
            #expect(months.fields == ["widespreadPainMonths"])
            let lifetime = try await app.records(.POST, "api/score/tender-points", clinician,
                                                 json: ["positive": Self.points(11), "widespreadPainMonths": 1200])
            #expect(lifetime.status == .ok)
        }
    }

    @Test func anyStaffRoleMayScoreButAPatientMayNot() async throws {
        try await withTestApp { app, _ in
            let reception = try await app.signIn(.reception)
            let allowed = try await app.records(.POST, "api/score/tender-points", reception,
                                                json: ["positive": Self.points(3), "widespreadPainMonths": 1])
            #expect(allowed.status == .ok)

            let clinician = try await app.signIn(.clinician)
            let patientID = try await app.recordsPatient(clinician)
            let patient = try await app.signIn(.patient, patientID: patientID)
            for path in ["tender-points", "acr2016", "fiqr"] {
                let refused = try await app.records(.POST, "api/score/\(path)", patient,
                                                    json: ["positive": Self.points(3), "widespreadPainMonths": 1])
                #expect(refused.status == .forbidden, "\(path)")
            }
            let anonymous = try await app.records(.POST, "api/score/fiqr", nil, json: ["answers": []])
            #expect(anonymous.status == .unauthorized)
        }
    }
}
