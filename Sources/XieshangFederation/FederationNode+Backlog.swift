import XieshangStore
import XieshangWire

/// What a link owes its peer, for the runtime's status: exact counts, not the log distance.
extension FederationNode {
    /// One link's backlog (积压).
    public struct LinkBacklog: Sendable, Equatable {
        /// Log position the peer has acknowledged (the durable outbound cursor, or the live link's newer one).
        public var ackedPosition: Int64
        /// Events after ``ackedPosition`` that the routing rules send to the peer: not yet acknowledged by it
        /// (in flight or still to be pushed).
        public var unacknowledged: UInt64
        /// Events held in memory for the link now: pushed and awaiting the peer's Ack (the link's window), plus events
        /// received from the peer and held back while a gap is pulled.
        public var queued: UInt64
    }

    /// The backlog of the link to `peer`. Reads the log after the peer's cursor grouped by (origin, scope) — one
    /// aggregate query, no event bodies — and applies the routing rules to each group.
    public func backlog(of peer: String) -> LinkBacklog {
        let durable = ((try? store.reader.cursor(peer: peer, direction: .outbound)) ?? nil)?.position ?? 0
        let acked = max(durable, unsavedCursors[peer] ?? 0, clients[peer]?.ackedPosition ?? 0)
        var unacked: UInt64 = 0
        let unroutedBefore = unroutedSeen  // routes() notes unroutable events for the pump; a status read changes nothing
        defer { unroutedSeen = unroutedBefore }
        let rows = (try? store.reader.rows("SELECT origin, scope, count(*) FROM events WHERE position > ? GROUP BY origin, scope",
                                           [.integer(acked)])) ?? []
        for row in rows {
            guard case .text(let origin) = row[0], case .text(let scope) = row[1], case .integer(let n) = row[2] else { continue }
            if peer == config.leavingParent?.id, origin == id, case .up = Route(text: scope) {
                // The parent being left gets own up events only through the move group: count those by seq.
                let rows = (try? store.reader.rows("SELECT count(*) FROM events WHERE position > ? AND origin = ? AND scope = ? AND seq <= ?",
                                                   [.integer(acked), .text(origin), .text(scope), .integer(Int64(clamping: leavingThroughSeq))])) ?? []
                if case .integer(let m)? = rows.first?.first { unacked += UInt64(max(0, m)) }
                continue
            }
            let probe = StoredEvent(origin: origin, seq: 0, prevHash: [], hash: [], timeMs: 0, scope: scope, kind: 0, body: [], signature: [])
            if routes(probe, to: peer) { unacked += UInt64(max(0, n)) }
        }
        let inflight = clients[peer]?.inflight.reduce(0) { $0 + ($1.done ? 0 : $1.count) } ?? 0
        let heldBack = held.reduce(0) { $0 + ($1.peer == peer ? $1.events.count : 0) }
        return LinkBacklog(ackedPosition: acked, unacknowledged: unacked, queued: UInt64(inflight + heldBack))
    }
}
