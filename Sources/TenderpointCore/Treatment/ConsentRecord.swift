import Foundation

/// Written consent for a course of botulinum toxin injections (DOMAIN.md §4): the patient was
/// given a version of the clinic's information that discloses every `ConsentDisclosure`.
public struct ConsentRecord: Hashable, Codable, Sendable {
    public let date: CalendarDate
    public let informationVersion: String
    public let withdrawnOn: CalendarDate?
    /// The products it names; nil covers every botulinum toxin type A product.
    public let products: Set<ToxinProduct>?

    public init(date: CalendarDate, informationVersion: String, withdrawnOn: CalendarDate? = nil,
                products: Set<ToxinProduct>? = nil) throws(Problems) {
        let version = informationVersion.trimmingCharacters(in: .whitespacesAndNewlines)
        var problems: [Problem] = []
        if version.isEmpty {
            problems.append(Problem(.invalidValue, "The version of the information given to the patient is required.", field: "informationVersion"))
        }
        if let withdrawnOn, withdrawnOn < date {
            problems.append(Problem(.invalidDate, "Consent cannot be withdrawn (\(withdrawnOn)) before it was given (\(date)).", field: "withdrawnOn"))
        }
        if let products, products.isEmpty {
            problems.append(Problem(.invalidValue,
                                    "products names the products the consent covers: name at least one, or leave it out for every type A product.",
                                    field: "products"))
        }
        guard problems.isEmpty else { throw Problems(problems) }
        self.date = date
        self.informationVersion = version
        self.withdrawnOn = withdrawnOn
        self.products = products
    }

    /// The last day the consent is in force: it lasts `validityMonths` months from its date
    /// (12 months from 15 January 2026 is through 14 January 2027).
    public func validUntil(validityMonths: Int) -> CalendarDate {
        date.adding(months: validityMonths).adding(days: -1)
    }

    /// Whether it covers `product`: the products it names, or every type A product.
    public func covers(_ product: ToxinProduct) -> Bool {
        products.map { $0.contains(product) } ?? product.isTypeA
    }

    /// Whether this consent covers a session on `sessionDate`: given on or before that day, not
    /// withdrawn by then, and still in force.
    public func covers(sessionOn sessionDate: CalendarDate, validityMonths: Int) -> Bool {
        ConsentRecord.problem(for: self, sessionOn: sessionDate, product: nil, validityMonths: validityMonths) == nil
    }

    /// The problem with charting a session of `product` (nil: not known yet) on `sessionDate`
    /// under `consent`, if any (DOMAIN.md §4): none on record, dated after the session, withdrawn
    /// on or before it, out of force (`validityMonths` from its date), or not covering the product.
    public static func problem(for consent: ConsentRecord?, sessionOn sessionDate: CalendarDate, product: ToxinProduct?,
                               validityMonths: Int, field: String = "consentId") -> Problem? {
        guard let consent else {
            return Problem(.consentMissing, "No written consent is on record for this course of treatment.", field: field)
        }
        if consent.date > sessionDate {
            return Problem(.consentMissing, "The consent on record is dated \(consent.date), after the session (\(sessionDate)).", field: field)
        }
        if let withdrawn = consent.withdrawnOn, withdrawn <= sessionDate {
            return Problem(.consentMissing, "The patient withdrew consent on \(withdrawn).", field: field)
        }
        let lastDay = consent.validUntil(validityMonths: validityMonths)
        if sessionDate > lastDay {
            return Problem(.consentMissing,
                           "The consent of \(consent.date) was in force for \(validityMonths) months, until \(lastDay); "
                           + "the session is on \(sessionDate): a new consent is needed.", field: field)
        }
        if let product, !consent.covers(product) {
            let named = consent.products.map { $0.map(\.rawValue).sorted().joined(separator: ", ") } ?? "botulinum toxin type A products"
            return Problem(.consentMissing, "The consent covers \(named), not \(product.rawValue).", field: field)
        }
        return nil
    }
}

/// What the information behind a consent must disclose (DOMAIN.md §4).
public enum ConsentDisclosure: String, CaseIterable, Codable, Sendable {
    case offLabelUse
    case limitedAndConflictingEvidence
    case alternatives
    case boxedWarning

    public var text: String {
        switch self {
        case .offLabelUse: "Botulinum toxin is not licensed for fibromyalgia or myofascial pain (off-label use)."
        case .limitedAndConflictingEvidence: "The evidence of benefit is limited and conflicting."
        case .alternatives: "The alternatives to this treatment."
        case .boxedWarning: "The boxed warning: distant spread of toxin effect (weakness, swallowing or breathing difficulty)."
        }
    }
}
