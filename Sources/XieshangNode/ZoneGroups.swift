import XieshangFederation
import XieshangWire

/// Zones 片区 in drill-downs: a body's children grouped by the zone its config puts them in (the roster carries it
/// up), each zone with the checked subtotal of its members' figures. Shared by `stats`, `report --html`, `demo` and
/// the web dashboard.
public enum ZoneGroups {
    /// Children of one body in one zone, with their subtotal.
    public struct Group: Sendable {
        /// The zone's name; empty for the children the config puts in no zone.
        public var zone: String
        /// The children in it, in drill-down order.
        public var members: [BodyFigures]
        /// The sum of the members' subtree totals, figure by figure (checked); nil when a sum leaves Int64's range.
        /// The group without a zone has none worked out (empty): no page, table or JSON shows a subtotal for it, and it
        /// was a sum of every child's totals per parent on each dashboard built.
        public var totals: [String: Int64]?
    }

    /// The children of `parent` among `bodies`, grouped by zone in order of first appearance, the children without a
    /// zone last (one group named ""). Without any zone: one group of every child.
    public static func groups(of parent: String, in bodies: [BodyFigures]) -> [Group] {
        groups(bodies.filter { $0.parent == parent && $0.body != parent })
    }

    /// ``groups(of:in:)`` of every parent among `bodies` in one pass (a drill-down's model groups every body's
    /// children: one filter of the whole list per body was quadratic). A parent without children has no entry.
    public static func groupsByParent(_ bodies: [BodyFigures]) -> [String: [Group]] {
        var children: [String: [BodyFigures]] = [:]
        for b in bodies where b.body != b.parent { children[b.parent, default: []].append(b) }
        return children.mapValues(groups)
    }

    /// Children of one parent, in drill-down order, grouped by zone.
    static func groups(_ children: [BodyFigures]) -> [Group] {
        var order: [String] = []
        var members: [String: [BodyFigures]] = [:]
        for c in children {
            if members[c.zone] == nil { order.append(c.zone) }
            members[c.zone, default: []].append(c)
        }
        order.sort { ($0.isEmpty ? 1 : 0) < ($1.isEmpty ? 1 : 0) }
        return order.map { zone in
            let list = members[zone] ?? []
            return Group(zone: zone, members: list, totals: zone.isEmpty ? [:] : subtotal(list))
        }
    }

    /// The checked sum of the members' subtree totals; nil when a figure's sum leaves Int64's range.
    public static func subtotal(_ members: [BodyFigures]) -> [String: Int64]? {
        var sum: [String: Int64] = [:]
        for m in members {
            if FigureMap.add(m.totals, to: &sum) != nil { return nil }
        }
        return sum
    }

    /// Whether any body of the drill-down has a zone.
    public static func any(_ bodies: [BodyFigures]) -> Bool { bodies.contains { !$0.zone.isEmpty } }
}
