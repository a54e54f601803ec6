import Fluent
import Foundation
import TenderpointCore

/// Finding patients by name words, NHS number or birth date, with the same matching as
/// `GET /api/patients` (every word must appear in the lower-cased "given family" name).
enum PatientSearchQuery {
    struct Result: Sendable, Equatable {
        let patients: [PatientDTO]
        let total: Int
    }

    static let pageSize = 50

    /// A query that is a valid NHS number searches by it; a date (YYYY-MM-DD) by birth date;
    /// anything else by name.
    static func search(_ text: String, offset: Int = 0, on database: any Database) async throws -> Result {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var builder = PatientModel.query(on: database)
        if let nhs = NHSNumber(trimmed) {
            builder = builder.filter(\.$nhsNumber == nhs.digits)
        } else if let date = CalendarDate(iso: trimmed) {
            builder = builder.filter(\.$birthDate == date.iso)
        } else {
            // Literal, as the API's search: "%" or "_" matches that character, not any text.
            for word in trimmed.lowercased().split(separator: " ") {
                builder = builder.filter(LiteralSearch.filter("search_name", contains: String(word)))
            }
        }
        let total = try await builder.count()
        let patients = try await builder.sort(\.$familyName).sort(\.$givenName)
            .range(offset..<(offset + pageSize)).all()
        return Result(patients: try patients.map(PatientDTO.init), total: total)
    }
}
