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
        if node == id { return identityKey }
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

    /// Rebuilds the keys of origins beyond the pins from the parent's and the children's latest rosters.
    ///
    /// A child's entry is accepted only when its parent chain (through that child's roster) leads to the child, and
    /// no other child vouches for the same node, nor the parent for it with another key or parent, nor a pin with
    /// another key. A conflict raises an alert and changes nothing: the node keeps the key and place it had (or none).
    func rebuildTrust() {
        var keys: [String: Ed25519.PublicKey] = [:]
        var subtree: [String: String] = [:]
        var parents: [String: String] = [:]
        var accepted: [String: [RosterEntry]] = [:]
        // Keys already loaded are reused (loading one into OpenSSL costs about as much as a verification).
        func load(_ e: RosterEntry) -> Ed25519.PublicKey? {
            if let known = keyCache[e.nodeId], known.rawRepresentation == e.publicKey { return known }
            return try? Ed25519.PublicKey(rawRepresentation: e.publicKey)
        }
        var fromParent: [String: RosterEntry] = [:]
        if let parentRoster {
            for e in parentRoster.entries where fromParent[e.nodeId] == nil { fromParent[e.nodeId] = e }
        }
        // Each child's claims: entries of its roster whose parent chain leads to it.
        var claims: [String: [(child: String, entry: RosterEntry)]] = [:]
        var conflicts: [(child: String, node: String, why: String)] = []
        for child in childRosters.keys.sorted() {
            guard let entries = childRosters[child]?.entries else { continue }
            var byNode: [String: RosterEntry] = [:]
            for e in entries {
                if let seen = byNode[e.nodeId] {
                    if seen != e { conflicts.append((child, e.nodeId, "its roster names \(e.nodeId) twice, differently")) }
                    continue
                }
                byNode[e.nodeId] = e
            }
            for e in entries where byNode[e.nodeId] == e && e.nodeId != id {
                if !FederationNode.chainLeads(from: e, to: child, in: byNode) {
                    conflicts.append((child, e.nodeId, "its roster vouches for \(e.nodeId) (parent \(e.parent.isEmpty ? "none" : e.parent)), whose parent chain does not lead to \(child)"))
                    continue
                }
                if let pin = pins[e.nodeId] {
                    if pin.publicKey.rawRepresentation != e.publicKey || childIds.contains(e.nodeId) || e.nodeId == config.parent?.id {
                        conflicts.append((child, e.nodeId, "its roster vouches for \(e.nodeId), a peer \(id) knows by its pinned key"))
                        continue
                    }
                }
                // The parent's roster echoes this subtree from this node's own up roster (perhaps an older one, so its
                // key may lag behind); it conflicts only by placing the node outside this node's subtree.
                if let p = fromParent[e.nodeId], !FederationNode.chainLeads(from: p, to: id, in: fromParent) {
                    conflicts.append((child, e.nodeId, "its roster vouches for \(e.nodeId), which the roster of \(id)'s parent places outside \(id)'s subtree"))
                    continue
                }
                claims[e.nodeId, default: []].append((child, e))
            }
        }
        var disputed: Set<String> = Set(conflicts.map(\.node))
        // A body that moved (区划调整) is claimed by its old and new parents' subtrees until the old roster drops it:
        // the claim that places it under its latest parent stands.
        for (node, byChildren) in claims where byChildren.count > 1 {
            guard let parent = moves[node]?.last?.parent, let winner = byChildren.first(where: { $0.entry.parent == parent }) else { continue }
            claims[node] = [winner]
        }
        for (node, byChildren) in claims where byChildren.count > 1 {
            disputed.insert(node)
            let names = byChildren.map(\.child).joined(separator: ", ")
            for c in byChildren { conflicts.append((c.child, node, "\(names) each vouch for \(node); a body belongs to one subtree")) }
        }
        // The parent's directory: nodes outside this subtree (a node it places inside is vouched for by a child or not at all).
        for e in fromParent.values.sorted(by: { $0.nodeId < $1.nodeId }) where claims[e.nodeId] == nil && !disputed.contains(e.nodeId) {
            if e.nodeId == id || FederationNode.chainLeads(from: e, to: id, in: fromParent) { continue }
            if let k = load(e) {
                keys[e.nodeId] = k
                adoptKeyRecords(e.nodeId, base: k, e.keyRecords)
            }
        }
        for child in childRosters.keys.sorted() {
            var mine: [RosterEntry] = []
            for e in childRosters[child]?.entries ?? [] {
                guard !disputed.contains(e.nodeId), let claim = claims[e.nodeId]?.first, claim.child == child, claim.entry == e,
                      !mine.contains(where: { $0.nodeId == e.nodeId }) else { continue }
                mine.append(e)
                parents[e.nodeId] = e.parent
                guard pins[e.nodeId] == nil, let k = load(e) else { continue }
                keys[e.nodeId] = k
                adoptKeyRecords(e.nodeId, base: k, e.keyRecords)
                subtree[e.nodeId] = child
            }
            accepted[child] = mine
        }
        // A disputed node keeps what it had before the conflict (the first vouching stays), and nothing more.
        for node in disputed.sorted() {
            if let k = keyCache[node] { keys[node] = k } else { keys[node] = nil }
            subtree[node] = subtreeOf[node]
            parents[node] = parentOf[node]
            if let owner = subtreeOf[node], let old = acceptedEntries[owner]?.first(where: { $0.nodeId == node }) {
                accepted[owner, default: []].append(old)
            }
        }
        for c in conflicts {
            raiseAlert(Alert(subject: c.child, code: "roster_conflict",
                             message: "roster of \(c.child) refused for \(c.node): \(c.why); \(id) keeps what it had for \(c.node)",
                             period: "", figure: "", evidence: []))
        }
        parentOf = parents
        acceptedEntries = accepted
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
            if let e = acceptedEntries[child]?.first(where: { $0.nodeId == node }) { return e }
        }
        return nil
    }

    /// Every body of this node's subtree except itself, as the rosters name them (a child as this node's config names
    /// it, with its zone; a deeper body as its parent's accepted roster does): coverage by tier counts these.
    public func subtreeRoster() -> [RosterEntry] { upRosterEntries() }

    /// The roster this node sends up: every body in its subtree except itself.
    func upRosterEntries() -> [RosterEntry] {
        var out: [RosterEntry] = []
        // A child the parent's directory places under another body is moving in (区划调整): vouched for only once its
        // Membership record naming this node is held, so no ancestor sees two subtrees claim it.
        let directory = parentRoster?.entries ?? []
        for child in config.children.sorted(by: { $0.id < $1.id }) {
            if let placed = directory.first(where: { $0.nodeId == child.id }), !placed.parent.isEmpty, placed.parent != id,
               moves[child.id]?.last?.parent != id { continue }
            out.append(RosterEntry(nodeId: child.id, publicKey: child.publicKey.rawRepresentation, parent: id, name: child.name, tier: child.tier,
                                   zone: child.zone, keyRecords: keyRecords[child.id] ?? []))
            for e in acceptedEntries[child.id] ?? [] where e.nodeId != id { out.append(withKeyRecords(e)) }
        }
        return out
    }

    /// The roster this node sends down: itself, its ancestors' directory and its whole subtree.
    func downRosterEntries() -> [RosterEntry] {
        // Each ancestor's entry carries its tier when its config names it (``recordsRoute(_:)`` finds the tier's body).
        var out: [RosterEntry] = [RosterEntry(nodeId: id, publicKey: identityKey.rawRepresentation, parent: config.parent?.id ?? "", tier: config.tier,
                                              keyRecords: keyRecords[id] ?? [])]
        var seen: Set<String> = [id]
        if let parent = config.parent, seen.insert(parent.id).inserted {
            out.append(RosterEntry(nodeId: parent.id, publicKey: parent.publicKey.rawRepresentation, tier: parent.tier,
                                   keyRecords: keyRecords[parent.id] ?? []))
        }
        for e in parentRoster?.entries ?? [] where seen.insert(e.nodeId).inserted { out.append(withKeyRecords(e)) }
        for e in upRosterEntries() where seen.insert(e.nodeId).inserted { out.append(e) }
        return out
    }

    /// Originates the up and down rosters when they changed.
    func refreshRosters() {
        guard !fenced else { return }
        if config.parent != nil {
            let up = upRosterEntries()
            if up != (lastUpRoster ?? []) || lastUpRoster == nil {
                do throws(FederationError) { try originate(kind: .roster, payload: Roster(entries: up).serializedBytes(), route: .up) } catch { outputs.append(.log(LogRecord(.warning, .storeFailed, "cannot emit its roster: \(error)"))) }
            }
        }
        if !config.children.isEmpty {
            let down = downRosterEntries()
            if down != (lastDownRoster ?? []) {
                do throws(FederationError) { try originate(kind: .roster, payload: Roster(entries: down).serializedBytes(), route: .down(only: [])) } catch { outputs.append(.log(LogRecord(.warning, .storeFailed, "cannot emit its roster: \(error)"))) }
            }
        }
    }

    /// Whether `entry`'s parent chain, followed through `roster` (node → entry), reaches `child`.
    static func chainLeads(from entry: RosterEntry, to child: String, in roster: [String: RosterEntry]) -> Bool {
        var parent = entry.parent
        var steps = 0
        while parent != child {
            guard steps < roster.count, let next = roster[parent] else { return false }
            parent = next.parent
            steps += 1
        }
        return true
    }
}
