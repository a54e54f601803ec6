import Testing
@testable import TenderpointCore

@Test func followUpKindsInOrder() {
    #expect(FollowUpKind.allCases == [.onsetCheck, .peakReview, .reassessment])
    #expect(FollowUpKind.allCases.map(\.rawValue) == ["onset-check", "peak-review", "reassessment"])
    #expect(FollowUpKind.allCases.map(\.nominalDay) == [8, 21, 84])
    #expect(FollowUpKind.allCases.map(\.label) == ["Onset check (phone)", "Peak review", "Reassessment"])
}

@Test func reassessmentFallsOnTheEarliestReinjectionDay() {
    #expect(FollowUpKind.reassessment.nominalDay == ReinjectionWindow.minimumIntervalDays)
}
