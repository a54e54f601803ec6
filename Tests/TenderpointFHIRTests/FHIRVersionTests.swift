import Testing
import TenderpointFHIR

@Suite struct FHIRVersionTests {
    @Test func isR4() {
        #expect(FHIRVersion.release == "4.0.1")
        #expect(FHIRVersion.mimeType == "application/fhir+json")
    }
}
