import XieshangFederation
import XieshangStore
import XieshangTestKinds
import XieshangWire
#if canImport(Glibc)
import Glibc
#endif

/// One fuzz input, run against a fresh node: the root `city` with one child, `county` (the keyed peer, whose real test
/// key signs what the fuzzer makes), which may vouch for `town` (another real test key) in its rosters. The input is
/// a little program: each operation reads its fields from the fuzzer's bytes.
enum FederationFuzzing {
    static let countyKey = try! Ed25519.PrivateKey(seed: Array(repeating: 0xC0, count: 32))
    static let townKey = try! Ed25519.PrivateKey(seed: Array(repeating: 0x70, count: 32))
    static let cityKey = try! Ed25519.PrivateKey(seed: Array(repeating: 0xC1, count: 32))
    static let fakeKey = try! Ed25519.PrivateKey(seed: Array(repeating: 0xFA, count: 32))
    /// A directory on tmpfs: the store lives in memory.
    static let directory: String = {
        let base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
        let dir = "\(base)/xs-fuzz-federation-\(getpid())"
        mkdir(dir, 0o700)
        return dir
    }()
    static let config = {
        var config = FederationConfig(nodeId: "city", privateKey: cityKey, children: [.init(id: "county", publicKey: countyKey.publicKey, dials: false)])
        config.testKinds = TestKinds.all   // notes from the county are stored (the test schema's kind)
        return config
    }()

    static func exercise(_ bytes: [UInt8]) {
        let path = directory + "/node.db"
        for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
        var reader = FuzzReader(bytes)
        var session = Session(path: path)
        guard session.open() else { return }
        var operations = 0
        while !reader.isAtEnd && operations < 48 {
            operations += 1
            session.step(&reader)
        }
    }

    /// The node under test and the peer's link to it.
    struct Session {
        let path: String
        var node: FederationNode?
        var conn = ConnectionID(1)
        var now: Int64 = 1_798_761_600_000  // 2027-01-01
        var nextConn: UInt64 = 1

        init(path: String) { self.path = path }

        /// Opens (or reopens: a restart replays the store) the node and links the county to it.
        mutating func open() -> Bool {
            node = nil
            guard let store = try? Store(path: path), let n = try? FederationNode(config: FederationFuzzing.config, store: store, seed: 1) else {
                return false
            }
            node = n
            _ = n.handle(.start, now: now)
            nextConn += 1
            conn = ConnectionID(nextConn)
            _ = n.handle(.accepted(conn), now: now)
            let hello = HelloRequest(nodeId: "county", publicKey: FederationFuzzing.countyKey.publicKey.rawRepresentation,
                                     incarnation: [1, 2, 3, 4], challenge: Array(repeating: 5, count: 32), protocolVersion: 1)
            for case .send(_, .helloResponse(let r)) in n.handle(.received(conn, .hello(hello)), now: now) {
                let transcript = HandshakeTranscript(context: "xieshang-hello-v1", signer: "county", challenger: "city", challenge: r.challenge)
                guard let signature = try? FederationFuzzing.countyKey.signature(for: transcript.serializedBytes()) else { return false }
                _ = n.handle(.received(conn, .prove(ProveRequest(session: r.session, challengeSignature: signature))), now: now)
            }
            return true
        }

        mutating func step(_ r: inout FuzzReader) {
            guard let node else { return }
            switch r.byte() % 9 {
            case 0, 1, 2:
                push([event(&r, origin: "county", key: FederationFuzzing.countyKey)])
            case 3:
                let count = Int(r.byte() % 4) + 1
                var batch: [SignedEvent] = []
                for _ in 0..<count {
                    let town = r.byte() % 2 == 0
                    batch.append(event(&r, origin: town ? "town" : "county", key: town ? FederationFuzzing.townKey : FederationFuzzing.countyKey))
                }
                push(batch)
            case 4:
                // Unsigned events with every field from the fuzzer.
                let body = EventBody(origin: r.string(), seq: r.u64(), prevHash: r.blob(), timeMs: r.i64(), scope: scope(&r),
                                     kind: EventKind(protoValue: Int32(truncatingIfNeeded: r.u64())), payload: r.blob())
                push([SignedEvent(body: body.serializedBytes(), signature: r.blob())])
            case 5:
                let request = PullRequest(origin: r.byte() % 2 == 0 ? "county" : r.string(), fromSeq: r.u64(), toSeq: r.u64(),
                                          maxEvents: UInt32(truncatingIfNeeded: r.u64()))
                _ = node.handle(.received(conn, .pull(request)), now: now)
            case 6:
                // Time passes (the rollup timer fires), or runs backwards.
                let delta = Int64(truncatingIfNeeded: r.u64() % 100_000_000_000) - (r.byte() % 8 == 0 ? 50_000_000_000 : 0)
                now = now &+ delta
                _ = node.handle(.timer(.rollup), now: now)
                _ = node.handle(.timer(.saveCursors), now: now)
            case 7:
                // A local command with fuzzed fields (notes with extreme amounts).
                let kind = r.byte() % 2 == 0 ? EventKind.testNote : EventKind(protoValue: Int32(r.byte()))
                let payload = kind == .testNote ? Note(text: "n", amount: r.i64()).serializedBytes() : r.blob()
                _ = node.handle(.originate(LocalCommand(kind: kind, payload: payload, scope: scope(&r))), now: now)
            default:
                // A crash and a restart: the store is replayed.
                _ = open()
            }
        }

        func push(_ events: [SignedEvent]) {
            guard let node, let batchId = node.expectedBatchId(on: conn) else { return }
            _ = node.handle(.received(conn, .push(EventBatch(batchId: batchId, events: events, sender: "county"))), now: now)
        }

        /// The next event of `origin` as the node holds it (or any seq), signed with `key`, its payload made by the fuzzer.
        func event(_ r: inout FuzzReader, origin: String, key: Ed25519.PrivateKey) -> SignedEvent {
            let held = (try? node?.store.reader.highestSeq(origin: origin)) ?? 0
            let headHash = held == 0 ? [] : ((try? node?.store.reader.events(origin: origin, seqs: held...held).first?.hash) ?? [])
            let linked = r.byte() % 8 != 0
            let seq = linked ? held &+ 1 : r.u64()
            let kinds: [EventKind] = [.aggregateReport, .roster, .testNote, .escalation, .alert, .plan]
            let kind = kinds[Int(r.byte()) % kinds.count]
            let body = EventBody(origin: origin, seq: seq, prevHash: linked ? headHash : r.blob(), timeMs: r.byte() % 2 == 0 ? now : r.i64(),
                                 scope: Route.up.scope, kind: kind, payload: payload(&r, kind: kind, origin: origin))
            return (try? SignedEvent.signing(body, with: key)) ?? SignedEvent(body: body.serializedBytes(), signature: [])
        }

        func payload(_ r: inout FuzzReader, kind: EventKind, origin: String) -> [UInt8] {
            if r.byte() % 4 == 0 { return r.blob() }  // raw bytes
            switch kind {
            case .aggregateReport:
                var report = AggregateReport(period: period(&r), body: r.byte() % 8 == 0 ? r.string() : origin)
                for _ in 0..<Int(r.byte() % 3) { report.own[figure(&r)] = r.i64() }
                report.totals = report.own
                for _ in 0..<Int(r.byte() % 3) { report.totals[figure(&r)] = r.i64() }
                for _ in 0..<Int(r.byte() % 3) {
                    let citedOrigin = r.byte() % 2 == 0 ? "town" : r.string()
                    let seq = r.u64() % 8
                    let hash = (try? node?.store.reader.events(origin: citedOrigin, seqs: seq...seq).first?.hash) ?? r.blob()
                    var totals: [String: Int64] = [:]
                    for _ in 0..<Int(r.byte() % 2) { totals[figure(&r)] = r.i64() }
                    report.children.append(ChildReport(ref: EventRef(origin: citedOrigin, seq: seq, hash: hash), totals: totals,
                                                       subtreeBodies: UInt32(truncatingIfNeeded: r.u64())))
                }
                report.subtreeBodies = r.byte() % 2 == 0 ? UInt32(report.children.count + 1) : UInt32(truncatingIfNeeded: r.u64())
                report.expectedChildren = UInt32(truncatingIfNeeded: r.u64())
                return report.serializedBytes()
            case .roster:
                var roster = Roster()
                for _ in 0..<Int(r.byte() % 4) {
                    let ids = ["town", "county", "city", "ghost", "town2"]
                    let keys = [FederationFuzzing.townKey, FederationFuzzing.fakeKey, FederationFuzzing.countyKey]
                    let nodeId = r.byte() % 8 == 0 ? r.string() : ids[Int(r.byte()) % ids.count]
                    let key = r.byte() % 8 == 0 ? r.blob() : keys[Int(r.byte()) % keys.count].publicKey.rawRepresentation
                    let parent = r.byte() % 8 == 0 ? r.string() : ids[Int(r.byte()) % ids.count]
                    roster.entries.append(RosterEntry(nodeId: nodeId, publicKey: key, parent: parent))
                }
                return roster.serializedBytes()
            case .testNote:
                return Note(text: r.string(), amount: r.i64()).serializedBytes()
            case .escalation:
                return Escalation(original: r.blob(), note: r.string(), decision: r.string()).serializedBytes()
            default:
                return r.blob()
            }
        }

        func period(_ r: inout FuzzReader) -> String {
            switch r.byte() % 4 {
            case 0: return "2027-01"
            case 1: return "2027-Q1"
            case 2: return "\(r.i64())" + (r.byte() % 2 == 0 ? "-\(r.i64() % 20)" : "")
            default: return r.string()
            }
        }

        func figure(_ r: inout FuzzReader) -> String {
            let names = ["note", "note_amount", "activity", "plan"]
            return r.byte() % 4 == 0 ? r.string() : names[Int(r.byte()) % names.count]
        }

        func scope(_ r: inout FuzzReader) -> Scope {
            switch r.byte() % 4 {
            case 0: return Route.up.scope
            case 1: return Route.down(only: []).scope
            case 2: return Route.local.scope
            default: return (try? Scope(serializedBytes: r.blob())) ?? Route.up.scope
            }
        }
    }
}

/// Reads fields from the fuzzer's bytes; past the end, zeros.
struct FuzzReader {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { index >= bytes.count }

    mutating func byte() -> UInt8 {
        guard index < bytes.count else { return 0 }
        defer { index += 1 }
        return bytes[index]
    }

    mutating func u64() -> UInt64 {
        // One length byte (0–8), then that many bytes: small values are cheap for the fuzzer to find.
        let n = Int(byte() % 9)
        var v: UInt64 = 0
        for _ in 0..<n { v = v << 8 | UInt64(byte()) }
        return v
    }

    mutating func i64() -> Int64 { Int64(bitPattern: u64()) }

    mutating func blob() -> [UInt8] {
        let n = min(Int(byte()), bytes.count - min(index, bytes.count))
        defer { index += n }
        return Array(bytes[index..<index + n])
    }

    mutating func string() -> String { String(decoding: blob(), as: UTF8.self) }
}
