import Foundation
import SQLKit
import TenderpointCore
import TenderpointFHIR

/// `Patient`: the demographics of `patients`, the NHS number as an identifier.
struct PatientProvider: FHIRPatientCompartmentProvider {
    let type = FHIRResourceType.patient
    let access = FHIRAccess.patientRecord(read: .readDemographics, search: .searchPatients)
    let documentation = "The clinic's patients: names, NHS number (https://fhir.nhs.uk/Id/nhs-number), birth date, sex, contact details."
    let parameters = [
        FHIRSearchParameter("name", .string, modifiers: ["exact", "contains"], definition: FHIRSearchParameter.standard("Patient", "name"),
                            "Given or family name: each word starts a part of the name (case-insensitive); :contains anywhere, :exact the whole given, family or full name."),
        FHIRSearchParameter("identifier", .token, definition: FHIRSearchParameter.standard("Patient", "identifier"),
                            "The NHS number, with or without the system https://fhir.nhs.uk/Id/nhs-number."),
        FHIRSearchParameter("birthdate", .date, definition: FHIRSearchParameter.standard("individual", "birthdate"),
                            "Birth date, with the prefixes eq, ne, gt, lt, ge, le; date precision (YYYY, YYYY-MM, YYYY-MM-DD)."),
    ]

    struct Row: Decodable {
        let id: UUID
        let givenName: String
        let familyName: String
        let birthDate: String
        let sex: String
        let nhsNumber: String?
        let phone: String?
        let email: String?
        let address: String?
        let createdAt: Date?
        let updatedAt: Date?

        static let columns = "p.id, p.given_name, p.family_name, p.birth_date, p.sex, p.nhs_number, p.phone, p.email, p.address, p.created_at, p.updated_at"
    }

    private func query(_ conditions: [SQLQueryString]) -> FHIRTableQuery {
        FHIRTableQuery(from: "patients p", columns: Row.columns, conditions: conditions, order: "p.family_name, p.given_name, p.id")
    }

    func read(id: String, in context: FHIRContext) async throws -> FHIRFound? {
        guard let uuid = FHIRValues.uuid(id) else { return nil }
        return try await query(["p.id = \(bind: uuid)"]).rows(Row.self, on: context.database).first.map(found)
    }

    func search(_ request: FHIRSearchRequest, compartment: UUID?, in context: FHIRContext) async throws -> FHIRSearchResult {
        var conditions: [SQLQueryString] = []
        if let compartment { conditions.append("p.id = \(bind: compartment)") }
        for clause in request.clauses("name") {
            let alternatives = clause.values.compactMap { value -> SQLQueryString? in
                guard case .string(let text) = value else { return nil }
                return Self.nameCondition(text, modifier: clause.modifier)
            }
            conditions.append(alternatives.isEmpty ? "1 = 0" : alternatives.joined(separator: " OR "))
        }
        conditions += FHIRConditions.each("identifier", request) { value in
            guard case .token(let token) = value else { return "1 = 0" }
            switch token.system {
            case .any: break
            case .system(let system) where system == CodeSystem.nhsNumber: break
            default: return "1 = 0"
            }
            let digits = token.code.filter { $0 != " " && $0 != "-" }
            return "p.nhs_number = \(bind: digits)"
        }
        conditions += FHIRConditions.days("birthdate", request, column: "p.birth_date")
        let page = try await query(conditions).page(Row.self, request, on: context.database)
        return FHIRSearchResult(total: page.total, matches: page.rows.map(found))
    }

    func export(patients: [UUID], in context: FHIRContext, write: (AnyResource) throws -> Void) async throws {
        for row in try await query(["p.id IN (\(binds: patients))"]).rows(Row.self, on: context.database) {
            try write(found(row).resource)
        }
    }

    /// FHIR string search: every word of `text` starts a part of the name, ignoring case.
    static func nameCondition(_ text: String, modifier: String?) -> SQLQueryString {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if modifier == "exact" {
            return "p.given_name = \(bind: trimmed) OR p.family_name = \(bind: trimmed) OR p.given_name || ' ' || p.family_name = \(bind: trimmed)"
        }
        let words = trimmed.lowercased().split(separator: " ").map { escapeLike(String($0)) }
        guard !words.isEmpty else { return "1 = 0" }
        return words.map { word -> SQLQueryString in
            if modifier == "contains" { return "p.search_name LIKE \(bind: "%" + word + "%") ESCAPE '\\'" }
            return "(p.search_name LIKE \(bind: word + "%") ESCAPE '\\' OR p.search_name LIKE \(bind: "% " + word + "%") ESCAPE '\\')"
        }.joined(separator: " AND ")
    }

    static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }

    private func found(_ row: Row) -> FHIRFound {
        var telecom: [ContactPoint] = []
        if let phone = row.phone { telecom.append(ContactPoint(system: .phone, value: phone)) }
        if let email = row.email { telecom.append(ContactPoint(system: .email, value: email)) }
        let patient = Patient(
            id: FHIRValues.id(row.id),
            meta: (row.updatedAt ?? row.createdAt).map { Meta(lastUpdated: FHIRValues.instant($0)) },
            identifier: row.nhsNumber.map { [Identifier(use: .official, system: CodeSystem.nhsNumber, value: $0)] },
            active: true,
            name: [HumanName(use: .official, text: "\(row.givenName) \(row.familyName)", family: row.familyName, given: [row.givenName])],
            telecom: telecom.isEmpty ? nil : telecom,
            gender: AdministrativeGender(rawValue: row.sex) ?? .unknown,
            birthDate: FHIRValues.date(row.birthDate),
            address: row.address.map { [Address(use: .home, text: $0)] })
        return FHIRFound(resource: .patient(patient), patient: row.id)
    }
}
