import Foundation
@testable import TenderpointCore

/// A random clinic history, made from one seed and replayed step by step through the core: vials
/// prepared on clinic days (lots shared between vials), patients with consents, sessions charted
/// for random earlier days in random order (often late, sometimes with an override, sometimes by
/// a nurse, sometimes with absurd doses), voids, discards and lot recalls. Whatever the core
/// accepts is kept exactly as the server keeps it; `ClinicInvariants` then checks the record with
/// its own, independent arithmetic. The same seed always gives the same history.
struct ClinicHistory {
    struct Injection {
        let vial: Int
        let site: InjectionSite
        let units: Units
    }

    struct Session {
        let id: Int
        let patient: Int
        let date: CalendarDate
        let performedAt: Date
        /// The clock when it was charted.
        let chartedAt: Date
        let product: ToxinProduct
        let injections: [Injection]
        let consent: ConsentRecord
        let overridden: Bool
        var voided = false
    }

    struct StockVial {
        let vial: Vial
        var state: VialState
        var closedAt: Date?
        var wasted: Units
    }

    static let timeZone = TimeZone(identifier: "Europe/London")!
    static let firstDay = CalendarDate(iso: "2025-01-06")!
    static let products: [ToxinProduct] = [.onabotulinumtoxinA, .incobotulinumtoxinA, .abobotulinumtoxinA]

    let seed: UInt64
    let rules: ClinicRules
    private(set) var vials: [StockVial] = []
    private(set) var sessions: [Session] = []
    private(set) var consents: [[ConsentRecord]]
    private(set) var clock: Date
    private(set) var clinicDays: [CalendarDate] = []
    private(set) var accepted = 0
    private(set) var refused = 0
    private(set) var log: [String] = []
    private var random: SplitMix
    private let patients = 3

    init(seed: UInt64) {
        self.seed = seed
        random = SplitMix(seed: seed)
        rules = ClinicRules(consentValidityMonths: 12)
        consents = Array(repeating: [], count: patients)
        clock = Self.firstDay.start(in: Self.timeZone)
        // Clinic days over about 20 months, each with a few vials reconstituted at 08:00.
        var day = Self.firstDay
        for _ in 0..<random.int(in: 8...18) {
            day = day.adding(days: random.int(in: 7...45))
            clinicDays.append(day)
        }
        let lots = (0..<4).map { "L\($0)" }
        for day in clinicDays {
            for _ in 0..<random.int(in: 2...4) {
                let product = random.chance(0.7) ? ToxinProduct.onabotulinumtoxinA : random.pick(Self.products)
                let size = random.pick(product.vialSizes)
                let prepared = Self.instant(day, hour: 8)
                let expiry = day.adding(days: random.int(in: -3...400))
                vials.append(StockVial(vial: try! Vial(product: product, lotNumber: random.pick(lots), expiryDate: expiry,
                                                        size: size, diluentMl: 2.5, reconstitutedAt: prepared),
                                       state: .inUse, closedAt: nil, wasted: .zero))
            }
        }
        for patient in 0..<patients {
            for _ in 0..<random.int(in: 1...2) { addConsent(patient) }
        }
    }

    static func instant(_ date: CalendarDate, hour: Int, minute: Int = 0) -> Date {
        date.start(in: timeZone).addingTimeInterval(TimeInterval(hour * 3600 + minute * 60))
    }

    /// Runs `steps` random actions, calling `check` after each.
    mutating func run(steps: Int, check: (ClinicHistory) -> Void) {
        for _ in 0..<steps {
            // The clock moves on between actions; sessions are charted for days up to it.
            clock = clock.addingTimeInterval(TimeInterval(random.int(in: 0...20 * 86_400)))
            switch random.int(in: 0...99) {
            case 0..<62: chartSession()
            case 62..<72: voidSession()
            case 72..<80: discardVial()
            case 80..<86: recallLot()
            default: addConsent(random.int(in: 0...(patients - 1)))
            }
            check(self)
        }
    }

    var now: Date { clock }

    // MARK: actions

    private mutating func addConsent(_ patient: Int) {
        // Mostly a little before a clinic day; now and then any day (old, or after every session).
        let date = random.chance(0.8) ? random.pick(clinicDays).adding(days: -random.int(in: 0...90))
            : Self.firstDay.adding(days: random.int(in: -800...700))
        let products: Set<ToxinProduct>? = random.chance(0.7) ? nil : Set((0..<random.int(in: 1...2)).map { _ in random.pick(Self.products) })
        consents[patient].append(try! ConsentRecord(date: date, informationVersion: "v\(random.int(in: 1...4))", products: products))
    }

    private mutating func chartSession() {
        let today = rules.calendar.today(now: clock)
        let days = clinicDays.filter { $0 <= today }
        guard !days.isEmpty else { return }
        let date = random.pick(days)
        let patient = random.int(in: 0...(patients - 1))
        // Usually on the day (09:00–17:00); now and then a time past the clock or off the date.
        var performedAt = Self.instant(date, hour: random.int(in: 9...16), minute: random.int(in: 0...59))
        if random.chance(0.05) { performedAt = clock.addingTimeInterval(TimeInterval(random.int(in: -600...900))) }
        let todaysVials = vials.indices.filter { CalendarDate(vials[$0].vial.reconstitutedAt!, in: Self.timeZone) == date }
        let pool = todaysVials.isEmpty || random.chance(0.1) ? Array(vials.indices) : todaysVials
        let main = random.pick(pool)
        // The day's vials of the same product, drawn in turn (a big session empties several).
        let sameProduct = pool.filter { vials[$0].vial.product == vials[main].vial.product }
        var injections: [Injection] = []
        for number in 0..<random.int(in: 1...10) {
            let vial = random.chance(0.9) ? sameProduct[number % sameProduct.count] : random.pick(pool)
            let product = vials[vial].vial.product
            let scale = product == .abobotulinumtoxinA ? 3 : 1
            // Mostly ordinary doses (0.1–50 U); sometimes past the per-site limit.
            let cap = (random.chance(0.9) ? 500 : 600) * scale
            var units = Units(tenths: random.int(in: 1...cap))
            if random.chance(0.01) { units = Units.maximum }
            if random.chance(0.005) { units = Units(tenths: random.int(in: -50...0)) }
            let site = InjectionSite.muscle(MuscleSite.all[random.int(in: 0...(MuscleSite.all.count - 1))])
            injections.append(Injection(vial: vial, site: site, units: units))
        }
        let role: Role = random.chance(0.8) ? .clinician : .nurse
        let supervision: Supervision = role == .nurse ? (random.chance(0.9) ? .account(role: .clinician, active: true) : .none) : .none
        let consent = consents[patient].isEmpty ? nil : random.pick(consents[patient])
        let overrideReason: String? = random.chance(0.45) ? (random.chance(0.9) ? "Paper record charted late" : "   ") : nil
        let others = sessions.filter { $0.patient == patient && !$0.voided }
            .map { DoseCheck.RecordedSession(date: $0.date, dose: ProductDose(product: $0.product, units: Units.sum($0.injections.map(\.units)))) }
        let proposal = ProposedSession(
            date: date, performedAt: performedAt, chartedBy: role, supervision: supervision,
            patientBirthDate: CalendarDate(iso: "1970-05-05"), screening: ContraindicationScreen(answers: Dictionary(
                uniqueKeysWithValues: ScreeningItem.allCases.map { ($0, false) })),
            acknowledged: [], consent: consent,
            injections: injections.map { injection in
                ProposedSession.Injection(vialReference: "\(injection.vial)", stock: stock(injection.vial),
                                          site: injection.site, units: injection.units)
            },
            overrideReason: overrideReason)
        switch SessionValidation.validate(proposal, otherSessions: others, rules: rules, now: clock) {
        case .success(let validated):
            let overridden = if case .overridden = validated.interval { true } else { false }
            sessions.append(Session(id: sessions.count, patient: patient, date: date, performedAt: performedAt,
                                    chartedAt: clock, product: validated.total.product, injections: injections, consent: consent!,
                                    overridden: overridden))
            accepted += 1
            log.append("chart #\(sessions.count - 1) p\(patient) \(date) \(validated.total)\(overridden ? " overridden" : "")")
        case .failure(let problems):
            refused += 1
            log.append("refused p\(patient) \(date): \(problems.all.map(\.code.rawValue).joined(separator: ","))")
        }
    }

    private mutating func voidSession() {
        let open = sessions.indices.filter { !sessions[$0].voided }
        guard !open.isEmpty else { return }
        let index = random.pick(open)
        let role: Role = random.chance(0.8) ? .clinician : .nurse
        if (try? SessionVoid.check(reason: "Charted in error", by: role, alreadyVoided: sessions[index].voided)) != nil {
            sessions[index].voided = true
            log.append("void #\(index)")
        }
    }

    private mutating func discardVial() {
        guard !vials.isEmpty else { return }
        let index = random.int(in: 0...(vials.count - 1))
        let current = stock(index)
        let wasted: Units? = random.chance(0.5) ? nil : Units(tenths: random.int(in: 0...max(0, current.remaining.tenths + 20)))
        if let units = try? current.discard(reason: "24 hours passed", wastedUnits: wasted) {
            vials[index].state = .discarded
            vials[index].closedAt = clock
            vials[index].wasted = units
            log.append("discard v\(index) wasted \(units)")
        }
    }

    private mutating func recallLot() {
        guard !vials.isEmpty else { return }
        let lot = vials[random.int(in: 0...(vials.count - 1))].vial.lotNumber
        for index in vials.indices where vials[index].vial.lotNumber == lot && vials[index].state != .recalled {
            vials[index].state = .recalled
            vials[index].closedAt = vials[index].closedAt ?? clock
        }
        log.append("recall \(lot) at \(clock)")
    }

    /// A copy whose record holds `sessions` (date, units at one trapezius) drawn from `vial`,
    /// written without asking the core: to show the invariants catch a broken record.
    func forcing(vial: Vial, sessions forced: [(CalendarDate, Int)]) -> ClinicHistory {
        var copy = self
        copy.vials = [StockVial(vial: vial, state: .inUse, closedAt: nil, wasted: .zero)]
        let consent = try! ConsentRecord(date: Self.firstDay, informationVersion: "v1")
        copy.sessions = forced.enumerated().map { index, entry in
            Session(id: index, patient: 0, date: entry.0, performedAt: Self.instant(entry.0, hour: 10), chartedAt: clock,
                    product: vial.product,
                    injections: [Injection(vial: 0, site: .muscle(MuscleSite(.trapezius, .left)), units: Units(entry.1))],
                    consent: consent, overridden: false)
        }
        return copy
    }

    // MARK: what the server would read

    /// The vial as the stock shows it: units drawn by every session that is not voided.
    func stock(_ index: Int) -> VialStock {
        let drawn = sessions.filter { !$0.voided }.flatMap(\.injections).filter { $0.vial == index }.map(\.units)
        let entry = vials[index]
        return VialStock(vial: entry.vial, state: entry.state, closedAt: entry.closedAt, drawn: Units.sum(drawn), wasted: entry.wasted)
    }
}

/// SplitMix64: small, fast, and the same sequence for the same seed on every platform.
struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % width)
    }

    mutating func chance(_ probability: Double) -> Bool {
        Double(next() % 1_000_000) < probability * 1_000_000
    }

    mutating func pick<T>(_ items: [T]) -> T { items[int(in: 0...(items.count - 1))] }
}
