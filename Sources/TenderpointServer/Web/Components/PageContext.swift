import Foundation
import TenderpointCore
import Vapor

/// What every page's view needs from the request besides its own model: who is signed in (for
/// the navigation), the session's CSRF token (for every form) and the current path.
struct PageContext: Sendable {
    let user: AuthenticatedUser?
    let csrfToken: String
    let path: String
    let today: CalendarDate
    let timeZone: TimeZone

    /// May the signed-in user do this, by the one access table?
    func allows(_ permission: Permission) -> Bool {
        guard let user else { return false }
        return AccessTable.allows(user.role, permission)
    }
}

extension Request {
    /// The page context; starts the session's CSRF token when the page has the first form.
    var pageContext: PageContext {
        PageContext(user: auth.get(AuthenticatedUser.self), csrfToken: CSRFToken.current(for: self),
                    path: url.path, today: clinicToday, timeZone: application.tenderpoint.clinicTimeZone)
    }
}
