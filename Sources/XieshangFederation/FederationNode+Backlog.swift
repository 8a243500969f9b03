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

    /// The log's events in (``from``, ``through``] counted by (origin, scope): what a link's backlog is read from.
    /// The log only grows (positions are never reused) and a peer's acknowledged position only moves forward, so the
    /// counts follow both by reading the two ranges that changed — the events the peer acknowledged since (taken off)
    /// and the events stored since (added) — never the whole log again. The routing rules are applied to the groups
    /// at each read, so a change of the rules (a membership change) shows at once.
    struct BacklogCounts {
        struct Group: Hashable { var origin: String; var scope: String }
        var from: Int64
        var through: Int64
        var groups: [Group: Int64] = [:]

        /// Adds (`sign` 1) or takes off (`sign` -1) the events in (`after`, `upTo`] of `reader`'s log.
        mutating func apply(_ reader: EventReader, after: Int64, upTo: Int64, sign: Int64) throws(StoreError) {
            guard upTo > after else { return }
            for row in try reader.rows("SELECT origin, scope, count(*) FROM events WHERE position > ? AND position <= ? GROUP BY origin, scope",
                                       [.integer(after), .integer(upTo)]) {
                guard case .text(let origin) = row[0], case .text(let scope) = row[1], case .integer(let n) = row[2] else { continue }
                let key = Group(origin: origin, scope: scope)
                let sum = (groups[key] ?? 0) + sign * n
                groups[key] = sum > 0 ? sum : nil
            }
        }
    }

    /// The counts by (origin, scope) of the events after `acked` up to the log's end, brought up to date from the
    /// ones kept for `peer` (``BacklogCounts``); read afresh when none are kept or they cannot be brought forward
    /// (the peer's position went back, or the log is shorter than when they were counted: a restored store).
    func backlogGroups(of peer: String, after acked: Int64) -> [BacklogCounts.Group: Int64] {
        let reader = store.reader
        guard let last = try? reader.lastPosition() else { backlogCounts[peer] = nil; return [:] }
        var counts = backlogCounts[peer] ?? BacklogCounts(from: acked, through: acked)
        do throws(StoreError) {
            if counts.from > acked || counts.through > last || acked > counts.through {
                counts = BacklogCounts(from: acked, through: acked)
            }
            try counts.apply(reader, after: counts.from, upTo: acked, sign: -1)
            counts.from = acked
            try counts.apply(reader, after: counts.through, upTo: last, sign: 1)
            counts.through = last
        } catch {
            backlogCounts[peer] = nil
            return [:]
        }
        backlogCounts[peer] = counts
        return counts.groups
    }

    /// The backlog of the link to `peer`: the routing rules applied to the log's events after the peer's position,
    /// counted by (origin, scope) — kept per peer and brought forward by the ranges that changed since the last read
    /// (``backlogGroups(of:after:)``), no event bodies read.
    public func backlog(of peer: String) -> LinkBacklog {
        let durable = ((try? store.reader.cursor(peer: peer, direction: .outbound)) ?? nil)?.position ?? 0
        let acked = max(durable, unsavedCursors[peer] ?? 0, clients[peer]?.ackedPosition ?? 0)
        var unacked: UInt64 = 0
        let unroutedBefore = unroutedSeen  // routes() notes unroutable events for the pump; a status read changes nothing
        defer { unroutedSeen = unroutedBefore }
        for (group, n) in backlogGroups(of: peer, after: acked) {
            let (origin, scope) = (group.origin, group.scope)
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

    /// The number of events stored: the count kept through the last read position plus the events stored since (a
    /// range of the log's positions), recounted when the log is shorter than when it was counted (a restored store).
    public func storedEventCount() -> Int {
        let reader = store.reader
        do throws(StoreError) {
            let last = try reader.lastPosition()
            if let kept = storedCount, kept.through <= last {
                let added = try reader.rows("SELECT count(*) FROM events WHERE position > ? AND position <= ?", [.integer(kept.through), .integer(last)])
                guard case .integer(let n)? = added.first?.first else { return kept.count }
                storedCount = (last, kept.count + Int(n))
            } else {
                storedCount = (last, try reader.count())
            }
            return storedCount?.count ?? 0
        } catch {
            storedCount = nil
            return (try? reader.count()) ?? 0
        }
    }
}
