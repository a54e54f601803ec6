import Foundation
import TenderpointCore

/// The demo clinic's staff. The named accounts and their passwords are documented in the README
/// (they are for trying Tenderpoint out, never for real records); a large demo adds more
/// clinicians and nurses so every patient's appointments fit into working hours.
struct DemoStaff: Sendable {
    struct Member: Sendable {
        let id: UUID
        let username: String
        let password: String
        let role: Role
        let displayName: String
    }

    /// Username, password, role, display name: the logins the README lists.
    static let documented: [(username: String, password: String, role: Role, displayName: String)] = [
        ("admin", "admin-demo-1", .admin, "Clinic Administrator"),
        ("dr.okafor", "clinician-demo-1", .clinician, "Dr Adaeze Okafor"),
        ("dr.mensah", "clinician-demo-2", .clinician, "Dr Kwame Mensah"),
        ("nurse.ellis", "nurse-demo-1", .nurse, "Nurse Jo Ellis"),
        ("reception.patel", "reception-demo-1", .reception, "Priya Patel"),
    ]

    /// The first patients have accounts: `patient1` / `patient-demo-1`, and so on.
    static let patientAccounts = 3
    static func patientLogin(_ number: Int) -> (username: String, password: String) {
        ("patient\(number)", "patient-demo-\(number)")
    }

    /// The password of the extra clinicians and nurses of a large demo (`clinician003`, `nurse002`…).
    static let additionalStaffPassword = "staff-demo-1"

    /// About one clinician per 150 patients and one nurse per 400 keeps the diaries of a large
    /// demo within working hours (a year's assessments, sessions and reviews of 150 patients
    /// fill about 40% of a clinician's week).
    static func clinicianCount(patients: Int) -> Int { max(2, (patients + 149) / 150) }
    static func nurseCount(patients: Int) -> Int { max(1, (patients + 399) / 400) }

    let members: [Member]
    /// Clinicians, in order: the patients are shared out among them.
    let clinicians: [Member]
    let nurses: [Member]

    init(patients: Int, seed: UInt64) {
        var random = SplitMix64(seed: seed, stream: 0, purpose: 1)
        var members = Self.documented.map { account in
            Member(id: random.uuid(), username: account.username, password: account.password, role: account.role,
                   displayName: account.displayName)
        }
        let extraClinicians = Self.clinicianCount(patients: patients) - members.count(where: { $0.role == .clinician })
        let extraNurses = Self.nurseCount(patients: patients) - members.count(where: { $0.role == .nurse })
        for number in stride(from: 3, to: 3 + max(0, extraClinicians), by: 1) {
            let name = "\(random.pick(DemoNames.femaleGivenNames + DemoNames.maleGivenNames)) \(random.pick(DemoNames.familyNames))"
            members.append(Member(id: random.uuid(), username: String(format: "clinician%03d", number),
                                  password: Self.additionalStaffPassword, role: .clinician, displayName: "Dr \(name)"))
        }
        for number in stride(from: 2, to: 2 + max(0, extraNurses), by: 1) {
            let name = "\(random.pick(DemoNames.femaleGivenNames + DemoNames.maleGivenNames)) \(random.pick(DemoNames.familyNames))"
            members.append(Member(id: random.uuid(), username: String(format: "nurse%03d", number),
                                  password: Self.additionalStaffPassword, role: .nurse, displayName: "Nurse \(name)"))
        }
        self.members = members
        clinicians = members.filter { $0.role == .clinician }
        nurses = members.filter { $0.role == .nurse }
    }

    /// Everyone who sees patients, in the order of `DemoSlotBook`'s practitioner numbers.
    var practitioners: [Member] { clinicians + nurses }

    func member(_ username: String) -> Member? { members.first { $0.username == username } }
}
