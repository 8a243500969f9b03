// swift-tools-version:6.0
// Xieshang (协商): a federation service for CPPCC bodies. No Swift package dependencies:
// only the toolchain and Debian's C libraries through system library targets.
import PackageDescription

let package = Package(
    name: "Xieshang",
    products: [
        .library(name: "XieshangWire", targets: ["XieshangWire"]),
        .library(name: "XieshangTransport", targets: ["XieshangTransport"]),
        .executable(name: "xieshang", targets: ["xieshang"]),
        .executable(name: "xieshang-bench", targets: ["xieshang-bench"]),
        .executable(name: "xieshang-protogen", targets: ["xieshang-protogen"]),
    ],
    targets: [
        .systemLibrary(name: "CNghttp2", pkgConfig: "libnghttp2", providers: [.apt(["libnghttp2-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),

        .target(name: "XieshangWire", dependencies: ["CCrypto"]),
        .testTarget(name: "XieshangWireTests", dependencies: ["XieshangWire"]),

        .target(name: "XieshangTransport", dependencies: ["XieshangWire", "CNghttp2", "CCrypto"]),
        .testTarget(name: "XieshangTransportTests", dependencies: ["XieshangTransport", "XieshangWire"],
                    exclude: ["python"]),

        .executableTarget(name: "xieshang", dependencies: ["XieshangTransport"]),
        .executableTarget(name: "xieshang-bench", dependencies: ["XieshangWire", "XieshangTransport"]),
        // The protobuf code generator: Protos/*.proto → Sources/XieshangWire/Generated/*.swift (`make generate`).
        .executableTarget(name: "xieshang-protogen"),
    ],
    swiftLanguageModes: [.v6]
)
