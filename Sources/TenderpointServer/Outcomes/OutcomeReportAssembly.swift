import Foundation
import TenderpointCore

/// Computes the outcome report from the cycle rows: the responder rates and the Kaplan–Meier
/// curve from exactly the CSV's columns (so anyone can recompute them from the file), the
/// adverse events and FIQR change from the records of exactly those sessions. The rules are the
/// core's (`ResponderClassification`, `Proportion`, `KaplanMeier`, `FIQR`); this only counts.
enum OutcomeReportAssembly {
    static func report(rows: [OutcomeCycleRow], adverseEvents: [OutcomeAdverseEvent],
                       filter: OutcomeFilter) throws -> OutcomeDTO.Report {
        let survival = rows.compactMap { $0.benefit?.survivalObservation }
        return OutcomeDTO.Report(
            label: OutcomeDTO.label, caveat: OutcomeDTO.caveat, filters: OutcomeDTO.Filters(filter),
            patients: Set(rows.map(\.patientID)).count, sessions: rows.count,
            curves: OutcomeDTO.CurveCounts(responded: rows.count { $0.verdict == .responded },
                                           notResponded: rows.count { $0.verdict == .notResponded },
                                           notEnoughData: rows.count { $0.verdict == .notEnoughData },
                                           followUpUnderWay: rows.count { $0.verdict == .followUpUnderWay }),
            responders: OutcomeDTO.Responders(week3: responders(rows.map(\.week3Response)),
                                              week12: responders(rows.map(\.week12Response))),
            kaplanMeier: OutcomeDTO.KaplanMeier(try KaplanMeier.estimate(survival)),
            adverseEvents: adverse(adverseEvents, sessions: rows.count),
            fiqr: OutcomeDTO.FIQR(week3: fiqrChange(rows.map { ($0.baselineFIQR, $0.week3FIQR) }),
                                  week12: fiqrChange(rows.map { ($0.baselineFIQR, $0.week12FIQR) })))
    }

    /// A session is evaluated at a review when it has a baseline above 0 and a pain score there.
    static func responders(_ responses: [ResponderClassification?]) -> OutcomeDTO.ResponderRates {
        let evaluated = responses.compactMap { $0 }
        return OutcomeDTO.ResponderRates(
            evaluated: evaluated.count,
            atLeast30: OutcomeDTO.Proportion(count: evaluated.count(where: \.atLeast30), n: evaluated.count),
            atLeast50: OutcomeDTO.Proportion(count: evaluated.count(where: \.atLeast50), n: evaluated.count))
    }

    static func adverse(_ events: [OutcomeAdverseEvent], sessions: Int) -> OutcomeDTO.AdverseEvents {
        func severities(_ events: [OutcomeAdverseEvent]) -> OutcomeDTO.SeverityCounts {
            var counts = OutcomeDTO.SeverityCounts()
            for event in events {
                switch AdverseEventSeverity(rawValue: event.severity) {
                case .mild?: counts.mild += 1
                case .moderate?: counts.moderate += 1
                case .severe?: counts.severe += 1
                case .notYetAssessed?: counts.notYetAssessed += 1
                case nil: break
                }
            }
            return counts
        }
        let kindOrder = AdverseEventKind.allCases.map(\.rawValue)
        let byKind = Dictionary(grouping: events, by: \.kind).sorted { first, second in
            (kindOrder.firstIndex(of: first.key) ?? kindOrder.count, first.key)
                < (kindOrder.firstIndex(of: second.key) ?? kindOrder.count, second.key)
        }.map { kind, events in
            OutcomeDTO.AdverseEventKindFigure(
                kind: kind, label: AdverseEventKind(rawValue: kind)?.label ?? kind, events: events.count,
                sessions: OutcomeDTO.Proportion(count: Set(events.map(\.sessionID)).count, n: sessions),
                bySeverity: severities(events), serious: events.count(where: \.serious),
                bySource: OutcomeDTO.KindSourceCounts(clinician: events.count { !isPatient($0) },
                                                      patient: events.count(where: isPatient)))
        }
        func source(_ events: [OutcomeAdverseEvent]) -> OutcomeDTO.SourceFigure {
            OutcomeDTO.SourceFigure(events: events.count,
                                    sessions: OutcomeDTO.Proportion(count: Set(events.map(\.sessionID)).count, n: sessions),
                                    serious: events.count(where: \.serious))
        }
        return OutcomeDTO.AdverseEvents(
            sessions: sessions, events: events.count,
            eventsPerSession: sessions > 0 ? Double(events.count) / Double(sessions) : nil,
            serious: events.count(where: \.serious),
            sessionsWithAny: OutcomeDTO.Proportion(count: Set(events.map(\.sessionID)).count, n: sessions),
            bySeverity: severities(events), byKind: byKind,
            bySource: OutcomeDTO.SourceCounts(clinician: source(events.filter { !isPatient($0) }),
                                              patient: source(events.filter(isPatient))))
    }

    /// Anything not stored as `patient` was recorded by the clinic (the column's default).
    private static func isPatient(_ event: OutcomeAdverseEvent) -> Bool {
        event.source == AdverseEventSource.patient.rawValue
    }

    static func fiqrChange(_ pairs: [(before: Double?, after: Double?)]) -> OutcomeDTO.FIQRChange {
        let complete = pairs.compactMap { pair in pair.before.flatMap { before in pair.after.map { (before, $0) } } }
        let count = Double(complete.count)
        let changes = complete.map { $0.1 - $0.0 }
        let meanChange = complete.isEmpty ? nil : changes.reduce(0, +) / count
        let deviation = meanChange.flatMap { mean in
            complete.count < 2 ? nil : (changes.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (count - 1)).squareRoot()
        }
        let mcid = complete.compactMap { FIQR.meetsFIQDerivedMCID(baseline: $0.0, value: $0.1) }
        return OutcomeDTO.FIQRChange(
            n: complete.count,
            meanBefore: complete.isEmpty ? nil : complete.map(\.0).reduce(0, +) / count,
            meanAfter: complete.isEmpty ? nil : complete.map(\.1).reduce(0, +) / count,
            meanChange: meanChange, standardDeviation: deviation,
            improvedByMCID: OutcomeDTO.Proportion(count: mcid.count(where: { $0 }), n: mcid.count),
            mcidLabel: "\(FIQR.minimalClinicallyImportantImprovementPercent) % (\(FIQR.minimalClinicallyImportantDifferenceLabel))")
    }
}
