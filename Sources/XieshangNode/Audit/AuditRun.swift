import XieshangCalendar
import XieshangDomain
import XieshangFederation
import XieshangWire

/// One verification of a bundle, step by step (``AuditVerifier/verify(_:)``): the state the steps share and one
/// method per step, each adding what does not hold to ``problems``.
struct AuditRun {
    /// One report as the replay met it, with the reporter's own figures recomputed at its place in the log.
    struct SeenReport {
        var event: String
        var hash: [UInt8]
        var body: String
        var report: AggregateReport
        var recomputed: RecomputedFigures
    }

    let bundle: AuditBundle
    let period: Period
    var problems: [AuditProblem] = []
    var keys: [String: Ed25519.PublicKey] = [:]
    /// Each body's key rotations met in the replay (密钥轮换): the new key and, by chain, the seq it signs from.
    var rotations: [String: [(key: Ed25519.PublicKey, starts: [String: UInt64])]] = [:]
    var entries: [String: RosterEntry] = [:]
    /// The figures code every ancestor runs, as a node that is no body of the bundle: every body is a descendant.
    let figures = NodeFigures(body: BodyInfo(id: "", name: "", tier: ""))
    var links: [String: EventChain.Link] = [:]
    /// "origin#seq" → report, of every period.
    var reports: [String: SeenReport] = [:]
    /// Body → its latest report of the period.
    var latest: [String: String] = [:]
    var approvals: [String: (event: String, approval: Approval)] = [:]
    var returned: Set<String> = []
    var rootRoster: (event: String, entries: [RosterEntry])?
    var totalsMemo: [String: [String: Int64]] = [:]
    var visiting: Set<String> = []

    /// A run over `bundle` with the keys it lists (a key that is not one is a problem).
    init(_ bundle: AuditBundle) {
        self.bundle = bundle
        period = (try? Period(parsing: bundle.period)) ?? .year(1)
        for e in bundle.bodies where entries[e.nodeId] == nil {
            entries[e.nodeId] = e
            do { keys[e.nodeId] = try Ed25519.PublicKey(rawRepresentation: e.publicKey) } catch {
                problems.append(AuditProblem(.key, body: e.nodeId, zh: "列出的 \(e.nodeId) 公钥不是 Ed25519 公钥",
                                             "the key listed for \(e.nodeId) is not an Ed25519 public key: \(error.message)"))
            }
        }
    }

    /// Steps 1 and 2: every event decodes, verifies and continues its chain; replayed in the bundle's order into
    /// ``figures``, each report of the period is compared with its body's own figures recomputed there.
    mutating func replay() {
        var previous = "the start"
        for (index, signed) in bundle.events.enumerated() {
            let body: EventBody
            do { body = try signed.decodedBody() } catch {
                problems.append(AuditProblem(.decode, body: "", event: "event \(index + 1) (after \(previous))",
                                             zh: "事件无法解码", "the event does not decode: \(error.message)"))
                continue
            }
            previous = "\(body.origin)#\(body.seq)"
            let signer = ChainName.node(of: body.origin)
            guard let key = keys[signer] else {
                if entries[signer] == nil {
                    problems.append(AuditProblem(.key, body: "", event: previous, zh: "签名者 \(signer) 不是审计包中的组织",
                                                 "signed by \(signer), which is not a body of the bundle"))
                }
                continue
            }
            authenticate(signed, body, key: self.key(at: body, base: key), name: previous)
            if body.kind == .keyRotation { rotated(signer, body) }
            _ = figures.recorded(body, node: "")
            note(body, hash: signed.hash, name: previous)
        }
    }

    /// The key valid at `body`'s position: the listed key, moved on by the body's rotations met so far.
    func key(at body: EventBody, base: Ed25519.PublicKey) -> Ed25519.PublicKey {
        var key = base
        for r in rotations[ChainName.node(of: body.origin)] ?? [] {
            guard body.seq >= r.starts[body.origin] ?? 1 else { break }
            key = r.key
        }
        return key
    }

    /// A key rotation of `signer` (its envelope checked by ``authenticate(_:_:key:name:)``): its new key signs from the
    /// positions it names, once the new key's own signature over it holds.
    mutating func rotated(_ signer: String, _ body: EventBody) {
        guard let r = try? KeyRotation(serializedBytes: body.payload), let key = try? Ed25519.PublicKey(rawRepresentation: r.newKey),
              key.isValidSignature(r.newKeySignature, for: FederationNode.keyRotationStatement(r)) else {
            problems.append(AuditProblem(.signature, body: signer, event: "\(body.origin)#\(body.seq)", zh: "密钥轮换记录未经新密钥签名",
                                         "the key rotation is not signed by its new key"))
            return
        }
        if rotations[signer]?.contains(where: { $0.key == key }) == true { return }  // another chain's copy
        var starts: [String: UInt64] = [:]
        for start in r.starts { starts[start.chain] = start.fromSeq }
        rotations[signer, default: []].append((key, starts))
    }

    /// The event's signature and its link to the previous event of its chain.
    mutating func authenticate(_ signed: SignedEvent, _ body: EventBody, key: Ed25519.PublicKey, name: String) {
        let signer = ChainName.node(of: body.origin)
        if !key.isValidSignature(signed.signature, for: signed.body) {
            problems.append(AuditProblem(.signature, body: signer, event: name, zh: "用 \(signer) 的公钥 \(key.fingerprint) 验签不通过",
                                         "the signature does not verify against \(signer)'s key \(key.fingerprint)"))
        }
        do { try EventChain.check(body, follows: links[body.origin], origin: body.origin) } catch {
            problems.append(AuditProblem(.chain, body: signer, event: name, zh: AuditVerifier.chainMessageZh(body: body, previous: links[body.origin]),
                                         AuditVerifier.chainMessage(error, body: body, previous: links[body.origin])))
        }
        links[body.origin] = EventChain.Link(seq: body.seq, hash: signed.hash)
    }

    /// What a federation event says for the audit: a report (compared at once), an approval, a return, the root's roster.
    mutating func note(_ body: EventBody, hash: [UInt8], name: String) {
        let signer = ChainName.node(of: body.origin)
        switch body.kind {
        case .aggregateReport:
            guard let report = try? AggregateReport(serializedBytes: body.payload) else {
                problems.append(AuditProblem(.decode, body: signer, event: name, zh: "报告无法解码", "the report does not decode"))
                return
            }
            let audited = report.period == bundle.period && body.origin == signer
            let recomputed = audited ? figures.recomputedFigures(of: signer, for: period, adding: []) ?? RecomputedFigures(figures: [:]) : RecomputedFigures(figures: [:])
            reports[name] = SeenReport(event: name, hash: hash, body: signer, report: report, recomputed: recomputed)
            if audited { compareOwn(report, recomputed, signer: signer, name: name) }
        case .approval:
            guard let approval = try? Approval(serializedBytes: body.payload) else {
                problems.append(AuditProblem(.decode, body: signer, event: name, zh: "审核事件无法解码", "the approval does not decode"))
                return
            }
            if approval.period == bundle.period { approvals[signer] = (name, approval) }
        case .approvalReturn:
            if let r = try? ApprovalReturn(serializedBytes: body.payload), r.period == bundle.period, let a = r.approval {
                returned.insert("\(a.origin)#\(a.seq)")
            }
        case .roster where signer == bundle.root && body.origin.hasPrefix(bundle.root + "@down"):
            if let roster = try? Roster(serializedBytes: body.payload) { rootRoster = (name, roster.entries) }
        default:
            break
        }
    }

    /// A report of the period against its body's own figures recomputed at its place: every compared figure named.
    mutating func compareOwn(_ report: AggregateReport, _ recomputed: RecomputedFigures, signer: String, name: String) {
        latest[signer] = name
        if report.body != signer {
            problems.append(AuditProblem(.figure, body: signer, event: name, zh: "报告所署组织 \(report.body) 不是签名者 \(signer)",
                                         "the report names body \(report.body), not its signer \(signer)"))
        }
        for k in Set(report.own.keys).union(recomputed.figures.keys).sorted() where recomputed.compares(k) {
            let claimed = report.own[k] ?? 0, given = recomputed.figures[k] ?? 0
            guard claimed != given else { continue }
            problems.append(AuditProblem(.figure, body: signer, event: name, figure: k,
                zh: "报告称本级 \(bundle.period) \(k) = \(claimed)，而 \(signer) 在此之前的签名记录得出 \(given)",
                "the report claims own \(k) = \(claimed) for \(bundle.period), but the signed records of \(signer) before it give \(given)"))
        }
    }

    /// Every chain ends at its listed head, and the seal counts the events.
    mutating func checkChainEnds() {
        var headed: Set<String> = []
        for head in bundle.chainHeads {
            headed.insert(head.origin)
            let signer = ChainName.node(of: head.origin), name = "\(head.origin)#\(head.seq)"
            guard let link = links[head.origin] else {
                problems.append(AuditProblem(.chain, body: signer, event: name, zh: "链 \(head.origin) 列到 #\(head.seq)，但审计包中没有它的任何事件",
                                             "the chain \(head.origin) is listed up to #\(head.seq) but none of its events is in the bundle"))
                continue
            }
            if link.seq != head.seq || link.hash != head.hash {
                problems.append(AuditProblem(.chain, body: signer, event: name,
                    zh: "链 \(head.origin) 在审计包中止于 #\(link.seq)，而链头为 #\(head.seq)：末尾事件缺失或被改动",
                    "the chain \(head.origin) ends at #\(link.seq) in the bundle, but its head is #\(head.seq) (\(hexString(head.hash.prefix(8)))…): events at its end are missing or altered"))
            }
        }
        for origin in links.keys.sorted() where !headed.contains(origin) {
            problems.append(AuditProblem(.chain, body: ChainName.node(of: origin), event: "\(origin)#\(links[origin]?.seq ?? 0)",
                                         zh: "链 \(origin) 没有列出链头", "the chain \(origin) has no listed head"))
        }
        if let seal = bundle.seal, seal.events != UInt64(bundle.events.count) {
            problems.append(AuditProblem(.seal, body: "", zh: "审计包有 \(bundle.events.count) 个事件，封记为 \(seal.events)：事件被增删",
                                         "the bundle holds \(bundle.events.count) events but its seal says \(seal.events): events were added or removed"))
        }
    }

    /// Every body's key is the one the root's latest signed roster names (when the bundle holds one).
    mutating func checkKeys() {
        guard let rootRoster else { return }
        let named = Dictionary(rootRoster.entries.map { ($0.nodeId, $0.publicKey) }, uniquingKeysWith: { a, _ in a })
        for e in bundle.bodies.dropFirst() where named[e.nodeId] != e.publicKey {
            let absent = named[e.nodeId] == nil
            problems.append(AuditProblem(.key, body: e.nodeId, event: rootRoster.event,
                zh: absent ? "根组织签名的名册中没有 \(e.nodeId)" : "列出的 \(e.nodeId) 公钥与根组织签名名册中的不同",
                absent ? "\(e.nodeId) is not named in the root's signed roster" : "the key listed for \(e.nodeId) is not the one the root's signed roster names"))
        }
    }

    /// Step 3: each body's latest report and every report it cites, down the tree (arithmetic and citations), and
    /// every approval of the period names a report of its body by its exact hash.
    mutating func checkReports() {
        var checked: Set<String> = []
        var queue = bundle.bodies.compactMap { latest[$0.nodeId] }
        while let name = queue.popLast() {
            guard checked.insert(name).inserted, let seen = reports[name] else { continue }
            problems += AuditVerifier.reportProblems(seen, reports: reports, entries: entries, period: bundle.period)
            queue += seen.report.children.compactMap { $0.ref.map { "\($0.origin)#\($0.seq)" } }
        }
        for (body, a) in approvals.sorted(by: { $0.key < $1.key }) {
            if let ref = a.approval.report, let seen = reports["\(ref.origin)#\(ref.seq)"], seen.hash == ref.hash, seen.body == body,
               seen.report.period == bundle.period { continue }
            let cited = a.approval.report.map { "\($0.origin)#\($0.seq)" } ?? "no report"
            problems.append(AuditProblem(.approval, body: body, event: a.event,
                zh: "\(bundle.period) 的审核指向 \(cited)，审计包中没有该哈希的 \(body) 本期报告",
                "the approval of \(bundle.period) names \(cited), which is not a report of \(body) for the period in the bundle with that hash"))
        }
    }

    /// A report's subtree figures as the signed records give them: its body's own recomputed (uncompared figures as
    /// claimed) plus the same of every cited report held, to a depth of 64 tiers. A report citing itself (or a cycle)
    /// counts nothing twice and ends; the citation check names it.
    mutating func recomputedTotals(_ name: String, depth: Int = 0) -> [String: Int64] {
        if let known = totalsMemo[name] { return known }
        guard let seen = reports[name], visiting.insert(name).inserted else { return [:] }
        defer { visiting.remove(name) }
        var out = seen.report.own
        for k in seen.report.own.keys where seen.recomputed.compares(k) { out[k] = 0 }
        for (k, v) in seen.recomputed.figures where seen.recomputed.compares(k) { out[k] = v }
        for child in seen.report.children where depth < 64 {
            guard let ref = child.ref, reports["\(ref.origin)#\(ref.seq)"] != nil else { continue }
            if case .success(let sum) = FigureMap.sum(out, recomputedTotals("\(ref.origin)#\(ref.seq)", depth: depth + 1)) { out = sum }
        }
        totalsMemo[name] = out
        return out
    }

    /// The approval state of `body`'s period: returned, superseded by a later report with other figures, approved.
    func approvalState(_ body: String, latest seen: SeenReport?) -> String {
        guard let approval = approvals[body] else { return "none" }
        if returned.contains(approval.event) { return "returned" }
        if let approved = approval.approval.report.flatMap({ reports["\($0.origin)#\($0.seq)"] }), let seen, approved.event != seen.event,
           FigureMap.firstDifference(approved.report.totals, seen.report.totals) != nil { return "superseded" }
        return "approved"
    }

    /// The verdict: per body, its figures from the records, its subtree figures recomputed and compared, its problems.
    /// Every figure map is compared with absent = 0 and shown the same whether the bundle's reports name zero figures
    /// (stored before) or leave them out: totals name every counter, uncompared figures only those that are not zero.
    mutating func verdict() -> AuditVerdict {
        var bodies: [AuditVerdict.Body] = []
        var seenBodies: Set<String> = []
        for e in bundle.bodies where seenBodies.insert(e.nodeId).inserted {
            let seen = latest[e.nodeId].flatMap { reports[$0] }
            let recomputed = seen?.recomputed ?? figures.recomputedFigures(of: e.nodeId, for: period, adding: []) ?? RecomputedFigures(figures: [:])
            var own: [String: Int64] = [:], uncompared: [String: Int64] = [:]
            for (k, v) in recomputed.figures where recomputed.compares(k) { own[k] = v }
            for (k, v) in seen?.report.own ?? [:] where !recomputed.compares(k) && v != 0 { uncompared[k] = v }
            var totals: [String: Int64] = [:]
            if let seen {
                totals = recomputedTotals(seen.event)
                if let k = FigureMap.firstDifference(totals, seen.report.totals) {
                    problems.append(AuditProblem(.subtotal, body: e.nodeId, event: seen.event, figure: k,
                        zh: "报告称全辖 \(k) = \(seen.report.totals[k] ?? 0)，而辖区签名记录得出 \(totals[k] ?? 0)",
                        "the report's subtree \(k) = \(seen.report.totals[k] ?? 0), but the signed records of its subtree give \(totals[k] ?? 0)"))
                }
            }
            bodies.append(AuditVerdict.Body(
                id: e.nodeId, name: e.name, tier: e.tier, parent: e.parent, report: seen?.event, own: own, uncompared: uncompared,
                totals: seen.map { Figures.everyCounter($0.report.totals) } ?? [:], recomputedTotals: seen == nil ? [:] : Figures.everyCounter(totals),
                approval: approvalState(e.nodeId, latest: seen),
                approvalEvent: approvals[e.nodeId]?.event, problems: []))
        }
        for i in bodies.indices { bodies[i].problems = problems.filter { $0.body == bodies[i].id } }
        return AuditVerdict(period: bundle.period, root: bundle.root, rootKey: keys[bundle.root]?.fingerprint ?? "(no valid key)",
                            events: bundle.events.count, bodies: bodies, problems: problems.filter { entries[$0.body] == nil })
    }
}
