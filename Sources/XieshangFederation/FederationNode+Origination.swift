import XieshangStore
import XieshangWire

/// Originating own events: one or a group of local commands signed, stored in one transaction, then pushed.
extension FederationNode {
    /// One event to originate.
    struct Origination {
        var kind: EventKind
        var payload: [UInt8]
        var route: Route
        /// Who made it (``LocalCommand/actor``); empty for the node's own events.
        var actor: String = ""
    }

    /// Handles ``FederationInput/originate(_:)`` (a group of one) and ``FederationInput/originateMany(_:)``:
    /// all or nothing, one output per command in order.
    func localCommands(_ commands: [LocalCommand]) {
        guard !commands.isEmpty else { return }
        for (i, c) in commands.enumerated() {
            if let why = FederationNode.refusal(of: c.kind, testKinds: config.testKinds) {
                return refuseGroup(commands.count, GroupRefusal(error: FederationError(.command, why, node: id), index: i))
            }
        }
        let group = commands.map(Origination.init)
        do throws(GroupRefusal) {
            _ = try originateGroup(group)
        } catch {
            refuseGroup(commands.count, error)
        }
    }

    /// Kinds only the node itself originates: trust data (rosters vouch for keys, reports for figures), escalations,
    /// which wrap a stored event through ``escalate(origin:seq:note:decision:now:)``, and approvals and returns, which
    /// are checked by ``approve(period:report:now:)`` and ``returnApproval(child:period:reason:now:)``.
    static let nodeMadeKinds: Set<EventKind> = [.roster, .aggregateReport, .escalation, .approval, .approvalReturn, .keyRotation,
                                                .keyRevocation, .membership]

    /// The kinds the product schema reserves for tests (envelope.proto): their payloads live in the test-only module
    /// XieshangTestKinds, and a node makes or accepts one only when its config enables it
    /// (``FederationConfig/testKinds``, empty in production).
    public static let reservedTestKinds: Set<EventKind> = [.testNote]

    /// Why a local command of `kind` is refused whatever the node's state (a kind the node makes itself, a kind
    /// reserved for tests that `testKinds` does not enable, an unknown or unspecified kind), or nil: the node checks it
    /// before queueing a command too.
    public static func refusal(of kind: EventKind, testKinds: Set<EventKind>) -> String? {
        if case .unrecognized(let raw) = kind { return "event kind \(raw) is not one this build knows" }
        if kind == .unspecified { return "event kind is unspecified; name the kind of the event to originate" }
        if reservedTestKinds.contains(kind) && !testKinds.contains(kind) {
            return "event kind \(kind.protoValueName ?? "\(kind)") is reserved for tests: this node (a shipped build) neither records nor accepts it; record a real record (an activity, a proposal, …) instead"
        }
        if nodeMadeKinds.contains(kind) {
            return "event kind \(kind) is made by the node itself (rosters, rollups; escalations through escalate(origin:seq:…); approvals through approve/returnApproval) and cannot be a local command"
        }
        return nil
    }

    /// One ``FederationOutput/commandRefused(reason:)`` per command of a refused group, in order.
    func refuseGroup(_ count: Int, _ error: GroupRefusal) {
        for i in 0..<count {
            if count == 1 {
                outputs.append(.commandRefused(reason: error.error.message))
            } else if let bad = error.index, bad != i {
                outputs.append(.commandRefused(reason: "command \(i + 1) of \(count) not stored: command \(bad + 1) of the group was refused (\(error.error.message)); the group is all or nothing, resubmit it without that command"))
            } else {
                outputs.append(.commandRefused(reason: "command \(i + 1) of \(count) refused: \(error.error.message)\(error.index == nil ? " (nothing of the group was stored)" : "")"))
            }
        }
    }

    /// Signs and stores one own event, then pushes it to the links its scope names.
    @discardableResult
    func originate(kind: EventKind, payload: [UInt8], route: Route) throws(FederationError) -> StoredEvent {
        do throws(GroupRefusal) {
            return try originateGroup([Origination(kind: kind, payload: payload, route: route)])[0]
        } catch {
            throw error.error
        }
    }

    /// Why a group was refused: the error, and the index of the command that caused it (nil: the whole group, e.g.
    /// a fenced node or a failed commit).
    struct GroupRefusal: Error {
        var error: FederationError
        var index: Int?
    }

    /// Signs `group` in order (each event linked to the previous one of its chain), appends all of it in ONE store
    /// transaction, then updates the in-memory views and pushes once. Nothing is stored when anything fails.
    /// `alongside` writes the caller's rows in the same transaction (a queued entry's removal, ``drainQueue()``).
    func originateGroup(_ group: [Origination],
                        alongside: (Database) throws(StoreError) -> Void = { _ in }) throws(GroupRefusal) -> [StoredEvent] {
        let made = try sign(group)
        do throws(StoreError) {
            try appendToStore(made.map(\.0), alongside: alongside)
        } catch {
            let what = made.count == 1 ? "own event \(made[0].0.origin)#\(made[0].0.seq)" : "\(made.count) own events"
            throw GroupRefusal(error: FederationError(.store, "cannot store \(what) in \(store.path): \(error.message)", node: id, underlying: error),
                               index: nil)
        }
        originated(made)
        pumpAll()
        return made.map(\.0)
    }

    /// Signs `group` in order, each event linked to the previous one of its chain — after `after`, the heads of
    /// events about to be stored in the same transaction, else the stored heads. Stores nothing.
    func sign(_ group: [Origination], after: [String: XieshangWire.EventChain.Link] = [:]) throws(GroupRefusal) -> [(StoredEvent, EventBody)] {
        if fenced {
            let why = fenceTarget > (heads[id]?.seq ?? 0)
                ? "node \(id) is restoring its own events from its parent (holds up to seq \(heads[id]?.seq ?? 0) of \(fenceTarget)); retry when it has caught up"
                : "node \(id) has not yet heard from its parent \(config.parent?.id ?? "?") how far its own chain goes (a store restored from a backup must not reuse a seq); retry when the link to the parent is up"
            throw GroupRefusal(error: FederationError(.fenced, why, node: id), index: nil)
        }
        var overlay = after
        var made: [(StoredEvent, EventBody)] = []
        made.reserveCapacity(group.count)
        for (i, o) in group.enumerated() {
            let chain = ChainName.chain(node: id, route: o.route)
            let head = overlay[chain] ?? heads[chain]
            let (seq, full) = (head?.seq ?? 0).addingReportingOverflow(1)
            if full {
                throw GroupRefusal(error: FederationError(.store, "chain \(chain) of \(id) in \(store.path) is at the largest seq; the store is damaged", node: id), index: i)
            }
            let body = EventBody(origin: chain, seq: seq, prevHash: head?.hash ?? [], timeMs: now,
                                 scope: o.route.scope, kind: o.kind, payload: o.payload, incarnation: incarnation, actor: o.actor)
            let signed: SignedEvent
            do throws(WireError) {
                signed = try SignedEvent.signing(body, with: signingKey)
            } catch {
                throw GroupRefusal(error: FederationError(.wire, "cannot sign event \(chain)#\(body.seq) of \(id): \(error)", node: id, underlying: error), index: i)
            }
            let stored = storedEvent(signed, body)
            overlay[chain] = XieshangWire.EventChain.Link(seq: body.seq, hash: stored.hash)
            made.append((stored, body))
        }
        return made
    }

    /// Moves the heads over own events just committed, applies them and reports each as originated.
    func originated(_ made: [(StoredEvent, EventBody)]) {
        for (stored, body) in made {
            heads[stored.origin] = XieshangWire.EventChain.Link(seq: stored.seq, hash: stored.hash)
            applied(body, stored: stored)
            outputs.append(.originated(origin: stored.origin, seq: stored.seq))
        }
    }
}

extension FederationNode.Origination {
    /// The event a local command asks for (live or queued alike): its kind, payload, route (local when its scope names
    /// none) and who made it.
    init(_ command: LocalCommand) {
        self.init(kind: command.kind, payload: command.payload, route: Route(command.scope) ?? .local, actor: command.actor)
    }
}
