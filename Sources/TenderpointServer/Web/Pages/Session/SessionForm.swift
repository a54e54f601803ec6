import Foundation
import TenderpointCore

/// The session form's fields as typed, and the JSON body of `POST /api/patients/{id}/sessions`
/// (API-CONTRACT.md) that `SessionController.create` and `SessionCheckController.check` read.
/// Each injection row names its vial, or takes the vial of the nearest row above that names one
/// ("same vial as above"), so a session that moves on to a second vial changes one row.
struct SessionForm: Sendable, Equatable {
    /// Empty rows offered at first; "More rows" adds `moreRows` at a time, up to `maximumRows`.
    static let rowCount = 10
    static let moreRows = 5
    static let maximumRows = 60

    struct Row: Sendable, Equatable {
        /// A vial id, or blank for "the vial of the row above".
        var vial = ""
        var site = ""
        var units = ""

        var isBlank: Bool {
            site.trimmingCharacters(in: .whitespaces).isEmpty && units.trimmingCharacters(in: .whitespaces).isEmpty
        }
    }

    var date = ""
    var consentID = ""
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
        for item in ScreeningItem.allCases { screening[item.rawValue] = form["screening.\(item.rawValue)"] ?? "" }
        acknowledged = Set(form.all("acknowledged"))
        // As many rows as the form said it had (the script adds and removes rows), and never
        // fewer than the last one sent with something in it.
        let declared = Int(form["rowCount"] ?? "") ?? Self.rowCount
        let lastSent = (1...Self.maximumRows).last { number in
            !(form["site\(number)"] ?? "").isEmpty || !(form["units\(number)"] ?? "").isEmpty
        } ?? 0
        let count = min(max(declared, lastSent, 1), Self.maximumRows)
        rows = (1...count).map { Row(vial: form["vial\($0)"] ?? "", site: form["site\($0)"] ?? "", units: form["units\($0)"] ?? "") }
        // A form with one vial for the whole session (before rows had their own) names it `vialId`.
        if rows[0].vial.isEmpty, let single = form["vialId"] { rows[0].vial = single }
        guidance = form["guidance"] ?? InjectionGuidance.landmark.rawValue
        supervisorID = form["supervisorId"] ?? ""
        overrideReason = form["overrideReason"] ?? ""
        note = form["note"] ?? ""
    }

    /// Adds empty rows ("More rows", without the script), keeping everything typed.
    mutating func addRows() {
        let count = min(rows.count + Self.moreRows, Self.maximumRows)
        rows += Array(repeating: Row(), count: count - rows.count)
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

    /// The vial each row uses: its own, or the nearest row's above that names one.
    var resolvedVials: [String] {
        var current = ""
        return rows.map { row in
            if !row.vial.isEmpty { current = row.vial }
            return current
        }
    }

    func body() -> (body: Body?, rowNumbers: [Int], errors: [String: String]) {
        var errors: [String: String] = [:]
        var injections: [Body.Injection] = []
        var rowNumbers: [Int] = []
        let vials = resolvedVials
        for (index, row) in rows.enumerated() where !row.isBlank {
            let number = index + 1
            let site = row.site.trimmingCharacters(in: .whitespaces)
            let units = row.units.trimmingCharacters(in: .whitespaces)
            if vials[index].isEmpty { errors["vial\(number)"] = "Choose the vial of row \(number)." }
            if site.isEmpty { errors["row\(number)"] = "Choose the site of row \(number)."; continue }
            guard let amount = Decimal(string: units, locale: Locale(identifier: "en_US_POSIX")), !units.isEmpty else {
                errors["row\(number)"] = "Enter the units of row \(number) as a number, such as 20 or 12.5."
                continue
            }
            let (kind, id) = site.hasPrefix("muscle:") ? ("muscle", String(site.dropFirst(7))) : ("tenderPoint", String(site.dropFirst(site.hasPrefix("tenderPoint:") ? 12 : 0)))
            injections.append(Body.Injection(vialId: vials[index], site: kind == "muscle" ? Body.Site(muscle: id) : Body.Site(tenderPoint: id), units: amount))
            rowNumbers.append(number)
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

    /// The API's field as the form's: `injections[2].units` → the row it came from; a vial's
    /// problem → that row's vial; `screening.pregnant` → that question.
    static func formField(_ apiField: String?, rowNumbers: [Int]) -> String {
        guard let apiField else { return "form" }
        if apiField.hasPrefix("injections["), let index = Int(apiField.dropFirst("injections[".count).prefix { $0.isNumber }) {
            guard index < rowNumbers.count else { return "injections" }
            return apiField.hasSuffix(".vialId") ? "vial\(rowNumbers[index])" : "row\(rowNumbers[index])"
        }
        if apiField.hasPrefix("screening.") { return "screening-" + apiField.dropFirst("screening.".count) }
        if apiField.hasPrefix("override") { return "overrideReason" }
        if apiField == "consent" || apiField == "consentId" { return "consentId" }
        if apiField == "acknowledged" { return "screening" }
        return apiField
    }
}
