import TenderpointCore
import TenderpointFHIR

/// The questionnaires Tenderpoint records answers to, as FHIR `Questionnaire`s: the FIQR with
/// its item numbers and short neutral labels only (its wording is copyrighted; a licensed clinic
/// loads the full wording from a file), and the ACR 2016 criteria (WPI areas and SSS items).
enum FHIRQuestionnaires {
    static let fiqrID = "fiqr"
    static let acr2016ID = "acr-2016"

    static let fiqr = Questionnaire(
        id: fiqrID,
        url: TenderpointCodes.fiqrQuestionnaire,
        version: "1",
        name: "FIQR",
        title: "Revised Fibromyalgia Impact Questionnaire (FIQR): item structure",
        status: .active,
        subjectType: ["Patient"],
        publisher: "Tenderpoint",
        description: """
            The 21 FIQR items (Bennett et al., Arthritis Res Ther 2009;11:R120), each answered 0-10, with their numbers and short \
            neutral labels. Function = sum of items 1-9 / 3 (one missing item: sum x 9/8 first), overall impact = sum of 10-11, \
            symptoms = sum of 12-21 / 2; total = the three added (0-100).
            """,
        copyright: "The FIQR's wording is copyrighted and is not shipped: only item numbers and neutral labels are given here.",
        code: [Codings.fiqrTotal],
        item: FIQRDomain.allCases.map { domain in
            Questionnaire.Item(
                linkId: groupLinkID(domain), text: domain.name, type: .group,
                item: FIQRItem.allCases.filter { $0.domain == domain }.map { item in
                    Questionnaire.Item(
                        extension: bounds(0, 10),
                        linkId: String(item.number), prefix: String(item.number), text: item.label, type: .integer)
                })
        })

    static let acr2016 = Questionnaire(
        id: acr2016ID,
        url: TenderpointCodes.acr2016Questionnaire,
        version: "1",
        name: "ACR2016",
        title: "ACR 2016 revised fibromyalgia criteria: Widespread Pain Index and Symptom Severity Scale",
        status: .active,
        subjectType: ["Patient"],
        publisher: "Tenderpoint",
        description: """
            Wolfe et al., Semin Arthritis Rheum 2016;46:319-29. WPI: pain in the last week in each of 19 areas (0-19); SSS: fatigue, \
            waking unrefreshed and cognitive symptoms 0-3, plus headaches, lower abdominal pain and depression in the past 6 months \
            (0-12); FS = WPI + SSS.
            """,
        code: [Codings.wpi, Codings.sss],
        item: [
            Questionnaire.Item(
                linkId: "wpi", text: "Widespread Pain Index: pain in the last week", type: .group,
                item: WPIArea.allCases.map { Questionnaire.Item(linkId: $0.rawValue, text: $0.name, type: .boolean) }),
            Questionnaire.Item(
                linkId: "sss", text: "Symptom Severity Scale", type: .group,
                item: [
                    severityItem("fatigue", "Fatigue (past week)"),
                    severityItem("wakingUnrefreshed", "Waking unrefreshed (past week)"),
                    severityItem("cognitiveSymptoms", "Cognitive symptoms (past week)"),
                    Questionnaire.Item(linkId: "headaches", text: "Headaches (past 6 months)", type: .boolean),
                    Questionnaire.Item(linkId: "lowerAbdominalPain", text: "Pain or cramps in the lower abdomen (past 6 months)", type: .boolean),
                    Questionnaire.Item(linkId: "depression", text: "Depression (past 6 months)", type: .boolean),
                ]),
            Questionnaire.Item(extension: bounds(0, nil), linkId: "symptomMonths", text: "Months symptoms have been at a similar level",
                               type: .integer),
            Questionnaire.Item(linkId: "administeredBy", text: "Administered by", type: .choice,
                               answerOption: Administration.allCases.map { .init(value: .coding(administration($0))) }),
        ])

    static let all = [fiqr, acr2016]

    static func groupLinkID(_ domain: FIQRDomain) -> String {
        switch domain {
        case .function: "function"
        case .overallImpact: "overall-impact"
        case .symptoms: "symptoms"
        }
    }

    /// The answers of the SSS severity items: 0 none, 1 slight or mild, 2 moderate, 3 severe.
    static func severity(_ value: Int) -> Coding {
        let labels = ["None", "Slight or mild", "Moderate", "Severe"]
        return Coding(system: TenderpointCodes.acr2016Severity, code: String(value),
                      display: labels.indices.contains(value) ? labels[value] : nil)
    }

    static func administration(_ value: Administration) -> Coding {
        Coding(system: TenderpointCodes.administration, code: value.rawValue,
               display: value == .clinician ? "Clinician-administered" : "Self-report")
    }

    private static func severityItem(_ linkId: String, _ text: String) -> Questionnaire.Item {
        Questionnaire.Item(linkId: linkId, text: text, type: .choice,
                           answerOption: (0...3).map { .init(value: .coding(severity($0))) })
    }

    private static func bounds(_ minimum: Int, _ maximum: Int?) -> [Extension] {
        [Extension(url: TenderpointCodes.minValueExtension, value: .integer(minimum))]
            + (maximum.map { [Extension(url: TenderpointCodes.maxValueExtension, value: .integer($0))] } ?? [])
    }
}
