import XieshangStore
import XieshangWire

/// Authorization on receipt, before anything is stored (shared/DESIGN.md §7): signature (one per contiguous run),
/// who may send what, duplicates, gaps, equivocation, rollup arithmetic. Refusals go back in the Ack and are
/// raised as Alert events.
extension FederationNode {
    struct Outcome {
        var refusals: [Refusal] = []
        var missing: [HighWater] = []
        var stored = 0
        /// The origins of the delivered events, in first-seen order (for the Ack's high-water marks).
        var origins: [String] = []
        /// The peer that delivered the events (for the log).
        var peer = ""
    }

    /// An event refused, with the alert to raise (nil for refusals that are not misbehaviour).
    struct Rejection {
        var code: String
        var reason: String
        var alert: Bool
        var figure: String = ""
        var period: String = ""
        var evidence: [[UInt8]] = []
    }

    /// One delivered event, decoded once: the envelope, its body and its hash (SHA-256 of the envelope bytes, computed
    /// once here because every later step — run authentication, hash links, the store — needs it).
    typealias Delivered = (event: SignedEvent, body: EventBody, hash: [UInt8])

    /// Checks, stores and applies events a peer delivered; nil when the commit failed (send no Ack: the peer resends).
    ///
    /// One commit per batch: the accepted events, the receipt times of child reports and the alerts the batch raises
    /// are stored in one transaction (a roster in the batch is committed first: later events may need its keys).
    func receive(_ events: [SignedEvent], from peer: String, pulled: Bool) -> Outcome? {
        let outermost = deferredAlerts == nil
        if outermost { deferredAlerts = [] }
        defer {
            // Alerts raised after the last commit (an event that could not be applied) are stored on their own.
            if outermost, let leftover = deferredAlerts {
                deferredAlerts = nil
                storeAlerts(leftover)
            }
        }
        var outcome = Outcome()
        outcome.peer = peer
        // Decode and group into runs of one origin.
        var runs: [(origin: String, items: [Delivered])] = []
        for e in events {
            guard let body = try? e.decodedBody() else {
                let rejection = Rejection(code: "malformed", reason: "event does not decode as a SignedEvent with a valid EventBody", alert: true, evidence: [e.serializedBytes()])
                refuse(origin: "?", seq: 0, rejection, subject: peer, into: &outcome)
                continue
            }
            let item: Delivered = (e, body, e.hash)
            if let last = runs.indices.last, runs[last].origin == body.origin {
                runs[last].items.append(item)
            } else {
                if !runs.contains(where: { $0.origin == body.origin }) { outcome.origins.append(body.origin) }
                runs.append((body.origin, [item]))
            }
        }
        let preAuthenticated = authenticateByOrigin(runs)
        var pending: [(StoredEvent, EventBody)] = []
        var overlay: [String: XieshangWire.EventChain.Link] = [:]
        var pendingReports: [String: [UInt64: (hash: [UInt8], body: EventBody)]] = [:]
        var pendingHasRoster = false
        var index = 0
        while index < runs.count {
            let run = runs[index]
            let origin = run.origin
            guard let key = keyFor(origin) else {
                if pendingHasRoster {
                    // A roster earlier in this batch may vouch for this origin: commit it, then look again.
                    guard flush(&pending, outcome: &outcome) else { return nil }
                    overlay = [:]
                    pendingHasRoster = false
                    continue
                }
                let first = run.items[0].1
                refuse(origin: origin, seq: first.seq,
                       Rejection(code: "unknown_origin", reason: "\(id) knows no key for origin \(origin) (not pinned, not vouched for by a roster)", alert: true),
                       subject: peer, into: &outcome, count: run.items.count)
                index += 1
                continue
            }
            var head = overlay[origin] ?? heads[origin] ?? XieshangWire.EventChain.Link(seq: 0, hash: [])
            // Who may send what — checked first, so a replayed event of another subtree is refused, not dropped.
            var permitted: [Delivered] = []
            for item in run.items {
                if let rejection = roleCheck(item.body, from: peer) {
                    refuse(origin: origin, seq: item.body.seq, Rejection(code: rejection.code, reason: rejection.reason, alert: true, evidence: [item.event.serializedBytes()]),
                           subject: peer, into: &outcome, count: 1)
                    break
                }
                permitted.append(item)
            }
            var items = permitted[...]
            // Duplicates and equivocation: seqs at or below what we hold.
            while let (e, body, hash) = items.first, body.seq <= head.seq {
                items = items.dropFirst()
                let stored = body.seq == head.seq ? head.hash : storedHash(origin, body.seq, pending: pending)
                if stored == hash { continue }  // duplicate: acked, dropped
                var signer = key
                switch keyAt(origin, seq: body.seq) {
                case .valid(let k)?, .revoked(let k, _, _)?: signer = k
                case nil: break
                }
                if signatureVerifies(e, hash: hash, key: signer) {
                    let original = storedSigned(origin, body.seq, pending: pending)
                    refuse(origin: origin, seq: body.seq,
                           Rejection(code: "equivocation", reason: "\(origin) signed two different events with seq \(body.seq); the first one stays", alert: true,
                                     evidence: [original, e.serializedBytes()].filter { !$0.isEmpty }),
                           subject: origin, into: &outcome)
                } else {
                    refuse(origin: origin, seq: body.seq,
                           Rejection(code: "bad_signature", reason: "signature of \(origin)#\(body.seq) does not verify against its key \(signer.fingerprint)", alert: true, evidence: [e.serializedBytes()]),
                           subject: peer, into: &outcome)
                }
            }
            guard let firstNew = items.first?.body else { index += 1; continue }
            if firstNew.seq - head.seq > 1 {  // firstNew.seq > head.seq here: no overflow
                hold(items.map(\.event), origin: origin, firstSeq: firstNew.seq, from: peer)
                outcome.missing.append(HighWater(origin: origin, seq: head.seq + 1))
                requestPull(from: peer, origin: origin, fromSeq: head.seq + 1, toSeq: firstNew.seq - 1)
                index += 1
                continue
            }
            let allowed = Array(items)
            // One signature per run of one key (hash links tie every event to the last one); each event is checked
            // against the key valid at its position (a rotation or revocation changes it: FederationNode+Keys).
            var (authentic, refusal) = authenticateByKey(allowed, follows: head, origin: origin, preAuthenticated: preAuthenticated)
            if let (seq, rejection) = refusal {
                refuse(origin: origin, seq: seq, rejection, subject: peer, into: &outcome)
            }
            // Content checks that need the payload (rollup arithmetic, escalated signatures).
            var cut = authentic.count
            var flushFirst = false
            for (i, (e, body, hash)) in authentic.enumerated() {
                // A report's citations are checked against the rosters this node accepted: one delivered before it
                // (in this batch) is committed and applied first, then the rest of the run is looked at again.
                if body.kind == .aggregateReport && (pendingHasRoster || authentic[..<i].contains { $0.1.kind == .roster || $0.1.kind == .membership }) {
                    cut = i
                    flushFirst = true
                    break
                }
                // The records delivered before a descendant's report are not committed first: the figures source
                // counts them on trial with what it holds (``ownFiguresRefusal(_:body:preceding:)``), so the batch
                // stays one commit.
                let preceding = body.kind == .aggregateReport && figuresSource != nil
                    ? pending.map(\.1) + authentic[..<i].map(\.1) : []
                if let rejection = contentCheck(body, pendingReports: pendingReports, preceding: preceding) {
                    var r = rejection
                    r.evidence = [e.serializedBytes()]
                    refuse(origin: origin, seq: body.seq, r, subject: origin, into: &outcome)
                    cut = i
                    break
                }
                if body.kind == .aggregateReport {
                    pendingReports[origin, default: [:]][body.seq] = (hash, body)
                }
                // A key record changes which key signs what follows (this run's or another origin's): committed and
                // applied first, then the rest of the batch is looked at again.
                if body.kind == .keyRotation || body.kind == .keyRevocation || (body.kind == .roster && FederationNode.carriesKeyRecords(body)) {
                    cut = i + 1
                    flushFirst = true
                    break
                }
            }
            authentic = Array(authentic.prefix(cut))
            if let first = authentic.first, fenced, awaitsOwnRoster(origin) {
                // Authentic, but not stored yet (no refusal): the sender resends after its Ack timeout, by when this
                // node has emitted the roster that must precede these events in its log.
                outcome.missing.append(HighWater(origin: origin, seq: first.1.seq))
                for (_, body, _) in authentic { pendingReports[origin]?[body.seq] = nil }
                index += 1
                continue
            }
            for (e, body, hash) in authentic {
                let stored = storedEvent(e, body, hash: hash)
                pending.append((stored, body))
                head = XieshangWire.EventChain.Link(seq: body.seq, hash: stored.hash)
                if body.kind == .roster || body.kind == .membership { pendingHasRoster = true }
            }
            overlay[origin] = head
            if flushFirst {
                guard flush(&pending, outcome: &outcome) else { return nil }
                overlay = [:]
                pendingHasRoster = false
                continue  // the same run again: what was just stored now drops as duplicates
            }
            index += 1
        }
        guard flush(&pending, outcome: &outcome) else { return nil }
        releaseHeld()
        return outcome
    }

    /// Commits the pending events with the receipt times of the child reports among them and the alerts raised so far
    /// (``deferredAlerts``), in ONE transaction, then applies them; false when the store failed (nothing of it stored).
    func flush(_ pending: inout [(StoredEvent, EventBody)], outcome: inout Outcome) -> Bool {
        let alerts = deferredAlerts ?? []
        guard !pending.isEmpty || !alerts.isEmpty else { return true }
        deferredAlerts = deferredAlerts.map { _ in [] }
        var own: [(StoredEvent, EventBody)] = []
        if !alerts.isEmpty {
            var after: [String: XieshangWire.EventChain.Link] = [:]
            for (stored, _) in pending { after[stored.origin] = XieshangWire.EventChain.Link(seq: stored.seq, hash: stored.hash) }
            do throws(GroupRefusal) {
                own = try sign(alerts.map { Origination(kind: .alert, payload: $0.serializedBytes(), route: .up) }, after: after)
            } catch {
                outputs.append(.log(LogRecord(.warning, .storeFailed, "cannot store alerts about \(alerts.map(\.subject).joined(separator: ", ")): \(error.error.message)")))
            }
        }
        do throws(StoreError) {
            let received = pending
            try appendToStore(pending.map(\.0) + own.map(\.0)) { (db) throws(StoreError) in try self.writeReportReceipts(received, in: db) }
        } catch {
            outputs.append(.log(LogRecord(.warning, .storeFailed, peer: outcome.peer, "could not store \(pending.count) events: \(error.message); not acknowledged, the sender resends")))
            // The alerts are not the sender's to resend: stored on their own when the receipt ends.
            deferredAlerts = deferredAlerts.map { alerts + $0 }
            // The store's chain heads are authoritative: drop ours so they reload.
            heads = [:]
            reloadHeads()
            return false
        }
        for (stored, body) in pending {
            heads[stored.origin] = XieshangWire.EventChain.Link(seq: stored.seq, hash: stored.hash)
            applied(body, stored: stored)
        }
        originated(own)
        outcome.stored += pending.count
        pending = []
        pumpAll()
        return true
    }

    func reloadHeads() {
        guard let seqs = try? store.reader.highestSeqs() else { return }
        for (origin, seq) in seqs {
            if let e = try? store.reader.events(origin: origin, seqs: seq...seq).first {
                heads[origin] = XieshangWire.EventChain.Link(seq: seq, hash: e.hash)
            }
        }
    }

    /// A batch interleaves many origins (a county relays all its townships), so runs in batch order are short.
    /// Authentication does not depend on order: all events of one origin in the batch, if their seqs and hash links
    /// are contiguous, are authenticated together by the signature of the last one. Returns the hashes so covered.
    func authenticateByOrigin(_ runs: [(origin: String, items: [Delivered])]) -> Set<[UInt8]> {
        guard runs.count > 1 else { return [] }  // one run: authenticate already checks one signature
        var byOrigin: [String: [Delivered]] = [:]
        for run in runs { byOrigin[run.origin, default: []] += run.items }
        var covered: Set<[UInt8]> = []
        for origin in byOrigin.keys.sorted() {
            guard let items = byOrigin[origin], items.count > 1, let last = items.last,
                  case .valid(let key)? = keyAt(origin, seq: last.body.seq) else { continue }
            var hashes: [[UInt8]] = [items[0].hash]
            var linked = true
            for i in 1..<items.count {
                let hash = items[i].hash
                // Seqs come from the peer, unchecked yet: 2^64-1 must not trap here, before any signature is checked.
                let (next, overflow) = items[i - 1].body.seq.addingReportingOverflow(1)
                if overflow || items[i].body.seq != next || items[i].body.prevHash != hashes[i - 1] { linked = false; break }
                hashes.append(hash)
            }
            guard linked, signatureVerifies(last.event, hash: last.hash, key: key) else { continue }
            covered.formUnion(hashes)
        }
        return covered
    }

    /// Checks hash links and the last signature; on failure, finds the longest prefix that verifies event by event.
    func authenticate(_ items: [Delivered], follows head: XieshangWire.EventChain.Link, origin: String,
                      key: Ed25519.PublicKey, preAuthenticated: Set<[UInt8]> = []) -> [Delivered] {
        guard let last = items.last else { return [] }
        let previous: XieshangWire.EventChain.Link? = head.seq == 0 ? nil : head
        // The hash links first (bodies decoded and hashes computed once, in receive): how far the run is contiguous.
        var link = previous
        var linked = 0
        for (_, body, hash) in items {
            if (try? XieshangWire.EventChain.check(body, follows: link, origin: origin)) == nil { break }
            link = XieshangWire.EventChain.Link(seq: body.seq, hash: hash)
            linked += 1
        }
        if linked == items.count {
            // Covered by the signature of a later event of the same origin in this batch, or the run's last signature
            // was verified before the batch reached the executor (SignatureCache): the links suffice. Else one
            // signature, the last one's, authenticates the whole linked run (shared/DESIGN.md §6).
            if !preAuthenticated.isEmpty && items.allSatisfy({ preAuthenticated.contains($0.hash) }) { return items }
            if signatureVerifies(last.event, hash: last.hash, key: key) { return items }
        }
        // A broken link or a bad last signature: the longest prefix that verifies event by event.
        var out: [Delivered] = []
        for item in items.prefix(linked) {
            guard signatureVerifies(item.event, hash: item.hash, key: key) else { break }
            out.append(item)
        }
        return out
    }

    /// Who may deliver what (DESIGN.md §7); nil when allowed.
    func roleCheck(_ body: EventBody, from peer: String) -> (code: String, reason: String)? {
        let originNode = ChainName.node(of: body.origin)
        guard let route = Route(body.scope) else { return ("malformed", "event has no scope") }
        if originNode == id { return nil }  // our own events coming back (restore, relay): verified with our key
        if case .local = route { return ("scope_not_allowed", "\(body.origin)#\(body.seq) is local and never leaves its origin") }
        var reasons: [String] = []
        if childIds.contains(peer) {
            // A body that moved (区划调整) belongs to its new parent's subtree from its Membership record on, even before
            // the rosters say so.
            let inSubtree = originNode == peer || subtreeOf[originNode] == peer || movedInto(originNode, peer: peer, membership: body)
                || movedFrom(originNode, peer: peer)
            switch route {
            case .up, .direct:
                if inSubtree { return chainCheck(body, route, originNode) }
                reasons.append("child \(peer) delivered \(body.origin)#\(body.seq), whose origin is not in its subtree")
            default:
                reasons.append("child \(peer) may only deliver up or direct events, not \(route.text)")
            }
            if !inSubtree { return ("not_in_subtree", reasons.joined(separator: "; ")) }
        }
        if peer == config.parent?.id {
            switch route {
            case .down, .direct: return chainCheck(body, route, originNode)
            default: reasons.append("parent \(peer) may only deliver down or direct events, not \(route.text)")
            }
        }
        for alliance in config.alliances where alliance.members.contains(where: { $0.id == peer }) {
            if case .alliance(let a) = route, a == alliance.id,
               alliance.members.contains(where: { $0.id == originNode }) { return chainCheck(body, route, originNode) }
            reasons.append("alliance peer \(peer) may only deliver events of an alliance both belong to, not \(route.text) from \(body.origin)")
        }
        return ("scope_not_allowed", reasons.isEmpty ? "\(peer) may not deliver \(route.text) events" : reasons.joined(separator: "; "))
    }

    /// An event's chain must be the one its scope names (so every node a chain reaches holds all of it).
    func chainCheck(_ body: EventBody, _ route: Route, _ node: String) -> (code: String, reason: String)? {
        let expected = ChainName.chain(node: node, route: route)
        return expected == body.origin ? nil
            : ("scope_not_allowed", "event \(body.origin)#\(body.seq) has scope \(route.text), which belongs to chain \(expected)")
    }

    func storedHash(_ origin: String, _ seq: UInt64, pending: [(StoredEvent, EventBody)]) -> [UInt8] {
        if let p = pending.first(where: { $0.0.origin == origin && $0.0.seq == seq }) { return p.0.hash }
        return (try? store.reader.events(origin: origin, seqs: seq...seq).first?.hash) ?? []
    }

    func storedSigned(_ origin: String, _ seq: UInt64, pending: [(StoredEvent, EventBody)]) -> [UInt8] {
        let e = pending.first(where: { $0.0.origin == origin && $0.0.seq == seq })?.0
            ?? (try? store.reader.events(origin: origin, seqs: seq...seq).first) ?? nil
        guard let e else { return [] }
        return SignedEvent(body: e.body, signature: e.signature).serializedBytes()
    }

    /// Records a refusal (and the rest of the run it cuts off) and raises the alert once.
    func refuse(origin: String, seq: UInt64, _ r: Rejection, subject: String, into outcome: inout Outcome, count: Int = 1) {
        outcome.refusals.append(Refusal(origin: origin, seq: seq, code: r.code, reason: r.reason))
        outputs.append(.log(LogRecord(.warning, .eventRefused, peer: outcome.peer, rule: r.code, count: count,
                                       "refused \(origin)#\(seq)\(count > 1 ? " (+\(count - 1) following)" : ""): \(r.code): \(r.reason)")))
        guard r.alert else { return }
        raiseAlert(Alert(subject: subject, code: r.code, message: r.reason, period: r.period, figure: r.figure, evidence: r.evidence))
    }
}
