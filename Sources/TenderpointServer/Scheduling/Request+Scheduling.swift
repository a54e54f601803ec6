import Fluent
import Foundation
import TenderpointCore
import Vapor

extension Request {
    /// The clinic's calendar (open days, hours, closed dates, time zone) as set now. Read before
    /// a write transaction opens, so the transaction's connection is the only one it holds.
    func schedulingCalendar() async throws -> ClinicCalendar {
        try await ClinicSettingsStore.rules(on: db, timeZone: application.tenderpoint.clinicTimeZone).calendar
    }

    /// A practitioner (an active clinician's or nurse's account) by id; nil for anyone else.
    func schedulingPractitioner(_ id: UUID, on database: (any Database)? = nil) async throws -> UserModel? {
        guard let user = try await UserModel.find(id, on: database ?? db), user.active,
              PractitionerRoles.all.contains(user.accountRole) else { return nil }
        return user
    }

    /// Passes the access table for a route that shows no patient's data (practitioners, their
    /// hours, free slots). `authorize` would refuse a patient any route not about their own
    /// record, so a patient is checked against their own record, which they may always see.
    @discardableResult
    func authorizeWithoutPatientData(_ permission: Permission, resource: String) async throws -> AuthenticatedUser {
        let user = try requireUser()
        return try await authorize(permission, patient: user.role == .patient ? user.patientID : nil, resource: resource)
    }
}

