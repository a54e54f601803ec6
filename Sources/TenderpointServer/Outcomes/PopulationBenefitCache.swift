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
    /// How long a figure is answered without being computed again.
    let lifetime: Duration

    init(lifetime: Duration = .seconds(3600)) {
        self.lifetime = lifetime
    }

    private struct Entry {
        let median: Double?
        let computedAt: ContinuousClock.Instant
    }

    private var entries: [ToxinProduct: Entry] = [:]
    private var running: [ToxinProduct: Task<Double?, any Error>] = [:]
    /// Set at shutdown: no new computation starts on a database that is closing.
    private var closed = false

    /// A figure past its lifetime is still answered at once while a fresh one is computed in the
    /// background: on a large clinic the computation takes seconds, and no patient page should
    /// wait for it more than once (`PopulationBenefitWarmUp` makes that once happen at start-up).
    func median(for product: ToxinProduct, today: CalendarDate, on database: any Database) async throws -> Double? {
        guard !closed else { throw CancellationError() }
        if let entry = entries[product] {
            if ContinuousClock.now - entry.computedAt >= lifetime, running[product] == nil {
                refresh(product, today: today, on: database)
            }
            return entry.median
        }
        return try await (running[product] ?? refresh(product, today: today, on: database)).value
    }

    /// Starts computing a product's figure; the entry is replaced when it is done.
    @discardableResult
    private func refresh(_ product: ToxinProduct, today: CalendarDate, on database: any Database) -> Task<Double?, any Error> {
        let task = Task { try await Self.compute(product, today: today, on: database) }
        running[product] = task
        Task { await self.finish(product, task) }
        return task
    }

    private func finish(_ product: ToxinProduct, _ task: Task<Double?, any Error>) async {
        let result = await task.result
        if case .success(let median) = result { entries[product] = Entry(median: median, computedAt: .now) }
        running[product] = nil
    }

    /// Waits for every computation under way (shutdown, so none outlives the database).
    func cancelAll() async {
        closed = true
        for task in running.values { task.cancel() }
        await settled()
    }

    /// Returns when no computation is under way and every finished one has been kept.
    func settled() async {
        while let task = running.values.first {
            _ = await task.result
            await Task.yield()
        }
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
