import Fluent
import Foundation
import TenderpointCore
import Vapor

/// A practitioner's weekly availability and the free slots it leaves on a day.
struct AvailabilityController: RouteCollection {
    static let maximumWindows = 50
    static let defaultSlotMinutes = 30
    /// Offered slots start every quarter hour unless the client asks for another step.
    static let defaultStepMinutes = 15

    func boot(routes: any RoutesBuilder) throws {
        let practitioner = routes.grouped("practitioners", ":practitionerID")
        practitioner.get("availability", use: read)
        practitioner.put("availability", use: replace)
        practitioner.get("slots", use: slots)
    }

    /// The stored windows, by weekday then start. An empty list means the practitioner works the
    /// clinic's opening hours.
    @Sendable
    func read(request: Request) async throws -> [AvailabilityWindowDTO] {
        try await request.authorizeWithoutPatientData(.readAvailability, resource: "Availability")
        let id = try await Self.practitionerID(request)
        let rows = try await AvailabilityModel.query(on: request.db).filter(\.$practitioner.$id == id).all()
        return Self.sorted(rows.compactMap { row in
            guard let weekday = Weekday(rawValue: row.weekday),
                  let hours = try? OpeningHours(open: row.startMinute, close: row.endMinute) else { return nil }
            return (weekday, hours)
        })
    }

    /// Replaces every window of the practitioner with the body's (an empty list returns them to
    /// the clinic's opening hours).
    @Sendable
    func replace(request: Request) async throws -> [AvailabilityWindowDTO] {
        try await request.authorize(.writeAvailability, resource: "Availability")
        let id = try await Self.practitionerID(request)
        let input = try request.content.decode([AvailabilityWindowDTO].self)
        let windows = try Self.checked(input)
        let entry = request.auditEntry(.update, "Availability", id: id, patient: nil, detail: "\(windows.count) windows")
        try await request.db.writeTransaction(locking: [(UserModel.schema, id)]) { database in
            try await AvailabilityModel.query(on: database).filter(\.$practitioner.$id == id).delete()
            for (weekday, hours) in windows {
                let row = AvailabilityModel()
                row.id = UUID()
                row.$practitioner.id = id
                row.weekday = weekday.rawValue
                row.startMinute = hours.open
                row.endMinute = hours.close
                try await row.create(on: database)
            }
            try await AuditLog.insert(entry, on: database)
        }
        return Self.sorted(windows)
    }

    /// `GET /api/practitioners/{id}/slots?date=YYYY-MM-DD&durationMinutes=30&stepMinutes=15`:
    /// free slots within the practitioner's hours that day (core `SlotFinder`), none in the past.
    @Sendable
    func slots(request: Request) async throws -> [SlotDTO] {
        try await request.authorizeWithoutPatientData(.readAvailability, resource: "Availability")
        let id = try await Self.practitionerID(request)
        struct Query: Decodable {
            var date: String?
            var durationMinutes: Int?
            var stepMinutes: Int?
        }
        let query = try request.query.decode(Query.self)
        var problems: [Problem] = []
        let date = query.date.flatMap(CalendarDate.init(iso:))
        if date == nil {
            problems.append(Problem(.invalidDate, "date must be a date YYYY-MM-DD.", field: "date"))
        }
        let duration = query.durationMinutes ?? Self.defaultSlotMinutes
        let step = query.stepMinutes ?? Self.defaultStepMinutes
        for (value, field) in [(duration, "durationMinutes"), (step, "stepMinutes")] where !AppointmentInput.durationRange.contains(value) {
            problems.append(Problem(.valueOutOfRange,
                                    "\(field) must be \(AppointmentInput.durationRange.lowerBound)–\(AppointmentInput.durationRange.upperBound); got \(value).",
                                    field: field))
        }
        guard problems.isEmpty, let date else { throw Problems(problems) }

        let calendar = try await request.schedulingCalendar()
        let schedule = try await PractitionerSchedule.load(practitionerID: id, calendar: calendar, on: request.db)
        let booked = try await AppointmentBooking.bookedIntervals(practitionerID: id, on: date, timeZone: calendar.timeZone,
                                                                  database: request.db)
        let now = Date()
        return schedule.freeSlots(on: date, duration: duration, step: step, booked: booked)
            .filter { $0.start >= now }
            .map { SlotDTO(start: $0.start, end: $0.end) }
    }

    /// The `:practitionerID` of an active clinician or nurse, or 404.
    static func practitionerID(_ request: Request) async throws -> UUID {
        let id = try request.uuidParameter("practitionerID", what: "Practitioner")
        guard try await request.schedulingPractitioner(id) != nil else { throw APIError.notFound("Practitioner \(id)") }
        return id
    }

    /// Checks every window (all problems at once, fields like `[2].end`): a weekday, `HH:MM`
    /// times with the start before the end, and no two windows of a weekday overlapping.
    static func checked(_ input: [AvailabilityWindowDTO]) throws -> [(Weekday, OpeningHours)] {
        var problems: [Problem] = []
        if input.count > maximumWindows {
            problems.append(Problem(.invalidValue, "At most \(maximumWindows) windows may be set.", field: nil))
        }
        var windows: [(index: Int, weekday: Weekday, hours: OpeningHours)] = []
        for (index, window) in input.enumerated() {
            let weekday = Weekday(rawValue: window.weekday)
            if weekday == nil {
                problems.append(Problem(.unknownIdentifier,
                                        "weekday must be one of \(Weekday.allCases.map(\.rawValue).joined(separator: ", ")).",
                                        field: "[\(index)].weekday"))
            }
            let start = AvailabilityWindowDTO.minute(window.start)
            if start == nil {
                problems.append(Problem(.invalidValue, "start must be a time HH:MM.", field: "[\(index)].start"))
            }
            let end = AvailabilityWindowDTO.minute(window.end)
            if end == nil {
                problems.append(Problem(.invalidValue, "end must be a time HH:MM (24:00 for midnight).", field: "[\(index)].end"))
            }
            guard let weekday, let start, let end else { continue }
            do {
                windows.append((index, weekday, try OpeningHours(open: start, close: end)))
            } catch {
                problems.append(Problem(.valueOutOfRange, "end (\(window.end)) must be after start (\(window.start)).",
                                        field: "[\(index)].end"))
            }
        }
        // Two windows of one weekday must not overlap; touching (12:00–13:00 and 13:00–17:00) is fine.
        let reference = Date(timeIntervalSince1970: 0)
        func interval(_ hours: OpeningHours) -> BookedInterval {
            BookedInterval(start: reference.addingTimeInterval(Double(hours.open) * 60),
                           end: reference.addingTimeInterval(Double(hours.close) * 60))
        }
        for (position, window) in windows.enumerated() {
            if let earlier = windows[..<position].first(where: {
                $0.weekday == window.weekday && SlotFinder.overlaps(interval($0.hours), interval(window.hours))
            }) {
                problems.append(Problem(.invalidValue,
                                        "This window overlaps window \(earlier.index) on \(window.weekday.rawValue).",
                                        field: "[\(window.index)].start"))
            }
        }
        guard problems.isEmpty else { throw Problems(problems) }
        return windows.map { ($0.weekday, $0.hours) }
    }

    static func sorted(_ windows: [(Weekday, OpeningHours)]) -> [AvailabilityWindowDTO] {
        let order = Dictionary(uniqueKeysWithValues: Weekday.allCases.enumerated().map { ($1, $0) })
        return windows.sorted { ($0.0 == $1.0) ? $0.1.open < $1.1.open : order[$0.0]! < order[$1.0]! }
            .map { AvailabilityWindowDTO(weekday: $0.0, hours: $0.1) }
    }
}
