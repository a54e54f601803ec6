import Foundation
import Testing
import TenderpointCore
@testable import TenderpointServer

/// A patient's outcomes assembled from hand-built records: the prediction's three bases and the
/// non-response flags, as the patient page and `GET /api/patients/{id}/outcomes` show them.
@Suite struct OutcomePatientTests {
    private static let first = CalendarDate(iso: "2025-01-06")!
    private static let patient = UUID()

    private static func session(_ day: Int, units: Int = 100) -> OutcomePatientRecords.Session {
        let date = first.adding(days: day)
        return OutcomePatientRecords.Session(id: UUID(), date: date, performedAt: Date(timeIntervalSince1970: Double(date.daysSinceEpoch) * 86_400),
                                             product: ToxinProduct.onabotulinumtoxinA.rawValue, totalUnits: Units(units),
                                             injectorID: UUID())
    }

    /// The pattern of patient A in `OutcomeClinic` after each session: 8, then 4 from day 5 to 60, then 8.
    private static func diary(sessionsOn days: [Int], through last: Int) -> [PainObservation] {
        (-14...last).compactMap { day in
            guard !days.contains(day) else { return nil }
            let since = days.filter { $0 < day }.map { day - $0 }.min()
            let pain: Double = since.map { (5...60).contains($0) ? 4 : 8 } ?? 8
            return PainObservation(date: first.adding(days: day), nrs: pain, source: .diary)
        }
    }

    @Test func twoObservedWearOffsOfTheirOwnDecide() async throws {
        // Two cycles 100 days apart, each wearing off on day 62: the median is 62; a week earlier
        // (day 55) is too soon, so the recommendation is raised to day 84.
        let records = OutcomePatientRecords(patientID: Self.patient, sessions: [Self.session(0), Self.session(100)],
                                            diary: Self.diary(sessionsOn: [0, 100], through: 220), assessments: [])
        var asked = false
        let outcomes = try await PatientOutcomesAssembly.outcomes(records, today: Self.first.adding(days: 221)) { _ in
            asked = true
            return 90
        }
        #expect(!asked)
        #expect(outcomes.cycles.map { $0.curve.benefit } == [BenefitDuration(days: 62, wearOffObserved: true),
                                                           BenefitDuration(days: 62, wearOffObserved: true)])
        let prediction = try #require(outcomes.prediction)
        #expect(prediction.basis == .ownCycles(2))
        #expect(prediction.benefitDays == 62)
        #expect(prediction.predictedWearOff == Self.first.adding(days: 162))
        #expect(prediction.recommendedDate == Self.first.adding(days: 184))
        #expect(prediction.adjustment == .raisedToMinimumInterval)
        #expect(outcomes.reinjectionWindow?.targetTo == Self.first.adding(days: 212))
        #expect(outcomes.label == "observed for this patient (uncontrolled)")
    }

    @Test func withoutAClinicFigureTheDefaultsDecide() async throws {
        // A response at the week-3 review (8 → 4, −50 %) but no diary, so no wear-off observed: 105
        // days, recommended a week earlier (day 98, inside 84 … 112).
        let assessments = [AssessmentScores(date: Self.first, painNRS: 8, fiqrTotal: nil),
                           AssessmentScores(date: Self.first.adding(days: 21), painNRS: 4, fiqrTotal: nil)]
        let records = OutcomePatientRecords(patientID: Self.patient, sessions: [Self.session(0)], diary: [], assessments: assessments)
        var askedFor: ToxinProduct?
        let outcomes = try await PatientOutcomesAssembly.outcomes(records, today: Self.first.adding(days: 30)) { product in
            askedFor = product
            return nil
        }
        #expect(askedFor == .onabotulinumtoxinA)
        let prediction = try #require(outcomes.prediction)
        #expect(prediction.basis == .defaults)
        #expect(prediction.recommendedDate == Self.first.adding(days: 98))
        #expect(prediction.adjustment == RecommendationAdjustment.none)
        #expect(outcomes.predictionWithheld == nil)
        #expect(outcomes.nonResponse.primary == nil)
    }

    @Test func noResponseObservedYetMeansNoPrediction() async throws {
        // A first session 30 days ago, no diary, no review: no response observed in its one cycle.
        let records = OutcomePatientRecords(patientID: Self.patient, sessions: [Self.session(0)], diary: [], assessments: [])
        var asked = false
        let outcomes = try await PatientOutcomesAssembly.outcomes(records, today: Self.first.adding(days: 30)) { _ in
            asked = true
            return 90
        }
        #expect(!asked)
        #expect(outcomes.prediction == nil)
        let withheld = try #require(outcomes.predictionWithheld)
        #expect(withheld.reason == .noResponseObserved)
        #expect(withheld.message == "No response observed in 1 cycle: review whether to continue.")
        // The allowed window is a rule, not a prediction: it stays.
        #expect(outcomes.reinjectionWindow == ReinjectionWindow(after: Self.first))
    }

    @Test func twoCyclesWithoutAResponseAtWeek3RaiseThePrimaryFlag() async throws {
        // Pre-injection NRS 8 and 7 at the week-3 review, twice: 12.5 %, no response.
        let assessments = [0, 21, 90, 111].map { day in
            AssessmentScores(date: Self.first.adding(days: day), painNRS: day % 90 == 0 ? 8 : 7, fiqrTotal: nil)
        }
        let records = OutcomePatientRecords(patientID: Self.patient, sessions: [Self.session(0, units: 100), Self.session(90, units: 120)],
                                            diary: [], assessments: assessments)
        let outcomes = try await PatientOutcomesAssembly.outcomes(records, today: Self.first.adding(days: 140)) { _ in 80 }
        #expect(outcomes.cycles.map { $0.week3Response?.reductionPercent } == [12.5, 12.5])
        let primary = try #require(outcomes.nonResponse.primary)
        #expect(primary.cycles.map(\.cycle.totalUnits) == [Units(100), Units(120)])
        #expect(primary.message.hasPrefix("Primary non-response: no pain reduction of 30 % or more at the week-3 review"))
        #expect(outcomes.nonResponse.history.map(\.cycle.intervalDaysSincePrevious) == [nil, 90])
        #expect(outcomes.adequateDose.contains("Every charted session counts as adequately dosed"))
        // No prediction without a response: neither wear-off nor a recommended date.
        #expect(outcomes.prediction == nil)
        #expect(outcomes.predictionWithheld == PredictionWithheld(reason: .primaryNonResponse, cycles: 2))
        #expect(outcomes.predictionWithheld?.message == "No response observed in 2 cycles: review whether to continue.")
    }

    @Test func aPatientWithoutSessionsHasNoPrediction() async throws {
        let records = OutcomePatientRecords(patientID: Self.patient, sessions: [], diary: [], assessments: [])
        let outcomes = try await PatientOutcomesAssembly.outcomes(records, today: Self.first) { _ in 80 }
        #expect(outcomes.cycles.isEmpty && outcomes.prediction == nil && outcomes.reinjectionWindow == nil)
        #expect(outcomes.predictionWithheld == nil)
    }
}
