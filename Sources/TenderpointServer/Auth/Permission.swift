import TenderpointCore

/// What a route does, for the authorisation table. Every route names exactly one permission.
enum Permission: String, CaseIterable, Sendable {
    case score
    case searchPatients
    case createPatient
    case readDemographics
    case writeDemographics
    case readClinical
    case writeClinical
    case chartSession
    case readStock
    case writeStock
    case recallLot
    /// Recall a lot: every vial of it becomes unusable at once.
    case executeRecall
    /// Void a session charted in error (the core also insists on a clinician).
    case voidSession
    case readAppointments
    case writeAppointments
    case readAvailability
    case writeAvailability
    case readDiary
    case writeDiary
    case readAudit
    case manageUsers
    case manageSettings
    case readReports
    /// Questionnaire definitions (FIQR, ACR 2016): no one's record.
    case readQuestionnaires
    /// FHIR bulk export of every patient's record.
    case bulkExport
    /// Urgent patient reports: see them (Today, the patient's page, `GET /api/alerts`) and acknowledge them.
    case readAlerts
    case acknowledgeAlerts
}

/// The one table of who may do what (DEVELOPERS.md: not scattered `if`s). A patient role is
/// further limited to its own record by `Request.authorize(_:patient:)`.
enum AccessTable {
    static let staff: Set<Role> = [.admin, .clinician, .nurse, .reception]
    static let clinical: Set<Role> = [.clinician, .nurse]

    static let rules: [Permission: Set<Role>] = [
        .score: staff,
        .searchPatients: staff,
        .createPatient: staff,
        .readDemographics: staff.union([.patient]),
        .writeDemographics: staff,
        .readClinical: clinical.union([.patient]),
        .writeClinical: clinical,
        .chartSession: clinical,
        .readStock: clinical.union([.admin]),
        .writeStock: clinical,
        .recallLot: clinical.union([.admin]),
        .executeRecall: [.admin, .clinician],
        .voidSession: [.clinician],
        .readAppointments: staff.union([.patient]),
        .writeAppointments: [.clinician, .nurse, .reception],
        .readAvailability: staff.union([.patient]),
        .writeAvailability: [.admin, .clinician, .nurse, .reception],
        .readDiary: clinical.union([.patient]),
        .writeDiary: clinical.union([.patient]),
        .readAudit: [.admin, .patient],
        .manageUsers: [.admin],
        .manageSettings: [.admin],
        .readReports: [.admin, .clinician, .nurse],
        .readQuestionnaires: staff.union([.patient]),
        // The whole clinical record of every patient: a clinician's, who may read all of it.
        .bulkExport: [.clinician],
        .readAlerts: clinical,
        .acknowledgeAlerts: clinical,
    ]

    static func allows(_ role: Role, _ permission: Permission) -> Bool {
        rules[permission]?.contains(role) ?? false
    }
}
