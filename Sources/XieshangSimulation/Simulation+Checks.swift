import XieshangCalendar
import XieshangFederation
import XieshangStore
import XieshangTestKinds
import XieshangWire

/// The adversary's attacks and the invariants checked after every run.
extension Simulation {
    // MARK: Adversary

    func performAttack(_ attack: Attack, attempt: Int) {
        guard let adv = adversaryId, let parent = options.topology.node(adv)?.parent,
              let advNode = nodes[adv]?.node, let parentNode = nodes[parent]?.node, let key = keys[adv] else {
            return retryAttack(attack, attempt)
        }
        guard advNode.isLinkUp(parent),
              let conn = connections.first(where: { $0.value.open && $0.value.client == adv && $0.value.server == parent })?.key else {
            return retryAttack(attack, attempt)
        }
        let reader = parentNode.store.reader
        func head(_ origin: String) -> (UInt64, [UInt8]) {
            let seq = (try? reader.highestSeq(origin: origin)) ?? 0
            let hash = seq == 0 ? [] : ((try? reader.events(origin: origin, seqs: seq...seq).first?.hash) ?? [])
            return (seq, hash)
        }
        let siblings = (options.topology.node(parent)?.children ?? []).filter { $0 != adv }
        let time = Simulation.epochMs + now
        var event: SignedEvent?
        let (h, hHash) = head(adv)
        // Each attack signs with the key the parent expects at that position (the adversary may have rotated already).
        func signed(_ body: EventBody) -> SignedEvent? {
            var k = key
            if ChainName.node(of: body.origin) == adv, case .valid(let valid)? = parentNode.keyAt(body.origin, seq: body.seq),
               let held = advNode.privateKey(for: valid) { k = held }
            return try? SignedEvent.signing(body, with: k)
        }
        let note = Note(text: "attack", amount: 1_000).serializedBytes()
        switch attack {
        case .staleKey:
            if !advNode.hasKeyRecords(of: adv) {
                // First the honest rotation (kept for restarts), then the attack once the parent holds it.
                guard let newKey = try? Ed25519.PrivateKey(seed: SHA256.hash(Array("sim-rotated-\(options.seed)".utf8))),
                      let (_, outputs) = try? advNode.rotateKey(to: newKey, now: Simulation.epochMs + now) else { return retryAttack(attack, attempt) }
                nodes[adv]?.config.rotatedKeys.append(newKey)
                log("\(now) \(adv) rotates its key")
                carryOut(outputs, of: adv)
                return retryAttack(attack, attempt)
            }
            guard parentNode.latestKey(of: adv) != key.publicKey else { return retryAttack(attack, attempt) }
            let body = EventBody(origin: adv, seq: h + 1, prevHash: hHash, timeMs: time, scope: Route.up.scope, kind: .testNote, payload: note)
            event = try? SignedEvent.signing(body, with: key)  // the old (identity) key, after the rotation point
        case .forgedSignature:
            let body = EventBody(origin: adv, seq: h + 1, prevHash: hHash, timeMs: time, scope: Route.up.scope, kind: .testNote, payload: note)
            event = SignedEvent(body: body.serializedBytes(), signature: random.bytes(64))
        case .replay:
            for s in siblings {
                if let e = try? reader.events(origin: s, seqs: 1...1).first {
                    event = SignedEvent(body: e.body, signature: e.signature)
                    break
                }
            }
        case .equivocation:
            guard h >= 1 else { break }
            let prev = h == 1 ? [] : ((try? reader.events(origin: adv, seqs: (h - 1)...(h - 1)).first?.hash) ?? [])
            event = signed(EventBody(origin: adv, seq: h, prevHash: prev, timeMs: time, scope: Route.up.scope, kind: .testNote, payload: note))
        case .outsideScope:
            event = signed(EventBody(origin: adv, seq: h + 1, prevHash: hHash, timeMs: time, scope: Route.down(only: []).scope, kind: .testNote, payload: note))
        case .outsideSubtree:
            if let s = siblings.first {
                let (sh, shHash) = head(s)
                event = signed(EventBody(origin: s, seq: sh + 1, prevHash: shHash, timeMs: time, scope: Route.up.scope, kind: .testNote, payload: note))
            }
        case .inflatedRollup:
            let period = Period.all(containing: Day(chinaTimeMs: time))[0].description
            let own = advNode.ownFigures(period: period)
            var totals = own
            totals["notes", default: 0] += 100
            let report = AggregateReport(period: period, body: adv, own: own, totals: totals, subtreeBodies: 1)
            event = signed(EventBody(origin: adv, seq: h + 1, prevHash: hHash, timeMs: time, scope: Route.up.scope,
                                     kind: .aggregateReport, payload: report.serializedBytes()))
        case .badPeriod:
            let report = AggregateReport(period: "99999999999", body: adv, subtreeBodies: 1)
            event = signed(EventBody(origin: adv, seq: h + 1, prevHash: hHash, timeMs: time, scope: Route.up.scope,
                                     kind: .aggregateReport, payload: report.serializedBytes()))
        case .foreignCitation:
            // The latest report the parent holds of a body that is not a child of the adversary — a sibling, the
            // parent itself or the adversary (whichever has reported yet) — cited as if it were a child's.
            for s in siblings + [parent, adv] {
                let (sh, _) = head(s)
                guard sh >= 1, let events = try? reader.events(origin: s, seqs: 1...sh),
                      let e = events.last(where: { $0.kind == EventKind.aggregateReport.protoValue }),
                      let body = try? SignedEvent(body: e.body, signature: e.signature).decodedBody(),
                      let cited = try? AggregateReport(serializedBytes: body.payload) else { continue }
                let own = advNode.ownFigures(period: cited.period)
                guard case .success(let totals) = FigureMap.sum(own, cited.totals) else { continue }
                let report = AggregateReport(period: cited.period, body: adv, own: own, totals: totals,
                                             children: [ChildReport(ref: EventRef(origin: s, seq: e.seq, hash: e.hash), totals: cited.totals,
                                                                    subtreeBodies: cited.subtreeBodies)],
                                             subtreeBodies: 1 + cited.subtreeBodies)
                event = signed(EventBody(origin: adv, seq: h + 1, prevHash: hHash, timeMs: time, scope: Route.up.scope,
                                         kind: .aggregateReport, payload: report.serializedBytes()))
                break
            }
        }
        guard let event else { return retryAttack(attack, attempt) }
        attackHashes.append(event.hash)
        guard let batchId = parentNode.expectedBatchId(on: conn) else { return retryAttack(attack, attempt) }
        let batch = EventBatch(batchId: batchId, events: [event], sender: adv)
        log("\(now) ATTACK \(attack.rawValue) by \(adv) on \(parent)")
        let outputs = parentNode.handle(.received(conn, .push(batch)), now: Simulation.epochMs + now)
        var refusals: [String] = []
        var alerted = false
        for o in outputs {
            if case .send(_, .ack(let ack)) = o, ack.batchId == batch.batchId { refusals += ack.refused.map(\.code) }
            if case .alert(let a) = o, a.code == attack.expectedCode { alerted = true }
        }
        report.attacks.append((attack, refusals, alerted, false))
        // The Ack of the injected batch goes nowhere: the adversary's own batch with this id is still to come.
        carryOut(outputs.filter { if case .send(_, .ack(let a)) = $0, a.batchId == batchId { return false } else { return true } }, of: parent)
    }

    func retryAttack(_ attack: Attack, _ attempt: Int) {
        if attempt < 200 {
            queue.push(now + 100, .attack(attack, attempt + 1))
        } else {
            report.violations.append("adversary: attack \(attack.rawValue) could not be made (no link up)")
        }
    }

    // MARK: Invariants

    func checkInvariants() {
        let topo = options.topology
        var logs: [String: [StoredEvent]] = [:]
        for id in order {
            guard let node = nodes[id]?.node else {
                report.violations.append("node \(id) is down at the end of the run")
                continue
            }
            var all: [StoredEvent] = []
            var position: Int64 = 0
            while let batch = try? node.store.reader.entries(after: position, limit: 5_000), let last = batch.last {
                all += batch.map(\.event)
                position = last.position
            }
            logs[id] = all
        }
        // Index: node → (origin, seq) → hash.
        var held: [String: [String: [UInt8]]] = [:]
        var canonical: [String: [UInt8]] = [:]
        for id in order {
            for e in logs[id] ?? [] {
                let key = "\(e.origin)#\(e.seq)"
                held[id, default: [:]][key] = e.hash
                if let c = canonical[key], c != e.hash {
                    report.violations.append("copies disagree: \(key) at \(id) has hash \(hexString(e.hash.prefix(6))), another node \(hexString(c.prefix(6)))")
                } else {
                    canonical[key] = e.hash
                }
            }
        }
        // Authorized and placed where the scope allows; every event its scope names arrives.
        for id in order {
            for e in logs[id] ?? [] {
                let key = "\(e.origin)#\(e.seq)"
                if ChainName.node(of: e.origin) != id {
                    if held[ChainName.node(of: e.origin)]?[key] != e.hash {
                        report.violations.append("unauthorized: \(id) stores \(key), which its origin never made")
                    }
                    if !placementAllowed(e, at: id) {
                        report.violations.append("unauthorized: \(id) stores \(key) with scope \(e.scope), which does not name or pass through it")
                    }
                    continue
                }
                for target in targets(of: e) where held[target]?[key] != e.hash {
                    report.violations.append("delivery: \(key) (scope \(e.scope)) never reached \(target)")
                }
            }
        }
        // Attacks: refused, alerted, stored nowhere.
        for (i, a) in report.attacks.enumerated() {
            if !a.refusals.contains(a.attack.expectedCode) {
                report.violations.append("adversary: \(a.attack.rawValue) was answered with \(a.refusals), expected \(a.attack.expectedCode)")
            }
            if !a.alerted { report.violations.append("adversary: \(a.attack.rawValue) raised no \(a.attack.expectedCode) alert") }
            let hash = attackHashes[i]
            let stored = order.contains { id in (logs[id] ?? []).contains { $0.hash == hash } }
            report.attacks[i].stored = stored
            // A replayed event is a real event of another node: stored through its own path, never through the adversary.
            if stored && a.attack != .replay { report.violations.append("adversary: the event of \(a.attack.rawValue) was stored") }
        }
        // Rollups: each node's latest report per period equals the sum of the records its subtree originated, counted
        // here from the logs by each record's own date (``SimulatedRecords/originated(_:body:)``, not the nodes'
        // figures sources), every figure by its name but the ones no own record makes.
        var originated: [String: [String: [String: Int64]]] = [:]   // node → period → figures
        for id in order {
            for e in logs[id] ?? [] where ChainName.node(of: e.origin) == id {
                guard let body = try? SignedEvent(body: e.body, signature: e.signature).decodedBody(),
                      let (day, figures) = options.records.originated(body, body: id) else { continue }
                for p in Period.all(containing: day) {
                    var f = originated[id]?[p.description] ?? [:]
                    for (k, v) in figures { f[k, default: 0] += v }
                    originated[id, default: [:]][p.description] = f
                }
            }
        }
        let unchecked = options.records.uncheckedFigures
        let periods = Set(originated.values.flatMap(\.keys))
        for id in order {
            guard let node = nodes[id]?.node else { continue }
            let subtree = [id] + topo.descendants(of: id)
            for period in periods.sorted() {
                var expected: [String: Int64] = [:]
                for m in subtree {
                    for (k, v) in originated[m]?[period] ?? [:] { expected[k, default: 0] += v }
                }
                let actual = (node.latestReport(period: period)?.totals ?? [:]).filter { !unchecked.contains($0.key) }
                if let f = FigureMap.firstDifference(actual, expected) {
                    report.violations.append("rollup: \(id)'s \(period) report says \(f) = \(actual[f] ?? 0), its subtree originated \(expected[f] ?? 0)")
                }
            }
        }
    }

    /// The nodes an event's scope names.
    func targets(of e: StoredEvent) -> [String] {
        let topo = options.topology
        let origin = ChainName.node(of: e.origin)
        switch Route(text: e.scope) {
        case .up: return topo.ancestors(of: origin)
        case .down(let only):
            let below = topo.descendants(of: origin)
            return only.isEmpty ? below : only.filter { below.contains($0) }
        case .alliance(let a): return (topo.alliances[a] ?? []).filter { $0 != origin }
        case .direct(let t): return topo.node(t) == nil || t == origin || topo.path(from: origin, to: t).isEmpty ? [] : [t]
        case .local: return []
        }
    }

    /// Whether `id` may hold `e` (it is named by the scope or on the way there).
    func placementAllowed(_ e: StoredEvent, at id: String) -> Bool {
        let topo = options.topology
        let origin = ChainName.node(of: e.origin)
        switch Route(text: e.scope) {
        case .up: return topo.ancestors(of: origin).contains(id)
        case .down: return topo.ancestors(of: id).contains(origin)
        case .alliance(let a): return (topo.alliances[a] ?? []).contains(id) && (topo.alliances[a] ?? []).contains(origin)
        case .direct(let t): return topo.path(from: origin, to: t).contains(id)
        case .local: return false
        }
    }
}
