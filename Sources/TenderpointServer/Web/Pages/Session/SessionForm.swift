import Foundation
import TenderpointCore

/// The session form's fields as typed, and the JSON body of `POST /api/patients/{id}/sessions`
/// (API-CONTRACT.md) that `SessionController.create` checks with the core.
struct SessionForm: Sendable, Equatable {
    static let rowCount = 10

    struct Row: Sendable, Equatable {
        var site = ""
        var units = ""
    }

    var date = ""
    var consentID = ""
    var vialID = ""
    /// `yes` / `no` per screening item, blank when not answered.
    var screening: [String: String] = [:]
    var acknowledged: Set<String> = []
    var rows = Array(repeating: Row(), count: rowCount)
    var guidance = InjectionGuidance.landmark.rawValue
    var supervisorID = ""
    var overrideReason = ""
    var note = ""

    init(today: CalendarDate) {
        date = today.iso
    }

    init(_ form: WebForm) {
        date = form["date"] ?? ""
        consentID = form["consentId"] ?? ""
        vialID = form["vialId"] ?? ""
        for item in ScreeningItem.allCases { screening[item.rawValue] = form["screening.\(item.rawValue)"] ?? "" }
        acknowledged = Set(form.all("acknowledged"))
        rows = (0..<Self.rowCount).map { Row(site: form["site\($0 + 1)"] ?? "", units: form["units\($0 + 1)"] ?? "") }
        guidance = form["guidance"] ?? InjectionGuidance.landmark.rawValue
        supervisorID = form["supervisorId"] ?? ""
        overrideReason = form["overrideReason"] ?? ""
        note = form["note"] ?? ""
    }

    /// The body the API documents. Rows left blank are skipped; the API numbers the rest, so
    /// `rowNumbers[i]` is the form row of `injections[i]`.
    struct Body: Encodable {
        struct Site: Encodable {
            var tenderPoint: String?
            var muscle: String?
        }
        struct Injection: Encodable {
            var vialId: String
            var site: Site
            var units: Decimal
        }
        struct Override: Encodable { var reason: String }

        var date: String
        var consentId: String?
        var screening: [String: Bool]
        var acknowledged: [String]
        var injections: [Injection]
        var guidance: String
        var supervisorId: String?
        var override: Override?
        var note: String?
    }

    func body() -> (body: Body?, rowNumbers: [Int], errors: [String: String]) {
        var errors: [String: String] = [:]
        var injections: [Body.Injection] = []
        var rowNumbers: [Int] = []
        for (index, row) in rows.enumerated() {
            let site = row.site.trimmingCharacters(in: .whitespaces)
            let units = row.units.trimmingCharacters(in: .whitespaces)
            guard !(site.isEmpty && units.isEmpty) else { continue }
            let field = "row\(index + 1)"
            if site.isEmpty { errors[field] = "Choose the site of row \(index + 1)."; continue }
            guard let amount = Decimal(string: units, locale: Locale(identifier: "en_US_POSIX")), !units.isEmpty else {
                errors[field] = "Enter the units of row \(index + 1) as a number, such as 20 or 12.5."
                continue
            }
            let (kind, id) = site.hasPrefix("muscle:") ? ("muscle", String(site.dropFirst(7))) : ("tenderPoint", String(site.dropFirst(site.hasPrefix("tenderPoint:") ? 12 : 0)))
            injections.append(Body.Injection(vialId: vialID, site: kind == "muscle" ? Body.Site(muscle: id) : Body.Site(tenderPoint: id), units: amount))
            rowNumbers.append(index + 1)
        }
        var answers: [String: Bool] = [:]
        for (item, answer) in screening where answer == "yes" || answer == "no" { answers[item] = answer == "yes" }
        let reason = overrideReason.trimmingCharacters(in: .whitespacesAndNewlines)
        let trimmedNote = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard errors.isEmpty else { return (nil, [], errors) }
        return (Body(date: date.trimmingCharacters(in: .whitespaces), consentId: consentID.isEmpty ? nil : consentID,
                     screening: answers, acknowledged: ScreeningItem.allCases.map(\.rawValue).filter(acknowledged.contains),
                     injections: injections, guidance: guidance, supervisorId: supervisorID.isEmpty ? nil : supervisorID,
                     override: reason.isEmpty ? nil : Body.Override(reason: reason), note: trimmedNote.isEmpty ? nil : trimmedNote),
                rowNumbers, [:])
    }

    /// The API's field as the form's: `injections[2].units` → the row it came from; a vial
    /// problem → `vialId`; `screening.pregnant` → that question.
    static func formField(_ apiField: String?, rowNumbers: [Int]) -> String {
        guard let apiField else { return "form" }
        if apiField.hasPrefix("injections["), let index = Int(apiField.dropFirst("injections[".count).prefix { $0.isNumber }) {
            if apiField.hasSuffix(".vialId") { return "vialId" }
            return index < rowNumbers.count ? "row\(rowNumbers[index])" : "injections"
        }
        if apiField.hasPrefix("screening.") { return "screening-" + apiField.dropFirst("screening.".count) }
        if apiField.hasPrefix("override") { return "overrideReason" }
        if apiField == "consent" || apiField == "consentId" { return "consentId" }
        if apiField == "acknowledged" { return "screening" }
        return apiField
    }
}
