import Foundation
import Testing
import TenderpointCore
@testable import TenderpointServer

/// The clinic's median benefit that a patient's prediction falls back on: kept, answered stale
/// while it is computed again, and never started once the server is shutting down.
@Suite struct PopulationBenefitCacheTests {
    private static let today = CalendarDate(iso: "2025-09-01")!

    @Test func aStaleFigureIsAnsweredAtOnceAndReplacedInTheBackground() async throws {
        try await withTestApp { app, _ in
            let cache = PopulationBenefitCache(lifetime: .zero)
            // An empty clinic has no median.
            #expect(try await cache.median(for: .onabotulinumtoxinA, today: Self.today, on: app.db) == nil)

            // OutcomeClinic: onabotulinumtoxinA cycles wear off at 62 (A) and are censored at 89 (B):
            // S(62) = 1 − 1/2 = 0.5, so the median is 62 days.
            let clinician = try await app.signIn(.clinician)
            let nurse = try await app.signIn(.nurse)
            try await OutcomeClinic.write(app, clinician: clinician.userID, nurse: nurse.userID)

            // The kept (stale) figure comes back at once; a computation starts behind it …
            #expect(try await cache.median(for: .onabotulinumtoxinA, today: Self.today, on: app.db) == nil)
            await cache.settled()
            // … and its result is the next answer.
            #expect(try await cache.median(for: .onabotulinumtoxinA, today: Self.today, on: app.db) == 62)
            await cache.settled()
        }
    }

    @Test func aFreshFigureIsNotComputedAgain() async throws {
        try await withTestApp { app, _ in
            let cache = PopulationBenefitCache()
            #expect(try await cache.median(for: .onabotulinumtoxinA, today: Self.today, on: app.db) == nil)
            let clinician = try await app.signIn(.clinician)
            let nurse = try await app.signIn(.nurse)
            try await OutcomeClinic.write(app, clinician: clinician.userID, nurse: nurse.userID)
            #expect(try await cache.median(for: .onabotulinumtoxinA, today: Self.today, on: app.db) == nil)
            await cache.clear()
            #expect(try await cache.median(for: .onabotulinumtoxinA, today: Self.today, on: app.db) == 62)
        }
    }

    @Test func nothingStartsAfterShutdown() async throws {
        try await withTestApp { app, _ in
            let cache = PopulationBenefitCache()
            await cache.cancelAll()
            await #expect(throws: CancellationError.self) {
                try await cache.median(for: .onabotulinumtoxinA, today: Self.today, on: app.db)
            }
        }
    }
}
