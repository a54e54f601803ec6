import Foundation

/// Written consent for a course of botulinum toxin injections (DOMAIN.md §4): the patient was
/// given a version of the clinic's information that discloses every `ConsentDisclosure`.
public struct ConsentRecord: Hashable, Codable, Sendable {
    public let date: CalendarDate
    public let informationVersion: String
    public let withdrawnOn: CalendarDate?

    public init(date: CalendarDate, informationVersion: String, withdrawnOn: CalendarDate? = nil) throws(Problems) {
        let version = informationVersion.trimmingCharacters(in: .whitespacesAndNewlines)
        var problems: [Problem] = []
        if version.isEmpty {
            problems.append(Problem(.invalidValue, "The version of the information given to the patient is required.", field: "informationVersion"))
        }
        if let withdrawnOn, withdrawnOn < date {
            problems.append(Problem(.invalidDate, "Consent cannot be withdrawn (\(withdrawnOn)) before it was given (\(date)).", field: "withdrawnOn"))
        }
        guard problems.isEmpty else { throw Problems(problems) }
        self.date = date
        self.informationVersion = version
        self.withdrawnOn = withdrawnOn
    }

    /// Whether this consent covers a session on `sessionDate`: given on or before that day and
    /// not withdrawn by then.
    public func covers(sessionOn sessionDate: CalendarDate) -> Bool {
        guard date <= sessionDate else { return false }
        if let withdrawnOn, withdrawnOn <= sessionDate { return false }
        return true
    }

    /// The problem with charting a session on `sessionDate` under `consent`, if any.
    public static func problem(for consent: ConsentRecord?, sessionOn sessionDate: CalendarDate, field: String = "consentId") -> Problem? {
        guard let consent else {
            return Problem(.consentMissing, "No written consent is on record for this course of treatment.", field: field)
        }
        if consent.date > sessionDate {
            return Problem(.consentMissing, "The consent on record is dated \(consent.date), after the session (\(sessionDate)).", field: field)
        }
        if let withdrawn = consent.withdrawnOn, withdrawn <= sessionDate {
            return Problem(.consentMissing, "The patient withdrew consent on \(withdrawn).", field: field)
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
