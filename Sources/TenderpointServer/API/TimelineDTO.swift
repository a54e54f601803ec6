import Foundation
import TenderpointCore
import Vapor

/// Everything a clinician needs at a glance, in one call: who the patient is, what they have,
/// how they scored, what was injected, what is booked, how the diary goes, and when the next
/// session may be.
struct TimelineDTO: Content {
    /// The most recent assessment that recorded a score, and that score.
    struct LatestScore<Value: Codable & Sendable & Equatable>: Content, Equatable {
        let value: Value
        let date: CalendarDate
        let assessmentId: UUID
    }

    struct LatestScores: Content, Equatable {
        @ExplicitNull var painNRS: LatestScore<Int>? = nil
        @ExplicitNull var pgic: LatestScore<Int>? = nil
        @ExplicitNull var fiqrTotal: LatestScore<Double>? = nil
        @ExplicitNull var wpi: LatestScore<Int>? = nil
        @ExplicitNull var sss: LatestScore<Int>? = nil
        @ExplicitNull var fs: LatestScore<Int>? = nil
        @ExplicitNull var acr2016CriteriaMet: LatestScore<Bool>? = nil
        @ExplicitNull var tenderPointCount: LatestScore<Int>? = nil
        @ExplicitNull var acr1990CriteriaMet: LatestScore<Bool>? = nil

        /// `rows` newest first: the first row carrying each score wins.
        init(_ rows: [AssessmentDTO.Row]) {
            func latest<Value>(_ value: (AssessmentDTO.Row) -> Value?) -> LatestScore<Value>? {
                for row in rows {
                    if let found = value(row), let date = CalendarDate(iso: row.date) {
                        return LatestScore(value: found, date: date, assessmentId: row.id)
                    }
                }
                return nil
            }
            painNRS = latest(\.pain_nrs)
            pgic = latest(\.pgic)
            fiqrTotal = latest(\.fiqr_total)
            wpi = latest(\.wpi)
            sss = latest(\.sss)
            fs = latest(\.fs)
            acr2016CriteriaMet = latest(\.acr2016_met)
            tenderPointCount = latest(\.tender_point_count)
            acr1990CriteriaMet = latest(\.acr1990_met)
        }
    }

    /// An assessment's scores without its answers.
    struct AssessmentSummary: Content, Equatable {
        let id: UUID
        let date: CalendarDate
        let assessedBy: RecordAuthor
        @ExplicitNull var painNRS: Int? = nil
        @ExplicitNull var pgic: Int? = nil
        @ExplicitNull var fiqrTotal: Double? = nil
        @ExplicitNull var wpi: Int? = nil
        @ExplicitNull var sss: Int? = nil
        @ExplicitNull var fs: Int? = nil
        @ExplicitNull var acr2016CriteriaMet: Bool? = nil
        @ExplicitNull var tenderPointCount: Int? = nil
        @ExplicitNull var acr1990CriteriaMet: Bool? = nil

        init?(_ row: AssessmentDTO.Row) {
            guard let date = CalendarDate(iso: row.date) else { return nil }
            id = row.id
            self.date = date
            assessedBy = RecordAuthor(id: row.assessed_by, displayName: row.assessor_name, role: row.assessor_role)
            painNRS = row.pain_nrs
            pgic = row.pgic
            fiqrTotal = row.fiqr_total
            wpi = row.wpi
            sss = row.sss
            fs = row.fs
            acr2016CriteriaMet = row.acr2016_met
            tenderPointCount = row.tender_point_count
            acr1990CriteriaMet = row.acr1990_met
        }
    }

    struct Session: Content, Equatable {
        let id: UUID
        let date: CalendarDate
        let product: String
        @ExplicitNull var productName: String? = nil
        let totalUnits: Units
        let injector: RecordAuthor

        struct Row: Decodable {
            let id: UUID
            let date: String
            let product: String
            let total_units_tenths: Int
            let injector_id: UUID
            let injector_name: String
            let injector_role: String
        }

        init?(_ row: Row) {
            guard let date = CalendarDate(iso: row.date) else { return nil }
            id = row.id
            self.date = date
            product = row.product
            productName = ToxinProduct(rawValue: row.product)?.displayName
            totalUnits = Units(tenths: row.total_units_tenths)
            injector = RecordAuthor(id: row.injector_id, displayName: row.injector_name, role: row.injector_role)
        }
    }

    struct Appointment: Content, Equatable {
        let id: UUID
        let startAt: Date
        let endAt: Date
        let kind: String
        let status: String
        let practitioner: RecordAuthor
        @ExplicitNull var sessionId: UUID? = nil

        struct Row: Decodable {
            let id: UUID
            let start_at: Date
            let end_at: Date
            let kind: String
            let status: String
            let session_id: UUID?
            let practitioner_id: UUID
            let practitioner_name: String
            let practitioner_role: String
        }

        init(_ row: Row) {
            id = row.id
            startAt = row.start_at
            endAt = row.end_at
            kind = row.kind
            status = row.status
            practitioner = RecordAuthor(id: row.practitioner_id, displayName: row.practitioner_name, role: row.practitioner_role)
            sessionId = row.session_id
        }
    }

    struct Appointments: Content, Equatable {
        /// Starting now or later, soonest first.
        let upcoming: [Appointment]
        /// Started before now, most recent first.
        let past: [Appointment]
    }

    struct DiarySummary: Content, Equatable {
        static let recentDays = 14

        let count: Int
        @ExplicitNull var firstDate: CalendarDate? = nil
        @ExplicitNull var lastDate: CalendarDate? = nil
        /// Entries dated in the last 14 clinic days, today included.
        let entriesLast14Days: Int
        /// The mean pain NRS of those entries, unrounded; null without any.
        @ExplicitNull var meanPainNRSLast14Days: Double? = nil
    }

    let today: CalendarDate
    let patient: PatientDTO
    let conditions: [ConditionDTO]
    let consents: [ConsentDTO]
    let latestScores: LatestScores
    let assessments: [AssessmentSummary]
    let sessions: [Session]
    let appointments: Appointments
    let diary: DiarySummary
    /// The core's window after the last session; null before a first session.
    @ExplicitNull var reinjectionWindow: ReinjectionWindow? = nil
    @ExplicitNull var daysSinceLastSession: Int? = nil
}
