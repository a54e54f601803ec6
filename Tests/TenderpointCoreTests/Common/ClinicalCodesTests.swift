import Testing
@testable import TenderpointCore

@Suite struct ClinicalCodesTests {
    @Test func fibromyalgiaIsCodedInSNOMEDAndBothICD10s() {
        let codes = ClinicalCodes.Condition.fibromyalgia.codings
        #expect(codes.map(\.system) == ["http://snomed.info/sct", "http://hl7.org/fhir/sid/icd-10", "http://hl7.org/fhir/sid/icd-10-cm"])
        #expect(codes.map(\.code) == ["203082005", "M79.7", "M79.7"])
    }

    @Test func myofascialPainIsM791InICD10AndM7918InICD10CM() {
        let codes = ClinicalCodes.Condition.myofascialPain.codings
        #expect(codes.map(\.system) == ["http://hl7.org/fhir/sid/icd-10", "http://hl7.org/fhir/sid/icd-10-cm"])
        #expect(codes.map(\.code) == ["M79.1", "M79.18"])
    }

    @Test func conditionIdentifiersAreStable() {
        #expect(ClinicalCodes.Condition.allCases.map(\.rawValue) == ["fibromyalgia", "myofascialPain"])
        #expect(ClinicalCodes.Condition(rawValue: "myofascial") == nil)
    }

    @Test func otherCodesMatchTheDomainTable() {
        #expect(ClinicalCodes.painNRS.code == "72514-3")
        #expect(ClinicalCodes.painNRS.system == "http://loinc.org")
        #expect(ClinicalCodes.botulinumToxinTypeA.code == "108890005")
        #expect(ClinicalCodes.botulinumToxinInjection.code == "442695005")
        #expect(ClinicalCodes.botulinumToxinATC.code == "M03AX01")
        #expect([ClinicalCodes.left.code, ClinicalCodes.right.code] == ["7771000", "24028007"])
        #expect(ClinicalCodes.chronicWidespreadPain.code == "MG30.01")
        #expect(ClinicalCodes.toxinUnit.code == "[arb'U]")
        #expect(ClinicalCodes.toxinUnit.display == "U")
    }
}
