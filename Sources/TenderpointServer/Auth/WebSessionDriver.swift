import Fluent
import Foundation
import SQLKit
import Vapor

/// Stores Vapor's sessions in `web_sessions` (`WebSessionRecord`).
///
/// Differences from Fluent's own `SessionRecord` driver, and why:
/// - the cookie value is stored only as its SHA-256 (`TokenDigest`), like API tokens;
/// - every session ends `WebSession.lifetime` after it was created (signing in creates a new one);
/// - an empty session (a visitor who never saw a form) is never written, and an unchanged one
///   is not written again, so reading pages costs no database write;
/// - writes go through `writeTransaction`, which queues SQLite writers instead of failing.
struct WebSessionDriver: SessionDriver {
    /// The data as read at the start of the request, to tell whether it changed.
    private struct SnapshotKey: StorageKey { typealias Value = SessionData }

    func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        request.eventLoop.makeFutureWithTask {
            let id = SessionID(string: TokenDigest.newToken())
            guard !data.snapshot.isEmpty else { return id }
            let record = WebSessionRecord()
            record.id = UUID()
            record.keyHash = TokenDigest.hash(id.string)
            record.data = try Self.encode(data)
            record.userID = data[WebSession.userKey].flatMap(UUID.init(uuidString:))
            record.expiresAt = Date().addingTimeInterval(WebSession.lifetime)
            try await request.db.writeTransaction { database in try await record.create(on: database) }
            return id
        }
    }

    func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        request.eventLoop.makeFutureWithTask {
            let record = try await WebSessionRecord.query(on: request.db)
                .filter(\.$keyHash == TokenDigest.hash(sessionID.string))
                .filter(\.$expiresAt > Date())
                .first()
            guard let record, let data = try? JSONDecoder().decode(SessionData.self, from: Data(record.data.utf8)) else { return nil }
            request.storage[SnapshotKey.self] = data
            return data
        }
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        request.eventLoop.makeFutureWithTask {
            guard request.storage[SnapshotKey.self] != data else { return sessionID }
            let json = try Self.encode(data)
            let user = data[WebSession.userKey].flatMap(UUID.init(uuidString:))
            let hash = TokenDigest.hash(sessionID.string)
            try await request.db.writeTransaction { database in
                try await WebSessionRecord.query(on: database)
                    .filter(\.$keyHash == hash)
                    .set(\.$data, to: json)
                    .set(\.$userID, to: user)
                    .update()
            }
            return sessionID
        }
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
        request.eventLoop.makeFutureWithTask {
            try await Self.delete(sessionID, on: request.db)
        }
    }

    static func delete(_ sessionID: SessionID, on database: any Database) async throws {
        let hash = TokenDigest.hash(sessionID.string)
        try await database.writeTransaction { transaction in
            try await WebSessionRecord.query(on: transaction).filter(\.$keyHash == hash).delete()
        }
    }

    /// Removes sessions past their end (called on each sign-in, so the table stays small).
    static func purgeExpired(on database: any Database, now: Date = Date()) async throws {
        try await database.writeTransaction { transaction in
            try await WebSessionRecord.query(on: transaction).filter(\.$expiresAt <= now).delete()
        }
    }

    private static func encode(_ data: SessionData) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(data), as: UTF8.self)
    }
}
