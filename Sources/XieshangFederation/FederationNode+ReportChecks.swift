import XieshangWire

/// Checks on rollup data that comes from outside (a child's report on receipt, a stored event at replay): a period is
/// a real one, every figure sum is checked arithmetic, every citation is a distinct direct child of the reporter.
/// Small functions of their own, so they stay whatever figures a report carries.
extension FederationNode {
    /// A figure whose sum passes the range of Int64.
    struct FigureOverflow: Error {
        /// The figure's name.
        var figure: String
    }

    /// Why `period` is not a reporting period of years 1…9999 in its one spelling (`2026`, `2026-Q4`, `2026-11`), or
    /// nil. A child's report naming `99999999999` once put its parent into a crash loop at every replay.
    static func periodRefusal(_ period: String) -> String? {
        let shown = period.utf8.count <= 24 ? period : String(period.prefix(24)) + "…"
        guard period.utf8.count <= 16, let end = Period.endMs(of: period), Period.all(containing: end - 1).contains(period) else {
            return "period \"\(shown)\" is not a month (2026-11), quarter (2026-Q4) or year (2026) of the years 1…9999"
        }
        return nil
    }

    /// The first and last millisecond an own event may carry to be counted in periods (the years 1…9999).
    static let countableTimes: ClosedRange<Int64> = Period.startMs(year: 1, month: 1)...(Period.startMs(year: 10_000, month: 1) - 1)

    /// `a + b`, figure by figure (absent = 0), in checked arithmetic.
    /// - Throws: ``FigureOverflow`` naming the first figure (in name order) whose sum passes Int64's range.
    static func checkedSum(_ a: [String: Int64], _ b: [String: Int64]) throws(FigureOverflow) -> [String: Int64] {
        var out = a
        for k in b.keys.sorted() {
            let (sum, overflow) = (out[k] ?? 0).addingReportingOverflow(b[k] ?? 0)
            if overflow { throw FigureOverflow(figure: k) }
            out[k] = sum
        }
        return out
    }

    /// `a + b` for counts of bodies, nil past UInt32's range.
    static func checkedCount(_ a: UInt32, _ b: UInt32) -> UInt32? {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? nil : sum
    }

    /// The direct children of `node` as this node's accepted rosters say (its own children when `node` is itself).
    func directChildren(of node: String) -> Set<String> {
        if node == id { return childIds }
        var out: Set<String> = []
        for (child, parent) in parentOf where parent == node { out.insert(child) }
        return out
    }

    /// Why the citations of `report` (made by `reporter`) are not one distinct report of the same period per direct
    /// child of the reporter in its accepted roster, or nil. A county that cited one township's report twice once
    /// made its city show 10 for 5, marked verified.
    func citationRefusal(_ report: AggregateReport, reporter: String) -> String? {
        let children = directChildren(of: reporter)
        var cited: Set<String> = []
        for child in report.children {
            guard let ref = child.ref else { return "a cited child report has no reference" }
            let node = ChainName.node(of: ref.origin)
            guard ref.origin == node, children.contains(node) else {
                return "cites \(ref.origin)#\(ref.seq), which is not a direct child of \(reporter) in the roster \(id) accepted"
            }
            guard cited.insert(node).inserted else {
                return "cites a report of \(node) more than once (\(ref.origin)#\(ref.seq)); each child counts once"
            }
        }
        return nil
    }

    /// Why adding a child's report to what this node would report for its period passes the range of a figure or
    /// count, or nil: the report is refused on receipt, so ``currentReport(period:)`` never has to leave it out.
    func parentTotalsRefusal(_ report: AggregateReport, from child: String) -> String? {
        do throws(FigureOverflow) {
            var totals = ownFigures[report.period] ?? [:]
            var bodies = report.subtreeBodies
            for other in config.children.map(\.id).sorted() where other != child {
                guard let state = childReports[other]?[report.period] else { continue }
                totals = try FederationNode.checkedSum(totals, state.report.totals)
                guard let b = FederationNode.checkedCount(bodies, state.report.subtreeBodies) else { return "subtree bodies pass 2^32" }
                bodies = b
            }
            _ = try FederationNode.checkedSum(totals, report.totals)
            if FederationNode.checkedCount(bodies, 1) == nil { return "subtree bodies pass 2^32" }
        } catch {
            return "adding its \(error.figure) to \(id)'s total for \(report.period) passes the largest figure (\(Int64.max))"
        }
        return nil
    }

    /// Adds own figures `figures` of an event dated `timeMs` to `scratch` (period → own figures, this node's own where
    /// absent), checking that neither the own figures nor the totals with the children's reports pass Int64's range.
    /// Returns the period and figure that would, or nil (then `scratch` holds the sums). Checked before an own event is
    /// committed, so an overflow never reaches the log.
    func addOwnFigures(_ figures: [String: Int64], timeMs: Int64, into scratch: inout [String: [String: Int64]]) -> (period: String, figure: String)? {
        guard FederationNode.countableTimes.contains(timeMs), !figures.isEmpty else { return nil }
        for period in Period.all(containing: timeMs) {
            do throws(FigureOverflow) {
                let own = try FederationNode.checkedSum(scratch[period] ?? ownFigures[period] ?? [:], figures)
                var totals = own
                for child in config.children.map(\.id).sorted() {
                    if let state = childReports[child]?[period] { totals = try FederationNode.checkedSum(totals, state.report.totals) }
                }
                scratch[period] = own
            } catch {
                return (period, error.figure)
            }
        }
        return nil
    }
}
