/// A table the demo fills, with the columns it writes, in the order rows give their values.
/// The tables are listed in `insertionOrder`, parents before children, so every foreign key
/// points at a row already written.
struct DemoTable: Hashable, Sendable {
    let name: String
    let columns: [String]

    static let users = DemoTable(name: "users", columns: [
        "id", "username", "password_hash", "role", "display_name", "patient_id", "failed_logins", "locked_until",
        "active", "created_at"])
    static let availability = DemoTable(name: "availability", columns: [
        "id", "practitioner_id", "weekday", "start_minute", "end_minute"])
    static let patients = DemoTable(name: "patients", columns: [
        "id", "given_name", "family_name", "birth_date", "sex", "nhs_number", "phone", "email", "address",
        "search_name", "created_at", "updated_at"])
    static let conditions = DemoTable(name: "conditions", columns: [
        "id", "patient_id", "kind", "onset_date", "recorded_date", "clinical_status", "note", "created_at"])
    static let consents = DemoTable(name: "consents", columns: [
        "id", "patient_id", "date", "information_version", "signed_by", "recorded_by", "withdrawn_on", "created_at"])
    static let assessments = DemoTable(name: "assessments", columns: [
        "id", "patient_id", "date", "assessed_at", "assessed_by", "tender_points", "tender_point_count", "acr1990_met",
        "acr2016", "wpi", "sss", "fs", "acr2016_met", "fiqr_answers", "fiqr_total", "pain_nrs", "pgic", "note",
        "created_at"])
    static let vials = DemoTable(name: "vials", columns: [
        "id", "product", "lot_number", "expiry_date", "units_tenths", "diluent_ml", "reconstituted_at", "state",
        "created_at"])
    static let sessions = DemoTable(name: "treatment_sessions", columns: [
        "id", "patient_id", "date", "performed_at", "injector_id", "supervisor_id", "product", "total_units_tenths",
        "screening", "acknowledged", "consent_id", "guidance", "override_reason", "note", "created_at"])
    static let injections = DemoTable(name: "injections", columns: [
        "id", "session_id", "vial_id", "site_kind", "site_id", "chart_view", "chart_x", "chart_y", "units_tenths",
        "volume_ml", "position"])
    static let adverseEvents = DemoTable(name: "adverse_events", columns: [
        "id", "patient_id", "session_id", "kind", "onset_date", "severity", "serious", "description", "resolved_on",
        "recorded_by", "created_at"])
    static let appointments = DemoTable(name: "appointments", columns: [
        "id", "practitioner_id", "patient_id", "start_at", "end_at", "kind", "status", "session_id", "override_reason",
        "note", "created_at"])
    static let diaryEntries = DemoTable(name: "diary_entries", columns: [
        "id", "patient_id", "recorded_at", "date", "pain_nrs", "fatigue", "sleep_quality", "pain_areas",
        "side_effects", "note", "entered_by", "created_at"])

    static let insertionOrder: [DemoTable] = [
        .patients, .users, .availability, .conditions, .consents, .assessments, .vials, .sessions, .injections,
        .adverseEvents, .appointments, .diaryEntries,
    ]
}
