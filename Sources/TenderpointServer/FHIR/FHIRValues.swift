import Foundation
import TenderpointCore
import TenderpointFHIR

/// Conversions from stored values to FHIR data types, shared by the providers.
enum FHIRValues {
    static func instant(_ date: Date) -> FHIRInstant { FHIRInstant(date) }

    /// A moment as a dateTime with the clinic's offset, as the clinic saw it.
    static func dateTime(_ date: Date, _ timeZone: TimeZone) -> FHIRDateTime { FHIRDateTime(date, timeZone: timeZone) }

    /// A stored clinic day (`YYYY-MM-DD`) as a FHIR date.
    static func date(_ text: String?) -> FHIRDate? { text.flatMap(FHIRDate.init) }

    static func dayTime(_ text: String?) -> FHIRDateTime? { date(text).map(FHIRDateTime.init) }

    /// Toxin units stored as whole tenths, exactly: 125 → 12.5, 100 → 10.
    static func units(tenths: Int) -> FHIRDecimal {
        FHIRDecimal(Units(tenths: tenths).decimal)
    }

    /// A score computed in binary floating point, written to `digits` decimals (the precision the
    /// clinic shows; the answers that give the exact score are in the QuestionnaireResponse).
    static func score(_ value: Double, digits: Int = 1) -> FHIRDecimal {
        FHIRDecimal(Decimal(string: String(format: "%.\(digits + 6)f", value))!, fractionDigits: digits)
    }

    static func reference(_ type: FHIRResourceType, _ id: UUID, display: String? = nil) -> Reference {
        Reference(to: type, id: id.uuidString, display: display)
    }

    /// The logical id of a row: its UUID as the REST API writes it (upper case); reads accept
    /// either case.
    static func id(_ uuid: UUID) -> String { uuid.uuidString }

    /// Who did something, by account: a clinician or nurse is a Practitioner, a patient's account
    /// their Patient; other staff (admin, reception) are named by their account, with no
    /// resource to point at.
    static func actor(userID: UUID, role: String, displayName: String, patientID: UUID?) -> Reference {
        if let role = Role(rawValue: role), PractitionerRoles.all.contains(role) {
            return reference(.practitioner, userID, display: displayName)
        }
        if role == Role.patient.rawValue, let patientID {
            return reference(.patient, patientID, display: displayName)
        }
        return Reference(identifier: Identifier(system: TenderpointCodes.user, value: id(userID)), display: displayName)
    }

    /// The UUID a logical id names, either case.
    static func uuid(_ id: String) -> UUID? { UUID(uuidString: id) }
}
