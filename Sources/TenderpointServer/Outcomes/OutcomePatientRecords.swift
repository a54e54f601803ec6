import Foundation
import TenderpointCore

/// One patient's records that the outcome rules read: every toxin session (whatever the report's
/// filter, because the next session ends a cycle), the pain diary and the assessments' scores.
struct OutcomePatientRecords: Sendable {
    struct Session: Sendable, Equatable {
        let id: UUID
        let date: CalendarDate
        let performedAt: Date
        let product: String
        let totalUnits: Units
        let injectorID: UUID
    }

    let patientID: UUID
    /// In the order they happened.
    private(set) var sessions: [Session]
    /// Ordered by date.
    private(set) var diary: [PainObservation]
    private(set) var assessments: [AssessmentScores]

    init(patientID: UUID, sessions: [Session], diary: [PainObservation], assessments: [AssessmentScores]) {
        self.patientID = patientID
        self.sessions = sessions.sorted { ($0.date, $0.performedAt) < ($1.date, $1.performedAt) }
        self.diary = diary.sorted { $0.date < $1.date }
        self.assessments = assessments
    }

    /// Each session with its reading: its cycle runs to the day before the next session.
    func readings() -> [(session: Session, reading: CycleReading)] {
        sessions.indices.map { index in
            let session = sessions[index]
            let next = index + 1 < sessions.count ? sessions[index + 1].date : nil
            // Only the diary days the reading can use: the 14 days before, up to the next session.
            let first = lowerBound(session.date.adding(days: -PainBaseline.windowDays))
            let end = next.map(lowerBound) ?? diary.endIndex
            let reading = CycleReading.read(sessionDate: session.date, nextSessionDate: next,
                                            diary: Array(diary[first..<max(first, end)]), assessments: assessments)
            return (session, reading)
        }
    }

    /// The first diary index dated on or after `date`.
    private func lowerBound(_ date: CalendarDate) -> Int {
        var low = 0, high = diary.count
        while low < high {
            let middle = (low + high) / 2
            if diary[middle].date < date { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
