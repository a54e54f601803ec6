import Foundation
import SQLKit

/// An assessment as the Observation and QuestionnaireResponse providers read it, with its
/// assessor (always clinical staff, so a Practitioner).
struct FHIRAssessmentRow: Decodable, Sendable {
    let id: UUID
    let patientId: UUID
    let date: String
    let assessedAt: Date
    let assessedBy: UUID
    let tenderPoints: String?
    let tenderPointCount: Int?
    let acr1990Met: Bool?
    let acr2016: String?
    let wpi: Int?
    let sss: Int?
    let fs: Int?
    let acr2016Met: Bool?
    let fiqrAnswers: String?
    let fiqrTotal: Double?
    let painNrs: Int?
    let pgic: Int?
    let assessorName: String

    static let from = "assessments a JOIN users u ON u.id = a.assessed_by"
    static let columns = """
        a.id, a.patient_id, a.date, a.assessed_at, a.assessed_by, a.tender_points, a.tender_point_count, a.acr1990_met, \
        a.acr2016, a.wpi, a.sss, a.fs, a.acr2016_met, a.fiqr_answers, a.fiqr_total, a.pain_nrs, a.pgic, \
        u.display_name AS assessor_name
        """

    /// The assessments with these ids, in no particular order.
    static func rows(ids: [UUID], on database: any SQLDatabase) async throws -> [UUID: FHIRAssessmentRow] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await FHIRTableQuery(from: from, columns: columns, conditions: ["a.id IN (\(binds: ids))"], order: "a.id")
            .rows(FHIRAssessmentRow.self, on: database)
        return Dictionary(rows.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// These patients' assessments, patient by patient, oldest first.
    static func rows(patients: [UUID], on database: any SQLDatabase) async throws -> [FHIRAssessmentRow] {
        try await FHIRTableQuery(from: from, columns: columns, conditions: ["a.patient_id IN (\(binds: patients))"],
                                 order: "a.patient_id, a.assessed_at, a.id")
            .rows(FHIRAssessmentRow.self, on: database)
    }
}
