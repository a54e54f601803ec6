import Testing
import TenderpointFHIR

/// The codes of DOMAIN.md §5, exactly.
@Suite struct CodeSystemTests {
    @Test func systemURIs() {
        #expect(CodeSystem.snomedCT == "http://snomed.info/sct")
        #expect(CodeSystem.loinc == "http://loinc.org")
        #expect(CodeSystem.icd10 == "http://hl7.org/fhir/sid/icd-10")
        #expect(CodeSystem.icd10CM == "http://hl7.org/fhir/sid/icd-10-cm")
        #expect(CodeSystem.icd11 == "http://id.who.int/icd/release/11/mms")
        #expect(CodeSystem.atc == "http://www.whocc.no/atc")
        #expect(CodeSystem.ucum == "http://unitsofmeasure.org")
        #expect(CodeSystem.tenderpointInstrument == "urn:tenderpoint:instrument")
    }

    @Test func domainCodes() {
        let expected: [(Coding, String, String)] = [
            (Codings.fibromyalgiaSNOMED, CodeSystem.snomedCT, "203082005"),
            (Codings.fibromyalgiaICD10, CodeSystem.icd10, "M79.7"),
            (Codings.fibromyalgiaICD10CM, CodeSystem.icd10CM, "M79.7"),
            (Codings.chronicWidespreadPainICD11, CodeSystem.icd11, "MG30.01"),
            (Codings.myofascialPainICD10, CodeSystem.icd10, "M79.1"),
            (Codings.myofascialPainICD10CM, CodeSystem.icd10CM, "M79.18"),
            (Codings.botulinumToxinTypeA, CodeSystem.snomedCT, "108890005"),
            (Codings.botulinumToxinInjection, CodeSystem.snomedCT, "442695005"),
            (Codings.left, CodeSystem.snomedCT, "7771000"),
            (Codings.right, CodeSystem.snomedCT, "24028007"),
            (Codings.painNRS, CodeSystem.loinc, "72514-3"),
            (Codings.botulinumToxinATC, CodeSystem.atc, "M03AX01"),
        ]
        for (coding, system, code) in expected {
            #expect(coding.system == system && coding.code == code, "\(coding)")
        }
    }

    @Test func toxinUnitsAreArbitraryUnitsShownAsU() {
        let dose = Quantity.toxinUnits(FHIRDecimal("12.5")!)
        #expect(dose == Quantity(value: FHIRDecimal("12.5")!, unit: "U", system: "http://unitsofmeasure.org", code: "[arb'U]"))
    }

    @Test func instrumentCodes() {
        let codes = [Codings.fiqrTotal, Codings.wpi, Codings.sss, Codings.tenderPointCount, Codings.fibromyalgiaSeverity]
        #expect(codes.map(\.code) == ["fiqr-total", "wpi", "sss", "tender-point-count", "fs"])
        #expect(codes.allSatisfy { $0.system == "urn:tenderpoint:instrument" })
    }
}
