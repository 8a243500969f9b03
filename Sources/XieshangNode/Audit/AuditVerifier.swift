import XieshangCalendar
import XieshangDomain
import XieshangFederation
import XieshangWire

/// Audit verification 审计核验 (`xieshang audit verify FILE`): checks a bundle with nothing but its bytes — no node,
/// no network — and names every figure, signature or chain link that does not hold.
///
/// 1. Every event: it decodes, its signature verifies against its signer's key as the bundle lists it (the root's
///    key fingerprint is printed for the auditor to compare with the published one; every other key must be the one
///    the root's latest signed roster names), and it continues its chain (seq + 1, previous hash) — a dropped or
///    altered event breaks the next link, named `origin#seq`; each chain must end at its listed head.
/// 2. Figures, by the code every ancestor uses: the events are replayed in the bundle's order (the exporter's log
///    order) into a ``NodeFigures`` that belongs to no body, so every body of the bundle is a "descendant" whose own
///    figures it tallies. At each report of the period, the body's own figures recomputed there are compared with
///    the report's `own`, figure by figure — what the parent did when it received the report — leaving uncompared
///    only ``NodeFigures/uncompared`` (steps signed outside the subtree or travelling down only).
/// 3. Each body's latest report of the period: its totals equal its own plus its cited child reports' totals, the
///    citations are one per direct child, each resolving to a report of the bundle with the cited hash and totals;
///    the subtree figures are also recomputed bottom-up from the records and compared. Approvals of the period must
///    name a report of their body in the bundle by its exact hash.
public enum AuditVerifier {
    /// Decodes a bundle file's bytes.
    /// - Throws: ``NodeError`` `.auditBundle` naming `file` and what is wrong: empty, not a bundle, another format,
    ///   truncated (no seal), a period that is not one.
    public static func decode(_ bytes: [UInt8], file: String) throws(NodeError) -> AuditBundle {
        func refuse(_ what: String) -> NodeError { NodeError(.auditBundle, "\(file): \(what)", path: file) }
        if bytes.isEmpty { throw refuse("the file is empty: it is not an audit bundle (write one with `xieshang audit export`)") }
        let bundle: AuditBundle
        do {
            bundle = try AuditBundle(serializedBytes: bytes, limits: DecodeLimits(maxMessageBytes: max(bytes.count, 4 << 20)))
        } catch where error.code == .truncated || error.code == .lengthPastEnd {
            throw refuse("truncated or damaged: \(error.message) (\(bytes.count) bytes); export it again")
        } catch {
            throw refuse("not an audit bundle, or damaged: \(error.message) (\(bytes.count) bytes)")
        }
        guard bundle.format == AuditExport.format else {
            let shown = bundle.format.isEmpty ? "no format mark" : "format '\(DisplayText.escaped(String(bundle.format.prefix(40))))'"
            throw refuse("not an audit bundle of this version: \(shown), expected '\(AuditExport.format)'")
        }
        guard bundle.seal != nil else {
            throw refuse("truncated: the file ends before its seal (\(bundle.events.count) events read, \(bytes.count) bytes); export it again")
        }
        guard let period = try? Period(parsing: bundle.period), period.description == bundle.period else {
            throw refuse("its period '\(DisplayText.escaped(String(bundle.period.prefix(40))))' is not a month, quarter, half-year, year or session period")
        }
        guard bundle.bodies.first?.nodeId == bundle.root, !bundle.root.isEmpty else {
            throw refuse("its body list does not start with its root '\(DisplayText.escaped(bundle.root))'")
        }
        return bundle
    }

    /// One report of the period as the replay met it.
    struct SeenReport {
        var event: String
        var hash: [UInt8]
        var body: String
        var report: AggregateReport
        var recomputed: RecomputedFigures
    }

    /// Checks `bundle` (decoded by ``decode(_:file:)``) and gives the verdict.
    public static func verify(_ bundle: AuditBundle) -> AuditVerdict {
        var problems: [AuditProblem] = []
        func note(_ p: AuditProblem) { problems.append(p) }
        let period = (try? Period(parsing: bundle.period)) ?? .year(1)
        var keys: [String: Ed25519.PublicKey] = [:]
        var entries: [String: RosterEntry] = [:]
        for e in bundle.bodies where entries[e.nodeId] == nil {
            entries[e.nodeId] = e
            do { keys[e.nodeId] = try Ed25519.PublicKey(rawRepresentation: e.publicKey) } catch {
                note(AuditProblem(.key, body: e.nodeId, zh: "列出的 \(e.nodeId) 公钥不是 Ed25519 公钥", "the key listed for \(e.nodeId) is not an Ed25519 public key: \(error.message)"))
            }
        }

        // 1 and 2: signatures, links, and the replay that recomputes every body's own figures.
        let figures = NodeFigures(body: BodyInfo(id: "", name: "", tier: ""))
        var links: [String: EventChain.Link] = [:]
        var reports: [String: SeenReport] = [:]           // "origin#seq" → report (every period)
        var latest: [String: String] = [:]                // body → its latest report of the period
        var approvals: [String: (event: String, approval: Approval)] = [:]
        var returned: Set<String> = []
        var rootRoster: (event: String, entries: [RosterEntry])?
        var previous = "the start"
        for (index, signed) in bundle.events.enumerated() {
            let body: EventBody
            do { body = try signed.decodedBody() } catch {
                note(AuditProblem(.decode, body: "", event: "event \(index + 1) (after \(previous))",
                                  zh: "事件无法解码", "the event does not decode: \(error.message)"))
                continue
            }
            let name = "\(body.origin)#\(body.seq)"
            previous = name
            let signer = ChainName.node(of: body.origin)
            guard let key = keys[signer] else {
                if entries[signer] == nil {
                    note(AuditProblem(.key, body: "", event: name, zh: "签名者 \(signer) 不是审计包中的组织", "signed by \(signer), which is not a body of the bundle"))
                }
                continue
            }
            if !key.isValidSignature(signed.signature, for: signed.body) {
                note(AuditProblem(.signature, body: signer, event: name, zh: "用 \(signer) 的公钥 \(key.fingerprint) 验签不通过", "the signature does not verify against \(signer)'s key \(key.fingerprint)"))
            }
            do { try EventChain.check(body, follows: links[body.origin], origin: body.origin) } catch {
                note(AuditProblem(.chain, body: signer, event: name, zh: chainMessageZh(body: body, previous: links[body.origin]), chainMessage(error, body: body, previous: links[body.origin])))
            }
            links[body.origin] = EventChain.Link(seq: body.seq, hash: signed.hash)
            _ = figures.recorded(body, node: "")
            switch body.kind {
            case .aggregateReport:
                guard let report = try? AggregateReport(serializedBytes: body.payload) else {
                    note(AuditProblem(.decode, body: signer, event: name, zh: "报告无法解码", "the report does not decode"))
                    continue
                }
                let recomputed = report.period == bundle.period && body.origin == signer
                    ? figures.recomputedFigures(of: signer, for: period) ?? RecomputedFigures(figures: [:])
                    : RecomputedFigures(figures: [:])
                reports[name] = SeenReport(event: name, hash: signed.hash, body: signer, report: report, recomputed: recomputed)
                guard report.period == bundle.period, body.origin == signer else { continue }
                latest[signer] = name
                if report.body != signer {
                    note(AuditProblem(.figure, body: signer, event: name, zh: "报告所署组织 \(report.body) 不是签名者 \(signer)", "the report names body \(report.body), not its signer \(signer)"))
                }
                for k in Set(report.own.keys).union(recomputed.figures.keys).sorted() where recomputed.compares(k) {
                    let claimed = report.own[k] ?? 0, given = recomputed.figures[k] ?? 0
                    if claimed != given {
                        note(AuditProblem(.figure, body: signer, event: name, figure: k,
                                          zh: "报告称本级 \(bundle.period) \(k) = \(claimed)，而 \(signer) 在此之前的签名记录得出 \(given)", "the report claims own \(k) = \(claimed) for \(bundle.period), but the signed records of \(signer) before it give \(given)"))
                    }
                }
            case .approval:
                guard let approval = try? Approval(serializedBytes: body.payload) else {
                    note(AuditProblem(.decode, body: signer, event: name, zh: "审核事件无法解码", "the approval does not decode"))
                    continue
                }
                if approval.period == bundle.period { approvals[signer] = (name, approval) }
            case .approvalReturn:
                if let r = try? ApprovalReturn(serializedBytes: body.payload), r.period == bundle.period, let a = r.approval {
                    returned.insert("\(a.origin)#\(a.seq)")
                }
            case .roster where body.origin.hasPrefix(bundle.root + "@down"):
                if signer == bundle.root, let roster = try? Roster(serializedBytes: body.payload) { rootRoster = (name, roster.entries) }
            default:
                break
            }
        }

        // Chain ends and the seal.
        var headed: Set<String> = []
        for head in bundle.chainHeads {
            headed.insert(head.origin)
            let signer = ChainName.node(of: head.origin)
            guard let link = links[head.origin] else {
                note(AuditProblem(.chain, body: signer, event: "\(head.origin)#\(head.seq)", zh: "链 \(head.origin) 列到 #\(head.seq)，但审计包中没有它的任何事件", "the chain \(head.origin) is listed up to #\(head.seq) but none of its events is in the bundle"))
                continue
            }
            if link.seq != head.seq || link.hash != head.hash {
                note(AuditProblem(.chain, body: signer, event: "\(head.origin)#\(head.seq)",
                                  zh: "链 \(head.origin) 在审计包中止于 #\(link.seq)，而链头为 #\(head.seq)：末尾事件缺失或被改动", "the chain \(head.origin) ends at #\(link.seq) in the bundle, but its head is #\(head.seq) (\(hexString(head.hash.prefix(8)))…): events at its end are missing or altered"))
            }
        }
        for origin in links.keys.sorted() where !headed.contains(origin) {
            note(AuditProblem(.chain, body: ChainName.node(of: origin), event: "\(origin)#\(links[origin]?.seq ?? 0)", zh: "链 \(origin) 没有列出链头", "the chain \(origin) has no listed head"))
        }
        if let seal = bundle.seal, seal.events != UInt64(bundle.events.count) {
            note(AuditProblem(.seal, body: "", zh: "审计包有 \(bundle.events.count) 个事件，封记为 \(seal.events)：事件被增删", "the bundle holds \(bundle.events.count) events but its seal says \(seal.events): events were added or removed"))
        }

        // Keys: every body's key as the root's latest signed roster names it.
        if let rootRoster {
            let named = Dictionary(rootRoster.entries.map { ($0.nodeId, $0.publicKey) }, uniquingKeysWith: { a, _ in a })
            for e in bundle.bodies.dropFirst() where named[e.nodeId] != e.publicKey {
                note(AuditProblem(.key, body: e.nodeId, event: rootRoster.event, zh: named[e.nodeId] == nil ? "根组织签名的名册中没有 \(e.nodeId)" : "列出的 \(e.nodeId) 公钥与根组织签名名册中的不同",
                    named[e.nodeId] == nil
                    ? "\(e.nodeId) is not named in the root's signed roster"
                    : "the key listed for \(e.nodeId) is not the one the root's signed roster names"))
            }
        }

        // 3: each body's latest report, its citations and subtree figures, and its approval.
        var totalsMemo: [String: [String: Int64]] = [:]
        var visiting: Set<String> = []
        // A report citing itself (or a cycle of reports) counts nothing twice and ends: a citation problem names it.
        func recomputedTotals(_ name: String, depth: Int) -> [String: Int64] {
            if let known = totalsMemo[name] { return known }
            guard let seen = reports[name], visiting.insert(name).inserted else { return [:] }
            defer { visiting.remove(name) }
            var out = seen.report.own
            for (k, v) in seen.recomputed.figures where seen.recomputed.compares(k) { out[k] = v }
            for k in seen.report.own.keys where seen.recomputed.compares(k) && seen.recomputed.figures[k] == nil { out[k] = 0 }
            if depth < 64 {
                for child in seen.report.children {
                    guard let ref = child.ref, reports["\(ref.origin)#\(ref.seq)"] != nil else { continue }
                    if case .success(let sum) = FigureMap.sum(out, recomputedTotals("\(ref.origin)#\(ref.seq)", depth: depth + 1)) { out = sum }
                }
            }
            totalsMemo[name] = out
            return out
        }
        var checked: Set<String> = []
        var queue = bundle.bodies.compactMap { latest[$0.nodeId] }
        while let name = queue.popLast() {
            guard checked.insert(name).inserted, let seen = reports[name] else { continue }
            for p in reportProblems(seen, reports: reports, entries: entries, period: bundle.period) { note(p) }
            queue += seen.report.children.compactMap { $0.ref.map { "\($0.origin)#\($0.seq)" } }
        }
        for (body, a) in approvals {
            guard let ref = a.approval.report, let seen = reports["\(ref.origin)#\(ref.seq)"], seen.hash == ref.hash,
                  seen.body == body, seen.report.period == bundle.period else {
                let cited = a.approval.report.map { "\($0.origin)#\($0.seq)" } ?? "no report"
                note(AuditProblem(.approval, body: body, event: a.event,
                                  zh: "\(bundle.period) 的审核指向 \(cited)，审计包中没有该哈希的 \(body) 本期报告", "the approval of \(bundle.period) names \(cited), which is not a report of \(body) for the period in the bundle with that hash"))
                continue
            }
        }

        var verdict = AuditVerdict(period: bundle.period, root: bundle.root,
                                   rootKey: keys[bundle.root]?.fingerprint ?? "(no valid key)", events: bundle.events.count,
                                   bodies: [], problems: problems.filter { entries[$0.body] == nil })
        for e in bundle.bodies where !verdict.bodies.contains(where: { $0.id == e.nodeId }) {
            let seen = latest[e.nodeId].flatMap { reports[$0] }
            let recomputed = seen?.recomputed ?? figures.recomputedFigures(of: e.nodeId, for: period) ?? RecomputedFigures(figures: [:])
            var own: [String: Int64] = [:], uncompared: [String: Int64] = [:]
            for (k, v) in recomputed.figures where recomputed.compares(k) { own[k] = v }
            for (k, v) in seen?.report.own ?? [:] where !recomputed.compares(k) { uncompared[k] = v }
            var mismatched: [String: Int64] = [:]
            if let seen {
                let again = recomputedTotals(seen.event, depth: 0)
                mismatched = again
                if let k = FigureMap.firstDifference(again, seen.report.totals) {
                    problems.append(AuditProblem(.subtotal, body: e.nodeId, event: seen.event, figure: k,
                        zh: "报告称全辖 \(k) = \(seen.report.totals[k] ?? 0)，而辖区签名记录得出 \(again[k] ?? 0)", "the report's subtree \(k) = \(seen.report.totals[k] ?? 0), but the signed records of its subtree give \(again[k] ?? 0)"))
                }
            }
            let approval = approvals[e.nodeId]
            var state = "none"
            if let approval {
                let approved = approval.approval.report.flatMap { reports["\($0.origin)#\($0.seq)"] }
                if returned.contains(approval.event) { state = "returned" }
                else if let approved, let seen, approved.event != seen.event,
                        FigureMap.firstDifference(approved.report.totals, seen.report.totals) != nil { state = "superseded" }
                else { state = "approved" }
            }
            verdict.bodies.append(AuditVerdict.Body(
                id: e.nodeId, name: e.name, tier: e.tier, parent: e.parent, report: seen?.event, own: own, uncompared: uncompared,
                totals: seen?.report.totals ?? [:], recomputedTotals: mismatched,
                approval: state,
                approvalEvent: approval?.event, problems: problems.filter { $0.body == e.nodeId }))
        }
        return verdict
    }

    /// A chain-link failure in words, naming the missing events of a gap.
    static func chainMessage(_ error: WireError, body: EventBody, previous: EventChain.Link?) -> String {
        let expected = (previous?.seq ?? 0) + 1
        if body.seq > expected {
            let missing = body.seq - expected == 1 ? "#\(expected)" : "#\(expected)…#\(body.seq - 1)"
            return "the chain \(body.origin) jumps from #\(expected - 1) to #\(body.seq): \(missing) missing"
        }
        if body.seq < expected { return "the chain \(body.origin) repeats or goes back to #\(body.seq) after #\(expected - 1)" }
        return "the link to #\(expected - 1) does not hold: \(error.message)"
    }

    /// The Chinese of ``chainMessage(_:body:previous:)``.
    static func chainMessageZh(body: EventBody, previous: EventChain.Link?) -> String {
        let expected = (previous?.seq ?? 0) + 1
        if body.seq > expected {
            let missing = body.seq - expected == 1 ? "#\(expected)" : "#\(expected)…#\(body.seq - 1)"
            return "链 \(body.origin) 从 #\(expected - 1) 跳到 #\(body.seq)：缺 \(missing)"
        }
        if body.seq < expected { return "链 \(body.origin) 在 #\(expected - 1) 之后重复或回退到 #\(body.seq)" }
        return "与 #\(expected - 1) 的哈希链接不成立（事件缺失或被改动）"
    }

    /// What does not hold in one report of the period: its own arithmetic, its citations, the cited reports.
    static func reportProblems(_ seen: SeenReport, reports: [String: SeenReport], entries: [String: RosterEntry], period: String) -> [AuditProblem] {
        var out: [AuditProblem] = []
        let report = seen.report
        var sum = report.own
        var bodies: UInt32 = 1
        var cited: Set<String> = []
        for child in report.children {
            guard let ref = child.ref else {
                out.append(AuditProblem(.citation, body: seen.body, event: seen.event, zh: "引用的下级报告没有事件引用", "a cited child report has no reference"))
                continue
            }
            let name = "\(ref.origin)#\(ref.seq)"
            if entries[ref.origin]?.parent != seen.body {
                out.append(AuditProblem(.citation, body: seen.body, event: seen.event, zh: "引用 \(name)，它不是 \(seen.body) 的直属下级", "it cites \(name), which is not a direct child of \(seen.body) in the bundle"))
            }
            if !cited.insert(ref.origin).inserted {
                out.append(AuditProblem(.citation, body: seen.body, event: seen.event, zh: "重复引用 \(ref.origin) 的报告（\(name)）", "it cites a report of \(ref.origin) more than once (\(name))"))
            }
            if let target = reports[name] {
                if target.hash != ref.hash {
                    out.append(AuditProblem(.citation, body: seen.body, event: seen.event,
                        zh: "引用 \(name) 的哈希为 \(hexString(ref.hash.prefix(8)))…，审计包中该事件的哈希为 \(hexString(target.hash.prefix(8)))…", "it cites \(name) with hash \(hexString(ref.hash.prefix(8)))…, but that event in the bundle hashes to \(hexString(target.hash.prefix(8)))…"))
                }
                if target.report.period != period {
                    out.append(AuditProblem(.citation, body: seen.body, event: seen.event, zh: "引用的 \(name) 是 \(target.report.period) 的报告，不是 \(period)", "it cites \(name), a report of \(target.report.period), not \(period)"))
                }
                if let k = FigureMap.firstDifference(child.totals, target.report.totals) {
                    out.append(AuditProblem(.citation, body: seen.body, event: seen.event, figure: k,
                        zh: "引用 \(name) 的 \(k) 为 \(child.totals[k] ?? 0)，该报告为 \(target.report.totals[k] ?? 0)", "it states \(name)'s \(k) as \(child.totals[k] ?? 0), but that report says \(target.report.totals[k] ?? 0)"))
                }
            } else {
                out.append(AuditProblem(.citation, body: seen.body, event: seen.event, zh: "引用的 \(name) 不在审计包中", "it cites \(name), which is not in the bundle"))
            }
            switch FigureMap.sum(sum, child.totals) {
            case .success(let s): sum = s
            case .failure(let o):
                out.append(AuditProblem(.subtotal, body: seen.body, event: seen.event, figure: o.figure, zh: "加上 \(name) 的 \(o.figure) 超出最大值", "adding \(name)'s \(o.figure) passes the largest figure"))
            }
            let (b, overflow) = bodies.addingReportingOverflow(child.subtreeBodies)
            bodies = overflow ? UInt32.max : b
        }
        if let k = FigureMap.firstDifference(sum, report.totals) {
            out.append(AuditProblem(.subtotal, body: seen.body, event: seen.event, figure: k,
                zh: "报告称全辖 \(k) = \(report.totals[k] ?? 0)，而本级加所引下级报告为 \(sum[k] ?? 0)", "the report's subtree \(k) = \(report.totals[k] ?? 0), but its own plus its cited children's give \(sum[k] ?? 0)"))
        }
        if bodies != report.subtreeBodies {
            out.append(AuditProblem(.subtotal, body: seen.body, event: seen.event, figure: "subtree_bodies",
                zh: "报告称辖区 \(report.subtreeBodies) 个组织，引用得出 \(bodies)", "the report counts \(report.subtreeBodies) bodies in its subtree, its citations give \(bodies)"))
        }
        return out
    }
}
