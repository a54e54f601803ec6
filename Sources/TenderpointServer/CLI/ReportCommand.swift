import Foundation
import TenderpointCore
import Vapor

/// `tenderpoint report [--from D] [--to D] [--product P] [--min-units U --max-units U]
/// [--injector ID] [--json] [--csv PATH] [--timing]`: the clinic's outcome report in the terminal
/// (a table and the Kaplan–Meier median), or its JSON; `--csv` also writes the per-cycle rows
/// the report was computed from, from the same run. Audited like the API's export.
struct ReportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "from", help: "First session date, YYYY-MM-DD.") var from: String?
        @Option(name: "to", help: "Last session date, YYYY-MM-DD.") var to: String?
        @Option(name: "product", help: "One product, e.g. onabotulinumtoxinA.") var product: String?
        @Option(name: "min-units", help: "Dose band: the smallest session total (needs --product).") var minimumUnits: String?
        @Option(name: "max-units", help: "Dose band: the largest session total (needs --product).") var maximumUnits: String?
        @Option(name: "injector", help: "Only sessions injected by this user id.") var injector: String?
        @Option(name: "csv", help: "Also write the per-cycle rows to this file.") var csv: String?
        @Flag(name: "json", help: "Print the report as JSON (as GET /api/reports/outcomes).") var json: Bool
        @Flag(name: "timing", help: "Print how long reading, fitting and counting took, on standard error.") var timing: Bool
    }

    var help: String { "Prints the clinic's outcome report (observed in this clinic, uncontrolled)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let filter = try OutcomeFilter(OutcomeFilter.Text(
            from: signature.from, to: signature.to, product: signature.product, minUnits: signature.minimumUnits,
            maxUnits: signature.maximumUnits, injector: signature.injector))
        let app = context.application
        try await CommandDatabase.open(app)

        let started = ContinuousClock.now
        let data = try await OutcomeCycleQuery.all(filter, today: CalendarDate(Date(), in: app.tenderpoint.clinicTimeZone), on: app.db)
        let read = ContinuousClock.now
        let report = try OutcomeReportAssembly.report(rows: data.rows, adverseEvents: data.adverseEvents, filter: filter)
        let counted = ContinuousClock.now

        if let path = signature.csv {
            var text = OutcomeCycleRow.csvHeader + "\r\n"
            for row in data.rows { text += row.csvLine + "\r\n" }
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            } catch {
                throw CommandFailure.badInput("--csv: cannot write \(path)")
            }
        }
        try await app.db.writeTransaction { transaction in
            try await AuditLog.insert(AuditEntry(user: nil, action: signature.csv == nil ? .read : .export,
                                                 resourceType: "OutcomeReport",
                                                 detail: "command line: \(filter.summary): \(report.sessions) sessions of \(report.patients) patients"),
                                      on: transaction)
        }
        if signature.json {
            let encoder = JSONCoding.encoder()
            encoder.outputFormatting.insert(.sortedKeys)
            context.console.print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            context.console.print(OutcomeReportText.render(report))
        }
        if signature.timing {
            func seconds(_ duration: Duration) -> String {
                String(format: "%.3f", Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
            }
            FileHandle.standardError.write(Data("""
                timing: read and fit \(seconds(read - started)) s (\(report.sessions) sessions, \(report.patients) patients), \
                count \(seconds(counted - read)) s, total \(seconds(counted - started)) s

                """.utf8))
        }
    }
}
