// swift-tools-version:6.0
// Xieshang (协商): a federation service for CPPCC bodies. No Swift package dependencies:
// only the toolchain and Debian's C libraries through system library targets.
import PackageDescription

let package = Package(
    name: "Xieshang",
    products: [
        .library(name: "XieshangWire", targets: ["XieshangWire"]),
        .library(name: "XieshangStore", targets: ["XieshangStore"]),
        .library(name: "XieshangCalendar", targets: ["XieshangCalendar"]),
        .library(name: "XieshangDomain", targets: ["XieshangDomain"]),
        .library(name: "XieshangTransport", targets: ["XieshangTransport"]),
        .library(name: "XieshangFederation", targets: ["XieshangFederation"]),
        .library(name: "XieshangAccounts", targets: ["XieshangAccounts"]),
        .executable(name: "xieshang", targets: ["xieshang"]),
        .executable(name: "xieshang-node", targets: ["xieshang-node"]),
        .executable(name: "xieshang-sim", targets: ["xieshang-sim"]),
        .executable(name: "xieshang-bench", targets: ["xieshang-bench"]),
        .executable(name: "xieshang-protogen", targets: ["xieshang-protogen"]),
    ],
    targets: [
        // C libraries from Debian, each behind a module map and a shim of what Swift cannot import.
        .systemLibrary(name: "CNghttp2", pkgConfig: "libnghttp2", providers: [.apt(["libnghttp2-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),
        // Header-only: declares libFuzzer's driver (weak) for the fuzz executable.
        .systemLibrary(name: "CFuzzer"),

        // Modules, in dependency order (shared/DESIGN.md §3).
        .target(name: "XieshangWire", dependencies: ["CCrypto"]),
        .target(name: "XieshangTransport", dependencies: ["XieshangWire", "CNghttp2", "CCrypto"]),
        .target(name: "XieshangStore", dependencies: ["XieshangWire", "CSQLite"]),
        // One calendar (Day, Period, China Standard Time) for the whole code base; no dependencies.
        .target(name: "XieshangCalendar"),
        .target(name: "XieshangDomain", dependencies: ["XieshangWire", "XieshangCalendar"]),
        // Readers of the public editing-traces corpus for the CRDT's tests and benchmark (not the domain's: no node
        // links it); they drive DraftText through its EditingTraces SPI.
        .target(name: "XieshangEditingTraces", dependencies: ["XieshangDomain"]),
        // The sans-I/O federation node.
        .target(name: "XieshangFederation", dependencies: ["XieshangWire", "XieshangStore", "XieshangCalendar"]),
        // The node process: federation core ↔ transport ↔ store, the admin service, domain projections.
        .target(name: "XieshangNode", dependencies: ["XieshangWire", "XieshangStore", "XieshangCalendar", "XieshangDomain", "XieshangTransport",
                                                    "XieshangFederation", "XieshangReport", "XieshangWeb", "XieshangAccounts"]),
        // Reports for people: self-contained HTML with SVG charts, Excel-friendly CSV. Pure rendering, no I/O.
        .target(name: "XieshangReport"),
        // The node's web interface over HTTPS (issue 17): page frame, security headers, route table, pages. No Foundation.
        .target(name: "XieshangWeb", dependencies: ["XieshangTransport", "XieshangWire", "XieshangReport", "XieshangDomain", "XieshangAccounts", "XieshangCalendar"]),
        // Accounts, roles, passwords (scrypt through libcrypto's EVP_KDF), sessions, CSRF and origin checks, the audit
        // trail: the library the web layer and the admin socket call. Its tables live in the node's database.
        .target(name: "XieshangAccounts", dependencies: ["XieshangStore", "XieshangWire", "XieshangCalendar", "XieshangReport", "CCrypto"]),

        // The test schema (Sources/XieshangTestKinds/Protos: the Note payload of the kind envelope.proto reserves for
        // tests): only the tests, the simulator, the fuzzers and xieshang-node-test link it; no shipped binary does.
        .target(name: "XieshangTestKinds", dependencies: ["XieshangWire"], exclude: ["Protos"]),
        // The store's test support, never shipped: valid signed chains (EventChainBuilder) for its tests, crash test and
        // benchmark, and the damage driver of its fuzzer (StoreFuzzing).
        .target(name: "XieshangStoreTesting", dependencies: ["XieshangStore", "XieshangWire", "CSQLite"]),
        // The federation's deterministic simulator (faults, adversaries, the note and domain workloads): only
        // xieshang-sim and the tests link it; no node binary does.
        .target(name: "XieshangSimulation", dependencies: ["XieshangFederation", "XieshangStore", "XieshangWire", "XieshangCalendar",
                                                          "XieshangDomain", "XieshangNode", "XieshangTestKinds"]),

        // The operators' command-line tool.
        .executableTarget(name: "xieshang", dependencies: ["XieshangWire", "XieshangTransport", "XieshangNode", "XieshangReport", "XieshangDomain",
                                                           "XieshangAccounts"]),
        // The node process alone, for servers: no CLI, no report renderer, FoundationEssentials only (`make dist`).
        .executableTarget(name: "xieshang-node", dependencies: ["XieshangNode"]),
        // The simulator's command line: `xieshang-sim --seeds 1000 --nodes 1+3+9`, `--seed N`, `--bench`.
        .executableTarget(name: "xieshang-sim", dependencies: ["XieshangSimulation", "XieshangFederation", "XieshangWire", "XieshangCalendar"]),
        // Measurements for Ops/bench/README.md.
        .executableTarget(name: "xieshang-bench", dependencies: ["XieshangWire", "XieshangStore", "XieshangDomain", "XieshangEditingTraces", "XieshangTransport",
                                                                 "XieshangAccounts", "XieshangNode", "XieshangStoreTesting"]),
        // The protobuf code generator: Protos/*.proto → Sources/XieshangWire/Generated/*.swift (`make generate`).
        .executableTarget(name: "xieshang-protogen"),
        // libFuzzer target on the wire decoders and envelope checks (`make fuzz`).
        .executableTarget(name: "xieshang-fuzz", dependencies: ["XieshangWire", "CFuzzer"]),
        // libFuzzer target on the store's open and replay of damaged databases (`make fuzz`).
        .executableTarget(name: "xieshang-fuzz-store", dependencies: ["XieshangStoreTesting", "CFuzzer"]),
        // libFuzzer target on the HTTP/2 server: frames and header blocks into a real server connection (`make fuzz`).
        .executableTarget(name: "xieshang-fuzz-h2", dependencies: ["XieshangTransport", "XieshangWire", "CFuzzer"]),
        // libFuzzer target on the federation core's handle: signed-but-absurd payloads from a keyed peer (`make fuzz`).
        .executableTarget(name: "xieshang-fuzz-federation", dependencies: ["XieshangFederation", "XieshangStore", "XieshangWire", "XieshangTestKinds",
                                                                           "CFuzzer"]),
        // The node process for tests, never shipped (`make dist` ships xieshang-node): the test event kinds enabled
        // (XieshangTestKinds) and fault injection (XIESHANG_TEST_CRASH) for the federation's crash tests.
        .executableTarget(name: "xieshang-node-test", dependencies: ["XieshangNode", "XieshangTestKinds"]),
        // Child process of the store's crash test; `swift build --build-tests` (make test) builds it with the tests.
        .executableTarget(name: "xieshang-store-crashtest", dependencies: ["XieshangStore", "XieshangStoreTesting", "XieshangWire"]),

        .testTarget(name: "XieshangWireTests", dependencies: ["XieshangWire", "XieshangTestKinds"], exclude: ["Protos", "python", "FuzzCrashes"]),
        .testTarget(name: "XieshangTransportTests", dependencies: ["XieshangTransport", "XieshangWire"], exclude: ["python", "FuzzCorpus"]),
        .testTarget(name: "XieshangStoreTests", dependencies: ["XieshangStore", "XieshangStoreTesting", "XieshangWire"], exclude: ["FuzzCorpus"]),
        .testTarget(name: "XieshangCalendarTests", dependencies: ["XieshangCalendar"]),
        .testTarget(name: "XieshangDomainTests", dependencies: ["XieshangDomain", "XieshangEditingTraces", "XieshangWire"], exclude: ["Traces"]),
        .testTarget(name: "XieshangFederationTests", dependencies: ["XieshangFederation", "XieshangSimulation", "XieshangStore", "XieshangWire",
                                                                "XieshangTestKinds"],
                    exclude: ["FuzzCorpus"]),
        .testTarget(name: "XieshangNodeTests", dependencies: ["XieshangNode", "XieshangWire", "XieshangTransport", "XieshangFederation", "XieshangStore", "XieshangDomain",
                                                        "XieshangAccounts", "XieshangSimulation", "XieshangTestKinds", "XieshangStoreTesting"], exclude: ["python", "Fixtures"]),
        .testTarget(name: "XieshangAccountsTests", dependencies: ["XieshangAccounts", "XieshangStore", "XieshangWire"]),
        .testTarget(name: "XieshangReportTests", dependencies: ["XieshangReport"], exclude: ["python"]),
    ],
    swiftLanguageModes: [.v6]
)
