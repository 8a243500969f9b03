import Foundation
import XieshangDomain
import XieshangFederation
import XieshangWire

/// Zones 片区 and coverage 报送情况 in drill-downs: a body's children grouped by the zone its config puts them in (the
/// roster carries it up), each zone with the subtotal of its members' figures, and per tier the bodies reporting out
/// of those in the roster ("县区 10/10 报送，乡镇 172/172 报送").
enum ZoneGroups {
    /// Children of one body in one zone, with their subtotal.
    struct Group {
        /// The zone's name; empty for the children the config puts in no zone.
        var zone: String
        /// The children in it, in drill-down order.
        var members: [BodyFigures]
        /// The sum of the members' subtree totals, figure by figure (checked); nil when a sum leaves Int64's range.
        var totals: [String: Int64]?
    }

    /// The children of `parent` among `bodies`, grouped by zone in order of first appearance, the children without a
    /// zone last (one group named ""). Without any zone: one group of every child.
    static func groups(of parent: String, in bodies: [BodyFigures]) -> [Group] {
        let children = bodies.filter { $0.parent == parent && $0.body != parent }
        var order: [String] = []
        var members: [String: [BodyFigures]] = [:]
        for c in children {
            if members[c.zone] == nil { order.append(c.zone) }
            members[c.zone, default: []].append(c)
        }
        order.sort { ($0.isEmpty ? 1 : 0) < ($1.isEmpty ? 1 : 0) }
        return order.map { zone in
            let list = members[zone] ?? []
            return Group(zone: zone, members: list, totals: subtotal(list))
        }
    }

    /// The checked sum of the members' subtree totals; nil when a figure's sum leaves Int64's range.
    static func subtotal(_ members: [BodyFigures]) -> [String: Int64]? {
        var sum: [String: Int64] = [:]
        for m in members {
            switch FigureMap.sum(sum, m.totals) {
            case .success(let s): sum = s
            case .failure: return nil
            }
        }
        return sum
    }

    /// Whether any body of the drill-down has a zone.
    static func any(_ bodies: [BodyFigures]) -> Bool { bodies.contains { !$0.zone.isEmpty } }

    /// A tier's label: 市, 县区, 乡镇, 村（社区）; the tier itself when unknown.
    static func tierLabel(_ tier: String, _ language: Invocation.Language) -> String {
        let labels: [String: (zh: String, en: String)] = [
            "city": ("市", "city"), "county": ("县区", "county"), "township": ("乡镇", "township"), "village": ("村（社区）", "village"),
        ]
        guard let l = labels[tier] else { return tier.isEmpty ? (language == .zh ? "未分级" : "no tier") : tier }
        return language == .zh ? l.zh : l.en
    }

    /// "县区 10/10 报送，乡镇 172/172 报送" (English: "county 10/10 reporting, township 172/172 reporting"); empty
    /// without a roster.
    static func coverageLine(_ coverage: [TierCoverage], _ language: Invocation.Language) -> String {
        coverage.map { c in
            language == .zh ? "\(tierLabel(c.tier, .zh)) \(c.reporting)/\(c.expected) 报送" : "\(tierLabel(c.tier, .en)) \(c.reporting)/\(c.expected) reporting"
        }.joined(separator: language == .zh ? "，" : ", ")
    }

    /// The subtotal row's label in a drill-down table: 〔东片区〕小计.
    static func subtotalLabel(_ zone: String, _ language: Invocation.Language) -> String {
        language == .zh ? "〔\(zone)〕小计" : "[\(zone)] subtotal"
    }

    /// `stats --json` for coverage: per tier its label, bodies reporting and in the roster.
    static func coverageJSON(_ coverage: [TierCoverage]) -> [[String: Any]] {
        coverage.map { ["tier": $0.tier, "label": tierLabel($0.tier, .zh), "reporting": $0.reporting, "expected": $0.expected] }
    }

    /// `stats --json` for one body's zones: each zone's name, member ids and subtotal by stats.proto name, with every
    /// rate of the subtotal as numerator, denominator and percent; empty when its children have no zone.
    static func zonesJSON(of body: String, in bodies: [BodyFigures], rates: ([String: Int64]) -> [String: Any]) -> [[String: Any]] {
        let groups = groups(of: body, in: bodies)
        guard groups.contains(where: { !$0.zone.isEmpty }) else { return [] }
        return groups.filter { !$0.zone.isEmpty }.map { g in
            let totals = g.totals.map(Figures.everyCounter)
            return ["zone": g.zone, "bodies": g.members.map(\.body), "totals": totals.map { $0 as Any } ?? NSNull(),
                    "rates": totals.map { rates($0) as Any } ?? NSNull()]
        }
    }
}
