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

    /// Checks `bundle` (decoded by ``decode(_:file:)``) and gives the verdict.
    public static func verify(_ bundle: AuditBundle) -> AuditVerdict {
        var run = AuditRun(bundle)
        run.replay()
        run.checkChainEnds()
        run.checkKeys()
        run.checkReports()
        return run.verdict()
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
    static func reportProblems(_ seen: AuditRun.SeenReport, reports: [String: AuditRun.SeenReport], entries: [String: RosterEntry], period: String) -> [AuditProblem] {
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
