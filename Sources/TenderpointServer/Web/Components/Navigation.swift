import TenderpointCore

/// The links at the top of every page, chosen by role through the access table: staff see the
/// clinic's pages, a patient sees their own portal.
struct NavigationItem: Sendable, Equatable {
    let title: String
    let path: String

    static func items(for user: AuthenticatedUser?) -> [NavigationItem] {
        guard let user else { return [] }
        func allowed(_ permission: Permission) -> Bool { AccessTable.allows(user.role, permission) }
        var items: [NavigationItem] = []
        if user.role == .patient {
            if allowed(.writeDiary) { items.append(NavigationItem(title: "My diary", path: "/portal")) }
            if allowed(.readDiary) { items.append(NavigationItem(title: "My chart", path: "/portal/chart")) }
            if allowed(.readAppointments) { items.append(NavigationItem(title: "Appointments", path: "/portal/appointments")) }
            if allowed(.readAudit) { items.append(NavigationItem(title: "Who looked at my record", path: "/portal/access")) }
        } else {
            if allowed(.readAppointments) { items.append(NavigationItem(title: "Today", path: "/today")) }
            if allowed(.searchPatients) { items.append(NavigationItem(title: "Patients", path: "/patients")) }
            if allowed(.readAppointments) { items.append(NavigationItem(title: "Schedule", path: "/schedule")) }
            if allowed(.readReports) { items.append(NavigationItem(title: "Outcomes", path: "/reports/outcomes")) }
            if allowed(.manageUsers) { items.append(NavigationItem(title: "Admin", path: "/admin")) }
        }
        return items
    }

    /// The page a user lands on after signing in.
    static func home(for user: AuthenticatedUser) -> String {
        items(for: user).first?.path ?? "/"
    }
}
