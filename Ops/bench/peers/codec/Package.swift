// swift-tools-version:6.0
// Benchmark peer for `xieshang-bench codec`: swift-protobuf 1.39.0 on the same EventBody and bytes.
// A separate package: the Xieshang product never depends on it.
import PackageDescription

let package = Package(
    name: "codec-peer",
    dependencies: [
        .package(url: "https://github.com/apple/swift-protobuf", exact: "1.39.0"),
    ],
    targets: [
        .executableTarget(name: "codec-peer", dependencies: [.product(name: "SwiftProtobuf", package: "swift-protobuf")]),
    ],
    swiftLanguageModes: [.v5]
)
