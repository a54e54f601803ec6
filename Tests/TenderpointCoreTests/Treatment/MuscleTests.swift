import Testing
@testable import TenderpointCore

@Suite struct MuscleTests {
    @Test func identifiersAreExactlyThoseOfTheDomain() {
        #expect(Muscle.allCases.map(\.rawValue) == [
            "trapezius", "levatorScapulae", "splenius", "rhomboid", "supraspinatus", "infraspinatus",
            "paraspinalCervical", "paraspinalThoracic", "paraspinalLumbar", "quadratusLumborum",
            "gluteusMedius", "gluteusMinimus", "piriformis", "tensorFasciaeLatae",
        ])
    }

    @Test func names() {
        #expect(Muscle.levatorScapulae.name == "Levator scapulae")
        #expect(Muscle.tensorFasciaeLatae.name == "Tensor fasciae latae")
        #expect(Set(Muscle.allCases.map(\.name)).count == 14)
    }
}
