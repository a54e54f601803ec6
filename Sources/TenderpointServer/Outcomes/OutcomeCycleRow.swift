import Foundation
import TenderpointCore

/// One treatment session as a row of `GET /api/reports/outcomes/cycles.csv` (API-CONTRACT.md),
/// with the few figures the JSON report adds that the CSV does not carry (the FIQR around the
/// session, the curve's verdict). The report's responder rates and Kaplan–Meier curve are computed
/// from exactly the CSV's columns, so anyone can recompute them from the file.
struct OutcomeCycleRow: Sendable, Equatable {
    static let csvHeader = "patientId,sessionId,sessionDate,product,totalUnits,baselineNRS,week3NRS,week12NRS,benefitDays,event"

    /// What the response curve could say about the session.
    enum CurveVerdict: String, Codable, Sendable {
        /// A peak reduction of at least 30 %: the row has `benefitDays`.
        case responded
        /// A peak, but a reduction under 30 % (or a baseline of 0, which has no responder status).
        case notResponded
        /// No baseline, or no smoothed value on days 1 … 56.
        case notEnoughData
        /// No response (or no smoothed value) yet, but the session was less than 56 days ago and
        /// is the patient's latest: its peak window has not ended, so it is not counted as a
        /// non-response.
        case followUpUnderWay
    }

    /// Days after a session by which the peak must have been seen (`ResponseCurve.peakSearchDays`).
    static var peakWindowDays: Int { ResponseCurve.peakSearchDays.upperBound }

    let patientID: UUID
    let sessionID: UUID
    let sessionDate: CalendarDate
    /// The stored product identifier (the rows come from validated sessions, so it names a product).
    let product: String
    let totalUnits: Units
    let injectorID: UUID
    let baselineNRS: Double?
    let week3NRS: Double?
    let week12NRS: Double?
    /// Responding sessions only: days to wear-off, or censored at the last observed day.
    let benefit: BenefitDuration?
    let verdict: CurveVerdict
    let baselineFIQR: Double?
    let week3FIQR: Double?
    let week12FIQR: Double?
    /// IMMPACT at a review, from the row's own columns (as a reader of the CSV would compute it),
    /// decided once when the row is made.
    let week3Response: ResponderClassification?
    let week12Response: ResponderClassification?

    /// `today` is the clinic's date the report is made on.
    init(patientID: UUID, session: OutcomePatientRecords.Session, reading: CycleReading, today: CalendarDate) {
        self.patientID = patientID
        sessionID = session.id
        sessionDate = session.date
        product = session.product
        totalUnits = session.totalUnits
        injectorID = session.injectorID
        baselineNRS = reading.baselineNRS
        week3NRS = reading.week3NRS?.value
        week12NRS = reading.week12NRS?.value
        benefit = reading.curve.benefit
        let underWay = reading.nextSessionDate == nil && today.days(since: session.date) < Self.peakWindowDays
        verdict = switch reading.curve.responded {
        case true?: .responded
        case false?: underWay ? .followUpUnderWay : .notResponded
        case nil where reading.baselineNRS == nil: .notEnoughData
        case nil: reading.curve.peak.milestone != nil ? .notResponded : underWay ? .followUpUnderWay : .notEnoughData
        }
        baselineFIQR = reading.preInjectionFIQR?.value
        week3FIQR = reading.week3FIQR?.value
        week12FIQR = reading.week12FIQR?.value
        week3Response = Self.response(baselineNRS, week3NRS)
        week12Response = Self.response(baselineNRS, week12NRS)
    }


    private static func response(_ baseline: Double?, _ value: Double?) -> ResponderClassification? {
        guard let baseline, let value else { return nil }
        return ResponderClassification.classify(baseline: baseline, value: value)
    }

    /// The CSV line, without its line break. Empty fields for what is unknown; numbers in the
    /// shortest form that reads back as the same binary value (so a recomputation agrees to the
    /// last bit); `event` 1 for an observed wear-off, 0 for censored, empty without a benefit.
    var csvLine: String {
        [
            patientID.uuidString, sessionID.uuidString, sessionDate.iso, product, totalUnits.plain,
            Self.number(baselineNRS), Self.number(week3NRS), Self.number(week12NRS),
            benefit.map { String($0.days) } ?? "", benefit.map { $0.wearOffObserved ? "1" : "0" } ?? "",
        ].joined(separator: ",")
    }

    /// `6` rather than `6.0`; otherwise Swift's shortest round-trip form (`5.333333333333333`).
    static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return value.description
    }
}
