import XieshangCalendar
import XieshangStore
import XieshangWire

/// Membership changes at run time (成员变更): a child, the parent or an alliance member added, removed, re-addressed
/// or retired while the node runs, without a restart.
///
/// The core takes the new peers (``reconfigure(_:relink:now:)``), closes the links of peers that are gone (or whose
/// key changed), dials the new ones, rebuilds the trust it derives from rosters and sends its changed rosters, and
/// re-rolls every period whose expected children changed. A removed child's reports are no longer cited (its figures
/// stop counting at this body); a retired child's are (its history stays counted) and it is no longer expected to
/// report for periods from its retirement day. Events already stored stay in the log.
extension FederationNode {
    /// What a membership change did, for the operator's answer.
    public struct MembershipChange: Sendable, Hashable {
        /// Peers pinned now that were not before.
        public var added: [String] = []
        /// Peers no longer pinned (their links closed).
        public var removed: [String] = []
        /// Peers whose links were closed and dialled again (a new address, a new key).
        public var relinked: [String] = []
        /// A change of these peers.
        public init(added: [String] = [], removed: [String] = [], relinked: [String] = []) {
            self.added = added
            self.removed = removed
            self.relinked = relinked
        }
    }

    /// Replaces this node's parent, children and alliances with those of `new` (same node id and key; the other
    /// settings stay as they are) and carries the difference out on the links; `relink` names peers whose address
    /// changed, so their links are closed and dialled again.
    /// - Throws: ``FederationError`` `.config` when `new` is inconsistent (``FederationConfig/validate()``) or names
    ///   another node or key; nothing changed then.
    public func reconfigure(_ new: FederationConfig, relink: Set<String> = [], now: Int64) throws(FederationError)
        -> (change: MembershipChange, outputs: [FederationOutput]) {
        self.now = now
        outputs = []
        let change = try applyPeers(new, relink: relink)
        return (change, outputs)
    }

    /// ``reconfigure(_:relink:now:)`` without resetting the outputs (a move reconfigures after originating).
    func applyPeers(_ new: FederationConfig, relink: Set<String> = []) throws(FederationError) -> MembershipChange {
        guard new.nodeId == id, new.privateKey.publicKey.rawRepresentation == identityKey.rawRepresentation else {
            throw FederationError(.config, "a membership change of \(id) names node \(new.nodeId) or another key; change only the peers", node: id)
        }
        try new.validate()
        let oldPins = pins
        let oldChildren = config.children
        let oldParent = config.parent?.id
        let newPins = new.pinnedPeers
        var change = MembershipChange()
        for (peer, pin) in newPins.sorted(by: { $0.key < $1.key }) {
            guard let old = oldPins[peer] else { change.added.append(peer); continue }
            if old.publicKey.rawRepresentation != pin.publicKey.rawRepresentation || relink.contains(peer) || old.dials != pin.dials {
                change.relinked.append(peer)
            }
        }
        change.removed = oldPins.keys.filter { newPins[$0] == nil }.sorted()

        config.parent = new.parent
        config.children = new.children
        config.alliances = new.alliances
        config.leavingParent = new.leavingParent
        pins = newPins
        pinnedIds = newPins.keys.sorted()
        childIds = Set(new.children.map(\.id))

        for peer in change.removed { dropLinks(of: peer, servers: true, why: "\(peer) is no longer a peer of \(id)") }
        for peer in change.relinked {
            let keyChanged = oldPins[peer]?.publicKey.rawRepresentation != newPins[peer]?.publicKey.rawRepresentation
            dropLinks(of: peer, servers: keyChanged, why: "the link of \(id) to \(peer) changed; linking again")
        }
        // Trust derived from rosters: a removed child vouches for nothing any more, nor a parent that changed.
        for child in oldChildren.map(\.id) where !childIds.contains(child) {
            childRosters[child] = nil
            // A child that moved away stays cited for its part before the move (its history).
            if !wasChild(child) { childReports[child] = nil }
        }
        if oldParent != config.parent?.id { parentRoster = nil }
        rebuildTrust()
        for peer in change.added + change.relinked where pins[peer]?.dials == true { dial(peer) }
        // What the reports expect (children, retirements) may differ: every period this node knows is rolled again.
        if oldChildren != config.children {
            var periods = Set(lastReports.keys).union(ownCache.keys)
            for byPeriod in childReports.values { periods.formUnion(byPeriod.keys) }
            for period in periods.sorted() { markDirty(period) }
        }
        if !fenced { refreshRosters() }
        pumpAll()
        let summary = ["added": change.added, "removed": change.removed, "relinked": change.relinked]
            .filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }
            .map { "\($0.key) \($0.value.joined(separator: ", "))" }.joined(separator: "; ")
        outputs.append(.log(LogRecord(.info, .membershipChanged, "\(id): membership changed\(summary.isEmpty ? " (no link changed)" : ": " + summary)")))
        return change
    }

    /// Closes the link this node dialed to `peer` (and, with `servers`, the links `peer` dialed), forgetting its dial
    /// state; its durable cursor stays (a peer added again resumes from it).
    func dropLinks(of peer: String, servers alsoServers: Bool, why: String) {
        if let link = clients.removeValue(forKey: peer) {
            clientByConnection[link.connection] = nil
            outputs.append(.close(link.connection, reason: why))
        }
        dialing.remove(peer)
        dialAttempts[peer] = nil
        pulling = pulling.filter { !$0.hasPrefix(peer + "|") }
        guard alsoServers else { return }
        for (conn, link) in servers.sorted(by: { $0.key < $1.key }) where link.peer == peer {
            servers[conn] = nil
            outputs.append(.close(conn, reason: why))
        }
    }

    /// The children expected to report for `period`, sorted: not retired before it, and a child during it (a body
    /// that moved away is expected for the part before its move).
    func expectedChildIds(period: String) -> [String] {
        guard let parsed = try? Period(parsing: period) else { return config.children.map(\.id).sorted() }
        return citableChildren().filter { child in
            guard piece(of: parsed, body: child, under: id) != nil else { return false }
            return config.children.first { $0.id == child }?.isExpected(in: parsed) ?? true
        }
    }

    /// The text of `body`'s part of `period` under `reporter` when `body` moved during it, or nil.
    func movedPart(of period: String, body: String, under reporter: String) -> String? {
        guard moves[body] != nil, let p = try? Period(parsing: period) else { return nil }
        return piece(of: p, body: body, under: reporter)?.description
    }
}

/// One move of a body to another parent (its Membership record), as a node holds it.
struct MoveRecord: Hashable {
    var previousParent: String
    var parent: String
    var effective: Day
    var seq: UInt64
}

/// Moves (区划调整): a body changes parent from a date, with its history. Its records dated before the date count under
/// the old parent, from the date under the new one. A period that straddles the date is reported by the body in parts
/// (``pieces(of:body:)``), each a period of its own (`2026-01-01~2026-06-30`); each parent cites the part during which
/// the body was its child (``piece(of:body:under:)``), so the city's figures are exact before, across and after the
/// date, and nothing is counted twice. Stocks (members, plan items) of a part that ends at a move are left out: they
/// count at the period's end, under the parent the body has then.
extension FederationNode {
    /// Moves this body to `newParent` from `effective` (区划调整): originates, in one group, its Membership record and
    /// the reports of the parts before the move of every period it reported that straddles the date; then the new
    /// parent is its parent and the old one its leaving parent (``FederationConfig/leavingParent``), still pushed the
    /// events of that group. The caller refuses records dated before `effective` from now on.
    /// - Throws: ``FederationError`` `.config` when the node has no parent, `newParent` is already a peer or the node
    ///   has children of its own; `.fenced` while it may not originate; `.store` when the group cannot be stored.
    ///   Nothing changed then.
    public func move(to newParent: FederationConfig.Peer, effective: Day, now: Int64) throws(FederationError) -> [FederationOutput] {
        self.now = now
        outputs = []
        guard let old = config.parent else {
            throw FederationError(.config, "\(id) has no parent to move away from; add one with `xieshang peer add ID --role parent`", node: id)
        }
        guard config.leavingParent == nil else {
            throw FederationError(.config, "\(id) is still leaving \(config.leavingParent?.id ?? ""); remove it (`xieshang peer remove`) once it holds the move record, then move again", node: id)
        }
        guard pins[newParent.id] == nil, newParent.id != id else {
            throw FederationError(.config, "\(newParent.id) is already a peer of \(id); a body moves to a county it is not linked to yet", node: newParent.id)
        }
        guard config.children.isEmpty else {
            throw FederationError(.config, "\(id) has children of its own (\(config.children.map(\.id).joined(separator: ", "))); move them first, a subtree is not moved at once", node: id)
        }
        guard !fenced else {
            throw FederationError(.fenced, "\(id) cannot move yet: it has not heard from its parent \(old.id) how far its own chain goes; retry when the link is up", node: id)
        }
        if let last = moves[id]?.last, last.effective >= effective {
            throw FederationError(.config, "\(id) already moved on \(last.effective); a later move needs a later date", node: id)
        }
        let record = Membership(body: id, previousParent: old.id, parent: newParent.id, effective: effective.description)
        var group = [Origination(kind: .membership, payload: record.serializedBytes(), route: .up)]
        // The parts before the move, made as if the record were held (it is, once the group is stored).
        moves[id, default: []].append(MoveRecord(previousParent: old.id, parent: newParent.id, effective: effective, seq: 0))
        defer { moves[id]?.removeAll { $0.seq == 0 } }
        var parts: Set<String> = []
        for text in Set(lastReports.keys).union(ownCache.keys).sorted() {
            guard let p = try? Period(parsing: text), isOwnPeriod(p), p.start < effective, effective <= p.end,
                  let before = piece(of: p, body: id, under: old.id), parts.insert(before.description).inserted else { continue }
            do throws(FederationError) {
                group.append(Origination(kind: .aggregateReport, payload: try makeReport(period: before.description).serializedBytes(), route: .up))
            } catch {
                throw FederationError(.config, "\(id) cannot report its figures before the move for \(text): \(error.message)", node: id)
            }
        }
        let through = (heads[id]?.seq ?? 0) + UInt64(group.count)
        do throws(GroupRefusal) {
            _ = try originateGroup(group) { (db) throws(StoreError) in
                try db.execute("INSERT OR REPLACE INTO federation_meta (key, value) VALUES ('leaving_through', ?)", [.integer(Int64(clamping: through))])
            }
        } catch {
            throw error.error
        }
        leavingThroughSeq = through
        var new = config
        new.leavingParent = old
        new.parent = newParent
        _ = try applyPeers(new)
        outputs.append(.log(LogRecord(.info, .moved, peer: newParent.id, "\(id): moved from \(old.id) to \(newParent.id) from \(effective); \(old.id) is still pushed own events through #\(through)")))
        return outputs
    }

    /// Whether the parent this node is leaving has acknowledged everything routed to it (its Membership record and the
    /// parts before the move): then it can be removed. True when no parent is being left.
    public var leavingParentHasAll: Bool {
        guard let leaving = config.leavingParent else { return true }
        let backlog = backlog(of: leaving.id)
        return backlog.unacknowledged == 0 && backlog.ackedPosition > 0
    }

    /// The day before which this body's records are closed because it moved (records dated earlier belong to the
    /// parent it left), with the parent it left; nil when it never moved.
    public func moveLock() -> (before: Day, leftParent: String)? {
        guard let last = moves[id]?.last(where: { $0.seq != 0 }) else { return nil }
        return (last.effective, last.previousParent)
    }

    /// Applies a stored Membership record; why it cannot be (nothing changed), or nil.
    func membershipApplied(_ body: EventBody, replaying: Bool) -> String? {
        guard let m = try? Membership(serializedBytes: body.payload), let effective = try? Day(parsing: m.effective, field: "effective") else {
            return "membership record \(body.origin)#\(body.seq) does not decode"
        }
        var history = moves[m.body] ?? []
        guard !history.contains(where: { $0.seq == body.seq }) else { return nil }
        history.append(MoveRecord(previousParent: m.previousParent, parent: m.parent, effective: effective, seq: body.seq))
        moves[m.body] = history.sorted { $0.effective < $1.effective }
        if !isLoading {
            rebuildTrust()
            if !fenced { refreshRosters() }   // a child moving in is vouched for from now on
        }
        guard !replaying else { return nil }
        // What the parents cite changes (the new parent may have cited the body's earlier reports as its own child's
        // before it held this record): every period they know is rolled again. The body reports its parts.
        for text in Set(lastReports.keys).union(ownCache.keys).sorted() {
            guard let p = try? Period(parsing: text), isOwnPeriod(p) else { continue }
            if m.parent == id || m.previousParent == id { markDirty(text) }
            if m.body == id, p.end >= effective { for part in pieces(of: p, body: id) where part != p { markDirty(part.description) } }
        }
        return nil
    }

    /// Why a received Membership record is malformed, or nil: it names its own signer as the body, two different
    /// parents and a date.
    func membershipCheck(_ body: EventBody) -> Rejection? {
        guard let m = try? Membership(serializedBytes: body.payload), m.body == body.origin, !m.parent.isEmpty,
              !m.previousParent.isEmpty, m.parent != m.previousParent, (try? Day(parsing: m.effective, field: "effective")) != nil else {
            return Rejection(code: "bad_membership", reason: "membership record \(body.origin)#\(body.seq) must name its signer as the body, two different parents and a date YYYY-MM-DD", alert: true)
        }
        return nil
    }

    /// Whether `body` was a child of this node for some time, as its moves say (it may have left since).
    func wasChild(_ body: String) -> Bool {
        moves[body]?.contains { $0.previousParent == id || $0.parent == id } ?? false
    }

    /// Whether `period` is one this node reports: a calendar period or one of its session periods (not a part).
    func isOwnPeriod(_ period: Period) -> Bool {
        period.kind != .session || config.sessions.periods.contains(period)
    }

    /// The part of `period` during which `body` was a child of `parent`: `period` itself when it never moved (or was
    /// `parent`'s all along), a part `start~end` when it moved during the period, nil when it was not `parent`'s child then.
    func piece(of period: Period, body: String, under parent: String) -> Period? {
        guard let history = moves[body], let first = history.first else { return period }
        var owner = first.previousParent
        var from: Day?
        var intervals: [(owner: String, from: Day?, until: Day?)] = []
        for m in history {
            intervals.append((owner, from, m.effective))
            owner = m.parent
            from = m.effective
        }
        intervals.append((owner, from, nil))
        for interval in intervals where interval.owner == parent {
            let start = max(period.start, interval.from ?? period.start)
            var end = period.end
            if let until = interval.until { end = min(end, until.adding(days: -1)) }
            guard start <= end else { continue }
            return start == period.start && end == period.end ? period : Period.session(from: start, through: end)
        }
        return nil
    }

    /// `period` cut at every move of `body` inside it (the period itself when none).
    func pieces(of period: Period, body: String) -> [Period] {
        let cuts = (moves[body] ?? []).map(\.effective).filter { period.start < $0 && $0 <= period.end }.sorted()
        guard !cuts.isEmpty else { return [period] }
        var out: [Period] = []
        var start = period.start
        for cut in cuts {
            out.append(Period.session(from: start, through: cut.adding(days: -1)))
            start = cut
        }
        out.append(Period.session(from: start, through: period.end))
        return out
    }

    /// Whether `period` (a part) ends the day before one of `body`'s moves: its stocks count under the next parent.
    func endsAtMove(_ period: Period, body: String) -> Bool {
        guard period.kind == .session, let history = moves[body] else { return false }
        let next = period.end.adding(days: 1)
        return history.contains { $0.effective == next }
    }

    /// The periods of this node that cite `text`, a report of `child`: `text` itself, or for a child that moved, the
    /// periods whose part under this node it is.
    func periodsCiting(_ text: String, of child: String) -> [String] {
        guard moves[child] != nil, let p = try? Period(parsing: text) else { return [text] }
        var candidates = Set(Period.all(containing: p.start) + Period.all(containing: p.end))
        candidates.formUnion(config.sessions.periods(containing: p.start) + config.sessions.periods(containing: p.end))
        return candidates.filter { isOwnPeriod($0) && piece(of: $0, body: child, under: id) == p }.map(\.description).sorted()
    }

    /// The children this node cites for its reports: its children and those that moved away from it.
    func citableChildren() -> [String] {
        var out = Set(config.children.map(\.id))
        for (body, history) in moves where history.contains(where: { $0.previousParent == id || $0.parent == id }) { out.insert(body) }
        return out.sorted()
    }

    /// Whether `origin` moved away from `peer` (a child of this node) or from a body of `peer`'s subtree: its old
    /// parent still relays the events it had, and the move record and the parts before it.
    func movedFrom(_ origin: String, peer: String) -> Bool {
        moves[origin]?.contains { $0.previousParent == peer || subtreeOf[$0.previousParent] == peer } ?? false
    }

    /// Whether `origin`, per its moves, now belongs to `peer` (a child of this node) or to a body of `peer`'s subtree.
    func movedInto(_ origin: String, peer: String, membership body: EventBody? = nil) -> Bool {
        var parent = moves[origin]?.last?.parent
        if let body, body.kind == .membership, ChainName.node(of: body.origin) == origin,
           let m = try? Membership(serializedBytes: body.payload) {
            parent = m.parent
        }
        guard let parent else { return false }
        return parent == peer || subtreeOf[parent] == peer
    }
}
