/// Names of an origin's event chains: one chain per (node, route), so that every node a chain reaches holds all of
/// it and the store's contiguity check (seq 1, 2, 3… with hash links) holds on every node.
///
/// A node's `up` events form the chain named by its bare id; every other route has its own chain
/// `<node>@<route>`: `county0@down`, `county0@down:town1,town3` (the `only` list sorted), `city@alliance:wuling`,
/// `town2@direct:city`, `town2@local`. `EventBody.origin` carries the chain name; the signing node is the part
/// before `@` (node ids never contain `@`). Receivers check that an event's chain matches its scope.
public enum ChainName {
    /// The node that signs the chain `origin`.
    public static func node(of origin: String) -> String {
        let utf8 = origin.utf8
        guard let at = utf8.firstIndex(of: UInt8(ascii: "@")) else { return origin }
        return String(origin[..<at])
    }

    /// The chain a node's event with `route` belongs to.
    public static func chain(node: String, route: Route) -> String {
        switch route {
        case .up: return node
        case .down(let only): return only.isEmpty ? node + "@down" : node + "@down:" + Set(only).sorted().joined(separator: ",")
        default: return node + "@" + route.text
        }
    }
}
