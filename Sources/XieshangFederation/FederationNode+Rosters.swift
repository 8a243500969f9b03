import XieshangStore
import XieshangWire

/// Keys of origins beyond the neighbours: each node sends a Roster of its subtree up (its children vouch for
/// their subtrees) and a directory Roster down (what its descendants need: ancestors and the rest of the tree).
///
/// Trust: pins first; then the latest up-roster of each direct child (which also tells which child's subtree
/// holds a node); then the latest down-roster of the parent. A node emits a changed roster at once, before it
/// stores anything from the newly vouched origins, so in every honest log a roster precedes the events it vouches for.
extension FederationNode {
    /// The key of `origin`, if this node can verify its events.
    func keyFor(_ origin: String) -> Ed25519.PublicKey? {
        let node = ChainName.node(of: origin)
        if node == id { return publicKey }
        if let pin = pins[node] { return pin.publicKey }
        return keyCache[node]
    }

    func rosterApplied(_ roster: Roster, body: EventBody) {
        if ChainName.node(of: body.origin) == id {
            if case .up = Route(body.scope) { lastUpRoster = roster.entries } else { lastDownRoster = roster.entries }
            return
        }
        if childIds.contains(body.origin), case .up = Route(body.scope) {
            if let current = childRosters[body.origin], current.seq >= body.seq { return }
            childRosters[body.origin] = (body.seq, roster.entries)
        } else if ChainName.node(of: body.origin) == config.parent?.id, case .down = Route(body.scope) {
            if let current = parentRoster, current.seq >= body.seq { return }
            parentRoster = (body.seq, roster.entries)
        } else {
            return
        }
        rebuildTrust()
        if !fenced && !isLoading { refreshRosters() }
    }

    func rebuildTrust() {
        var keys: [String: Ed25519.PublicKey] = [:]
        var subtree: [String: String] = [:]
        // Keys already loaded are reused (loading one into OpenSSL costs about as much as a verification).
        func load(_ e: RosterEntry) -> Ed25519.PublicKey? {
            if let known = keyCache[e.nodeId], known.rawRepresentation == e.publicKey { return known }
            return try? Ed25519.PublicKey(rawRepresentation: e.publicKey)
        }
        if let parentRoster {
            for e in parentRoster.entries { if let k = load(e) { keys[e.nodeId] = k } }
        }
        for child in childRosters.keys.sorted() {
            for e in childRosters[child]!.entries where e.nodeId != id && pins[e.nodeId] == nil {
                guard let k = load(e) else { continue }
                keys[e.nodeId] = k
                subtree[e.nodeId] = child
            }
        }
        let grew = subtree.count > subtreeOf.count || keys.count > keyCache.count
        keyCache = keys
        subtreeOf = subtree
        if grew && unroutedSeen {
            // Events skipped earlier for lack of a route may have one now: rescan every child link from the start.
            unroutedSeen = false
            for child in config.children.map(\.id).sorted() {
                unsavedCursors[child] = nil
                try? store.setCursor(PeerCursor(peer: child, direction: .outbound, position: 0))
                if var link = clients[child] {
                    link.ackedPosition = 0
                    link.scanPosition = 0
                    link.inflight = []
                    clients[child] = link
                }
            }
        }
    }

    /// Whether events of `origin` must wait until this node emitted a roster vouching for it: a fenced node may not
    /// originate its roster, and an event it relays before the roster that vouches for its origin would be refused
    /// as of an unknown origin by the next node (in every honest log a roster precedes the events it vouches for).
    func awaitsOwnRoster(_ origin: String) -> Bool {
        let node = ChainName.node(of: origin)
        if node == id { return false }
        if childIds.contains(node) || subtreeOf[node] != nil {
            return config.parent != nil && !(lastUpRoster ?? []).contains { $0.nodeId == node }
        }
        return !config.children.isEmpty && !(lastDownRoster ?? []).contains { $0.nodeId == node }
    }

    /// What the rosters of this node's children say of `node`, a body of its subtree below them (name, tier, parent,
    /// key), or nil when no child's roster names it.
    public func subtreeEntry(_ node: String) -> RosterEntry? {
        for child in config.children.map(\.id).sorted() {
            if let e = childRosters[child]?.entries.first(where: { $0.nodeId == node }) { return e }
        }
        return nil
    }

    /// The roster this node sends up: every body in its subtree except itself.
    func upRosterEntries() -> [RosterEntry] {
        var out: [RosterEntry] = []
        for child in config.children.sorted(by: { $0.id < $1.id }) {
            out.append(RosterEntry(nodeId: child.id, publicKey: child.publicKey.rawRepresentation, parent: id, name: child.name, tier: child.tier))
            for e in childRosters[child.id]?.entries ?? [] where e.nodeId != id { out.append(e) }
        }
        return out
    }

    /// The roster this node sends down: itself, its ancestors' directory and its whole subtree.
    func downRosterEntries() -> [RosterEntry] {
        var out: [RosterEntry] = [RosterEntry(nodeId: id, publicKey: publicKey.rawRepresentation, parent: config.parent?.id ?? "")]
        var seen: Set<String> = [id]
        if let parent = config.parent, seen.insert(parent.id).inserted {
            out.append(RosterEntry(nodeId: parent.id, publicKey: parent.publicKey.rawRepresentation))
        }
        for e in parentRoster?.entries ?? [] where seen.insert(e.nodeId).inserted { out.append(e) }
        for e in upRosterEntries() where seen.insert(e.nodeId).inserted { out.append(e) }
        return out
    }

    /// Originates the up and down rosters when they changed.
    func refreshRosters() {
        guard !fenced else { return }
        if config.parent != nil {
            let up = upRosterEntries()
            if up != (lastUpRoster ?? []) || lastUpRoster == nil {
                do throws(FederationError) { try originate(kind: .roster, payload: Roster(entries: up).serializedBytes(), route: .up) } catch { outputs.append(.log("\(id): cannot emit its roster: \(error)")) }
            }
        }
        if !config.children.isEmpty {
            let down = downRosterEntries()
            if down != (lastDownRoster ?? []) {
                do throws(FederationError) { try originate(kind: .roster, payload: Roster(entries: down).serializedBytes(), route: .down(only: [])) } catch { outputs.append(.log("\(id): cannot emit its roster: \(error)")) }
            }
        }
    }
}
