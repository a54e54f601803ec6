import Foundation
import SQLKit

/// A search over one table (with its joins): the conditions built from the parameters, a total
/// order (so `_offset` pages walk the matches exactly once), a count and a page, decoded into
/// `Codable` rows with SQLKit.
struct FHIRTableQuery: Sendable {
    /// `FROM …` without the keyword: `patients p`, or a table with its joins.
    let from: String
    /// The columns of the row type, qualified.
    let columns: String
    var conditions: [SQLQueryString]
    /// A total order: it ends with a unique column.
    let order: String

    init(from: String, columns: String, conditions: [SQLQueryString] = [], order: String) {
        self.from = from
        self.columns = columns
        self.conditions = conditions
        self.order = order
    }

    var whereClause: SQLQueryString {
        conditions.isEmpty ? "1 = 1" : conditions.map { "(\($0))" as SQLQueryString }.joined(separator: " AND ")
    }

    func count(on database: any SQLDatabase) async throws -> Int {
        struct Count: Decodable { let total: Int }
        return try await database.raw("SELECT COUNT(*) AS total FROM \(unsafeRaw: from) WHERE \(whereClause)")
            .first(decoding: Count.self)?.total ?? 0
    }

    func rows<Row: Decodable>(_ type: Row.Type, limit: Int? = nil, offset: Int = 0, on database: any SQLDatabase) async throws -> [Row] {
        var query: SQLQueryString = "SELECT \(unsafeRaw: columns) FROM \(unsafeRaw: from) WHERE \(whereClause) ORDER BY \(unsafeRaw: order)"
        if let limit { query += " LIMIT \(bind: limit) OFFSET \(bind: offset)" }
        return try await database.raw(query).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// A search's page: the total, and the rows of the page (none when `_count` is 0).
    func page<Row: Decodable>(_ type: Row.Type, _ request: FHIRSearchRequest, on database: any SQLDatabase) async throws -> (total: Int, rows: [Row]) {
        let total = try await count(on: database)
        guard request.count > 0, request.offset < total else { return (total, []) }
        return (total, try await rows(type, limit: request.count, offset: request.offset, on: database))
    }
}

/// Conditions shared by the providers.
enum FHIRConditions {
    /// `column` is one of the patients the `patient` parameters and the compartment allow: each
    /// `patient` clause must match (AND), any of its values may (OR). Nil when nothing limits it.
    static func patient(_ column: String, _ request: FHIRSearchRequest, parameter: String = "patient", compartment: UUID?) -> SQLQueryString? {
        var conditions: [SQLQueryString] = []
        for clause in request.clauses(parameter) {
            let ids = clause.values.compactMap { value -> UUID? in
                if case .reference(let id) = value { return UUID(uuidString: id) }
                return nil
            }
            conditions.append(ids.isEmpty ? "1 = 0" : "\(unsafeRaw: column) IN (\(binds: ids))")
        }
        if let compartment { conditions.append("\(unsafeRaw: column) = \(bind: compartment)") }
        return conditions.isEmpty ? nil : conditions.joined(separator: " AND ")
    }

    /// One condition per `name` clause, its values ORed, each value's condition made by `condition`.
    static func each(_ name: String, _ request: FHIRSearchRequest, _ condition: (FHIRSearchValue) -> SQLQueryString) -> [SQLQueryString] {
        request.clauses(name).map { clause in
            let alternatives = clause.values.map { "(\(condition($0)))" as SQLQueryString }
            return alternatives.isEmpty ? "1 = 0" : alternatives.joined(separator: " OR ")
        }
    }

    /// `date` clauses on a column of moments.
    static func instants(_ name: String, _ request: FHIRSearchRequest, column: String) -> [SQLQueryString] {
        each(name, request) { value in
            if case .date(let date) = value { return date.condition(instantColumn: column) }
            return "1 = 0"
        }
    }

    /// `date` clauses on a column of clinic days (`YYYY-MM-DD`).
    static func days(_ name: String, _ request: FHIRSearchRequest, column: String) -> [SQLQueryString] {
        each(name, request) { value in
            if case .date(let date) = value { return date.condition(dayColumn: column) }
            return "1 = 0"
        }
    }
}
