import Fluent
import Foundation
import TenderpointCore
import Vapor

/// Finding the patient an admin means by what they typed: a record id, an NHS number, or name
/// words (the patient search's own matching), for linking a patient account and for filtering
/// the audit trail.
enum AdminPatientLookup {
    struct Patient: Sendable, Equatable {
        let id: UUID
        let name: String
        let nhsNumber: String?

        var label: String {
            name + (nhsNumber.flatMap(NHSNumber.init).map { " (NHS \($0.formatted))" } ?? "")
        }
    }

    enum Result: Sendable, Equatable {
        case found([Patient])
        /// What to tell the admin beside the field.
        case refused(String)
    }

    /// Every patient matching `text` (at most a search page); a refusal when none does or too many do.
    static func patients(matching text: String, on database: any Database) async throws -> Result {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let id = UUID(uuidString: trimmed) {
            guard let patient = try await PatientModel.find(id, on: database) else { return .refused("No patient has the record id \(trimmed).") }
            return .found([try Self.patient(PatientDTO(patient))])
        }
        let result = try await PatientSearchQuery.search(trimmed, on: database)
        guard !result.patients.isEmpty else {
            return .refused("No patient matches “\(trimmed)”: enter a name, an NHS number or a record id.")
        }
        guard result.total <= PatientSearchQuery.pageSize else {
            return .refused("\(result.total) patients match “\(trimmed)”: enter more of the name or the NHS number.")
        }
        return .found(result.patients.map(Self.patient))
    }

    /// Exactly one patient, for linking an account.
    static func onePatient(matching text: String, on database: any Database) async throws -> Result {
        let result = try await patients(matching: text, on: database)
        if case .found(let patients) = result, patients.count > 1 {
            let names = patients.prefix(5).map(\.label).joined(separator: "; ")
            return .refused("\(patients.count) patients match (\(names)\(patients.count > 5 ? "; …" : "")): enter the NHS number or the record id.")
        }
        return result
    }

    private static func patient(_ dto: PatientDTO) -> Patient {
        Patient(id: dto.id, name: "\(dto.givenName) \(dto.familyName)", nhsNumber: dto.nhsNumber)
    }
}
