import XieshangStore
import XieshangWire

/// Replication: pushing from each link's durable cursor, acknowledging after the commit, duplicates, gaps and Pull.
extension FederationNode {
    // MARK: Sending (client side)

    func pumpAll() {
        // Pinned ids in order: every link that can be up is to a pinned peer (the handshake checks the pin).
        for peer in pinnedIds where clients[peer]?.state == .up { pump(peer) }
    }

    /// Fills the link's window with batches read from the log after its scan position, routed to `peer`.
    func pump(_ peer: String) {
        guard var link = clients[peer], link.state == .up else { return }
        // Nothing new in the log for this link (its in-flight list never starts with a done entry between calls: every
        // change to it ends with advance), so nothing to send or move.
        if let end = tail.end, link.scanPosition >= end { return }
        let o = config.options
        var sent = false
        // At most one partly filled batch in flight (as Nagle does for TCP segments): while it awaits its Ack, new
        // events gather into the next batch, so a busy link sends full batches — fewer commits at the receiver and
        // longer runs of one origin to authenticate with one signature — and an idle one still sends at once.
        var partialInflight = link.inflight.contains { !$0.done && $0.count < o.batchSize }
        var unacked = link.inflight.reduce(0) { $0 + ($1.done ? 0 : 1) }
        while unacked < o.window {
            let entries: ArraySlice<LogTail.Entry>
            let limit = o.batchSize * 2
            do throws(StoreError) {
                entries = try logEntries(after: link.scanPosition, limit: limit)
            } catch {
                outputs.append(.log(LogRecord(.warning, .storeFailed, peer: peer, "cannot read the log for \(peer): \(error.message)")))
                break
            }
            guard !entries.isEmpty else { break }
            var batch: [SignedEvent] = []
            var through = link.scanPosition
            for entry in entries {
                if routes(entry.event, route: entry.route, originNode: entry.originNode, to: peer) {
                    batch.append(SignedEvent(body: entry.event.body, signature: entry.event.signature))
                }
                through = entry.position
                if batch.count >= o.batchSize { break }
            }
            if !batch.isEmpty && batch.count < o.batchSize && entries.count < limit && through == entries.last?.position {
                if partialInflight { break }  // the end of the log: wait for the Ack of the partial batch in flight
                partialInflight = true
            }
            link.scanPosition = through
            if batch.isEmpty {
                // A stretch with nothing for this peer: acknowledged at once when nothing is in flight before it.
                if link.inflight.isEmpty {
                    link.ackedPosition = max(link.ackedPosition, through)
                } else {
                    link.inflight.append(.init(batchId: 0, through: through, count: 0, done: true))
                }
                continue
            }
            let batchId = link.nextBatchId
            link.nextBatchId += 1
            link.inflight.append(.init(batchId: batchId, through: through, count: batch.count, done: false))
            unacked += 1
            outputs.append(.send(link.connection, .push(EventBatch(batchId: batchId, events: batch, sender: id))))
            sent = true
        }
        advance(&link)
        if sent && link.inflight.contains(where: { !$0.done }) {
            link.lastProgressMs = now
            outputs.append(.setTimer(.retransmit(peer), atMs: now + o.ackTimeoutMs))
        }
        clients[peer] = link
    }

    /// Log entries after `position`: from the in-memory tail when it covers them (links that keep up), else read
    /// once for all links — the last range read is kept (a bounded slice of committed, immutable entries), so a node
    /// with many lagging links does not read each event once per link.
    func logEntries(after position: Int64, limit: Int) throws(StoreError) -> ArraySlice<LogTail.Entry> {
        if let entries = tail.entries(after: position, limit: limit) { return entries }
        if let cache = readCache, position >= cache.after, let last = cache.entries.last, position < last.position {
            let start = cache.entries.firstIndex { $0.position > position } ?? cache.entries.count
            return cache.entries[start..<min(start + limit, cache.entries.count)]
        }
        let entries = try store.reader.entries(after: position, limit: limit).map { LogTail.Entry(position: $0.position, event: $0.event) }
        readCache = (position, entries)
        return entries[...]
    }

    /// Appends events (own or received) with the unsaved outbound cursors and the rows `alongside` writes (report
    /// receipts) in one transaction — one commit — and keeps the tail.
    @discardableResult
    func appendToStore(_ events: [StoredEvent],
                       alongside: (Database) throws(StoreError) -> Void = { _ in }) throws(StoreError) -> AppendResult {
        let cursors = unsavedCursors.keys.sorted().map { PeerCursor(peer: $0, direction: .outbound, position: unsavedCursors[$0]!) }
        let result = try store.append(events, cursors: cursors, alongside: alongside)
        unsavedCursors = [:]
        tail.appended(events, result)
        return result
    }

    /// Writes the unsaved outbound cursors (the ``FederationTimer/saveCursors`` timer).
    func saveCursors() {
        guard !unsavedCursors.isEmpty else { return }
        do throws(StoreError) {
            try appendToStore([])
        } catch {
            outputs.append(.log(LogRecord(.warning, .storeFailed, "cannot save the outbound cursors of \(unsavedCursors.keys.sorted().joined(separator: ", ")): \(error.message); retrying")))
            outputs.append(.setTimer(.saveCursors, atMs: now + config.options.cursorSaveMs))
        }
    }

    /// Moves the acknowledged position over the done prefix of the in-flight list; persists it when a real batch
    /// was acknowledged.
    func advance(_ link: inout ClientLink) {
        var moved = false
        var persist = false
        while let first = link.inflight.first, first.done {
            link.ackedPosition = max(link.ackedPosition, first.through)
            if first.count > 0 { persist = true }
            link.inflight.removeFirst()
            moved = true
        }
        if moved && persist {
            // Saved with the next commit, or by a timer: a cursor lost in a crash only makes the link resend
            // events the peer acknowledges as duplicates.
            if unsavedCursors.isEmpty { outputs.append(.setTimer(.saveCursors, atMs: now + config.options.cursorSaveMs)) }
            unsavedCursors[link.peer] = link.ackedPosition
        }
        if moved { trimTail(acknowledged: link) }
    }

    /// Drops from the log's tail what every link has acknowledged (``LogTail/drop(through:)``): `link`, whose
    /// position just moved, and the other links as they are. A link pushes again only after its acknowledged
    /// position (a resend after a lost Ack) and resumes on a new connection from its cursor, read from the store.
    func trimTail(acknowledged link: ClientLink) {
        var floor = min(link.ackedPosition, link.scanPosition)
        for (peer, other) in clients where peer != link.peer { floor = min(floor, other.ackedPosition, other.scanPosition) }
        tail.drop(through: floor)
    }

    func ackReceived(_ ack: Ack, from peer: String) {
        guard var link = clients[peer], link.state == .up else { return }
        for r in ack.refused {
            outputs.append(.log(LogRecord(.warning, .refusedByPeer, peer: peer, rule: r.code, "\(peer) refused \(r.origin)#\(r.seq): \(r.code): \(r.reason)")))
        }
        guard let i = link.inflight.firstIndex(where: { $0.batchId == ack.batchId && !$0.done }) else {
            clients[peer] = link
            return
        }
        if ack.missingFrom.isEmpty {
            link.inflight[i].done = true
            link.lastProgressMs = now
            advance(&link)
        }
        clients[peer] = link
        pump(peer)
    }

    /// Whether `event` goes to `peer` under its scope (`routes` reads only the stored scope text).
    func routes(_ event: StoredEvent, to peer: String) -> Bool {
        routes(event, route: Route(text: event.scope), originNode: ChainName.node(of: event.origin), to: peer)
    }

    /// ``routes(_:to:)`` with the event's route and origin node already parsed (``LogTail/Entry``).
    func routes(_ event: StoredEvent, route: Route, originNode: String, to peer: String) -> Bool {
        if originNode == peer { return false }
        switch route {
        case .local:
            return false
        case .up:
            // The parent this node is leaving still gets its own events through the move group (区划调整).
            return peer == config.parent?.id || (peer == config.leavingParent?.id && originNode == id && event.seq <= leavingThroughSeq)
        case .down(let only):
            guard childIds.contains(peer) else { return false }
            if originNode != id && !isAncestorSide(originNode) { return false }
            if only.isEmpty { return true }
            for target in only {
                if target == peer || subtreeOf[target] == peer { return true }
                if target != id && subtreeOf[target] == nil && keyFor(target) == nil { unroutedSeen = true }
            }
            return false
        case .alliance(let a):
            return config.alliances.contains { $0.id == a && $0.members.contains { $0.id == peer } }
        case .direct(let target):
            if target == id { return false }
            if target == peer { return true }
            if let child = subtreeOf[target] { return child == peer }
            if childIds.contains(target) { return false }
            let fromBelow = originNode == id || subtreeOf[originNode] != nil || childIds.contains(originNode)
            if peer == config.parent?.id { return fromBelow }
            if config.parent == nil { unroutedSeen = true }
            return false
        }
    }

    /// Whether `origin` reached us from above (not from our own subtree): down events are only passed further down.
    func isAncestorSide(_ origin: String) -> Bool { subtreeOf[origin] == nil && !childIds.contains(origin) }

    // MARK: Receiving (server side)

    func pushReceived(_ batch: EventBatch, conn: ConnectionID) {
        guard let link = servers[conn], link.state == .up, let peer = link.peer else {
            return protocolViolation(conn, "Push before the handshake completed")
        }
        guard batch.sender.isEmpty || batch.sender == peer else {
            return protocolViolation(conn, "batch names sender \(batch.sender) on the authenticated link of \(peer)")
        }
        // Batches apply in the sender's log order (a roster before the events it vouches for). One that overtook
        // a lost or delayed predecessor is dropped unanswered; the sender resends from its cursor. A batch id
        // below the expected one is a resend of a range already applied: applied again (idempotent) and acked.
        if batch.batchId > link.expectedBatch {
            outputs.append(.log(LogRecord(.debug, .batchOutOfOrder, peer: peer, "batch \(batch.batchId) from \(peer) arrived before batch \(link.expectedBatch); dropped until resent")))
            return
        }
        guard let outcome = receive(batch.events, from: peer, pulled: false) else { return }  // no commit → no Ack
        if batch.batchId == link.expectedBatch { servers[conn]?.expectedBatch += 1 }
        var ack = Ack(batchId: batch.batchId)
        ack.refused = outcome.refusals
        ack.missingFrom = outcome.missing
        ack.highWater = outcome.origins.map { HighWater(origin: $0, seq: heads[$0]?.seq ?? 0) }
        outputs.append(.send(conn, .ack(ack)))
    }

    func pullRequested(_ request: PullRequest, conn: ConnectionID) {
        guard let link = servers[conn], link.state == .up, let peer = link.peer else {
            return protocolViolation(conn, "Pull before the handshake completed")
        }
        let limit = UInt64(max(1, min(Int(request.maxEvents == 0 ? UInt32(config.options.pullLimit) : request.maxEvents), config.options.pullLimit)))
        let head = heads[request.origin]?.seq ?? 0
        var response = EventBatch(batchId: 0, events: [], sender: id)
        // The request's seqs come from the peer: checked, and a range with to < from is empty (never a trapping range).
        let (last, overflow) = request.fromSeq.addingReportingOverflow(limit - 1)
        let to = min(request.toSeq == 0 ? head : min(request.toSeq, head), overflow ? UInt64.max : last)
        if request.fromSeq >= 1, request.fromSeq <= to {
            let events = (try? store.reader.events(origin: request.origin, seqs: request.fromSeq...to)) ?? []
            for e in events where routes(e, to: peer) || ChainName.node(of: e.origin) == peer || isRelayedTo(peer, e) {
                response.events.append(SignedEvent(body: e.body, signature: e.signature))
            }
        }
        outputs.append(.send(conn, .pullResponse(response)))
    }

    /// Pull may also return events the peer already got from us on another route (an alliance relay).
    func isRelayedTo(_ peer: String, _ e: StoredEvent) -> Bool {
        if case .alliance(let a) = Route(text: e.scope) {
            return config.alliances.contains { $0.id == a && $0.members.contains { $0.id == peer } }
        }
        return false
    }

    func pullResponseReceived(_ batch: EventBatch, from peer: String) {
        if let first = batch.events.first, let body = try? first.decodedBody() { pulling.remove(peer + "|" + body.origin) }
        pulling = pulling.filter { !$0.hasPrefix(peer + "|") }
        _ = receive(batch.events, from: peer, pulled: true)
        releaseFenceIfCaughtUp()
    }

    func requestPull(from peer: String, origin: String, fromSeq: UInt64, toSeq: UInt64) {
        guard let link = clients[peer], link.state == .up else { return }
        let key = peer + "|" + origin
        guard !pulling.contains(key) else { return }
        pulling.insert(key)
        outputs.append(.send(link.connection, .pull(PullRequest(origin: origin, fromSeq: fromSeq, toSeq: toSeq,
                                                                 maxEvents: UInt32(config.options.pullLimit)))))
    }

    // MARK: Holding gaps

    func hold(_ run: [SignedEvent], origin: String, firstSeq: UInt64, from peer: String) {
        guard heldCount + run.count <= config.options.holdLimit else {
            outputs.append(.log(LogRecord(.debug, .gapBufferFull, peer: peer, "gap buffer full; dropping \(run.count) events of \(origin) from \(peer) (the sender resends)")))
            return
        }
        if held.contains(where: { $0.origin == origin && $0.firstSeq == firstSeq && $0.events.count >= run.count }) { return }
        held.append(HeldRun(peer: peer, origin: origin, firstSeq: firstSeq, events: run))
        heldCount += run.count
    }

    /// Runs held runs that now follow what the store holds; drops those entirely covered.
    func releaseHeld() {
        var progress = true
        while progress {
            progress = false
            for (i, run) in held.enumerated() {
                let head = heads[run.origin]?.seq ?? 0
                if run.firstSeq - 1 <= head {  // held runs start at seq 2 or later: no underflow
                    held.remove(at: i)
                    heldCount -= run.events.count
                    // Not entirely covered by what the store holds (the run's first seq came from a peer: no overflow).
                    let covered = run.firstSeq > head ? 0 : (head - run.firstSeq).addingReportingOverflow(1).partialValue
                    if UInt64(run.events.count) > covered {
                        _ = receive(run.events, from: run.peer, pulled: true)
                    }
                    progress = true
                    break
                }
            }
        }
    }
}
