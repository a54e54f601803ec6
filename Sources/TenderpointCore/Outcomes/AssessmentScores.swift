/// The scores of one clinic assessment that the outcome rules read: its pain NRS and FIQR total,
/// either of which may be missing (an assessment need not record both).
public struct AssessmentScores: Hashable, Codable, Sendable {
    public let date: CalendarDate
    public let painNRS: Double?
    public let fiqrTotal: Double?

    public init(date: CalendarDate, painNRS: Double?, fiqrTotal: Double?) {
        self.date = date
        self.painNRS = painNRS
        self.fiqrTotal = fiqrTotal
    }
}
