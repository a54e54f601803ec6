import Foundation
import SQLKit
import Testing
import TenderpointCore
@testable import TenderpointServer

/// The outcome report over the demo clinic: every session is a row, the counts add up, the
/// demo's responders show up as responders, and the demo leaves SQLite's page cache as it was.
@Suite struct OutcomeDemoTests {
    @Test func theReportOverTheDemoClinicAddsUp() async throws {
        try await withTestApp { app, _ in
            let today = DemoClinicTests.today
            let summary = try await DemoClinic.create(patients: 40, seed: 5, app: app, today: today)
            let data = try await OutcomeCycleQuery.all(OutcomeFilter(), today: today, on: app.db)
            let report = try OutcomeReportAssembly.report(rows: data.rows, adverseEvents: data.adverseEvents, filter: OutcomeFilter())

            #expect(report.sessions == summary.sessions)
            #expect(Set(data.rows.map(\.sessionID)).count == summary.sessions)
            let curves = report.curves
            #expect(curves.responded + curves.notResponded + curves.notEnoughData + curves.followUpUnderWay == report.sessions)
            #expect(report.kaplanMeier.cycles == curves.responded)
            #expect(report.kaplanMeier.wearOffs + report.kaplanMeier.censored == curves.responded)
            // The demo makes about 55 % of patients responders, with a benefit of about 3 months.
            #expect(curves.responded > 0 && curves.notResponded > 0)
            let median = try #require(report.kaplanMeier.median)
            #expect((56...112).contains(median))
            // Its adverse events all belong to sessions in the report.
            let sql = app.db as! any SQLDatabase
            struct Count: Decodable { let count: Int }
            let stored = try await sql.raw("SELECT COUNT(*) AS count FROM adverse_events").first(decoding: Count.self)?.count
            #expect(report.adverseEvents.events == stored)

            // 2,000 KiB (SQLite's default) again after the demo's large cache.
            // Every event loop keeps one connection: all of them.
            struct Size: Decodable { let cache_size: Int }
            for eventLoop in app.eventLoopGroup.makeIterator() {
                let connection = app.databases.database(logger: app.logger, on: eventLoop) as! any SQLDatabase
                let size = try await connection.raw("PRAGMA cache_size").first(decoding: Size.self)?.cache_size
                #expect(size == -DemoWriter.defaultCacheKiB)
            }
        }
    }
}
