import TenderpointCore
import TenderpointFHIR

/// Tenderpoint's own code systems and extension URLs, for what no standard system codes: the
/// identifiers of DOMAIN.md (products, tender points, muscles, adverse events) under
/// `urn:tenderpoint:`, beside the standard codes wherever one exists.
enum TenderpointCodes {
    static let product = "urn:tenderpoint:product"
    static let tenderPointSite = "urn:tenderpoint:tender-point-site"
    static let muscle = "urn:tenderpoint:muscle"
    static let adverseEvent = "urn:tenderpoint:adverse-event"
    static let appointmentKind = "urn:tenderpoint:appointment-kind"
    static let acr2016Severity = "urn:tenderpoint:acr2016-severity"
    static let administration = "urn:tenderpoint:administration"
    /// Staff accounts that are not practitioners (admin, reception), as identifiers in audit events.
    static let user = "urn:tenderpoint:user"

    static let guidanceExtension = "urn:tenderpoint:extension:injection-guidance"
    static let volumeExtension = "urn:tenderpoint:extension:volume-ml"
    static let resolvedOnExtension = "urn:tenderpoint:extension:resolved-on"
    static let minValueExtension = "http://hl7.org/fhir/StructureDefinition/minValue"
    static let maxValueExtension = "http://hl7.org/fhir/StructureDefinition/maxValue"

    static let fiqrQuestionnaire = "urn:tenderpoint:questionnaire:fiqr"
    static let acr2016Questionnaire = "urn:tenderpoint:questionnaire:acr-2016"

    static let dataAbsentReason = "http://terminology.hl7.org/CodeSystem/data-absent-reason"

    /// A product's codes: Tenderpoint's identifier, the ATC code of all botulinum toxins, and
    /// SNOMED CT's botulinum toxin type A for the type A products.
    static func productConcept(_ product: ToxinProduct) -> CodeableConcept {
        var codings = [Coding(system: Self.product, code: product.rawValue, display: product.rawValue), Codings.botulinumToxinATC]
        if product != .rimabotulinumtoxinB { codings.append(Codings.botulinumToxinTypeA) }
        return CodeableConcept(coding: codings, text: product.displayName)
    }
}
