import XieshangCalendar
import XieshangFederation
import XieshangWire

/// The shape of a simulated federation: a tree (`1+3+9`: a city, 3 counties, 9 townships spread evenly) and/or an
/// alliance of root nodes (`alliance4`: four cities that are members of alliance `wuling`).
public struct SimTopology: Sendable, Hashable, CustomStringConvertible {
    /// One node of the topology.
    public struct Node: Sendable, Hashable {
        /// Node id.
        public var id: String
        /// Parent id, if any.
        public var parent: String?
        /// Children ids.
        public var children: [String]
        /// Alliances this node belongs to.
        public var alliances: [String]
    }

    /// The nodes, parents before children.
    public var nodes: [Node]
    /// Alliance id → members.
    public var alliances: [String: [String]]
    /// The text it was parsed from.
    public var description: String

    /// Parses `1+3+9` (tiers of a tree), `alliance4` (an alliance of 4 roots), or `alliance4+2` (4 allied roots,
    /// each with 2 children).
    public init?(_ text: String) {
        description = text
        nodes = []
        alliances = [:]
        if text.hasPrefix("alliance") {
            let parts = text.dropFirst(8).split(separator: "+").compactMap { Int($0) }
            guard let n = parts.first, n >= 2 else { return nil }
            let roots = (0..<n).map { "a\($0)" }
            alliances["wuling"] = roots
            for r in roots {
                let kids = (0..<(parts.count > 1 ? parts[1] : 0)).map { "\(r).t\($0)" }
                nodes.append(Node(id: r, parent: nil, children: kids, alliances: ["wuling"]))
                for k in kids { nodes.append(Node(id: k, parent: r, children: [], alliances: [])) }
            }
            return
        }
        let tiers = text.split(separator: "+").compactMap { Int($0) }
        guard tiers.count == text.split(separator: "+").count, tiers.first == 1, !tiers.contains(0) else { return nil }
        let names = ["city", "county", "town", "village", "group"]
        var previous: [String] = []
        for (level, count) in tiers.enumerated() {
            var current: [String] = []
            for i in 0..<count {
                let id = level == 0 ? "city" : "\(names[min(level, names.count - 1)])\(i)"
                let parent = level == 0 ? nil : previous[i * previous.count / count]
                current.append(id)
                nodes.append(Node(id: id, parent: parent, children: [], alliances: []))
                if let parent, let p = nodes.firstIndex(where: { $0.id == parent }) { nodes[p].children.append(id) }
            }
            previous = current
        }
    }

    /// The node named `id`.
    public func node(_ id: String) -> Node? { nodes.first { $0.id == id } }

    /// Ancestors of `id`, nearest first.
    public func ancestors(of id: String) -> [String] {
        var out: [String] = []
        var current = node(id)?.parent
        while let c = current { out.append(c); current = node(c)?.parent }
        return out
    }

    /// Descendants of `id` (not itself).
    public func descendants(of id: String) -> [String] {
        var out: [String] = []
        var stack = node(id)?.children ?? []
        while let c = stack.popLast() { out.append(c); stack.append(contentsOf: node(c)?.children ?? []) }
        return out.sorted()
    }

    /// The nodes on the tree path from `a` to `b` (both included), or [] when they are in different trees.
    public func path(from a: String, to b: String) -> [String] {
        let up = [a] + ancestors(of: a)
        let down = [b] + ancestors(of: b)
        guard let meet = up.first(where: { down.contains($0) }) else { return [] }
        return Array(up.prefix(through: up.firstIndex(of: meet)!)) + Array(down.prefix(upTo: down.firstIndex(of: meet)!).reversed())
    }
}
