import Foundation
import TenderpointCore
import Vapor

/// Written consent for a course of treatment, as the API shows it.
struct ConsentDTO: Content, Equatable {
    let id: UUID
    let patientId: UUID
    let date: CalendarDate
    let informationVersion: String
    let signedBy: String
    @ExplicitNull var withdrawnOn: CalendarDate? = nil
    let recordedBy: UUID
    @ExplicitNull var createdAt: Date? = nil

    init(_ model: ConsentModel) throws {
        guard let date = CalendarDate(iso: model.date) else {
            throw Abort(.internalServerError, reason: "a stored consent has an unreadable date")
        }
        id = try model.requireID()
        patientId = model.$patient.id
        self.date = date
        informationVersion = model.informationVersion
        signedBy = model.signedBy
        withdrawnOn = model.withdrawnOn.flatMap(CalendarDate.init(iso:))
        recordedBy = model.$recorder.id
        createdAt = model.createdAt
    }
}

/// `POST /api/patients/{id}/consents`.
struct ConsentInput: Content {
    static let maximumVersionLength = 100
    static let maximumSignedByLength = 200

    var date: String
    var informationVersion: String
    var signedBy: String?

    /// The core's consent record and who signed; all problems at once. Consent cannot be dated
    /// after today: it records a signature already given.
    func validated(today: CalendarDate) throws -> (record: ConsentRecord, signedBy: String?) {
        var problems: [Problem] = []
        let parsed = CalendarDate(iso: date)
        if let parsed, parsed > today {
            problems.append(Problem(.invalidDate, "date \(parsed) is in the future.", field: "date"))
        } else if parsed == nil {
            problems.append(Problem(.invalidDate, "date must be a date YYYY-MM-DD.", field: "date"))
        }
        if informationVersion.count > Self.maximumVersionLength {
            problems.append(Problem(.invalidValue, "informationVersion is longer than \(Self.maximumVersionLength) characters.",
                                    field: "informationVersion"))
        }
        let signer = signedBy?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let signer, signer.count > Self.maximumSignedByLength {
            problems.append(Problem(.invalidValue, "signedBy is longer than \(Self.maximumSignedByLength) characters.", field: "signedBy"))
        }
        var record: ConsentRecord?
        do {
            record = try ConsentRecord(date: parsed ?? today, informationVersion: informationVersion)
        } catch {
            problems += error.all
        }
        guard problems.isEmpty, let record else { throw Problems(problems) }
        return (record, signer?.isEmpty == true ? nil : signer)
    }
}

/// `POST /api/patients/{id}/consents/{consentID}/withdraw`.
struct ConsentWithdrawal: Content {
    var date: String

    /// The consent with its withdrawal, checked by the core (not before the consent's date) and
    /// not after today.
    func validated(for consent: ConsentRecord, today: CalendarDate) throws -> ConsentRecord {
        guard let withdrawn = CalendarDate(iso: date) else {
            throw Problem(.invalidDate, "date must be a date YYYY-MM-DD.", field: "date")
        }
        if withdrawn > today {
            throw Problem(.invalidDate, "date \(withdrawn) is in the future.", field: "date")
        }
        do {
            return try ConsentRecord(date: consent.date, informationVersion: consent.informationVersion, withdrawnOn: withdrawn)
        } catch {
            // The core names its own field; here the withdrawal date is this request's `date`.
            throw Problems(error.all.map { Problem($0.code, $0.message, field: $0.field == "withdrawnOn" ? "date" : $0.field) })
        }
    }
}
