import Fluent
import Foundation
import Vapor

/// Making, replacing, revoking and finding calendar feed secrets. A token is 32 random bytes,
/// base64url in the URL, and only its SHA-256 is stored (`TokenDigest`), so the link can be
/// shown once only: losing it means making a new one, which also ends the old one.
enum CalendarFeedTokens {
    /// What a page shows about an owner's feed: whether one exists and since when.
    static func current(_ owner: CalendarFeedOwner, on database: any Database) async throws -> CalendarFeedTokenModel? {
        try await query(owner, on: database).first()
    }

    /// Makes a new feed secret for `owner`, replacing any earlier one (so a leaked link stops
    /// working), with its audit record in the same transaction. Returns the token, for showing once.
    static func issue(_ owner: CalendarFeedOwner, request: Request) async throws -> String {
        let user = try request.requireUser()
        let token = TokenDigest.newToken()
        let row = CalendarFeedTokenModel()
        let id = UUID()
        row.id = id
        row.tokenHash = TokenDigest.hash(token)
        row.$creator.id = user.id
        switch owner {
        case .practitioner(let practitioner): row.$practitioner.id = practitioner
        case .patient(let patient): row.$patient.id = patient
        }
        let entry = request.auditEntry(.create, "CalendarFeed", id: id, patient: owner.patientID,
                                       detail: "calendar feed link made; any earlier link ended")
        try await request.db.writeTransaction(locking: [owner.lock]) { database in
            try await query(owner, on: database).delete()
            try await row.create(on: database)
            try await AuditLog.insert(entry, on: database)
        }
        return token
    }

    /// Ends `owner`'s feed; false when there was none.
    @discardableResult
    static func revoke(_ owner: CalendarFeedOwner, request: Request) async throws -> Bool {
        _ = try request.requireUser()
        return try await request.db.writeTransaction(locking: [owner.lock]) { database in
            guard let existing = try await query(owner, on: database).first() else { return false }
            try await existing.delete(on: database)
            try await AuditLog.insert(request.auditEntry(.delete, "CalendarFeed", id: existing.id, patient: owner.patientID,
                                                         detail: "calendar feed link ended"), on: database)
            return true
        }
    }

    /// The feed a token opens; nil for a malformed, unknown or revoked token.
    static func find(token: String, on database: any Database) async throws -> CalendarFeedTokenModel? {
        guard isWellFormed(token) else { return nil }
        return try await CalendarFeedTokenModel.query(on: database)
            .filter(\.$tokenHash == TokenDigest.hash(token)).first()
    }

    /// 32 bytes in unpadded base64url are 43 characters of `A–Z a–z 0–9 - _`.
    static func isWellFormed(_ token: String) -> Bool {
        token.utf8.count == 43 && token.utf8.allSatisfy { byte in
            (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || byte == 45 || byte == 95
        }
    }

    /// The feed's address as a calendar app needs it: absolute, on the host the page was
    /// reached at, https when the request came over TLS (directly or through a proxy that says so).
    static func url(token: String, request: Request) -> String {
        let scheme = WebSessionSecureCookieMiddleware.isSecure(request) ? "https" : "http"
        let host = request.headers.first(name: .host) ?? "localhost"
        return "\(scheme)://\(host)\(path(token: token))"
    }

    static func path(token: String) -> String { "/calendar/\(token).ics" }

    /// `webcal://` opens the phone's calendar app at "subscribe" rather than downloading the file.
    static func subscribeURL(_ url: String) -> String {
        if url.hasPrefix("https://") { return "webcal://" + url.dropFirst("https://".count) }
        if url.hasPrefix("http://") { return "webcal://" + url.dropFirst("http://".count) }
        return url
    }

    private static func query(_ owner: CalendarFeedOwner, on database: any Database) -> QueryBuilder<CalendarFeedTokenModel> {
        switch owner {
        case .practitioner(let id): CalendarFeedTokenModel.query(on: database).filter(\.$practitioner.$id == id)
        case .patient(let id): CalendarFeedTokenModel.query(on: database).filter(\.$patient.$id == id)
        }
    }
}
