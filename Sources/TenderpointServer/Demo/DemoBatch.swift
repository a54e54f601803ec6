import Foundation

/// Rows waiting to be written, by table. A value is any `Encodable` the database driver binds:
/// `UUID`, `String`, `Int`, `Double`, `Bool`, `Date`, or an optional of one (nil is SQL NULL).
struct DemoBatch: Sendable {
    typealias Row = [any Encodable & Sendable]

    private(set) var rows: [DemoTable: [Row]] = [:]

    mutating func add(_ table: DemoTable, _ values: Row) {
        precondition(values.count == table.columns.count, "\(table.name) takes \(table.columns.count) values, not \(values.count)")
        rows[table, default: []].append(values)
    }

    func count(_ table: DemoTable) -> Int { rows[table]?.count ?? 0 }

    var isEmpty: Bool { rows.values.allSatisfy(\.isEmpty) }
}
