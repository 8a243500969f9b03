import XieshangDomain
import XieshangWire

/// `xieshang stats --json`: per body of the drill-down its own figures and its subtree's totals by stats.proto name,
/// and every rate of both as numerator, denominator and percent (null without data); per body its zones 片区 with
/// their subtotals and rates; the coverage 报送情况 per tier. Written by ``JSONText/pretty(_:asFoundation:)`` (sorted keys, two
/// spaces, `"key" : value`, `\/`, a blank line in empty arrays): byte for byte the text Foundation's `JSONSerialization`
/// wrote before issue 15, several times faster.
public enum StatsJSON {
    /// The indented JSON text of a `Stats` answer; with `sectors` (the rows of the `sector_figures` query: figures per
    /// 界别 computed from the records the body holds, never part of the signed reports) under the key "sectors".
    public static func text(_ r: StatsResponse, sectors: [[String: Any]]? = nil) -> String {
        var t = tree(r)
        if let sectors { t["sectors"] = sectors }
        return JSONText.pretty(t, asFoundation: true) ?? "{}"
    }

    /// The loosely typed tree of ``text(_:)`` (`JSONNull` for null).
    public static func tree(_ r: StatsResponse) -> [String: Any] {
        let bodies: [[String: Any]] = r.bodies.map { b in
            ["body": b.body, "name": b.name, "tier": b.tier, "parent": b.parent, "verified": b.verified,
             "own": Figures.everyCounter(b.own), "totals": Figures.everyCounter(b.totals), "own_rates": rates(b.own), "rates": rates(b.totals),
             "approval": b.approval, "return_reason": b.returnReason, "returned_by": b.returnedBy,
             "expected_children": b.expectedChildren, "reported_children": b.reportedChildren, "on_time_children": b.onTimeChildren,
             "zone": b.zone, "zones": zones(of: b.body, in: r.bodies)]
        }
        let coverage: [[String: Any]] = r.coverage.map {
            ["tier": $0.tier, "label": FigureNames.tierLabel($0.tier, zh: true), "reporting": $0.reporting, "expected": $0.expected]
        }
        return ["period": r.period, "expected_children": r.expectedChildren, "reported_children": r.reportedChildren,
                "on_time_children": r.onTimeChildren, "bodies": bodies, "coverage": coverage]
    }

    /// Every rate of a figure map by stats.proto name: numerator, denominator, percent (null without data).
    static func rates(_ counts: [String: Int64]) -> [String: Any] {
        var out: [String: Any] = [:]
        for rate in FigureNames.rates(counts) {
            out[rate.name] = ["numerator": rate.numerator, "denominator": rate.denominator, "percent": rate.percent.map { $0 as Any } ?? JSONNull()] as [String: Any]
        }
        return out
    }

    /// One body's zones: each zone's name, member ids and subtotal by stats.proto name (null when a sum leaves
    /// Int64's range), with every rate of the subtotal; empty when its children have no zone.
    static func zones(of body: String, in bodies: [BodyFigures]) -> [[String: Any]] {
        ZoneGroups.groups(of: body, in: bodies).filter { !$0.zone.isEmpty }.map { g in
            let totals = g.totals.map(Figures.everyCounter)
            return ["zone": g.zone, "bodies": g.members.map(\.body), "totals": totals.map { $0 as Any } ?? JSONNull(),
                    "rates": totals.map { rates($0) as Any } ?? JSONNull()]
        }
    }
}
