import XieshangDomain
import XieshangFederation
import XieshangStore
import XieshangTransport
import XieshangWire

/// Admin `Submit` of a domain command 业务办理 (members, policy, proposals, opinion reports, activities, suggestions,
/// plans, duty): the payload is decoded as a ``DomainEvent`` command, checked by the body's rules against its records
/// (as ``DomainRecorder`` does, extended to a batch: each command is checked after the events of the ones before it,
/// and every refusal of a batch is named)
/// for the request's actor, and the events the rules return are originated with their
/// own routing in one store transaction (`originateMany`) — all on the node's executor, so no other command can slip
/// in between the check and the append.
///
/// A broken rule is `FAILED_PRECONDITION` with the rule's message (nothing is recorded); a payload that does not
/// decode, an unknown actor or a scope override (`SubmitRequest.scope`) is `INVALID_ARGUMENT`. While the node cannot
/// originate (fenced after a restart), a command that passes the rules is queued instead (``QueuedSubmit``).
enum DomainSubmit {
    /// The envelope kinds handled here: the commands of every domain record type (``RecordType``).
    static let kinds: Set<EventKind> = RecordType.submittedKinds(of: .domain)

    /// Parses the request's actor: "office" (or empty), "committee", "member:<id>", "unit:<name>".
    static func actor(_ text: String) throws(TransportError) -> XieshangDomain.Actor {
        switch text {
        case "", "office": return .office
        case "committee": return .committee
        default:
            if text.hasPrefix("member:"), text.count > 7 { return .member(String(text.dropFirst(7))) }
            if text.hasPrefix("unit:"), text.count > 5 { return .unit(String(text.dropFirst(5))) }
            throw TransportError.status(.invalidArgument,
                "actor '\(text)' is not one of office, committee, member:<id>, unit:<name>")
        }
    }

    /// The federation scope of a recorder routing.
    static func scope(_ routing: Routing) -> Scope {
        switch routing {
        case .local: return Scope(target: .local(true))
        case .up: return Scope(target: .up(true))
        case .down(let bodies): return Scope(target: .down(DownScope(only: bodies)))
        case .subtree: return Scope(target: .down(DownScope()))
        }
    }

    /// The federation scope of `event` recorded at `body`: its routing's, except with `records_up_to_tier` set
    /// (``FederationNode/recordsRoute(_:)``), where the body's own records go up only to the nearest ancestor of that
    /// tier, and a step addressed to a body above (a report forwarded, a plan topic proposed or stage reported to
    /// its issuer, a decomposition reported to the issuer of the item) goes to that body only (`direct`).
    static func scope(_ event: DomainEvent, recordedAt body: XieshangDomain.BodyInfo, core: FederationNode) -> Scope {
        let routing = event.routing(recordedAt: body)
        guard case .up(let to) = routing, core.config.recordsUpToTier != nil else { return scope(routing) }
        switch event {
        case .opinion(let e):
            if case .forwarded = e.step { return Route.direct(to).scope }
        case .plan(let e):
            switch e.step {
            case .topicProposed, .stageReported, .decompositionReported: return Route.direct(to).scope
            default: break
            }
        default: break
        }
        return core.recordsRoute(.up).scope
    }

    /// Why a Submit of a domain kind that names a scope is refused: a domain event's routing comes from the body's
    /// rules (``DomainEvent/routing(recordedAt:)``), never from the request — a township's policy sent `up` would
    /// otherwise reach its county and city as if it were theirs.
    static func scopeOverrideRefusal(kind: EventKind, scope: Scope) -> String {
        let named = StoredEvent.scopeName(scope)
        return "Submit of \(kind.protoValueName ?? "a domain kind") names scope '\(named.isEmpty ? "?" : named)', but a domain command's routing comes from the body's rules (a report forwarded goes up, a plan issued goes down, the rest stays here); remove `scope` from the request"
    }

    /// The body's rules applied to `commands` by `actor` against the records as they are now, each command after the
    /// events of the ones before it: the events to originate, each with its own routing, or the rule that refuses.
    /// Runs on the node's executor (a live Submit, and a queued one when it is originated: ``QueuedSubmit``).
    /// Each event carries `madeBy` (``EventActor/bounded(_:)``) as who made it.
    static func check(_ runtime: NodeRuntime, _ commands: [DomainEvent], by actor: XieshangDomain.Actor, madeBy: String) -> Result<[LocalCommand], TransportError> {
        var state: DomainState
        do {
            // The parent as the config has it now (a move at run time changes it; the projector keeps the one at start).
            state = try runtime.core.store.write { (db) throws(StoreError) in try runtime.records.state(in: db) }
                .reparented(to: runtime.config.parent?.nodeId)
        } catch {
            return .failure(TransportError.status(.internal, "cannot read the records of \(runtime.config.nodeId): \(error)"))
        }
        var recorded: [DomainEvent] = []
        // Every command of a batch is checked (an import names all its bad rows at once), each after the events of the
        // ones before it that passed; any refusal records nothing.
        var refusals: [String] = []
        for (i, command) in commands.enumerated() {
            do {
                recorded += try state.record(command, by: actor)
            } catch {
                refusals.append((commands.count > 1 ? "command \(i + 1) of \(commands.count): " : "") + "\(error)")
            }
        }
        if !refusals.isEmpty {
            return .failure(TransportError.status(.failedPrecondition,
                "refused at \(runtime.config.nodeId): \(refusals.joined(separator: "; "))\(commands.count > 1 ? "; nothing was recorded" : "")"))
        }
        if let locked = NodeApproval.lockRefusal(runtime, recorded, state: state) { return .failure(locked) }
        let body = state.body
        let who = EventActor.bounded(madeBy)
        return .success(recorded.map { event in
            LocalCommand(kind: event.eventKind, payload: event.payloadBytes(), scope: scope(event, recordedAt: body, core: runtime.core), actor: who)
        })
    }

    /// Handles one Submit of a domain kind made by `madeBy` (the admin socket's OS user, never the client's own
    /// `made_by`, which is replaced); answers the seqs of every event originated.
    static func submit(_ runtime: NodeRuntime, _ request: SubmitRequest, madeBy: String) async throws -> SubmitResponse {
        var request = request
        request.madeBy = EventActor.bounded(madeBy)
        let actor = try actor(request.actor)
        var decoded: [DomainEvent] = []
        for (i, payload) in ([request.payload] + request.batch).enumerated() {
            do {
                decoded.append(try DomainEvent(kind: request.kind, payload: payload))
            } catch {
                throw TransportError.status(.invalidArgument, "command \(i + 1) (\(request.kind)) is refused: \(error)")
            }
        }
        if let scope = request.scope {
            throw TransportError.status(.invalidArgument, scopeOverrideRefusal(kind: request.kind, scope: scope))
        }
        return try await record(runtime, decoded, actor: actor, madeBy: request.madeBy, entry: request.serializedBytes()).get()
    }

    /// Checks `commands` (of any domain kinds, in order: each after the events of the ones before it) for `actor` and
    /// originates the events the rules return in one transaction: the one recording path of the admin Submit and the
    /// web's entry forms. A broken rule is `FAILED_PRECONDITION` with the rule's message, and nothing is recorded.
    /// While the node cannot originate (fenced), checked commands are queued durably and checked again when they are
    /// originated (QueuedSubmit): `entry` is the Submit request as received; without one (the web) the commands are
    /// queued as the Submit request they amount to.
    static func record(_ runtime: NodeRuntime, _ commands: [DomainEvent], actor: XieshangDomain.Actor, madeBy: String,
                       entry: [UInt8]? = nil) async -> Result<SubmitResponse, TransportError> {
        await runtime.read { () -> Result<SubmitResponse, TransportError> in
            let group: [LocalCommand]
            switch check(runtime, commands, by: actor, madeBy: madeBy) {
            case .failure(let refused): return .failure(refused)
            case .success(let checked): group = checked
            }
            if runtime.queuesLocalCommands() {
                guard let queued = entry ?? queueEntry(commands, actor: actor, madeBy: madeBy) else {
                    return .failure(TransportError.status(.failedPrecondition,
                        "\(runtime.config.nodeId) has not reached its parent yet, and commands of several kinds cannot wait in its queue; record them one kind at a time"))
                }
                return QueuedSubmit.enqueue(runtime, queued)
            }
            var seqs: [UInt64] = []
            var hash: [UInt8] = []
            var refusals: [String] = []
            for output in runtime.handleOnQueue(.originateMany(group)) {
                if case .originated(let origin, let seq) = output {
                    seqs.append(seq)
                    hash = (try? runtime.core.store.reader.events(origin: origin, seqs: seq...seq))?.first?.hash ?? []
                }
                if case .commandRefused(let reason) = output { refusals.append(reason) }
            }
            if !refusals.isEmpty {
                return .failure(TransportError.status(.failedPrecondition, refusals.joined(separator: "; ")))
            }
            if seqs.count != group.count {
                return .failure(TransportError.status(.internal, "the node stored \(seqs.count) of \(group.count) events of the command"))
            }
            return .success(SubmitResponse(seq: seqs.last ?? 0, hash: hash, seqs: seqs))
        }
    }

    /// The Submit request `commands` amount to (one kind, the first as `payload`, the rest as `batch`), for the queue;
    /// nil when they are of several kinds or none.
    static func queueEntry(_ commands: [DomainEvent], actor: XieshangDomain.Actor, madeBy: String) -> [UInt8]? {
        guard let first = commands.first, commands.allSatisfy({ $0.eventKind == first.eventKind }) else { return nil }
        var request = SubmitRequest()
        request.kind = first.eventKind
        request.payload = first.payloadBytes()
        request.batch = commands.dropFirst().map { $0.payloadBytes() }
        request.actor = actorText(actor)
        request.madeBy = EventActor.bounded(madeBy)
        return request.serializedBytes()
    }

    /// The Submit request's text of `actor` (the inverse of ``actor(_:)``).
    static func actorText(_ actor: XieshangDomain.Actor) -> String {
        switch actor {
        case .office: "office"
        case .committee: "committee"
        case .member(let id): "member:" + id
        case .unit(let name): "unit:" + name
        }
    }
}
