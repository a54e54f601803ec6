import Foundation
import TenderpointCore
import Vapor

/// `GET /calendar/{token}.ics`: a practitioner's or a patient's appointments as iCalendar
/// (RFC 5545). Calendar apps fetch with nothing but the URL, so the token is the only key: an
/// unknown, revoked or malformed one gets the same bare 404, with nothing to tell them apart.
/// Every fetch is audited as a read of appointments, in the name of whoever made the link.
struct CalendarFeedController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("calendar", ":file", use: feed)
    }

    @Sendable
    func feed(request: Request) async throws -> Response {
        let file = request.parameters.get("file") ?? ""
        guard file.hasSuffix(".ics"), let row = try await CalendarFeedTokens.find(token: String(file.dropLast(4)), on: request.db),
              let owner = try await Self.owner(of: row, request: request) else {
            return Self.notFound()
        }
        let now = Date()
        let window = CalendarFeedContent.window(now: now)
        var filter = AppointmentQueries.Filter()
        filter.from = window.from
        filter.to = window.to
        var practitionerName: String?
        switch owner.feed {
        case .practitioner(let id):
            filter.practitionerID = id
            practitionerName = owner.practitionerName
        case .patient(let id):
            filter.patientID = id
        }
        let appointments = try await AppointmentQueries.list(filter, limit: Self.maximumEvents, offset: 0, on: request.db).items
        await request.audit.record(AuditEntry(user: try await Self.holder(of: row, request: request), action: .read,
                                              resourceType: "Appointment", patientID: owner.feed.patientID,
                                              detail: "calendar feed: \(appointments.count) appointments"))
        let text = ICalendarWriter.calendar(name: CalendarFeedContent.calendarName(owner.feed, practitionerName: practitionerName),
                                            events: appointments.map { CalendarFeedContent.event($0, for: owner.feed) }, stamp: now)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/calendar; charset=utf-8")
        headers.replaceOrAdd(name: .cacheControl, value: "private")
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }

    /// A year of a busy practitioner's diary fits well within this.
    static let maximumEvents = 5000

    /// The feed's owner, if it still exists: a practitioner whose account is deactivated (or no
    /// longer a clinician's or nurse's) has no feed.
    private static func owner(of row: CalendarFeedTokenModel, request: Request) async throws -> (feed: CalendarFeedOwner, practitionerName: String?)? {
        if let practitionerID = row.$practitioner.id {
            guard let practitioner = try await request.schedulingPractitioner(practitionerID) else { return nil }
            return (.practitioner(practitionerID), practitioner.displayName)
        }
        if let patientID = row.$patient.id { return (.patient(patientID), nil) }
        return nil
    }

    /// Whoever made the link holds the secret: the audit record names them.
    private static func holder(of row: CalendarFeedTokenModel, request: Request) async throws -> AuthenticatedUser? {
        guard let id = row.$creator.id, let user = try await UserModel.find(id, on: request.db) else { return nil }
        return AuthenticatedUser(id: id, username: user.username, role: user.accountRole, displayName: user.displayName,
                                 patientID: user.$patient.id)
    }

    private static func notFound() -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .plainText
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .notFound, headers: headers, body: .init(string: "Not found\n"))
    }
}
