import XieshangStore
import XieshangTransport

/// `GET /metrics` (监控指标): the node's metrics in Prometheus' text exposition format (version 0.0.4), read from the
/// running node — the core's links and queues, the store's commits, the runtime's counters — on the executor, so one
/// scrape is one consistent moment. README "Metrics" lists every family.
struct MetricsText {
    /// One link as the scrape sees it.
    struct Link: Sendable {
        var peer: String
        var role: String
        var up: Bool
        var lag: UInt64
        var queued: UInt64
        var refused: UInt64
    }

    /// Everything one scrape shows.
    struct Snapshot: Sendable {
        var node: String
        var tier: String
        var version: String
        var links: [Link]
        var queuedCommands: UInt64
        var queuedRefused: UInt64
        var fenced: Bool
        var eventsStored: UInt64
        var ownSeq: UInt64
        var commits: UInt64
        var commitLatency: CommitLatency
        var recordFolds: UInt64
        var counters: NodeMetrics.Counters
        var residentBytes: UInt64?
        var uptimeSeconds: UInt64
        var peerTransport: TransportMetrics.Snapshot?
    }

    /// The content type of the format.
    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    private var out = ""

    /// The exposition text of `s`.
    static func render(_ s: Snapshot) -> String {
        var t = MetricsText()
        t.family("xieshang_build_info", "gauge", "The node's software version, id and tier (always 1).")
        t.sample("xieshang_build_info", [("version", s.version), ("node", s.node), ("tier", s.tier)], 1)
        t.family("xieshang_uptime_seconds", "gauge", "Seconds since the node process started.")
        t.sample("xieshang_uptime_seconds", [], s.uptimeSeconds)
        t.family("xieshang_link_up", "gauge", "1 when the link to the peer is up (handshake done), else 0.")
        for l in s.links { t.sample("xieshang_link_up", [("peer", l.peer), ("role", l.role)], l.up ? 1 : 0) }
        t.family("xieshang_link_lag_events", "gauge", "Events routed to the peer that it has not acknowledged yet (outbound backlog).")
        for l in s.links { t.sample("xieshang_link_lag_events", [("peer", l.peer)], l.lag) }
        t.family("xieshang_link_queued_events", "gauge", "Events of the link held in memory: pushed and awaiting the Ack, or held for a gap.")
        for l in s.links { t.sample("xieshang_link_queued_events", [("peer", l.peer)], l.queued) }
        t.family("xieshang_link_refusals_total", "counter", "Refusals concerning the peer since start (handshakes, events, TLS).")
        for l in s.links { t.sample("xieshang_link_refusals_total", [("peer", l.peer)], l.refused) }
        t.family("xieshang_queued_commands", "gauge", "Local records queued while the node could not originate (fenced), not yet originated.")
        t.sample("xieshang_queued_commands", [], s.queuedCommands)
        t.family("xieshang_queued_commands_refused", "gauge", "Queued records a rule refused once they could be originated.")
        t.sample("xieshang_queued_commands_refused", [], s.queuedRefused)
        t.family("xieshang_fenced", "gauge", "1 while the node may not originate (its parent has not confirmed its chain), else 0.")
        t.sample("xieshang_fenced", [], s.fenced ? 1 : 0)
        t.family("xieshang_events_stored", "gauge", "Signed events in the node's log, all origins.")
        t.sample("xieshang_events_stored", [], s.eventsStored)
        t.family("xieshang_own_seq", "gauge", "Highest sequence number this node has originated.")
        t.sample("xieshang_own_seq", [], s.ownSeq)
        t.family("xieshang_events_originated_total", "counter", "Events this node originated since start (records, rollups, rosters, alerts).")
        t.sample("xieshang_events_originated_total", [], s.counters.originated)
        t.family("xieshang_store_commits_total", "counter", "Transactions the store's writer committed since start (each one an fsync).")
        t.sample("xieshang_store_commits_total", [], s.commits)
        t.family("xieshang_commit_duration_seconds", "histogram", "Store write transactions, from BEGIN to COMMIT returned (fsync included).")
        var cumulative: UInt64 = 0
        for (i, bound) in CommitLatency.bounds.enumerated() {
            cumulative &+= s.commitLatency.buckets[i]
            t.sample("xieshang_commit_duration_seconds_bucket", [("le", MetricsText.number(bound))], cumulative)
        }
        t.sample("xieshang_commit_duration_seconds_bucket", [("le", "+Inf")], s.commitLatency.count)
        t.line("xieshang_commit_duration_seconds_sum", [], MetricsText.number(s.commitLatency.sumSeconds))
        t.sample("xieshang_commit_duration_seconds_count", [], s.commitLatency.count)
        t.family("xieshang_record_folds_total", "counter", "Times the records were folded again from the log since start (once at start when the node holds records; more means rolled-back writes or pages reading behind the writer).")
        t.sample("xieshang_record_folds_total", [], s.recordFolds)
        t.family("xieshang_refusals_total", "counter", "Refusals since start by kind (event, handshake, connection, refused_by_peer, hello, command) and code.")
        for (pair, n) in s.counters.refusals.sorted(by: { $0.key < $1.key }) {
            t.sample("xieshang_refusals_total", [("kind", pair.first), ("code", pair.second)], n)
        }
        t.family("xieshang_alerts_total", "counter", "Alerts this node raised since start, by code.")
        for (code, n) in s.counters.alerts.sorted(by: { $0.key < $1.key }) { t.sample("xieshang_alerts_total", [("code", code)], n) }
        t.family("xieshang_tls_refusals_total", "counter", "TLS handshakes refused since start, by listener (peer, web) and reason.")
        var tls = s.counters.tlsRefusals
        for listener in ["peer", "web"] {
            for reason in TLSRefusal.Reason.allCases { tls[NodeMetrics.Pair(first: listener, second: reason.rawValue), default: 0] += 0 }
        }
        for (pair, n) in tls.sorted(by: { $0.key < $1.key }) {
            t.sample("xieshang_tls_refusals_total", [("listener", pair.first), ("reason", pair.second)], n)
        }
        if let p = s.peerTransport {
            t.family("xieshang_peer_connections_open", "gauge", "Connections open on the peer listener.")
            t.sample("xieshang_peer_connections_open", [], UInt64(max(0, p.connectionsOpen)))
            t.family("xieshang_peer_connections_refused_total", "counter", "Connections the peer listener refused (limits) since start.")
            t.sample("xieshang_peer_connections_refused_total", [], UInt64(max(0, p.connectionsRefused)))
        }
        if let rss = s.residentBytes {
            t.family("process_resident_memory_bytes", "gauge", "Resident memory of the node process in bytes.")
            t.sample("process_resident_memory_bytes", [], rss)
        }
        return t.out
    }

    private mutating func family(_ name: String, _ type: String, _ help: String) {
        out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
    }

    private mutating func sample(_ name: String, _ labels: [(String, String)], _ value: UInt64) {
        line(name, labels, String(value))
    }

    private mutating func line(_ name: String, _ labels: [(String, String)], _ value: String) {
        out += name
        if !labels.isEmpty {
            out += "{" + labels.map { "\($0.0)=\"\(MetricsText.escapeLabel($0.1))\"" }.joined(separator: ",") + "}"
        }
        out += " " + value + "\n"
    }

    /// A label value escaped as the format asks: `\` → `\\`, `"` → `\"`, line feed → `\n`.
    static func escapeLabel(_ v: String) -> String {
        var r = ""
        for c in v.unicodeScalars {
            switch c {
            case "\\": r += "\\\\"
            case "\"": r += "\\\""
            case "\n": r += "\\n"
            default: r.unicodeScalars.append(c)
            }
        }
        return r
    }

    /// A float as Go's strconv would write it for these values (`0.001`, `2.5`, `1`).
    static func number(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v > 0 ? "+Inf" : "-Inf" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }
}
