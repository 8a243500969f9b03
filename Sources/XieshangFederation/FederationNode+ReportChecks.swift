import XieshangWire

/// Checks on rollup data that comes from outside (a child's report on receipt, a stored event at replay): a period is
/// a real one, every figure sum is checked arithmetic, every citation is a distinct direct child of the reporter.
/// Small functions of their own, so they stay whatever figures a report carries.
extension FederationNode {
    /// Why `period` is not a reporting period of the years 1…9999 in its one spelling (``Period/description``), or
    /// nil. A child's report naming `99999999999` once put its parent into a crash loop at every replay.
    static func periodRefusal(_ period: String) -> String? {
        let shown = period.utf8.count <= 24 ? period : String(period.prefix(24)) + "…"
        guard period.utf8.count <= 32, let parsed = try? Period(parsing: period), parsed.description == period else {
            return "period \"\(shown)\" is not a month (2026-11), quarter (2026-Q4), half-year (2026-H1), year (2026) or session (2026-01-15~2027-01-19) of the years 1…9999"
        }
        return nil
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
            guard ref.origin == node, children.contains(node) || moves[node]?.contains(where: { $0.previousParent == reporter || $0.parent == reporter }) == true else {
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
        func overflow(_ figure: String) -> String {
            "adding its \(figure) to \(id)'s total for \(report.period) passes the largest figure (\(Int64.max))"
        }
        var totals = ownFigures(period: report.period)
        var bodies = report.subtreeBodies
        for other in config.children.map(\.id).sorted() where other != child {
            guard let state = childReports[other]?[report.period] else { continue }
            switch FigureMap.sum(totals, state.report.totals) {
            case .success(let sum): totals = sum
            case .failure(let o): return overflow(o.figure)
            }
            guard let b = FederationNode.checkedCount(bodies, state.report.subtreeBodies) else { return "subtree bodies pass 2^32" }
            bodies = b
        }
        if case .failure(let o) = FigureMap.sum(totals, report.totals) { return overflow(o.figure) }
        if FederationNode.checkedCount(bodies, 1) == nil { return "subtree bodies pass 2^32" }
        return nil
    }

    /// Why a descendant's report claims own figures its signed records do not give, or nil: the ancestor recomputes
    /// the body's own figures for the period from the records it holds (``FiguresSource/recomputedFigures(of:for:adding:)``)
    /// and compares each compared figure with the report's `own` (`own_mismatch`, naming body, period and figure).
    ///
    /// The rule that keeps the comparison sound (never a refusal of an honest report): a body's records and its
    /// reports travel on the same chain — its `up` chain, named by its bare id (``ChainName``) — and the store holds a
    /// chain only contiguously, so when the report at seq N is checked every earlier event of that chain is stored or
    /// is among `preceding`: the events of the same receipt before the report, checked and about to be committed with
    /// it in one transaction (``receive(_:from:pulled:)``), which the source counts on trial without keeping them.
    /// Records of other chains a report may count (a report forwarded by a child, relayed here by the reporter in its
    /// log order before its report) are held or preceding too unless a chain has a gap here: while the gap buffer
    /// holds any run, reports are not compared (they are still checked for arithmetic and citations). Figures that
    /// steps signed by other bodies change and that may travel down only (plans issued, adoptions and instructions
    /// higher up) are the source's ``RecomputedFigures/uncompared``.
    func ownFiguresRefusal(_ report: AggregateReport, body: EventBody, preceding: [EventBody]) -> Rejection? {
        guard body.origin != id, ChainName.node(of: body.origin) == body.origin, held.isEmpty, holdsRecords(of: body.origin),
              let source = figuresSource, let period = try? Period(parsing: report.period),
              var recomputed = source.recomputedFigures(of: body.origin, for: period, adding: preceding) else { return nil }
        // The part of a moved body that ends at its move carries no stocks (``makeReport(period:)``).
        if endsAtMove(period, body: body.origin) { recomputed.figures = recomputed.figures.filter { !source.stocks.contains($0.key) } }
        guard let figure = recomputed.firstDifference(from: report.own) else { return nil }
        return Rejection(code: "own_mismatch",
                         reason: "report \(body.origin)#\(body.seq) claims own \(figure) = \(report.own[figure] ?? 0) for \(report.period), but the signed records of \(body.origin) held at \(id) give \(recomputed.figures[figure] ?? 0)",
                         alert: true, figure: figure, period: report.period)
    }
}
