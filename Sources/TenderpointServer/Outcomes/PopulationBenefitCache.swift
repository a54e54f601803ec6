import Fluent
import Foundation
import TenderpointCore
import Vapor

/// The clinic's median duration of benefit per product (the Kaplan–Meier median over every
/// responding session of that product), which a patient's wear-off prediction falls back on
/// before they have two observed wear-offs of their own. Computing it reads the whole clinic, so
/// it is kept for `lifetime`; a figure an hour old changes no prediction that matters, as a
/// median over many cycles moves slowly. Concurrent requests share one computation.
actor PopulationBenefitCache {
    static let lifetime: Duration = .seconds(3600)

    private struct Entry {
        let median: Double?
        let computedAt: ContinuousClock.Instant
    }

    private var entries: [ToxinProduct: Entry] = [:]
    private var running: [ToxinProduct: Task<Double?, any Error>] = [:]

    func median(for product: ToxinProduct, today: CalendarDate, on database: any Database) async throws -> Double? {
        if let entry = entries[product], ContinuousClock.now - entry.computedAt < Self.lifetime { return entry.median }
        if let task = running[product] { return try await task.value }
        let task = Task { try await Self.compute(product, today: today, on: database) }
        running[product] = task
        defer { running[product] = nil }
        let median = try await task.value
        entries[product] = Entry(median: median, computedAt: .now)
        return median
    }

    /// Forgets every figure (tests, and after a demo fills the database).
    func clear() { entries = [:] }

    static func compute(_ product: ToxinProduct, today: CalendarDate, on database: any Database) async throws -> Double? {
        var observations: [SurvivalObservation] = []
        try await OutcomeCycleQuery.run(OutcomeFilter(product: product), today: today, on: database, adverseEvents: false) { chunk in
            observations += chunk.rows.compactMap { $0.benefit?.survivalObservation }
        }
        return try KaplanMeier.estimate(observations).median
    }
}

extension Application {
    private struct PopulationBenefitCacheKey: StorageKey { typealias Value = PopulationBenefitCache }

    /// Made on first use, so no start-up code has to know about it.
    var populationBenefit: PopulationBenefitCache {
        if let cache = storage[PopulationBenefitCacheKey.self] { return cache }
        let cache = PopulationBenefitCache()
        storage[PopulationBenefitCacheKey.self] = cache
        return cache
    }
}
