import Foundation
import Vapor

/// The per-session secret every web form carries back (a hidden `_csrf` field, or the
/// `X-CSRF-Token` header for a script's request): another site can make a browser send the
/// session cookie, but cannot read the page to learn the token.
enum CSRFToken {
    static let fieldName = "_csrf"
    static let headerName = "X-CSRF-Token"

    static func generate() -> String { TokenDigest.newToken() }

    /// The session's token, made on first use (the sign-in form is the first for a visitor).
    static func current(for request: Request) -> String {
        if let token = request.session.data[WebSession.csrfKey] { return token }
        let token = generate()
        request.session.data[WebSession.csrfKey] = token
        return token
    }

    /// Compares in time independent of where the strings differ.
    static func matches(_ given: String, _ expected: String) -> Bool {
        let left = Array(given.utf8)
        let right = Array(expected.utf8)
        guard left.count == right.count, !right.isEmpty else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}
