import Fluent
import Foundation
import Vapor

/// The first start's one-time set-up link (`/setup/<token>`): on an empty database (no
/// accounts at all) `serve` makes a random token — 32 bytes from the system's secure generator,
/// base64url — and prints the link once. The token lives only in this process's memory: it
/// works until the first admin is created through it or the server stops. Several instances
/// each print their own; the account itself is created race-safe (`SetupController`).
final class SetupLink: @unchecked Sendable {
    // Guarded by `lock`.
    private var token: String?
    private let lock = NSLock()

    init(token: String) {
        self.token = token
    }

    /// A new token: 32 random bytes, base64url without padding (43 characters).
    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The token while the link still works.
    var current: String? { lock.withLock { token } }

    /// Whether `given` is the live token, compared in time independent of where they differ.
    func matches(_ given: String) -> Bool {
        guard let expected = current else { return false }
        return Self.constantTimeEqual(given, expected)
    }

    /// The link stops working (the first admin exists).
    func invalidate() { lock.withLock { token = nil } }

    static func constantTimeEqual(_ given: String, _ expected: String) -> Bool {
        let left = Array(given.utf8)
        let right = Array(expected.utf8)
        guard !right.isEmpty else { return false }
        // The length is not secret (always 43); the bytes are compared all the way through.
        var difference: UInt8 = left.count == right.count ? 0 : 1
        for index in right.indices {
            difference |= (index < left.count ? left[index] : 0) ^ right[index]
        }
        return difference == 0
    }
}

extension Application {
    private struct SetupLinkKey: StorageKey { typealias Value = SetupLink }

    /// This instance's set-up link, when it started on an empty database.
    var setupLink: SetupLink? {
        get { storage[SetupLinkKey.self] }
        set { storage[SetupLinkKey.self] = newValue }
    }
}

/// What `serve` does for a newcomer: a set-up link on an empty database.
public enum FirstStart {
    /// On a database with no account, makes this instance's set-up link and returns its token;
    /// nil (and no link) once any account exists.
    @discardableResult
    static func prepare(_ app: Application) async throws -> String? {
        guard try await UserModel.query(on: app.db).count() == 0 else {
            app.setupLink = nil
            return nil
        }
        let token = SetupLink.newToken()
        app.setupLink = SetupLink(token: token)
        return token
    }

    /// The path of the set-up page for `token`.
    static func path(_ token: String) -> String { "/setup/\(token)" }

    /// Prints the set-up link once, on standard output, after the server listens (its real
    /// address is known then). Nothing when the database already had accounts.
    public static func announce(_ app: Application) {
        guard let token = app.setupLink?.current else { return }
        var host = app.http.server.configuration.hostname
        var port = app.http.server.configuration.port
        if let address = app.http.server.shared.localAddress, let bound = address.port {
            port = bound
            if let ip = address.ipAddress { host = ip }
        }
        if ["0.0.0.0", "::", ""].contains(host) { host = "localhost" }
        if host.contains(":") { host = "[\(host)]" }
        let message = """
            No account exists yet. Create the clinic's first admin account at
              http://\(host):\(port)\(path(token))
            This link works once, and only until the server stops.

            """
        FileHandle.standardOutput.write(Data(message.utf8))
    }
}
