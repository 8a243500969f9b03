import Dispatch
import FoundationEssentials
import Glibc
import Synchronization
import XieshangFederation
import XieshangStore
import XieshangTransport

/// The node's own counters (节点计数器), counted where the thing happens — a refusal, an alert, a refused TLS
/// handshake — and read by `GET /metrics` (``MetricsText``). Only counts that nothing else keeps live here; gauges
/// (links, lag, queues, events stored) and the store's commits are read from their owners when scraped.
final class NodeMetrics: Sendable {
    /// A copy of the counters.
    struct Counters: Sendable, Equatable {
        /// Refusals by kind (`event`, `handshake`, `connection`, `refused_by_peer`, `command`, `hello`) and code (the
        /// rule's code for events, the log code otherwise).
        var refusals: [Pair: UInt64] = [:]
        /// Alerts raised by this node, by the alert's code.
        var alerts: [String: UInt64] = [:]
        /// TLS handshakes refused, by listener (`peer`, `web`) and reason (``TLSRefusal/Reason``).
        var tlsRefusals: [Pair: UInt64] = [:]
        /// Events this node originated (stored and signed) since start: records, rollups, rosters, alerts.
        var originated: UInt64 = 0
    }

    /// Two label values.
    struct Pair: Hashable, Sendable, Comparable {
        var first: String
        var second: String
        static func < (a: Pair, b: Pair) -> Bool { (a.first, a.second) < (b.first, b.second) }
    }

    private let state = Mutex(Counters())

    /// A consistent copy of the counters.
    var counters: Counters { state.withLock { $0 } }

    /// Counts `count` refusals of `kind` with `code`.
    func refused(_ kind: String, code: String, count: Int = 1) {
        state.withLock { $0.refusals[Pair(first: kind, second: code), default: 0] &+= UInt64(max(1, count)) }
    }

    /// Counts an event this node originated.
    func originatedOne() {
        state.withLock { $0.originated &+= 1 }
    }

    /// Counts an alert with `code`.
    func alert(_ code: String) {
        state.withLock { $0.alerts[code, default: 0] &+= 1 }
    }

    /// Counts a TLS refusal on `listener`.
    func tlsRefused(listener: String, _ reason: TLSRefusal.Reason) {
        state.withLock { $0.tlsRefusals[Pair(first: listener, second: reason.rawValue), default: 0] &+= 1 }
    }

    /// The refusal kind a core record counts under, nil when it is no refusal.
    static func refusalKind(_ record: LogRecord) -> (kind: String, code: String)? {
        switch record.code {
        case .eventRefused: return ("event", record.rule ?? record.code.rawValue)
        case .refusedByPeer: return ("refused_by_peer", record.rule ?? record.code.rawValue)
        case .handshakeRefused: return ("handshake", record.code.rawValue)
        case .connectionRefused: return ("connection", record.code.rawValue)
        default: return nil
        }
    }
}

/// The process's resident memory (常驻内存): `/proc/self/statm`'s second field times the page size; nil when it
/// cannot be read.
enum ProcessMemory {
    static func residentBytes() -> UInt64? {
        guard let f = fopen("/proc/self/statm", "r") else { return nil }
        defer { fclose(f) }
        var line = [CChar](repeating: 0, count: 256)
        guard fgets(&line, 256, f) != nil else { return nil }
        let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let fields = text.split { $0 == " " || $0 == "\n" }
        guard fields.count >= 2, let pages = UInt64(fields[1]) else { return nil }
        let (bytes, overflow) = pages.multipliedReportingOverflow(by: UInt64(max(0, sysconf(Int32(_SC_PAGESIZE)))))
        return overflow ? nil : bytes
    }
}

extension NodeRuntime {
    /// What `/metrics` shows now, read on the executor from the core (links, backlogs, queue, fence), the store
    /// (events, commits, commit latency) and the runtime's counters.
    func metricsSnapshot(startedAt: Date, version: String, peerTransport: TransportMetrics.Snapshot?) -> MetricsText.Snapshot {
        dispatchPrecondition(condition: .onQueue(queue))
        let reader = core.store.reader
        let links = roles.sorted { $0.key < $1.key }.map { peer, role in
            let backlog = core.backlog(of: peer)
            return MetricsText.Link(peer: peer, role: role, up: core.isLinkUp(peer), lag: backlog.unacknowledged,
                                    queued: backlog.queued, refused: peers[peer]?.refused ?? 0)
        }
        return MetricsText.Snapshot(
            node: config.nodeId, tier: config.tier, version: version, links: links,
            queuedCommands: UInt64(max(0, core.queuedWaiting)), queuedRefused: UInt64(max(0, core.queuedRefused)),
            fenced: originationBlocked() != nil,
            eventsStored: UInt64(max(0, core.storedEventCount())),
            ownSeq: (try? reader.highestSeq(origin: config.nodeId)) ?? 0,
            commits: UInt64(max(0, core.store.commitCount)), commitLatency: core.store.commitLatency, recordFolds: records.foldsFromLog,
            counters: metrics.counters, residentBytes: ProcessMemory.residentBytes(),
            uptimeSeconds: UInt64(max(0, Date().timeIntervalSince(startedAt))), peerTransport: peerTransport)
    }
}
