import Foundation
import XieshangStore
import XieshangStoreTesting
import XieshangWire
#if canImport(Glibc)
import Glibc
#endif

/// A fresh directory under /tmp (mode 0755, so a child running as `nobody` can reach it), removed by `cleanUp`.
struct TempDir {
    let path: String

    init() {
        var template = Array("/tmp/xs-store-test-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "mkdtemp failed")
        path = String(cString: template.withUnsafeBufferPointer { $0.baseAddress! })
        chmod(path, 0o755)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func cleanUp() {
        chmod(path, 0o755)
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// A deterministic key for `name`, so tests and the crash-test child agree on it.
func testKey(_ name: String) -> Ed25519.PrivateKey {
    try! Ed25519.PrivateKey(seed: SHA256.hash(Array("xieshang-store-test-key:\(name)".utf8)))
}

/// `count` events continuing `chain`, with ~200-byte payloads.
func makeEvents(_ chain: inout EventChainBuilder, _ count: Int, scope: String = "up", kind: Int32 = 1) -> [StoredEvent] {
    (0..<count).map { i in
        try! chain.next(payload: Array(repeating: UInt8(truncatingIfNeeded: i), count: 200), scope: scope, kind: kind,
                        timeMs: 1_700_000_000_000 + Int64(chain.seq))
    }
}

/// The package root, from this file's path (Tests/XieshangStoreTests/TestSupport.swift).
func packageRoot(_ file: String = #filePath) -> String {
    var parts = file.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
}

/// The path of an executable product built beside the test bundle (`swift build --build-tests` builds every target).
func siblingExecutable(_ name: String) -> String? {
    var candidates: [String] = []
    let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var dir = me.deletingLastPathComponent()
    for _ in 0..<4 {  // the bundle may be a directory (…/debug/X.xctest/Contents/MacOS/X) or a file
        candidates.append(dir.appendingPathComponent(name).path)
        dir = dir.deletingLastPathComponent()
    }
    candidates.append(packageRoot() + "/.build/debug/" + name)
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// Every table dumped, for byte-for-byte comparisons.
func dumpTables(_ reader: EventReader, _ tables: [String]) throws -> [String: [String]] {
    var out: [String: [String]] = [:]
    for t in tables { out[t] = try reader.dump(table: t) }
    return out
}

/// Raw SQLite access for tests that damage or inspect a file behind the store's back.
func rawDatabase(_ path: String) throws -> Database { try Database(path: path) }
