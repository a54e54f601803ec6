/// A coding key made from any text or array index: used for `value[x]` choice members, whose
/// names are built at run time (`valueQuantity`), and for array positions in paths.
struct FHIRCodingKey: CodingKey, Hashable, Sendable {
    let stringValue: String
    let intValue: Int?

    init(_ name: String) {
        stringValue = name
        intValue = nil
    }

    init(index: Int) {
        stringValue = "Index \(index)"
        intValue = index
    }

    init?(stringValue: String) { self.init(stringValue) }

    init?(intValue: Int) { self.init(index: intValue) }

    static let resourceType = FHIRCodingKey("resourceType")
}
