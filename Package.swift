// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Tenderpoint",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "TenderpointCore", targets: ["TenderpointCore"]),
        .library(name: "TenderpointFHIR", targets: ["TenderpointFHIR"]),
        .library(name: "TenderpointServer", targets: ["TenderpointServer"]),
        .executable(name: "tenderpoint", targets: ["tenderpoint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        // The clinical domain: Foundation only, no I/O.
        .target(name: "TenderpointCore"),
        // HL7 FHIR R4 resource types (the subset Tenderpoint serves): Foundation only.
        .target(name: "TenderpointFHIR"),
        .target(
            name: "TenderpointServer",
            dependencies: [
                "TenderpointCore",
                "TenderpointFHIR",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Plot", package: "Plot"),
            ]
        ),
        .executableTarget(
            name: "tenderpoint",
            dependencies: ["TenderpointServer"]
        ),
        .testTarget(
            name: "TenderpointCoreTests",
            dependencies: [
                "TenderpointCore",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "TenderpointFHIRTests", dependencies: ["TenderpointFHIR"]),
        .testTarget(
            name: "TenderpointServerTests",
            dependencies: [
                "TenderpointServer",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Fluent", package: "fluent"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
