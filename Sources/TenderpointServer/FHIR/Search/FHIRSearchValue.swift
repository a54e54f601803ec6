/// One value of a search parameter, read according to the parameter's type. Values separated by
/// commas are alternatives (OR); a parameter given twice must match both times (AND).
enum FHIRSearchValue: Sendable, Equatable {
    case date(FHIRDateSearch)
    case token(FHIRToken)
    /// A reference: for `patient`, the logical id it names (`Patient/123`, `123` or an absolute
    /// URL ending in one); for other parameters, the text as given.
    case reference(String)
    case string(String)
}

/// A token: `system|code`, `code` (any system) or `|code` (no system).
struct FHIRToken: Sendable, Equatable {
    enum System: Sendable, Equatable {
        case any
        case none
        case system(String)
    }

    let system: System
    let code: String

    init(system: System, code: String) {
        self.system = system
        self.code = code
    }

    init(_ text: String) {
        if let bar = text.firstIndex(of: "|") {
            let system = String(text[..<bar])
            self.system = system.isEmpty ? .none : .system(system)
            code = String(text[text.index(after: bar)...])
        } else {
            system = .any
            code = text
        }
    }

    /// Whether `system` and `code` are what the token asks for.
    func matches(system candidate: String?, code candidateCode: String) -> Bool {
        guard candidateCode == code else { return false }
        switch system {
        case .any: return true
        case .none: return candidate == nil
        case .system(let wanted): return candidate == wanted
        }
    }
}

/// One occurrence of a parameter in the query: its name, modifier and alternative values.
struct FHIRSearchClause: Sendable, Equatable {
    let name: String
    let modifier: String?
    let values: [FHIRSearchValue]
}
