import Foundation
import TenderpointCore
import Vapor

enum Sex: String, Codable, CaseIterable, Sendable {
    case female, male, other, unknown
}

/// A patient as the API shows it.
struct PatientDTO: Content, Equatable {
    let id: UUID
    let givenName: String
    let familyName: String
    let birthDate: CalendarDate
    let sex: Sex
    let nhsNumber: String?
    let phone: String?
    let email: String?
    let address: String?
    let createdAt: Date?
    let updatedAt: Date?

    init(_ model: PatientModel) throws {
        id = try model.requireID()
        givenName = model.givenName
        familyName = model.familyName
        birthDate = CalendarDate(iso: model.birthDate) ?? CalendarDate(daysSinceEpoch: 0)
        sex = Sex(rawValue: model.sex) ?? .unknown
        nhsNumber = model.nhsNumber
        phone = model.phone
        email = model.email
        address = model.address
        createdAt = model.createdAt
        updatedAt = model.updatedAt
    }
}

/// `POST /api/patients` and, with every field optional, `PATCH /api/patients/{id}`.
struct PatientInput: Content {
    var givenName: String?
    var familyName: String?
    var birthDate: String?
    var sex: String?
    var nhsNumber: String?
    var phone: String?
    var email: String?
    var address: String?

    /// Applies the input to `model`, checking every field; all problems at once.
    func apply(to model: PatientModel, creating: Bool, today: CalendarDate) throws {
        var problems: [Problem] = []
        func text(_ value: String?, _ field: String, required: Bool, maximum: Int = 100) -> String? {
            guard let value else {
                if required { problems.append(Problem(.invalidValue, "\(field) is required.", field: field)) }
                return nil
            }
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty, required {
                problems.append(Problem(.invalidValue, "\(field) must not be empty.", field: field))
                return nil
            }
            if trimmed.count > maximum {
                problems.append(Problem(.invalidValue, "\(field) is longer than \(maximum) characters.", field: field))
                return nil
            }
            return trimmed
        }
        let given = text(givenName, "givenName", required: creating || givenName != nil)
        let family = text(familyName, "familyName", required: creating || familyName != nil)
        var birth: CalendarDate?
        if let birthDate {
            if let date = CalendarDate(iso: birthDate) {
                if let problem = Bounded.birthDate(date, today: today) {
                    problems.append(problem)
                } else {
                    birth = date
                }
            } else {
                problems.append(Problem(.invalidDate, "birthDate must be a date YYYY-MM-DD.", field: "birthDate"))
            }
        } else if creating {
            problems.append(Problem(.invalidValue, "birthDate is required.", field: "birthDate"))
        }
        var sexValue: Sex?
        if let sex {
            sexValue = Sex(rawValue: sex)
            if sexValue == nil {
                problems.append(Problem(.unknownIdentifier, "sex must be one of female, male, other, unknown.", field: "sex"))
            }
        } else if creating {
            problems.append(Problem(.invalidValue, "sex is required.", field: "sex"))
        }
        var nhs: NHSNumber?
        if let nhsNumber, !nhsNumber.trimmingCharacters(in: .whitespaces).isEmpty {
            nhs = NHSNumber(nhsNumber)
            if nhs == nil {
                problems.append(Problem(.invalidValue, "nhsNumber is not a valid NHS number (10 digits with a modulus-11 check digit).", field: "nhsNumber"))
            }
        }
        let phoneValue = text(phone, "phone", required: false, maximum: 40)
        let emailValue = text(email, "email", required: false, maximum: 200)
        if let emailValue, !emailValue.isEmpty, !emailValue.contains("@") {
            problems.append(Problem(.invalidValue, "email is not an e-mail address.", field: "email"))
        }
        let addressValue = text(address, "address", required: false, maximum: 500)
        guard problems.isEmpty else { throw Problems(problems) }

        if let given { model.givenName = given }
        if let family { model.familyName = family }
        if let birth { model.birthDate = birth.iso }
        if let sexValue { model.sex = sexValue.rawValue }
        if nhsNumber != nil { model.nhsNumber = nhs?.digits }
        if phone != nil { model.phone = phoneValue?.isEmpty == true ? nil : phoneValue }
        if email != nil { model.email = emailValue?.isEmpty == true ? nil : emailValue }
        if address != nil { model.address = addressValue?.isEmpty == true ? nil : addressValue }
        model.searchName = PatientModel.searchKey(given: model.givenName, family: model.familyName)
    }
}

extension PatientModel {
    static func searchKey(given: String, family: String) -> String {
        "\(given) \(family)".lowercased()
    }
}

struct Listing<Item: Content>: Content {
    let items: [Item]
    let total: Int
    let limit: Int
    let offset: Int
}
