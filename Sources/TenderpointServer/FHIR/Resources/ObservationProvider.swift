import Foundation
import SQLKit
import TenderpointCore
import TenderpointFHIR

/// `Observation`: pain NRS (LOINC 72514-3) from diary entries and assessments, PGIC, and the
/// instrument results of assessments (WPI, SSS, FS, FIQR total with its domains, the ACR 1990
/// tender-point count and each site's finding) under `urn:tenderpoint:instrument`.
///
/// An assessment gives several Observations, so a search first pages over (row, kind) keys —
/// a UNION of the assessments' present results and the diary entries, in one total order — and
/// then reads the rows of that page only.
struct ObservationProvider: FHIRPatientCompartmentProvider {
    let type = FHIRResourceType.observation
    let access = FHIRAccess.patientRecord(read: .readClinical, search: .readClinical)
    let documentation = """
        Pain NRS (LOINC 72514-3) from the diary and assessments; PGIC; WPI, SSS, FS (fs), FIQR total (fiqr-total, with its \
        domains as components), tender-point count and each tender point's finding (urn:tenderpoint:instrument).
        """
    let parameters = [
        FHIRSearchParameter("patient", .reference, definition: FHIRSearchParameter.standard("clinical", "patient"), "The patient: Patient/{id} or {id}."),
        FHIRSearchParameter("code", .token, definition: FHIRSearchParameter.standard("clinical", "code"),
                            "system|code, code or |code: http://loinc.org|72514-3, urn:tenderpoint:instrument|wpi, sss, fs, fiqr-total, pgic, tender-point-count, tender-point."),
        FHIRSearchParameter("date", .date, definition: FHIRSearchParameter.standard("clinical", "date"),
                            "When it was observed, with the prefixes eq, ne, gt, lt, ge, le; a date without a zone is in the clinic's time zone."),
    ]

    struct DiaryRow: Decodable {
        let id: UUID
        let patientId: UUID
        let recordedAt: Date
        let painNrs: Int
        let note: String?
        let enteredBy: UUID
        let authorName: String
        let authorRole: String
        let authorPatientId: UUID?

        static let from = "diary_entries d JOIN users u ON u.id = d.entered_by"
        static let columns = """
            d.id, d.patient_id, d.recorded_at, d.pain_nrs, d.note, d.entered_by, u.display_name AS author_name, \
            u.role AS author_role, u.patient_id AS author_patient_id
            """
    }

    struct Key: Decodable {
        let sourceId: UUID
        let kind: String
    }

    func read(id: String, in context: FHIRContext) async throws -> FHIRFound? {
        guard let (source, kind) = ObservationKind.parse(id: id), let uuid = UUID(uuidString: source) else { return nil }
        if kind == .diaryPain {
            let rows = try await FHIRTableQuery(from: DiaryRow.from, columns: DiaryRow.columns, conditions: ["d.id = \(bind: uuid)"], order: "d.id")
                .rows(DiaryRow.self, on: context.database)
            return rows.first.map { diary($0, context) }
        }
        guard let row = try await FHIRAssessmentRow.rows(ids: [uuid], on: context.database)[uuid], kind.isPresent(in: row) else { return nil }
        return assessment(row, kind, context)
    }

    func search(_ request: FHIRSearchRequest, compartment: UUID?, in context: FHIRContext) async throws -> FHIRSearchResult {
        // The kinds every `code` clause allows.
        var kinds = Set(ObservationKind.all)
        for clause in request.clauses("code") {
            let allowed = clause.values.flatMap { value -> [ObservationKind] in
                if case .token(let token) = value { return ObservationKind.matching(token) }
                return []
            }
            kinds.formIntersection(allowed)
        }
        let assessmentKinds = ObservationKind.assessmentKinds.filter(kinds.contains)
        var branches: [SQLQueryString] = []
        if !assessmentKinds.isEmpty {
            var conditions = [FHIRConditions.patient("a.patient_id", request, compartment: compartment)].compactMap { $0 }
            conditions += FHIRConditions.instants("date", request, column: "a.assessed_at")
            let names: [SQLQueryString] = assessmentKinds.map { "SELECT \(literal: $0.key) AS kind" }
            // Each kind joins the assessments whose column for it is filled.
            let byColumn = Dictionary(grouping: assessmentKinds, by: { $0.assessmentColumn ?? "" })
            let present: [SQLQueryString] = byColumn.keys.sorted().map { column in
                "(k.kind IN (\(literals: byColumn[column]!.map(\.key), joinedBy: ", ")) AND \(unsafeRaw: column) IS NOT NULL)"
            }
            branches.append("""
                SELECT a.id AS source_id, k.kind AS kind, a.assessed_at AS effective
                FROM assessments a JOIN (\(names.joined(separator: " UNION ALL "))) k ON \(present.joined(separator: " OR "))
                WHERE \(conditions.isEmpty ? "1 = 1" : conditions.map { "(\($0))" as SQLQueryString }.joined(separator: " AND "))
                """)
        }
        if kinds.contains(.diaryPain) {
            var conditions = [FHIRConditions.patient("d.patient_id", request, compartment: compartment)].compactMap { $0 }
            conditions += FHIRConditions.instants("date", request, column: "d.recorded_at")
            branches.append("""
                SELECT d.id AS source_id, \(literal: ObservationKind.diaryPain.key) AS kind, d.recorded_at AS effective
                FROM diary_entries d
                WHERE \(conditions.isEmpty ? "1 = 1" : conditions.map { "(\($0))" as SQLQueryString }.joined(separator: " AND "))
                """)
        }
        guard !branches.isEmpty else { return FHIRSearchResult(total: 0, matches: []) }
        let union = branches.joined(separator: " UNION ALL ")
        struct Count: Decodable { let total: Int }
        let total = try await context.database.raw("SELECT COUNT(*) AS total FROM (\(union)) o").first(decoding: Count.self)?.total ?? 0
        guard request.count > 0, request.offset < total else { return FHIRSearchResult(total: total, matches: []) }
        let keys = try await context.database.raw("""
            SELECT o.source_id, o.kind FROM (\(union)) o
            ORDER BY o.effective, o.source_id, o.kind
            LIMIT \(bind: request.count) OFFSET \(bind: request.offset)
            """).all(decoding: Key.self, keyDecodingStrategy: .convertFromSnakeCase)
        return FHIRSearchResult(total: total, matches: try await resources(for: keys, context))
    }

    func export(patients: [UUID], in context: FHIRContext, write: (AnyResource) throws -> Void) async throws {
        for row in try await FHIRAssessmentRow.rows(patients: patients, on: context.database) {
            for kind in ObservationKind.assessmentKinds where kind.isPresent(in: row) {
                try write(assessment(row, kind, context).resource)
            }
        }
        let diary = try await FHIRTableQuery(from: DiaryRow.from, columns: DiaryRow.columns, conditions: ["d.patient_id IN (\(binds: patients))"],
                                             order: "d.patient_id, d.recorded_at, d.id")
            .rows(DiaryRow.self, on: context.database)
        for row in diary { try write(self.diary(row, context).resource) }
    }

    /// The Observations of a page's keys, in the keys' order, reading each source row once.
    private func resources(for keys: [Key], _ context: FHIRContext) async throws -> [FHIRFound] {
        let diaryIDs = keys.filter { $0.kind == ObservationKind.diaryPain.key }.map(\.sourceId)
        let assessmentIDs = Array(Set(keys.filter { $0.kind != ObservationKind.diaryPain.key }.map(\.sourceId)))
        var diaries: [UUID: DiaryRow] = [:]
        if !diaryIDs.isEmpty {
            let rows = try await FHIRTableQuery(from: DiaryRow.from, columns: DiaryRow.columns, conditions: ["d.id IN (\(binds: diaryIDs))"], order: "d.id")
                .rows(DiaryRow.self, on: context.database)
            diaries = Dictionary(rows.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        }
        let assessments = try await FHIRAssessmentRow.rows(ids: assessmentIDs, on: context.database)
        return keys.compactMap { key in
            if key.kind == ObservationKind.diaryPain.key { return diaries[key.sourceId].map { diary($0, context) } }
            guard let kind = ObservationKind(key: key.kind), let row = assessments[key.sourceId] else { return nil }
            return assessment(row, kind, context)
        }
    }

    // MARK: - Mapping

    private func diary(_ row: DiaryRow, _ context: FHIRContext) -> FHIRFound {
        let observation = Observation(
            id: FHIRValues.id(row.id),
            status: .final,
            category: [CodeableConcept(Codings.observationSurvey)],
            code: CodeableConcept(Codings.painNRS, text: "Pain NRS (diary)"),
            subject: FHIRValues.reference(.patient, row.patientId),
            effective: .dateTime(FHIRValues.dateTime(row.recordedAt, context.timeZone)),
            performer: [FHIRValues.actor(userID: row.enteredBy, role: row.authorRole, displayName: row.authorName, patientID: row.authorPatientId)],
            value: .integer(row.painNrs),
            note: row.note.map { [Annotation(text: $0)] })
        return FHIRFound(resource: .observation(observation), patient: row.patientId)
    }

    private func assessment(_ row: FHIRAssessmentRow, _ kind: ObservationKind, _ context: FHIRContext) -> FHIRFound {
        let source = FHIRValues.id(row.id)
        var observation = Observation(
            id: kind.id(source: source),
            status: .final,
            category: [CodeableConcept(kind.category)],
            code: CodeableConcept(kind.code),
            subject: FHIRValues.reference(.patient, row.patientId),
            effective: .dateTime(FHIRValues.dateTime(row.assessedAt, context.timeZone)),
            performer: [FHIRValues.reference(.practitioner, row.assessedBy, display: row.assessorName)])
        switch kind {
        case .diaryPain:
            break
        case .painNRS:
            observation.value = row.painNrs.map { .integer($0) }
        case .pgic:
            observation.value = row.pgic.map { .integer($0) }
            observation.interpretation = row.pgic.flatMap(PGIC.init(rawValue:)).map { [CodeableConcept(text: $0.label)] }
        case .wpi:
            observation.value = row.wpi.map { .integer($0) }
        case .sss:
            observation.value = row.sss.map { .integer($0) }
        case .fibromyalgiaSeverity:
            observation.value = row.fs.map { .integer($0) }
            observation.interpretation = row.fs.map { [CodeableConcept(text: FibromyalgiaSeverityBand(fibromyalgiaSeverity: $0).label)] }
            observation.derivedFrom = [ObservationKind.wpi, .sss].filter { $0.isPresent(in: row) }.map {
                Reference(to: .observation, id: $0.id(source: source))
            }
        case .fiqrTotal:
            let score = fiqrScore(row)
            observation.value = (score?.total ?? row.fiqrTotal).map { .quantity(Self.scoreQuantity($0)) }
            if let score, let function = score.function, let impact = score.overallImpact, let symptoms = score.symptoms {
                observation.component = [
                    Observation.Component(code: CodeableConcept(Codings.fiqrFunction), value: .quantity(Self.scoreQuantity(function))),
                    Observation.Component(code: CodeableConcept(Codings.fiqrOverallImpact), value: .quantity(Self.scoreQuantity(impact))),
                    Observation.Component(code: CodeableConcept(Codings.fiqrSymptoms), value: .quantity(Self.scoreQuantity(symptoms))),
                ]
            }
            observation.derivedFrom = [Reference(to: .questionnaireResponse, id: "\(source)-fiqr")]
        case .tenderPointCount:
            observation.value = row.tenderPointCount.map { .integer($0) }
            if let met = row.acr1990Met {
                observation.component = [Observation.Component(code: CodeableConcept(Codings.instrument("acr1990-criteria-met", "ACR 1990 criteria met")),
                                                               value: .boolean(met))]
            }
            observation.hasMember = TenderPointSite.all.map { Reference(to: .observation, id: ObservationKind.tenderPoint($0).id(source: source)) }
        case .tenderPoint(let site):
            let answers = tenderPoints(row)
            observation.bodySite = CodeableConcept(coding: [Coding(system: TenderpointCodes.tenderPointSite, code: site.id, display: site.name)],
                                                   text: site.name)
            observation.value = .boolean(answers?.positive.contains(site.id) ?? false)
            if let pain = answers?.pain[site.id] {
                observation.component = [Observation.Component(code: CodeableConcept(Codings.instrument("tender-point-pain", "Tender point pain rating (0-10)")),
                                                               value: .integer(pain))]
            }
        }
        return FHIRFound(resource: .observation(observation), patient: row.patientId)
    }

    static func scoreQuantity(_ value: Double) -> Quantity {
        Quantity(value: FHIRValues.score(value), unit: "score", system: CodeSystem.ucum, code: "{score}")
    }

    private func fiqrScore(_ row: FHIRAssessmentRow) -> FIQRScore? {
        guard let json = row.fiqrAnswers, let answers = try? JSONDecoder().decode([Int?].self, from: Data(json.utf8)),
              let parsed = try? FIQRAnswers(answers: answers) else { return nil }
        return FIQR.score(parsed)
    }

    private func tenderPoints(_ row: FHIRAssessmentRow) -> AssessmentDTO.TenderPointAnswers? {
        guard let json = row.tenderPoints else { return nil }
        return try? JSONDecoder().decode(AssessmentDTO.TenderPointAnswers.self, from: Data(json.utf8))
    }
}
