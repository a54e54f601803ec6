import Foundation
import TenderpointCore
import Vapor

/// Inputs and results of the stateless scoring API (API-CONTRACT.md "Stateless scoring"); the
/// assessments API reuses them for its sections so both show a score the same way.
enum ScoreDTO {
    /// `POST /api/score/tender-points`.
    struct TenderPointsInput: Content {
        let positive: [String]
        let widespreadPainMonths: Int
    }

    /// ACR 1990: `{"count","criteriaMet","reason"}`.
    struct TenderPointScores: Content, Equatable {
        let count: Int
        let criteriaMet: Bool
        /// Why the criterion is not met; null when it is.
        @ExplicitNull var reason: String? = nil

        init(_ result: ACR1990Result) {
            count = result.count
            criteriaMet = result.criteriaMet
            reason = result.reason
        }
    }

    /// `POST /api/score/acr2016`, and the `acr2016` section of an assessment (where
    /// `administeredBy` is required).
    struct ACR2016Input: Content, Equatable {
        var painAreas: [String]
        var fatigue: Int
        var wakingUnrefreshed: Int
        var cognitiveSymptoms: Int
        var headaches: Bool
        var lowerAbdominalPain: Bool
        var depression: Bool
        @ExplicitNull var symptomMonths: Int? = nil
        @ExplicitNull var administeredBy: Administration? = nil

        /// The core's answers; problems name the fields of this input (`painAreas[0]`).
        func answers(administeredBy administration: Administration) throws(Problems) -> ACR2016Answers {
            try ACR2016Answers.parse(
                painAreas: painAreas, fatigue: fatigue, wakingUnrefreshed: wakingUnrefreshed,
                cognitiveSymptoms: cognitiveSymptoms, headaches: headaches, lowerAbdominalPain: lowerAbdominalPain,
                depression: depression, symptomMonths: symptomMonths, administeredBy: administration)
        }
    }

    /// ACR 2016: the contract's keys (`wpi, sss, fs, regionsWithPain, generalizedPain,
    /// criteriaMet`) and the core's explanation beside them.
    struct ACR2016Scores: Content, Equatable {
        let wpi: Int
        let sss: Int
        let fs: Int
        let severityBand: FibromyalgiaSeverityBand
        let regionsWithPain: Int
        let generalizedPain: Bool
        let criteriaMet: Bool
        let unmetCriteria: [String]
        /// Criteria met on a clinician-administered questionnaire; self-report never raises it.
        let diagnosticFlag: Bool
        let administeredBy: Administration

        init(_ result: ACR2016Result, administeredBy: Administration) {
            wpi = result.wpi
            sss = result.sss
            fs = result.fs
            severityBand = result.severityBand
            regionsWithPain = result.regionsWithPain
            generalizedPain = result.generalizedPain
            criteriaMet = result.criteriaMet
            unmetCriteria = result.unmetCriteria
            diagnosticFlag = result.diagnosticFlag
            self.administeredBy = administeredBy
        }
    }

    /// `POST /api/score/fiqr` and an assessment's `fiqr` section: 21 answers, each 0–10 or null.
    struct FIQRInput: Content, Equatable {
        let answers: [Int?]
    }

    /// FIQR: every score unrounded, and null when the answers are invalid.
    struct FIQRScores: Content, Equatable {
        let valid: Bool
        @ExplicitNull var function: Double? = nil
        @ExplicitNull var overallImpact: Double? = nil
        @ExplicitNull var symptoms: Double? = nil
        @ExplicitNull var total: Double? = nil
        @ExplicitNull var severityBand: FIQRSeverityBand? = nil
        @ExplicitNull var invalidReason: String? = nil

        init(_ score: FIQRScore) {
            valid = score.valid
            function = score.function
            overallImpact = score.overallImpact
            symptoms = score.symptoms
            total = score.total
            severityBand = score.severityBand
            invalidReason = score.invalidReason
        }
    }
}
