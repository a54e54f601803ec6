import Foundation
import TenderpointCore

/// A patient's outcomes: every cycle's response curve and review scores, the predicted wear-off
/// and recommended re-injection date, and the non-response flags — each decided by the core
/// (`CycleReading`, `WearOffPrediction`, `NonResponseFlags`).
enum PatientOutcomesAssembly {
    /// Tenderpoint has no setting for an adequate dose yet and never decides one itself, so every
    /// charted session counts as adequately dosed; the flags show each cycle's dose beside it.
    static let adequateDose = DoseAdequacy { _ in true }
    static let adequateDoseText = "Every charted session counts as adequately dosed: the clinic has set no minimum "
        + "adequate dose, and Tenderpoint never decides one. Each cycle's dose is listed."

    /// `populationMedian` gives the clinic's median benefit for a product; it is asked only when
    /// the patient has fewer than 2 observed wear-offs of their own.
    static func outcomes(_ records: OutcomePatientRecords, today: CalendarDate,
                         populationMedian: (ToxinProduct) async throws -> Double?) async throws -> OutcomeDTO.PatientOutcomes {
        let readings = records.readings()
        var cycles: [OutcomeDTO.Cycle] = []
        var outcomes: [CycleOutcome] = []
        var responseObserved: [Bool] = []
        var previous: CalendarDate?
        for (session, reading) in readings {
            let interval = previous.map { session.date.days(since: $0) }
            previous = session.date
            cycles.append(OutcomeDTO.Cycle(
                sessionId: session.id, sessionDate: session.date, product: session.product, totalUnits: session.totalUnits,
                nextSessionDate: reading.nextSessionDate, intervalDaysSincePrevious: interval, curve: reading.curve,
                week3NRS: reading.week3NRS, week12NRS: reading.week12NRS, week3Response: reading.week3Response,
                week12Response: reading.week12Response, fiqrBefore: reading.preInjectionFIQR, fiqrWeek3: reading.week3FIQR,
                fiqrWeek12: reading.week12FIQR))
            responseObserved.append(reading.responseObserved)
            if let product = ToxinProduct(rawValue: session.product) {
                outcomes.append(reading.outcome(product: product, totalUnits: session.totalUnits,
                                                intervalDaysSincePrevious: interval))
            }
        }
        let observedWearOffs = readings.compactMap { $0.reading.curve.benefit }.filter(\.wearOffObserved).map(\.days)
        let flags = NonResponseFlags.evaluate(cycles: outcomes, adequateDose: adequateDose)
        // No prediction without a response (the core decides; nil when one may be made).
        let withheld = PredictionWithheld.check(responseObserved: responseObserved, primaryNonResponse: flags.primary)
        let last = records.sessions.last?.date
        var population: Double?
        if withheld == nil, observedWearOffs.count < WearOffPrediction.minimumOwnCycles,
           let product = records.sessions.last.flatMap({ ToxinProduct(rawValue: $0.product) }) {
            population = try await populationMedian(product)
        }
        return OutcomeDTO.PatientOutcomes(
            patientId: records.patientID, label: "observed for this patient (uncontrolled)", today: today, cycles: cycles,
            prediction: withheld != nil ? nil : last.map {
                WearOffPrediction.predict(pastCycles: observedWearOffs, populationMedian: population, lastSessionDate: $0)
            },
            predictionWithheld: withheld,
            reinjectionWindow: last.map { ReinjectionWindow(after: $0) },
            nonResponse: OutcomeDTO.NonResponse(flags),
            adequateDose: adequateDoseText)
    }
}
