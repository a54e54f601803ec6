import FluentKit
import FluentSQL
import SQLKit

/// Search text is literal (API-CONTRACT.md, "safety and hardening"): `%`, `_` and `\` typed into
/// a search match themselves, not "anything". Fluent's `~~` passes them to LIKE as wildcards,
/// so searches build their own `LIKE … ESCAPE '\'`, which SQLite and PostgreSQL read alike.
enum LiteralSearch {
    /// A LIKE pattern matching `text` anywhere, with LIKE's wildcards and the escape escaped.
    static func containing(_ text: String) -> String {
        var pattern = "%"
        for character in text {
            if character == "\\" || character == "%" || character == "_" { pattern.append("\\") }
            pattern.append(character)
        }
        pattern.append("%")
        return pattern
    }

    /// `column LIKE '%text%' ESCAPE '\'`, `text` bound, never spliced into the SQL.
    static func filter(_ column: String, contains text: String) -> DatabaseQuery.Filter {
        .sql(SQLLikeEscaped(column: SQLIdentifier(column), pattern: SQLBind(containing(text))))
    }
}

private struct SQLLikeEscaped: SQLExpression {
    let column: SQLIdentifier
    let pattern: SQLBind

    func serialize(to serializer: inout SQLSerializer) {
        column.serialize(to: &serializer)
        serializer.write(" LIKE ")
        pattern.serialize(to: &serializer)
        serializer.write(" ESCAPE '\\'")
    }
}
