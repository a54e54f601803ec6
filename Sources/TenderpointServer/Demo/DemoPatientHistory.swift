import Foundation
import TenderpointCore

/// One demo patient's year with the clinic, as rows: demographics, diagnosis, consent, a
/// baseline assessment, injection sessions every 12–16 weeks (each one validated by the core's
/// `SessionValidation` exactly as the session controller does; a date the core refuses is moved
/// on, never forced), the follow-ups of each session, week-3 and week-12 reviews, adverse events,
/// a pain diary that follows the toxin's time course, and the appointments still to come.
///
/// Assessments are made by the assessment controller's own input type (`AssessmentInput`), so
/// the stored answers and scores are exactly what the API would store; sessions, injections and
/// diary entries use the controllers' formats (see `DemoContext` and `diaryJSON`).
struct DemoPatientHistory {
    /// What the clinic must add that needs more than rows: a patient account's password hash.
    struct Account: Sendable {
        let id: UUID
        let username: String
        let password: String
        let displayName: String
        let patientID: UUID
        let createdAt: Date
    }

    struct Result: Sendable {
        var account: Account?
        var sessions = 0
    }

    private struct Booking {
        let date: CalendarDate
        let practitioner: Int
        let start: Int
        let minutes: Int
    }

    /// A session as recorded, for the diary and the next session's checks.
    private struct RecordedSession {
        let id: UUID
        let date: CalendarDate
        let effect: DemoCycleEffect
        /// Days after the session (from, through) with a diary side effect, and its words.
        var sideEffects: [(from: Int, through: Int, text: String)]
    }

    private let context: DemoContext
    private let index: Int
    private var random: SplitMix64
    private var slots: DemoSlotBook
    private var batch: DemoBatch

    private init(index: Int, context: DemoContext, slots: DemoSlotBook, batch: DemoBatch) {
        self.context = context
        self.index = index
        random = SplitMix64(seed: context.seed, stream: UInt64(index) + 1, purpose: 2)
        self.slots = slots
        self.batch = batch
    }

    /// Adds patient `index`'s rows to `batch`, booking its appointments in `slots`.
    static func generate(index: Int, context: DemoContext, slots: inout DemoSlotBook, batch: inout DemoBatch) -> Result {
        var history = DemoPatientHistory(index: index, context: context, slots: slots, batch: batch)
        // Hand the storage over so appending does not copy it.
        slots = DemoSlotBook(practitioners: 0, calendar: context.calendar)
        batch = DemoBatch()
        let result = history.generate()
        slots = history.slots
        batch = history.batch
        return result
    }

    // MARK: - The year

    private mutating func generate() -> Result {
        var result = Result()
        let today = context.today
        let staff = context.staff
        let clinicianNumber = index % staff.clinicians.count
        let nurseNumber = staff.clinicians.count + index % staff.nurses.count

        // Who the patient is.
        let patientID = random.uuid()
        let sex = random.pick([("female", 0.80), ("male", 0.19), ("other", 0.01)])
        let given = random.pick(sex == "female" ? DemoNames.femaleGivenNames
                                : sex == "male" ? DemoNames.maleGivenNames : DemoNames.otherGivenNames)
        let family = random.pick(DemoNames.familyNames)
        let fullName = "\(given) \(family)"
        let age = random.int(in: 24...76)
        let birth = today.adding(years: -age).adding(days: -random.int(in: 0...364))

        // Their pain and how it answers toxin. The first three patients (who have accounts) show
        // the three patterns: a strong responder, a moderate one, a non-responder.
        let condition: ClinicalCodes.Condition = random.chance(0.75) ? .fibromyalgia : .myofascialPain
        let responder: DemoResponder = switch index {
        case 0: .strong
        case 1: .moderate
        case 2: .none
        default: random.pick([(DemoResponder.strong, 0.30), (.moderate, 0.25), (.none, 0.45)])
        }
        let usualPain = condition == .fibromyalgia ? random.int(in: 6...8) : random.int(in: 5...7)
        let anticoagulants = random.chance(0.08)
        let product: ToxinProduct = random.chance(0.8) ? .onabotulinumtoxinA : .incobotulinumtoxinA
        let injectionPlan = protocolSites(condition: condition)
        let itemBias = (0..<21).map { _ in random.double(in: -2.0...1.5) }
        let painAreas = wpiAreas(condition: condition)

        // When they came: most a year or more ago, some recently, a few only days ago.
        let longHistory = index < 3 || random.chance(0.7)
        let daysAgo = longHistory ? random.int(in: 330...395) : random.int(in: 3...329)
        let referred = context.openDay(onOrBefore: today.adding(days: -daysAgo))
        let registeredAt = context.clock.instant(referred.adding(days: -random.int(in: 14...35)), minute: random.int(in: 600...960))

        batch.add(.patients, [
            patientID, given, family, birth.iso, sex, DemoNHSNumber.number(for: index),
            "07700 900" + threeDigits(random.int(in: 0...999)), email(given: given, family: family),
            "\(random.int(in: 1...140)) \(random.pick(DemoNames.streets)), \(random.pick(DemoNames.towns))",
            PatientModel.searchKey(given: given, family: family), registeredAt, registeredAt,
        ])
        if index < DemoStaff.patientAccounts {
            let login = DemoStaff.patientLogin(index + 1)
            result.account = Account(id: random.uuid(), username: login.username, password: login.password,
                                     displayName: fullName, patientID: patientID, createdAt: registeredAt)
        }

        // The assessment visit: diagnosis, baseline measures, consent.
        guard let visit = book(.assessment, on: referred, minutes: 40, practitioners: [clinicianNumber], flexible: true) else {
            return result
        }
        guard visit.date < today else {
            // Referred only days ago: the assessment is still to come.
            addAppointment(visit, kind: .assessment, patientID: patientID, sessionID: nil, status: .booked,
                           createdAt: registeredAt)
            return result
        }
        let start = visit.date
        let assessor = staff.practitioners[visit.practitioner].id
        let visitAt = context.clock.instant(start, minute: visit.start)
        addAppointment(visit, kind: .assessment, patientID: patientID, sessionID: nil, status: .attended,
                       createdAt: registeredAt)
        batch.add(.conditions, [
            random.uuid(), patientID, condition.rawValue, start.adding(years: -random.int(in: 1...15)).iso, start.iso,
            "active", String?.none, visitAt.addingTimeInterval(1500),
        ])
        var consentID = random.uuid()
        batch.add(.consents, [
            consentID, patientID, start.iso, context.informationVersion, fullName, assessor, String?.none,
            visitAt.addingTimeInterval(2100),
        ])
        var consent = try! ConsentRecord(date: start, informationVersion: context.informationVersion)
        let symptomMonths = random.int(in: 12...180)
        let baseline = AssessmentInput(
            tenderPoints: tenderPoints(condition: condition, months: condition == .fibromyalgia ? symptomMonths : 0),
            acr2016: acr2016(areas: painAreas, condition: condition, months: symptomMonths),
            fiqr: ScoreDTO.FIQRInput(answers: fiqrAnswers(level: Double(usualPain) + 0.5, bias: itemBias)),
            painNRS: usualPain,
            note: "Baseline assessment before botulinum toxin; information leaflet \(context.informationVersion) given.")
        addAssessment(patientID: patientID, on: start, at: visitAt.addingTimeInterval(1200), by: assessor, input: baseline)

        // Sessions every 12–16 weeks, from 2–5 weeks after the assessment.
        var sessions: [RecordedSession] = []
        var earlier: [DoseCheck.RecordedSession] = []
        var candidate = context.calendar.nextOpenDay(onOrAfter: start.adding(days: random.int(in: 14...35)))
        while candidate < today {
            if !consent.covers(sessionOn: candidate, validityMonths: context.rules.consentValidityMonths) {
                // A consent lasts a year: the patient consents again at the reassessment visit.
                consentID = random.uuid()
                consent = try! ConsentRecord(date: candidate, informationVersion: context.informationVersion)
                batch.add(.consents, [
                    consentID, patientID, candidate.iso, context.informationVersion, fullName, assessor, String?.none,
                    context.clock.instant(candidate, minute: 8 * 60 + 45),
                ])
            }
            guard let session = chartSession(
                from: candidate, patientID: patientID, birth: birth, consent: consent, consentID: consentID,
                product: product, plan: injectionPlan, anticoagulants: anticoagulants, clinicianNumber: clinicianNumber,
                earlier: earlier, responder: responder) else { break }
            sessions.append(session.recorded)
            earlier.append(DoseCheck.RecordedSession(date: session.recorded.date, dose: session.dose))
            let cycle = sessions.count
            sessions[cycle - 1].sideEffects = followUps(
                after: session.recorded, plan: session.plan, patientID: patientID, usualPain: usualPain,
                responder: responder, bias: itemBias, clinicianNumber: clinicianNumber, nurseNumber: nurseNumber,
                performedAt: session.performedAt, neckWeakness: index == 1 && cycle == 2)
            candidate = context.calendar.nextOpenDay(onOrAfter: session.recorded.date.adding(days: random.int(in: 84...112)))
        }
        result.sessions = sessions.count

        // The next session, booked in its window (the first one for a patient still waiting).
        if candidate >= today, candidate <= today.adding(days: 120),
           let next = book(.injection, on: candidate, minutes: 30, practitioners: [clinicianNumber], flexible: true) {
            let bookedAt = sessions.last.map { context.clock.instant($0.date.adding(days: 84), minute: 600) } ?? visitAt
            addAppointment(next, kind: .injection, patientID: patientID, sessionID: nil, status: .booked,
                           createdAt: min(bookedAt, context.clock.instant(today, minute: 0)))
        }

        addDiary(patientID: patientID, from: start, sessions: sessions, usualPain: usualPain, areas: painAreas,
                 enteredBy: result.account?.id ?? staff.nurses[0].id)
        return result
    }

    // MARK: - Sessions

    private struct Charted {
        let recorded: RecordedSession
        let dose: ProductDose
        let plan: FollowUpPlan
        let performedAt: Date
    }

    /// Charts the session on the first date from `from` that a practitioner is free and the core
    /// accepts; nil when none is found within a few weeks or before today.
    private mutating func chartSession(from: CalendarDate, patientID: UUID, birth: CalendarDate, consent: ConsentRecord,
                                       consentID: UUID, product: ToxinProduct, plan: [(InjectionSite, Units)],
                                       anticoagulants: Bool, clinicianNumber: Int, earlier: [DoseCheck.RecordedSession],
                                       responder: DemoResponder) -> Charted? {
        let staff = context.staff
        // A nurse charts some sessions under the patient's clinician; only a clinician may
        // acknowledge a screening "yes".
        let byNurse = !anticoagulants && random.chance(0.15)
        let practitioner = byNurse ? staff.clinicians.count + index % staff.nurses.count : clinicianNumber
        let role: Role = byNurse ? .nurse : .clinician
        let total = plan.reduce(Units.zero) { $0 + $1.1 }
        let size = total <= Units(100) ? Units(100) : Units(200)
        // 4 U per 0.1 mL either way.
        let diluent: Decimal = size == Units(100) ? Decimal(string: "2.5")! : 5
        let sessionID = random.uuid()
        let vialID = random.uuid()

        var date = from
        for _ in 0..<6 {
            guard date < context.today else { return nil }
            guard let slot = slots.freeStart(practitioner: practitioner, on: date, minutes: 30,
                                             preferred: random.int(in: 540...990)) else {
                date = context.calendar.nextOpenDay(onOrAfter: date.adding(days: 1))
                continue
            }
            let performedAt = context.clock.instant(date, minute: slot + 5)
            let reconstitutedAt = context.clock.instant(date, minute: 8 * 60 + 30)
            let lot = DemoLots.lot(of: product, on: date)
            let vial = try! Vial(product: product, lotNumber: lot.number, expiryDate: lot.expiry, size: size,
                                 diluentMl: diluent, reconstitutedAt: reconstitutedAt)
            let proposed = ProposedSession(
                date: date, performedAt: performedAt, chartedBy: role,
                supervision: byNurse ? .account(role: .clinician, active: true) : .none, patientBirthDate: birth,
                screening: DemoContext.screening(anticoagulants: anticoagulants),
                acknowledged: DemoContext.acknowledged(anticoagulants: anticoagulants), consent: consent,
                injections: plan.map { ProposedSession.Injection(vialReference: vialID.uuidString, vial: vial, site: $0.0, units: $0.1) },
                overrideReason: nil)
            guard case .success(let validated) = SessionValidation.validate(
                proposed, otherSessions: earlier, rules: context.rules,
                now: context.clock.instant(context.today, minute: 12 * 60)) else {
                // Too soon or over a limit: try a week later, as a clinic would rebook.
                date = context.calendar.nextOpenDay(onOrAfter: date.adding(days: 7))
                continue
            }
            slots.reserve(practitioner: practitioner, on: date, start: slot, minutes: 30)
            let injector = staff.practitioners[practitioner].id
            let leftover = size.tenths - total.tenths
            batch.add(.vials, [
                vialID, product.rawValue, lot.number, lot.expiry.iso, size.tenths, "\(diluent)", reconstitutedAt,
                (leftover > 0 ? VialState.discarded : VialState.finished).rawValue, reconstitutedAt,
            ])
            let guidance = random.pick([(InjectionGuidance.landmark, 0.85), (.ultrasound, 0.10), (.emg, 0.05)])
            batch.add(.sessions, [
                sessionID, patientID, date.iso, performedAt, injector,
                byNurse ? Optional(staff.clinicians[clinicianNumber].id) : nil, product.rawValue,
                validated.total.units.tenths, context.screeningJSON[anticoagulants]!, context.acknowledgedJSON[anticoagulants]!,
                consentID, guidance.rawValue, String?.none,
                random.chance(0.2) ? Optional(random.pick(Self.sessionNotes)) : nil, performedAt.addingTimeInterval(1200),
            ])
            for (position, injection) in plan.enumerated() {
                batch.add(.injections, [
                    random.uuid(), sessionID, vialID, injection.0.kind.rawValue, injection.0.id, String?.none, Double?.none,
                    Double?.none, injection.1.tenths, vial.volumeMl(for: injection.1).map { "\($0)" }, position,
                ])
            }
            addAppointment(Booking(date: date, practitioner: practitioner, start: slot, minutes: 30), kind: .injection,
                           patientID: patientID, sessionID: sessionID, status: .attended,
                           createdAt: context.clock.instant(date.adding(days: -random.int(in: 14...40)), minute: 600))
            let recorded = RecordedSession(id: sessionID, date: date,
                                           effect: DemoCycleEffect(responder: responder, using: &random), sideEffects: [])
            return Charted(recorded: recorded, dose: validated.total, plan: validated.followUpPlan, performedAt: performedAt)
        }
        return nil
    }

    static let sessionNotes = [
        "Tolerated well.", "Mild discomfort at the trapezius sites.", "Patient anxious about needles; went well.",
        "Same sites as the last cycle.", "Observed 20 minutes after injection, no immediate reaction.",
    ]

    /// Books the session's follow-ups (day 8 by phone with the nurse, week 3 and week 12 with the
    /// clinician), records the reviews that have happened and any adverse events. Returns the
    /// diary side effects the session caused.
    private mutating func followUps(after session: RecordedSession, plan: FollowUpPlan, patientID: UUID, usualPain: Int,
                                    responder: DemoResponder, bias: [Double], clinicianNumber: Int, nurseNumber: Int,
                                    performedAt: Date, neckWeakness: Bool) -> [(from: Int, through: Int, text: String)] {
        let today = context.today
        for followUp in plan.followUps {
            let kind = AppointmentKind(followUp.kind)
            let practitioner = followUp.kind == .onsetCheck ? nurseNumber : clinicianNumber
            guard let booking = book(kind, on: followUp.date, minutes: AppointmentKind.followUpMinutes(followUp.kind),
                                     practitioners: [practitioner], flexible: true) else { continue }
            let status: AppointmentStatus = booking.date >= today ? .booked
                : random.pick([(AppointmentStatus.attended, 0.92), (.noShow, 0.05), (.cancelled, 0.03)])
            addAppointment(booking, kind: kind, patientID: patientID, sessionID: session.id, status: status, createdAt: performedAt)
            guard status == .attended else { continue }
            let at = context.clock.instant(booking.date, minute: booking.start + 10)
            let day = booking.date.days(since: session.date)
            let reviewer = context.staff.practitioners[booking.practitioner].id
            switch followUp.kind {
            case .onsetCheck:
                continue
            case .peakReview:
                // Responders are rounded down so that a 30% fall in the model reads as one.
                let expected = session.effect.pain(usual: usualPain, onDay: day)
                let pain = responder.isResponder ? Int(expected.rounded(.down)) : Int(expected.rounded())
                let answers = fiqrAnswers(level: expected + 0.5, bias: bias)
                let impression = responder.pgic(using: &random)
                addAssessment(patientID: patientID, on: booking.date, at: at, by: reviewer, input: AssessmentInput(
                    fiqr: ScoreDTO.FIQRInput(answers: answers), painNRS: pain, pgic: impression, note: "Week-3 review."))
            case .reassessment:
                let expected = session.effect.pain(usual: usualPain, onDay: day) + random.double(in: -0.4...0.4)
                let answers = fiqrAnswers(level: expected + 0.5, bias: bias)
                addAssessment(patientID: patientID, on: booking.date, at: at, by: reviewer, input: AssessmentInput(
                    fiqr: ScoreDTO.FIQRInput(answers: answers), painNRS: min(10, max(0, Int(expected.rounded()))),
                    note: "Week-12 reassessment."))
            }
        }
        return adverseEvents(after: session, patientID: patientID, recorder: context.staff.clinicians[clinicianNumber].id,
                             neckWeakness: neckWeakness)
    }

    /// Adverse events after a session, mostly mild and local; patient 2's second session brings
    /// the demo's one moderate neck weakness. Each is checked by the core's `AdverseEvent`.
    private mutating func adverseEvents(after session: RecordedSession, patientID: UUID, recorder: UUID,
                                        neckWeakness: Bool) -> [(from: Int, through: Int, text: String)] {
        var events: [(AdverseEventKind, AdverseEventSeverity, String?, String)] = []
        if random.chance(0.15) { events.append((.injectionSitePain, .mild, "Aching at the injection sites.", "sore injection sites")) }
        if random.chance(0.10) { events.append((.bruising, .mild, "Small bruise at one injection site.", "bruising where injected")) }
        if random.chance(0.05) { events.append((.headache, .mild, nil, "headache")) }
        if random.chance(0.03) { events.append((.fluLikeSymptoms, .mild, nil, "flu-like aches")) }
        if neckWeakness {
            events.append((.neckWeakness, .moderate, "Difficulty holding the head up in the evenings from day 5; no swallowing or breathing difficulty. Resolved without treatment.",
                           "neck feels weak"))
        }
        var sideEffects: [(from: Int, through: Int, text: String)] = []
        for (kind, severity, description, words) in events {
            let onsetDay = kind == .neckWeakness ? 5 : random.int(in: 0...2)
            let lasting = kind == .neckWeakness ? random.int(in: 18...24) : random.int(in: 1...7)
            let onset = session.date.adding(days: onsetDay)
            let resolved = onset.adding(days: lasting)
            guard let event = try? AdverseEvent(kind: kind, onsetDate: onset, severity: severity, serious: false,
                                                description: description, resolvedOn: resolved < context.today ? resolved : nil,
                                                sessionDate: session.date, today: context.today) else { continue }
            batch.add(.adverseEvents, [
                random.uuid(), patientID, session.id, event.kind.rawValue, event.onsetDate.iso, event.severity.rawValue,
                event.serious, event.description, event.resolvedOn?.iso, recorder,
                context.clock.instant(min(onset.adding(days: 2), context.today), minute: 11 * 60),
            ])
            sideEffects.append((onsetDay, onsetDay + lasting, words))
        }
        return sideEffects
    }

    // MARK: - Diary

    static let diaryNotes = [
        "Bad night.", "Busy day at work.", "Flare after gardening.", "Felt better today.", "Weather change, stiff.",
        "Walked the dog twice.", "Hardly slept.", "Good day.",
    ]

    /// A pain diary from the assessment to yesterday: 0–2 entries a day, with missed days.
    private mutating func addDiary(patientID: UUID, from start: CalendarDate, sessions: [RecordedSession], usualPain: Int,
                                   areas: [WPIArea], enteredBy: UUID) {
        guard index < 3 || random.chance(0.85) else { return }
        let adherence = random.double(in: 0.60...0.95)
        let twiceDaily = random.double(in: 0.15...0.50)
        let recordsOptional = random.chance(0.7)
        var cycle = -1
        for dayNumber in start.daysSinceEpoch..<context.today.daysSinceEpoch {
            let date = CalendarDate(daysSinceEpoch: dayNumber)
            while cycle + 1 < sessions.count, sessions[cycle + 1].date <= date { cycle += 1 }
            guard random.chance(adherence) else { continue }
            let entries = random.chance(twiceDaily) ? 2 : 1
            let current = cycle >= 0 ? sessions[cycle] : nil
            let day = current.map { date.days(since: $0.date) } ?? 0
            let expected = current?.effect.pain(usual: usualPain, onDay: day) ?? Double(usualPain)
            for entry in 0..<entries {
                let minute = entries == 2 && entry == 0 ? random.int(in: 420...599) : random.int(in: 1140...1379)
                let pain = min(10, max(0, Int((expected + random.double(in: -1.2...1.2)).rounded())))
                let recordedAt = context.clock.instant(date, minute: minute)
                let share = usualPain > 0 ? Double(pain) / Double(usualPain) : 0
                let areaCount = min(areas.count, max(pain > 0 ? 1 : 0, Int((Double(areas.count) * share).rounded())))
                let effects = current?.sideEffects.filter { $0.from <= day && day <= $0.through }.map(\.text) ?? []
                batch.add(.diaryEntries, [
                    random.uuid(), patientID, recordedAt, date.iso, pain,
                    recordsOptional ? Optional(min(10, max(0, pain + random.int(in: -2...2)))) : nil,
                    recordsOptional ? Optional(min(10, max(0, 10 - pain + random.int(in: -2...1)))) : nil,
                    Self.jsonList(orderedSample(areas, count: areaCount).map(\.rawValue)), Self.jsonList(effects),
                    random.chance(0.03) ? Optional(random.pick(Self.diaryNotes)) : nil,
                    enteredBy, recordedAt.addingTimeInterval(Double(random.int(in: 5...900))),
                ])
            }
        }
    }

    /// `count` of `items`, kept in their order (selection sampling, Knuth's algorithm S): the
    /// pain areas are listed in the WPI's order, as the diary controller stores them.
    private mutating func orderedSample<T>(_ items: [T], count: Int) -> [T] {
        var chosen: [T] = []
        chosen.reserveCapacity(count)
        var needed = count
        for (index, item) in items.enumerated() where needed > 0 {
            if random.int(in: 0...(items.count - index - 1)) < needed {
                chosen.append(item)
                needed -= 1
            }
        }
        return chosen
    }

    /// A JSON list of plain identifiers or words as `DiaryEntryDTO.json` writes it (nil when
    /// empty), without an encoder per entry: the demo writes millions. The texts contain no
    /// character JSON escapes (checked by a test).
    static func jsonList(_ items: [String]) -> String? {
        guard !items.isEmpty else { return nil }
        return "[" + items.map { "\"\($0)\"" }.joined(separator: ",") + "]"
    }

    // MARK: - Appointments

    /// Books `minutes` with the first free of `practitioners` on `date`, or (when `flexible`) on
    /// the next open days, as reception would.
    private mutating func book(_ kind: AppointmentKind, on date: CalendarDate, minutes: Int, practitioners: [Int],
                               flexible: Bool) -> Booking? {
        var day = context.calendar.nextOpenDay(onOrAfter: date)
        let preferred = random.int(in: 540...990)
        for _ in 0..<(flexible ? 10 : 1) {
            for practitioner in practitioners {
                if let start = slots.freeStart(practitioner: practitioner, on: day, minutes: minutes, preferred: preferred) {
                    slots.reserve(practitioner: practitioner, on: day, start: start, minutes: minutes)
                    return Booking(date: day, practitioner: practitioner, start: start, minutes: minutes)
                }
            }
            day = context.calendar.nextOpenDay(onOrAfter: day.adding(days: 1))
        }
        return nil
    }

    private mutating func addAppointment(_ booking: Booking, kind: AppointmentKind, patientID: UUID, sessionID: UUID?,
                                         status: AppointmentStatus, createdAt: Date) {
        batch.add(.appointments, [
            random.uuid(), context.staff.practitioners[booking.practitioner].id, patientID,
            context.clock.instant(booking.date, minute: booking.start),
            context.clock.instant(booking.date, minute: booking.start + booking.minutes), kind.rawValue, status.rawValue,
            sessionID, String?.none, String?.none, createdAt,
        ])
    }

    // MARK: - Assessments

    /// Stores an assessment exactly as the assessment controller would: its own input type
    /// checks the answers and the core scores them.
    private mutating func addAssessment(patientID: UUID, on date: CalendarDate, at instant: Date, by assessor: UUID,
                                        input: AssessmentInput) {
        var input = input
        input.date = date.iso
        let model: AssessmentModel
        do {
            model = try input.validated(today: context.today)
        } catch {
            preconditionFailure("a demo assessment was refused: \(error)")
        }
        batch.add(.assessments, [
            random.uuid(), patientID, model.date, instant, assessor, model.tenderPointsJSON, model.tenderPointCount,
            model.acr1990Met, model.acr2016JSON, model.wpi, model.sss, model.fs, model.acr2016Met, model.fiqrAnswersJSON,
            model.fiqrTotal, model.painNRS, model.pgic, model.note, instant,
        ])
    }

    private mutating func tenderPoints(condition: ClinicalCodes.Condition, months: Int) -> AssessmentInput.TenderPoints {
        let count = condition == .fibromyalgia ? (random.chance(0.9) ? random.int(in: 11...18) : random.int(in: 8...10))
            : random.int(in: 2...8)
        let positive = random.sample(TenderPointSite.all, count: count).map(\.id)
        return AssessmentInput.TenderPoints(positive: positive, pain: nil, widespreadPainMonths: months)
    }

    /// The areas the patient usually hurts in: for fibromyalgia all four quadrants and the
    /// spine; for myofascial pain the neck and shoulders.
    private mutating func wpiAreas(condition: ClinicalCodes.Condition) -> [WPIArea] {
        var areas: Set<WPIArea> = []
        if condition == .fibromyalgia {
            for region in [ACR2016Region.leftUpper, .rightUpper, .leftLower, .rightLower, .axial] {
                let candidates = WPIArea.allCases.filter { $0.region == region && $0.countsTowardGeneralizedPain }
                areas.formUnion(random.sample(candidates, count: random.int(in: 1...candidates.count)))
            }
            for extra in [WPIArea.jawLeft, .jawRight, .chest, .abdomen] where random.chance(0.25) { areas.insert(extra) }
        } else {
            areas = [.neck, .upperBack]
            for extra in [WPIArea.shoulderGirdleLeft, .shoulderGirdleRight, .jawLeft, .jawRight] where random.chance(0.5) {
                areas.insert(extra)
            }
        }
        return WPIArea.allCases.filter(areas.contains)
    }

    private mutating func acr2016(areas: [WPIArea], condition: ClinicalCodes.Condition, months: Int) -> ScoreDTO.ACR2016Input {
        let severe = condition == .fibromyalgia
        return ScoreDTO.ACR2016Input(
            painAreas: areas.map(\.rawValue), fatigue: severe ? random.int(in: 2...3) : random.int(in: 0...2),
            wakingUnrefreshed: severe ? random.int(in: 2...3) : random.int(in: 0...2),
            cognitiveSymptoms: severe ? random.int(in: 1...3) : random.int(in: 0...1),
            headaches: random.chance(severe ? 0.6 : 0.3), lowerAbdominalPain: random.chance(severe ? 0.35 : 0.05),
            depression: random.chance(severe ? 0.45 : 0.2), symptomMonths: months, administeredBy: .clinician)
    }

    /// 21 FIQR answers around a level of distress, each item with the patient's own lean; now
    /// and then one function item is left blank (the FIQR still scores with one missing).
    private mutating func fiqrAnswers(level: Double, bias: [Double]) -> [Int?] {
        var answers: [Int?] = bias.map { lean in
            min(10, max(0, Int((level + lean + random.double(in: -1...1)).rounded())))
        }
        if random.chance(0.04) { answers[random.int(in: 0...8)] = nil }
        return answers
    }

    /// The patient's injection plan: 3–6 bilateral pairs of sites, 5–25 U each, at most 200 U in
    /// all, so that two sessions 12 weeks apart stay within 400 U in three months.
    private mutating func protocolSites(condition: ClinicalCodes.Condition) -> [(InjectionSite, Units)] {
        let neckAndShoulders: [InjectionSite] = [
            .tenderPoint(TenderPointSite(.trapezius, .left)), .tenderPoint(TenderPointSite(.supraspinatus, .left)),
            .tenderPoint(TenderPointSite(.occiput, .left)), .muscle(MuscleSite(.levatorScapulae, .left)),
            .muscle(MuscleSite(.splenius, .left)), .muscle(MuscleSite(.rhomboid, .left)),
            .muscle(MuscleSite(.infraspinatus, .left)), .muscle(MuscleSite(.paraspinalCervical, .left)),
        ]
        let backAndHips: [InjectionSite] = [
            .tenderPoint(TenderPointSite(.gluteal, .left)), .tenderPoint(TenderPointSite(.lowCervical, .left)),
            .muscle(MuscleSite(.paraspinalThoracic, .left)), .muscle(MuscleSite(.paraspinalLumbar, .left)),
            .muscle(MuscleSite(.quadratusLumborum, .left)), .muscle(MuscleSite(.gluteusMedius, .left)),
            .muscle(MuscleSite(.piriformis, .left)),
        ]
        let pool = condition == .fibromyalgia ? neckAndShoulders + backAndHips : neckAndShoulders
        let steps = [Units(5), Units(tenths: 75), Units(10), Units(tenths: 125), Units(15), Units(20), Units(25)]
        var pairs: [(InjectionSite, Int)] = random.sample(pool, count: random.int(in: 3...6)).map { site in
            (site, random.pick([(0, 1.0), (1, 1.5), (2, 3.0), (3, 2.0), (4, 2.0), (5, 1.0), (6, 0.5)]))
        }
        func total() -> Int { pairs.reduce(0) { $0 + 2 * steps[$1.1].tenths } }
        while total() > Units(200).tenths, let largest = pairs.indices.max(by: { pairs[$0].1 < pairs[$1].1 }) {
            pairs[largest].1 -= 1
        }
        return pairs.flatMap { site, step in
            [(site, steps[step]), (Self.mirrored(site), steps[step])]
        }
    }

    private static func mirrored(_ site: InjectionSite) -> InjectionSite {
        switch site {
        case .tenderPoint(let point): .tenderPoint(TenderPointSite(point.location, point.side == .left ? .right : .left))
        case .muscle(let muscle): .muscle(MuscleSite(muscle.muscle, muscle.side == .left ? .right : .left))
        }
    }

    // MARK: - Small things

    private func threeDigits(_ number: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, 3 - text.count)) + text
    }

    /// given.family@example.org, in plain ASCII letters.
    private func email(given: String, family: String) -> String {
        func plain(_ text: String) -> String {
            text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_GB"))
                .lowercased().filter { $0.isASCII && $0.isLetter }
        }
        return "\(plain(given)).\(plain(family))@example.org"
    }
}
