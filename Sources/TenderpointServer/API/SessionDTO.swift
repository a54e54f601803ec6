import Foundation
import TenderpointCore
import Vapor

/// An injection session as the API shows it, with its injections, the follow-ups booked after it
/// and the window for the next one.
struct SessionDTO: Content {
    struct Injection: Content, Equatable {
        let id: UUID
        let position: Int
        let vialId: UUID
        let lotNumber: String
        /// `{"tenderPoint"|"muscle": ID, "chart"?: {view, x, y}}`.
        let site: ChartedSite
        let units: Units
        /// The volume drawn, from the vial's dilution (core `Vial.volumeMl(for:)`); null when the
        /// vial had no recorded dilution.
        let volumeMl: Decimal?

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(position, forKey: .position)
            try container.encode(vialId, forKey: .vialId)
            try container.encode(lotNumber, forKey: .lotNumber)
            try container.encode(site, forKey: .site)
            try container.encode(units, forKey: .units)
            try container.encodeNullable(volumeMl, forKey: .volumeMl)
        }
    }

    /// A planned follow-up and the appointment booked for it.
    struct FollowUpDTO: Content, Equatable {
        /// `onset-check`, `peak-review` or `reassessment`.
        let kind: FollowUpKind
        /// The day of the appointment (or of the plan, when no slot could be booked).
        let date: CalendarDate
        /// The protocol's day (session + 8, 21, 84), before moving off closed or full days.
        let nominalDate: CalendarDate
        let appointmentId: UUID?
        let startAt: Date?

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(kind, forKey: .kind)
            try container.encode(date, forKey: .date)
            try container.encode(nominalDate, forKey: .nominalDate)
            try container.encodeNullable(appointmentId, forKey: .appointmentId)
            try container.encodeNullable(startAt, forKey: .startAt)
        }

        /// Pairs each follow-up of the plan with its appointment, if one was booked.
        static func list(plan: FollowUpPlan, appointments: [AppointmentModel], timeZone: TimeZone) -> [FollowUpDTO] {
            plan.followUps.map { followUp in
                let appointment = appointments.first { $0.kind == AppointmentKind(followUp.kind).rawValue }
                return FollowUpDTO(kind: followUp.kind,
                                   date: appointment.map { CalendarDate($0.startAt, in: timeZone) } ?? followUp.date,
                                   nominalDate: followUp.nominalDate, appointmentId: appointment?.id, startAt: appointment?.startAt)
            }
        }
    }

    /// How the date stood against the last session: `daysSinceLast` is null for a first session.
    struct IntervalDTO: Content, Equatable {
        let daysSinceLast: Int?
        let overridden: Bool

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeNullable(daysSinceLast, forKey: .daysSinceLast)
            try container.encode(overridden, forKey: .overridden)
        }
    }

    /// When, by whom and why a session charted in error was voided.
    struct VoidDTO: Content, Equatable {
        let at: Date
        let by: UUID
        let reason: String
    }

    let id: UUID
    let patientId: UUID
    let date: CalendarDate
    let performedAt: Date
    let product: ToxinProduct
    let totalUnits: Units
    let injectorId: UUID
    let supervisorId: UUID?
    /// Null unless the session was voided; a voided session counts for nothing.
    let voided: VoidDTO?
    let guidance: InjectionGuidance
    let consentId: UUID
    let screening: ContraindicationScreen
    let acknowledged: [ScreeningItem]
    let overrideReason: String?
    let note: String?
    let injections: [Injection]
    let followUps: [FollowUpDTO]
    /// The window for the next session after this one: `{lastSessionDate, earliest, targetFrom, targetTo}`.
    let reinjectionWindow: ReinjectionWindow
    /// Present on the response to `POST`, where the interval was just decided.
    let interval: IntervalDTO?
    let createdAt: Date?

    init(_ model: TreatmentSessionModel, injections: [Injection], followUps: [FollowUpDTO], interval: IntervalDTO?) throws {
        guard let date = CalendarDate(iso: model.date), let product = ToxinProduct(rawValue: model.product) else {
            throw Abort(.internalServerError, reason: "stored session cannot be read")
        }
        let decoder = JSONDecoder()
        id = try model.requireID()
        patientId = model.$patient.id
        self.date = date
        performedAt = model.performedAt
        self.product = product
        totalUnits = Units(tenths: model.totalUnitsTenths)
        injectorId = model.$injector.id
        supervisorId = model.$supervisor.id
        if let at = model.voidedAt, let by = model.voidedBy {
            voided = VoidDTO(at: at, by: by, reason: model.voidReason ?? "")
        } else {
            voided = nil
        }
        guidance = InjectionGuidance(rawValue: model.guidance) ?? .landmark
        consentId = model.$consent.id
        screening = try decoder.decode(ContraindicationScreen.self, from: Data(model.screeningJSON.utf8))
        acknowledged = try decoder.decode([ScreeningItem].self, from: Data(model.acknowledgedJSON.utf8))
        overrideReason = model.overrideReason
        note = model.note
        self.injections = injections
        self.followUps = followUps
        reinjectionWindow = ReinjectionWindow(after: date)
        self.interval = interval
        createdAt = model.createdAt
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(patientId, forKey: .patientId)
        try container.encode(date, forKey: .date)
        try container.encode(performedAt, forKey: .performedAt)
        try container.encode(product, forKey: .product)
        try container.encode(totalUnits, forKey: .totalUnits)
        try container.encode(injectorId, forKey: .injectorId)
        try container.encodeNullable(supervisorId, forKey: .supervisorId)
        try container.encodeNullable(voided, forKey: .voided)
        try container.encode(guidance, forKey: .guidance)
        try container.encode(consentId, forKey: .consentId)
        try container.encode(screening, forKey: .screening)
        try container.encode(acknowledged, forKey: .acknowledged)
        try container.encodeNullable(overrideReason, forKey: .overrideReason)
        try container.encodeNullable(note, forKey: .note)
        try container.encode(injections, forKey: .injections)
        try container.encode(followUps, forKey: .followUps)
        try container.encode(reinjectionWindow, forKey: .reinjectionWindow)
        try container.encodeIfPresent(interval, forKey: .interval)
        try container.encodeNullable(createdAt, forKey: .createdAt)
    }
}

extension SessionDTO.Injection {
    init(_ model: InjectionModel, lotNumber: String) throws {
        guard let kind = InjectionSite.Kind(rawValue: model.siteKind), let site = InjectionSite(kind: kind, id: model.siteID) else {
            throw Abort(.internalServerError, reason: "stored injection site cannot be read")
        }
        var chart: ChartPoint?
        if let view = model.chartView.flatMap(ChartView.init(rawValue:)), let x = model.chartX, let y = model.chartY {
            chart = try? ChartPoint(view: view, x: x, y: y)
        }
        self.init(id: try model.requireID(), position: model.position, vialId: model.$vial.id, lotNumber: lotNumber,
                  site: ChartedSite(site: site, chart: chart), units: Units(tenths: model.unitsTenths),
                  volumeMl: model.volumeMl.flatMap { Decimal(string: $0) })
    }
}

/// One line of `GET /api/patients/{id}/sessions`.
struct SessionSummaryDTO: Content, Equatable {
    let id: UUID
    let date: CalendarDate
    let performedAt: Date
    let product: ToxinProduct
    let totalUnits: Units
    let injectorId: UUID
    let guidance: InjectionGuidance
    let overridden: Bool
    let injectionCount: Int
    /// Voided sessions are listed, marked: they count for nothing.
    let voided: Bool
}

/// `GET /api/patients/{id}/reinjection-window`: the window after the last session (all nulls
/// before the first), and where today falls in it.
struct ReinjectionWindowDTO: Content, Equatable {
    let lastSessionDate: CalendarDate?
    let earliest: CalendarDate?
    let targetFrom: CalendarDate?
    let targetTo: CalendarDate?
    let today: CalendarDate
    /// `noSession`, `tooEarly`, `inTargetWindow` or `afterTargetWindow` (core `ReinjectionWindow.assess`).
    let status: String
    let daysSinceLast: Int?

    init(lastSession: CalendarDate?, today: CalendarDate) {
        let window = lastSession.map(ReinjectionWindow.init(after:))
        lastSessionDate = lastSession
        earliest = window?.earliest
        targetFrom = window?.targetFrom
        targetTo = window?.targetTo
        self.today = today
        let decision = ReinjectionWindow.assess(proposed: today, lastSession: lastSession)
        switch decision {
        case .firstSession: status = "noSession"
        case .tooEarly: status = "tooEarly"
        case .allowed(let inTarget, _): status = inTarget ? "inTargetWindow" : "afterTargetWindow"
        case .overridden: status = "tooEarly"
        }
        daysSinceLast = decision.daysSinceLast
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeNullable(lastSessionDate, forKey: .lastSessionDate)
        try container.encodeNullable(earliest, forKey: .earliest)
        try container.encodeNullable(targetFrom, forKey: .targetFrom)
        try container.encodeNullable(targetTo, forKey: .targetTo)
        try container.encode(today, forKey: .today)
        try container.encode(status, forKey: .status)
        try container.encodeNullable(daysSinceLast, forKey: .daysSinceLast)
    }
}

/// `POST /api/patients/{id}/sessions` (API-CONTRACT.md). Identifiers the core looks up (vials,
/// consent, supervisor) are read as text so an unknown or malformed one is reported by the rule
/// it breaks, together with every other problem.
struct SessionInput: Decodable {
    struct InjectionInput: Decodable {
        var vialId: String
        var site: ChartedSite
        var units: Units
        /// Also accepted beside `site` rather than inside it.
        var chart: ChartPoint?

        var chartedSite: ChartedSite { ChartedSite(site: site.site, chart: site.chart ?? chart) }
    }

    struct OverrideInput: Decodable {
        var reason: String?
    }

    var date: String
    var performedAt: Date?
    var consentId: String?
    var screening: ContraindicationScreen
    var acknowledged: [ScreeningItem]?
    var injections: [InjectionInput]
    var override: OverrideInput?
    var guidance: String?
    var supervisorId: String?
    var note: String?

    static let maximumNoteLength = 4000

    /// What the server checks before the core: the session date, the guidance and the note.
    struct Checked {
        let date: CalendarDate
        let performedAt: Date
        let guidance: InjectionGuidance
        let note: String?
    }

    /// `performedAt` defaults to now for a session today and to noon (clinic time) of an earlier
    /// date; the core then checks that it falls on the session date.
    func checked(now: Date, today: CalendarDate, timeZone: TimeZone) throws -> Checked {
        var problems: [Problem] = []
        let date = CalendarDate(iso: self.date)
        if date == nil {
            problems.append(Problem(.invalidDate, "date must be a date YYYY-MM-DD.", field: "date"))
        }
        var guidance = InjectionGuidance.landmark
        if let text = self.guidance {
            if let value = InjectionGuidance(rawValue: text) {
                guidance = value
            } else {
                problems.append(Problem(.unknownIdentifier,
                                        "guidance must be one of \(InjectionGuidance.allCases.map(\.rawValue).joined(separator: ", ")).",
                                        field: "guidance"))
            }
        }
        let note = self.note?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let note, note.count > Self.maximumNoteLength {
            problems.append(Problem(.invalidValue, "note is longer than \(Self.maximumNoteLength) characters.", field: "note"))
        }
        guard problems.isEmpty, let date else { throw Problems(problems) }
        let performedAt = self.performedAt ?? (date == today ? now : Self.noon(of: date, in: timeZone))
        return Checked(date: date, performedAt: performedAt, guidance: guidance, note: note?.isEmpty == true ? nil : note)
    }

    static func noon(of date: CalendarDate, in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: 12))!
    }
}
