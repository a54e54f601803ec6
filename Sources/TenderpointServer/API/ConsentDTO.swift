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
    /// The products it names; null covers every botulinum toxin type A product.
    @ExplicitNull var products: [ToxinProduct]? = nil
    /// The last day it is in force (the clinic's consent validity, 12 months by default).
    let validUntil: CalendarDate
    let recordedBy: UUID
    @ExplicitNull var createdAt: Date? = nil

    init(_ model: ConsentModel, validityMonths: Int) throws {
        guard let record = model.coreRecord else {
            throw Abort(.internalServerError, reason: "a stored consent cannot be read")
        }
        let date = record.date
        id = try model.requireID()
        patientId = model.$patient.id
        self.date = date
        informationVersion = model.informationVersion
        signedBy = model.signedBy
        withdrawnOn = model.withdrawnOn.flatMap(CalendarDate.init(iso:))
        products = record.products.map { $0.sorted { $0.rawValue < $1.rawValue } }
        validUntil = record.validUntil(validityMonths: validityMonths)
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
    /// The products it covers; absent, every type A product.
    var products: [String]?

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
        if let parsed, parsed < ConsentInput.earliestDate {
            problems.append(Problem(.invalidDate, "date \(parsed) is before \(ConsentInput.earliestDate).", field: "date"))
        }
        var products: Set<ToxinProduct>?
        if let names = self.products {
            var found: Set<ToxinProduct> = []
            for (index, name) in names.enumerated() {
                if let product = ToxinProduct(rawValue: name) {
                    found.insert(product)
                } else {
                    problems.append(Problem(.unknownIdentifier,
                                            "products[\(index)] must be one of \(ToxinProduct.allCases.map(\.rawValue).joined(separator: ", ")).",
                                            field: "products[\(index)]"))
                }
            }
            // An unknown name is reported above; the core then judges only what is left.
            products = found.count == names.count || !found.isEmpty ? found : (names.isEmpty ? found : nil)
        }
        var record: ConsentRecord?
        do {
            record = try ConsentRecord(date: parsed ?? today, informationVersion: informationVersion, products: products)
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
            return try ConsentRecord(date: consent.date, informationVersion: consent.informationVersion, withdrawnOn: withdrawn,
                                     products: consent.products)
        } catch {
            // The core names its own field; here the withdrawal date is this request's `date`.
            throw Problems(error.all.map { Problem($0.code, $0.message, field: $0.field == "withdrawnOn" ? "date" : $0.field) })
        }
    }
}

extension ConsentInput {
    /// A consent is a signature already given: none is dated before this (DOMAIN.md: dates are bounded).
    static let earliestDate = CalendarDate(year: 2000, month: 1, day: 1)!
}

extension ConsentModel {
    /// The stored consent as the core sees it; nil when it cannot be read (damage).
    var coreRecord: ConsentRecord? {
        guard let date = CalendarDate(iso: date) else { return nil }
        var products: Set<ToxinProduct>?
        if let json = productsJSON {
            guard let names = try? JSONDecoder().decode([String].self, from: Data(json.utf8)) else { return nil }
            let parsed = names.compactMap(ToxinProduct.init(rawValue:))
            guard parsed.count == names.count else { return nil }
            products = Set(parsed)
        }
        return try? ConsentRecord(date: date, informationVersion: informationVersion,
                                  withdrawnOn: withdrawnOn.flatMap { CalendarDate(iso: $0) }, products: products)
    }

    /// Stores the products a consent names (sorted, so equal sets are equal text).
    func setProducts(_ products: Set<ToxinProduct>?) {
        guard let products else { productsJSON = nil; return }
        let names = products.map(\.rawValue).sorted()
        productsJSON = (try? JSONEncoder().encode(names)).map { String(decoding: $0, as: UTF8.self) }
    }
}
