import XieshangDomain
import XieshangFederation
import XieshangStore
import XieshangTransport
import XieshangWire

/// Records accepted while the node cannot originate (离线排队): a township restarted while its county is unreachable
/// still takes the clerk's records. A Submit that passes the body's rules is stored whole in the core's durable queue
/// (``FederationInput/enqueue(entry:)``) and answered `queued` (the CLI prints 已排队); once the parent confirmed the
/// node's chain, the core hands each entry back here, in order, and it goes through the same rules as a live Submit
/// (``DomainSubmit/check(_:_:by:madeBy:)``, each event made by the request's `made_by`) against the records as they are then — a period locked meanwhile or an id the
/// node learned back from its parent refuses it, and the core keeps it marked refused and raises `queued_refused`.
final class QueuedSubmit: QueuedCommandRules {
    /// The runtime whose executor calls ``commands(for:)`` (it owns the core, which owns this object).
    unowned let runtime: NodeRuntime

    init(runtime: NodeRuntime) {
        self.runtime = runtime
    }

    /// The commands a queued Submit request makes now, or the rule that refuses it.
    func commands(for entry: [UInt8]) -> Result<[LocalCommand], QueuedCommandRefusal> {
        let request: SubmitRequest
        do {
            request = try SubmitRequest(serializedBytes: entry)
        } catch {
            return .failure(QueuedCommandRefusal("the queued request does not decode: \(error)"))
        }
        guard DomainSubmit.kinds.contains(request.kind) else {
            return .success([LocalCommand(kind: request.kind, payload: request.payload, scope: request.scope ?? Scope(target: .up(true)))])
        }
        do {
            let actor = try DomainSubmit.actor(request.actor)
            let commands = try ([request.payload] + request.batch).map { try DomainEvent(kind: request.kind, payload: $0) }
            switch DomainSubmit.check(runtime, commands, by: actor, madeBy: request.madeBy) {
            case .success(let made): return .success(made)
            case .failure(let refused): return .failure(QueuedCommandRefusal(refused.message))
            }
        } catch let error as TransportError {
            return .failure(QueuedCommandRefusal(error.message))
        } catch {
            return .failure(QueuedCommandRefusal("the queued request is refused: \(error)"))
        }
    }

    /// Queues `entry` (a serialized ``SubmitRequest`` that passed the rules) on the executor: the answer once the queue
    /// row is durable, or why it could not be stored.
    static func enqueue(_ runtime: NodeRuntime, _ entry: [UInt8]) -> Result<SubmitResponse, TransportError> {
        var refusals: [String] = []
        for output in runtime.handleOnQueue(.enqueue(entry: entry)) {
            if case .commandQueued(let id) = output, let queued = UInt64(exactly: id) { return .success(SubmitResponse(queued: queued)) }
            if case .commandRefused(let reason) = output { refusals.append(reason) }
        }
        let why = refusals.isEmpty ? ["the node neither queued nor refused the command"] : refusals
        return .failure(TransportError.status(.failedPrecondition, ([runtime.originationBlocked()].compactMap { $0 } + why).joined(separator: "; ")))
    }
}

extension NodeRuntime {
    /// Whether a local command is queued rather than originated now: the node may not originate yet (``originationBlocked()``),
    /// or commands queued before still wait (a new one must not overtake them).
    func queuesLocalCommands() -> Bool {
        originationBlocked() != nil || core.queuedWaiting > 0
    }
}
