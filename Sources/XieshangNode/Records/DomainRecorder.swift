import XieshangDomain
import XieshangStore
import enum XieshangWire.EventKind

/// Validates a local command 业务办理 against the body's records and returns the events the node originates.
///
/// The check runs on the projection's ``DomainState`` as `database` holds it (`DomainState.record` on a copy), so
/// nothing changes until the node appends the returned events — the projector then applies them in that append's
/// transaction. A refused command throws ``NodeError`` `.refused` whose message names the broken rule.
public struct DomainRecorder {
    /// One event to originate: the domain event, its envelope kind, payload bytes and routing.
    public struct Recorded: Hashable, Sendable {
        /// The validated event (derived fields filled).
        public var event: DomainEvent
        /// The envelope kind of its payload.
        public var kind: EventKind
        /// The payload bytes (`EventBody.payload`).
        public var payload: [UInt8]
        /// Where it goes besides this body's log.
        public var routing: Routing
        /// The store's scope name for ``routing``: `local`, `up` or `down`.
        public var scope: String {
            switch routing {
            case .local: return "local"
            case .up: return "up"
            case .down, .subtree: return "down"
            }
        }
    }

    /// The projector whose state the commands are checked against.
    public let projector: DomainProjector
    /// The store connection the state is read from.
    public let database: Database

    /// A recorder for `projector`'s body, reading `database`.
    public init(projector: DomainProjector, database: Database) {
        self.projector = projector
        self.database = database
    }

    /// Checks `command` by `actor` and returns the events to originate, in order.
    /// - Throws: ``NodeError`` `.refused` naming the rule (nothing recorded), or `.store` when the state cannot be read.
    public func record(_ command: DomainEvent, by actor: Actor) throws(NodeError) -> [Recorded] {
        var state: DomainState
        do { state = try projector.state(in: database) } catch {
            throw NodeError(.store, "cannot read the records of \(projector.body.id) from \(database.path): \(error.message); check the node's database", path: database.path)
        }
        let body = state.body
        let events: [DomainEvent]
        do { events = try state.record(command, by: actor) } catch {
            throw NodeError(.refused, "refused at \(body.id): \(error)")
        }
        return events.map { Recorded(event: $0, kind: $0.eventKind, payload: $0.payloadBytes(), routing: $0.routing(recordedAt: body)) }
    }
}
