import Foundation
import TenderpointCore
import Vapor

/// One assessment visit as the API shows it: each section's answers as recorded and the core's
/// scores for them. Sections not assessed are null.
struct AssessmentDTO: Content {
    /// ACR 1990 tender points as recorded: the positive sites in examination order, optional
    /// 0–10 pain ratings by site, and how long widespread pain has lasted.
    struct TenderPointAnswers: Content, Equatable {
        let positive: [String]
        let pain: [String: Int]
        @ExplicitNull var widespreadPainMonths: Int? = nil
    }

    struct TenderPointsSection: Content, Equatable {
        let answers: TenderPointAnswers
        let scores: ScoreDTO.TenderPointScores
    }

    struct ACR2016Section: Content, Equatable {
        let answers: ScoreDTO.ACR2016Input
        let scores: ScoreDTO.ACR2016Scores
    }

    struct FIQRSection: Content, Equatable {
        let answers: [Int?]
        let scores: ScoreDTO.FIQRScores
    }

    let id: UUID
    let patientId: UUID
    let date: CalendarDate
    let assessedAt: Date
    let assessedBy: RecordAuthor
    @ExplicitNull var tenderPoints: TenderPointsSection? = nil
    @ExplicitNull var acr2016: ACR2016Section? = nil
    @ExplicitNull var fiqr: FIQRSection? = nil
    @ExplicitNull var painNRS: Int? = nil
    @ExplicitNull var pgic: Int? = nil
    @ExplicitNull var pgicLabel: String? = nil
    @ExplicitNull var note: String? = nil

    /// A stored assessment (SQLKit, for lists) joined to its assessor.
    struct Row: Decodable {
        let id: UUID
        let patient_id: UUID
        let date: String
        let assessed_at: Date
        let assessed_by: UUID
        let tender_points: String?
        let tender_point_count: Int?
        let acr1990_met: Bool?
        let acr2016: String?
        let wpi: Int?
        let sss: Int?
        let fs: Int?
        let acr2016_met: Bool?
        let fiqr_answers: String?
        let fiqr_total: Double?
        let pain_nrs: Int?
        let pgic: Int?
        let note: String?
        let assessor_name: String
        let assessor_role: String

        /// The columns `Row` decodes, for `FROM assessments a JOIN users u ON u.id = a.assessed_by`.
        static let columns = """
            a.id, a.patient_id, a.date, a.assessed_at, a.assessed_by, a.tender_points, a.tender_point_count, \
            a.acr1990_met, a.acr2016, a.wpi, a.sss, a.fs, a.acr2016_met, a.fiqr_answers, a.fiqr_total, a.pain_nrs, \
            a.pgic, a.note, u.display_name AS assessor_name, u.role AS assessor_role
            """

        init(_ model: AssessmentModel, assessor: RecordAuthor) throws {
            id = try model.requireID()
            patient_id = model.$patient.id
            date = model.date
            assessed_at = model.assessedAt
            assessed_by = assessor.id
            tender_points = model.tenderPointsJSON
            tender_point_count = model.tenderPointCount
            acr1990_met = model.acr1990Met
            acr2016 = model.acr2016JSON
            wpi = model.wpi
            sss = model.sss
            fs = model.fs
            acr2016_met = model.acr2016Met
            fiqr_answers = model.fiqrAnswersJSON
            fiqr_total = model.fiqrTotal
            pain_nrs = model.painNRS
            pgic = model.pgic
            note = model.note
            assessor_name = assessor.displayName
            assessor_role = assessor.role
        }
    }

    /// Reads the stored answers and has the core score them again, which gives the same scores as
    /// the columns stored beside them and the explanations (bands, unmet criteria) too.
    init(_ row: Row) throws {
        guard let date = CalendarDate(iso: row.date) else { throw Self.unreadable("date") }
        id = row.id
        patientId = row.patient_id
        self.date = date
        assessedAt = row.assessed_at
        assessedBy = RecordAuthor(id: row.assessed_by, displayName: row.assessor_name, role: row.assessor_role)
        let decoder = JSONDecoder()
        if let json = row.tender_points {
            let answers = try decoder.decode(TenderPointAnswers.self, from: Data(json.utf8))
            tenderPoints = TenderPointsSection(answers: answers, scores: ScoreDTO.TenderPointScores(try Self.exam(answers).result))
        }
        if let json = row.acr2016 {
            let answers = try decoder.decode(ScoreDTO.ACR2016Input.self, from: Data(json.utf8))
            let administration = answers.administeredBy ?? .clinician
            let result = ACR2016.evaluate(try answers.answers(administeredBy: administration))
            acr2016 = ACR2016Section(answers: answers, scores: ScoreDTO.ACR2016Scores(result, administeredBy: administration))
        }
        if let json = row.fiqr_answers {
            let answers = try decoder.decode([Int?].self, from: Data(json.utf8))
            fiqr = FIQRSection(answers: answers, scores: ScoreDTO.FIQRScores(FIQR.score(try FIQRAnswers(answers: answers))))
        }
        painNRS = row.pain_nrs
        pgic = row.pgic
        pgicLabel = row.pgic.flatMap(PGIC.init(rawValue:))?.label
        note = row.note
    }

    /// The core's examination for recorded answers; problems name the fields of an assessment.
    static func exam(_ answers: TenderPointAnswers) throws(Problems) -> TenderPointExam {
        var problems: [Problem] = []
        var findings: [TenderPointSite: TenderPointFinding] = [:]
        for (index, id) in answers.positive.enumerated() {
            let field = "tenderPoints.positive[\(index)]"
            guard let site = TenderPointSite(id: id) else {
                problems.append(Problem(.unknownIdentifier, "Unknown tender point \"\(id)\".", field: field))
                continue
            }
            guard findings[site] == nil else {
                problems.append(Problem(.duplicateIdentifier, "Tender point \(id) is listed more than once.", field: field))
                continue
            }
            findings[site] = TenderPointFinding(positive: true)
        }
        for id in answers.pain.keys.sorted() {
            guard let site = TenderPointSite(id: id) else {
                problems.append(Problem(.unknownIdentifier, "Unknown tender point \"\(id)\".", field: "tenderPoints.pain.\(id)"))
                continue
            }
            // A rating without a positive finding is a site the patient called tender, not painful.
            findings[site, default: TenderPointFinding(positive: false)].pain = answers.pain[id]
        }
        let exam: TenderPointExam
        do {
            exam = try TenderPointExam(findings: findings, widespreadPainMonths: answers.widespreadPainMonths)
        } catch {
            throw Problems(problems + error.all.map { Problem($0.code, $0.message, field: $0.field.map(renameExamField)) })
        }
        guard problems.isEmpty else { throw Problems(problems) }
        return exam
    }

    /// The core names a site's rating `findings.<site>.pain`; the API's input is `tenderPoints.pain.<site>`.
    private static func renameExamField(_ field: String) -> String {
        if field.hasPrefix("tenderPoints.") { return field }
        if field.hasPrefix("findings."), field.hasSuffix(".pain") {
            return "tenderPoints.pain." + field.dropFirst("findings.".count).dropLast(".pain".count)
        }
        return "tenderPoints." + field
    }

    private static func unreadable(_ what: String) -> Abort {
        Abort(.internalServerError, reason: "a stored assessment has an unreadable \(what)")
    }
}

/// `POST /api/patients/{id}/assessments`: any of the sections, at least one.
struct AssessmentInput: Content {
    struct TenderPoints: Content {
        var positive: [String]
        var pain: [String: Int]?
        var widespreadPainMonths: Int?
    }

    static let maximumNoteLength = 4000

    var date: String?
    var tenderPoints: TenderPoints?
    var acr2016: ScoreDTO.ACR2016Input?
    var fiqr: ScoreDTO.FIQRInput?
    var painNRS: Int?
    var pgic: Int?
    var note: String?

    /// The assessment with its answers and the core's scores in their columns; every problem at
    /// once, each naming its field (`tenderPoints.positive[2]`, `acr2016.painAreas[0]`, `fiqr.answers[3]`).
    func validated(today: CalendarDate) throws -> AssessmentModel {
        let model = AssessmentModel()
        var problems: [Problem] = []
        func collect(_ body: () throws(Problems) -> Void) {
            do { try body() } catch { problems += error.all }
        }
        func prefixed(_ prefix: String, _ body: () throws(Problems) -> Void) {
            do { try body() } catch {
                problems += error.all.map { Problem($0.code, $0.message, field: $0.field.map { prefix + $0 } ?? String(prefix.dropLast())) }
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func json(_ value: some Encodable) -> String {
            String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self)
        }

        if tenderPoints == nil, acr2016 == nil, fiqr == nil, painNRS == nil, pgic == nil {
            problems.append(Problem(.invalidValue, "An assessment needs at least one of tenderPoints, acr2016, fiqr, painNRS, pgic."))
        }
        if let date {
            if let parsed = CalendarDate(iso: date) {
                if let problem = Bounded.pastDate(parsed, today: today, field: "date") {
                    problems.append(problem)
                }
                model.date = parsed.iso
            } else {
                problems.append(Problem(.invalidDate, "date must be a date YYYY-MM-DD.", field: "date"))
            }
        } else {
            model.date = today.iso
        }

        if let tenderPoints {
            collect { () throws(Problems) in
                let recorded = AssessmentDTO.TenderPointAnswers(positive: tenderPoints.positive, pain: tenderPoints.pain ?? [:],
                                                                widespreadPainMonths: tenderPoints.widespreadPainMonths)
                let exam = try AssessmentDTO.exam(recorded)
                let result = exam.result
                // Stored in examination order, so the same findings always read the same.
                let positive = exam.findings.filter(\.value.positive).keys.sorted().map(\.id)
                model.tenderPointsJSON = json(AssessmentDTO.TenderPointAnswers(
                    positive: positive, pain: recorded.pain, widespreadPainMonths: recorded.widespreadPainMonths))
                model.tenderPointCount = result.count
                model.acr1990Met = result.criteriaMet
            }
        }
        if var acr2016 {
            if let administration = acr2016.administeredBy {
                prefixed("acr2016.") { () throws(Problems) in
                    let answers = try acr2016.answers(administeredBy: administration)
                    let result = ACR2016.evaluate(answers)
                    acr2016.painAreas = WPIArea.allCases.filter(answers.painAreas.contains).map(\.rawValue)
                    model.acr2016JSON = json(acr2016)
                    model.wpi = result.wpi
                    model.sss = result.sss
                    model.fs = result.fs
                    model.acr2016Met = result.criteriaMet
                }
            } else {
                // Only a clinician-administered result may raise a diagnostic flag, so the record must say which.
                problems.append(Problem(.invalidValue, "acr2016.administeredBy is required: clinician or selfReport.",
                                        field: "acr2016.administeredBy"))
            }
        }
        if let fiqr {
            prefixed("fiqr.") { () throws(Problems) in
                let answers = try FIQRAnswers(answers: fiqr.answers)
                model.fiqrAnswersJSON = json(answers.answers)
                model.fiqrTotal = FIQR.score(answers).total
            }
        }
        if let painNRS {
            collect { () throws(Problems) in model.painNRS = try PainNRS(painNRS, field: "painNRS").value }
        }
        if let pgic {
            collect { () throws(Problems) in model.pgic = try PGIC(score: pgic, field: "pgic").rawValue }
        }
        let trimmedNote = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let trimmedNote, trimmedNote.count > Self.maximumNoteLength {
            problems.append(Problem(.invalidValue, "note is longer than \(Self.maximumNoteLength) characters.", field: "note"))
        }
        model.note = trimmedNote?.isEmpty == true ? nil : trimmedNote
        guard problems.isEmpty else { throw Problems(problems) }
        return model
    }
}
