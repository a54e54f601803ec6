/// A muscle that may be injected, on either side (DOMAIN.md §2a).
public enum Muscle: String, CaseIterable, Codable, Sendable, Hashable {
    case trapezius, levatorScapulae, splenius, rhomboid, supraspinatus, infraspinatus
    case paraspinalCervical, paraspinalThoracic, paraspinalLumbar, quadratusLumborum
    case gluteusMedius, gluteusMinimus, piriformis, tensorFasciaeLatae

    public var name: String {
        switch self {
        case .trapezius: "Trapezius"
        case .levatorScapulae: "Levator scapulae"
        case .splenius: "Splenius"
        case .rhomboid: "Rhomboid"
        case .supraspinatus: "Supraspinatus"
        case .infraspinatus: "Infraspinatus"
        case .paraspinalCervical: "Cervical paraspinal"
        case .paraspinalThoracic: "Thoracic paraspinal"
        case .paraspinalLumbar: "Lumbar paraspinal"
        case .quadratusLumborum: "Quadratus lumborum"
        case .gluteusMedius: "Gluteus medius"
        case .gluteusMinimus: "Gluteus minimus"
        case .piriformis: "Piriformis"
        case .tensorFasciaeLatae: "Tensor fasciae latae"
        }
    }
}
