/// The safety screening answered on the day of a session (DOMAIN.md §4): every item, every time.
/// JSON is the bare answers object, `{"hypersensitivity": false, …}`.
public struct ContraindicationScreen: Hashable, Sendable {
    /// true = yes. A missing item is unanswered.
    public let answers: [ScreeningItem: Bool]

    public init(answers: [ScreeningItem: Bool]) {
        self.answers = answers
    }

    /// Every reason the session cannot go ahead as screened, all at once, in item order:
    /// - an unanswered item → `screeningIncomplete` on `screening.<item>`;
    /// - a yes that blocks (for a product-specific item, only when that product is in `products`)
    ///   → `contraindicated` on `screening.<item>`;
    /// - a yes that needs acknowledgement and has no valid acknowledgement → `acknowledgementRequired`
    ///   on `screening.<item>`;
    /// - any acknowledgement by someone other than a clinician → `acknowledgementNotPermitted` on
    ///   `acknowledged` (and those acknowledgements count for nothing).
    public func problems(products: Set<ToxinProduct>, acknowledged: Set<ScreeningItem>, acknowledgedBy: Role,
                         policy: ScreeningPolicy) -> [Problem] {
        let mayAcknowledge = acknowledgedBy.mayOverrideClinicalRules
        let validAcknowledgements = mayAcknowledge ? acknowledged : []
        var problems: [Problem] = []
        for item in ScreeningItem.allCases {
            guard let answer = answers[item] else {
                problems.append(Problem(.screeningIncomplete,
                                        "Screening question not answered: \(item.question)", field: item.field))
                continue
            }
            guard answer else { continue }
            switch policy.effect(of: item, products: products) {
            case .blocks, .blocksProduct:
                problems.append(Problem(.contraindicated, contraindication(item, policy: policy), field: item.field))
            case .needsAcknowledgement where !validAcknowledgements.contains(item):
                problems.append(Problem(.acknowledgementRequired,
                                        "\(item.rawValue) was answered yes: a clinician must acknowledge it before the session.",
                                        field: item.field))
            case .needsAcknowledgement, .notApplicable:
                break
            }
        }
        if !acknowledged.isEmpty, !mayAcknowledge {
            let items = ScreeningItem.allCases.filter(acknowledged.contains).map(\.rawValue).joined(separator: ", ")
            problems.append(Problem(.acknowledgementNotPermitted,
                                    "Only a clinician may acknowledge screening items (\(items)), not a \(acknowledgedBy.rawValue).",
                                    field: "acknowledged"))
        }
        return problems
    }

    private func contraindication(_ item: ScreeningItem, policy: ScreeningPolicy) -> String {
        if case .blocksProduct(let product) = policy.effect(of: item) {
            return "\(item.rawValue) was answered yes: \(product.rawValue) must not be used."
        }
        return "\(item.rawValue) was answered yes: no toxin session may go ahead."
    }
}

extension ContraindicationScreen: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode([String: Bool].self)
        var answers: [ScreeningItem: Bool] = [:]
        for (key, answer) in raw {
            guard let item = ScreeningItem(rawValue: key) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown screening item \(key)")
            }
            answers[item] = answer
        }
        self.init(answers: answers)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Dictionary(uniqueKeysWithValues: answers.map { ($0.key.rawValue, $0.value) }))
    }
}
