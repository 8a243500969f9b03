import XieshangWire

/// Records stopped at a tier (``FederationConfig/recordsUpToTier``): where a body's own records go, and which
/// descendants' own figures this node can recompute from records it holds.
extension FederationNode {
    /// The route of one of this body's own records that would travel `route`: unchanged unless the setting is on and
    /// the route is `up`; then `.local` at a body of that tier, `.direct(ancestor)` to the nearest ancestor of that
    /// tier (the record is stored at every ancestor on the way, and no further), or `up` when no ancestor of that tier
    /// is known (a body above the tier). Ancestors' tiers: the parent's from the config, further ones from the parent's
    /// directory roster.
    public func recordsRoute(_ route: Route) -> Route {
        guard case .up = route, let stop = config.recordsUpToTier, !stop.isEmpty else { return route }
        if config.tier == stop { return .local }
        guard let parent = config.parent else { return .up }
        if parent.tier == stop { return .direct(parent.id) }
        // Further up: the parent's directory roster names the ancestors, each with its parent and tier.
        let directory = Dictionary((parentRoster?.entries ?? []).map { ($0.nodeId, $0) }, uniquingKeysWith: { a, _ in a })
        var next = directory[parent.id]?.parent ?? ""
        var seen: Set<String> = [id, parent.id]
        while !next.isEmpty, seen.insert(next).inserted, let entry = directory[next] {
            if entry.tier == stop { return .direct(entry.nodeId) }
            next = entry.parent
        }
        return .up
    }

    /// Whether `body`'s own records reach this node (always, without ``FederationConfig/recordsUpToTier``): not when
    /// `body`, or a body between it and this node, is of that tier (its records stop there). Tiers of the bodies
    /// below come from the config (children) and the accepted rosters; a body whose tier or parent is not known yet
    /// counts as holding (its report is then compared with the records, as without the setting).
    public func holdsRecords(of body: String) -> Bool {
        guard let stop = config.recordsUpToTier, !stop.isEmpty else { return true }
        var b = body
        var steps = 0
        while b != id, steps < 64 {
            steps += 1
            let child = config.children.first { $0.id == b }
            let entry = child == nil ? subtreeEntry(b) : nil
            if (child?.tier ?? entry?.tier) == stop { return false }
            guard let up = child != nil ? id : entry?.parent, !up.isEmpty else { return true }
            b = up
        }
        return true
    }
}
