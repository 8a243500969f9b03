import Synchronization
import XieshangDomain
import XieshangStore
import enum XieshangFederation.ChainName
import struct XieshangWire.EventBody
import struct XieshangWire.Roster
import enum XieshangWire.EventKind

/// The store projector of a body's CPPCC records 业务记录: proposals, opinion reports, activities, suggestions,
/// consultation plans, members, duty records and policy versions, kept in SQL tables in the append's transaction.
///
/// Records are keyed by the body that owns them (the signer of the event that made them). It keeps, folded from the
/// log in the store's `position` order, this body's own ``DomainState`` — its own events plus the listed
/// ``CrossBodyStep``s addressed to it — and, apart, the records of other bodies kept by owner (``descendantStates(in:)``,
/// for drill-down; never part of this body's records or figures). After each event it rewrites the rows of this body's
/// records that the event touched (deterministically, so a rebuild writes identical tables). `DomainState.apply` is not
/// idempotent; exactly-once comes from the store's (origin, seq) deduplication. A payload that does not decode, or an
/// event of another body that is not a listed step for this body (a forged "who", a record of this body or of a third
/// one), never fails the append and changes nothing: it is recorded in `projection_problems` (origin, seq, reason) and
/// the node raises an alert for it (``drainProblems()``). The table `records_cursor` holds the position applied through, in the same
/// transaction: when it differs from the in-memory state's (a rolled-back transaction, a rebuild, a fresh open),
/// the state is folded again from the log before the event is applied.
public final class DomainProjector: Projector {
    /// The projector's name (its high-water-mark key in the store).
    public let name = "records"
    /// Bump when the tables or the row rules change: the store then rebuilds the projection. (3: a `direct:` step from
    /// a body below is a step up, ``Folded/direction(scope:signer:)``; the activities' sectors and appraisal columns.
    /// 4: the activities' station column.)
    public let version = 4
    /// The tables it owns: those of every domain record type (``RecordType/tables``) and its own.
    public var tables: [String] { RecordTables.tables(of: .domain).map(\.name) }
    /// The SQL that creates the tables, and the row of the policy a fresh state starts with (version 1).
    public var schema: String {
        let p = DomainState(body: body, policy: initialPolicy).policy
        // The row always fits its table (RecordTablesTests checks the first policy row of a fresh projection).
        return RecordTables.sql(of: .domain) + (RecordTables.policyVersions.literalInsert(RecordRows.policyRow(p)) ?? "")
    }
    /// The domain event kinds (member, policy, proposal, opinion, activity, suggestion, plan, duty), and rosters sent
    /// up (they name the bodies below, ``Folded/below``).
    public let kinds: Set<Int32>? = DomainProjector.foldedKinds

    /// The body whose records these are.
    public let body: BodyInfo
    /// The body's children in its config: below it before any roster says so.
    public let children: [String]
    /// The policy a fresh state starts from (nil: the defaults for the body's tier).
    public let initialPolicy: Policy?

    /// The records folded from the log: this body's own, and the records of the bodies below kept by owner.
    private let fold: ProjectionFold<Folded>
    /// Problems found since the node last drained them (it raises an alert for each).
    private let pending = Mutex<[Problem]>([])

    /// A problem the projection found in one event, with the event's signed bytes as evidence.
    public struct Problem: Hashable, Sendable {
        /// The row kept in `projection_problems`.
        public var problem: RecordQueries.ProjectionProblem
        /// The node that signed the event.
        public var signer: String
        /// The event as received (a serialized `SignedEvent`), for the alert's evidence.
        public var evidence: [UInt8]
    }

    /// The envelope kinds whose payloads are domain events: those of every domain record type (``RecordType``).
    public static let domainKinds: Set<Int32> = Set(RecordType.eventKinds(of: .domain).map(\.protoValue))

    /// The envelope kinds the projector folds: the domain kinds and rosters.
    static let foldedKinds: Set<Int32> = domainKinds.union([EventKind.roster.protoValue])

    /// A projector for `body`'s records, whose children in the config are `children`.
    public init(body: BodyInfo, children: [String] = [], policy: Policy? = nil) {
        self.body = body
        self.children = children
        self.initialPolicy = policy
        self.fold = ProjectionFold(family: .domain, kinds: DomainProjector.foldedKinds,
                                   fresh: { Folded(own: DomainState(body: body, policy: policy), below: Set(children)) },
                                   replay: { folded, logged in
            if logged.kind == EventKind.roster.protoValue {
                folded.noteRoster(logged.body, scope: logged.scope, signer: logged.signer)
            } else if case .event(let e) = DomainProjector.decode(body: logged.body, kind: logged.kind) {
                _ = folded.fold(e, signer: logged.signer, scope: logged.scope)
            }
        })
    }

    /// Applies one event: decodes its payload, folds it into the records of the body that owns them and rewrites the
    /// touched rows of this body's own records. An event of another body changes this body's records only through a
    /// listed ``CrossBodyStep``; one that names this body's records (or another's) otherwise is not applied and is
    /// recorded in `projection_problems`, and the node raises an alert.
    /// - Throws: ``StoreError`` only for SQL failures (a payload that does not decode is recorded, not thrown).
    public func apply(_ event: StoredEvent, position: Int64, in db: Database) throws(StoreError) {
        try fold.apply(event, position: position, in: db) { (folded: inout Folded) throws(StoreError) -> (problem: String?, result: Void) in
            let reason = try DomainProjector.fold(event, into: &folded, in: db)
            if let reason {
                let problem = RecordQueries.ProjectionProblem(origin: event.origin, seq: event.seq, position: position,
                                                              kind: event.kind, reason: reason)
                pending.withLock {
                    if $0.count < 1_024 {
                        $0.append(Problem(problem: problem, signer: DomainProjector.signer(of: event),
                                          evidence: event.signedEvent.serializedBytes()))
                    }
                }
            }
            return (reason, ())
        }
    }

    /// Folds one stored event (a roster sent up names bodies below; a domain event goes to its owner's records) and
    /// rewrites the touched rows of this body's records; the reason when it is not applied.
    private static func fold(_ event: StoredEvent, into folded: inout Folded, in db: Database) throws(StoreError) -> String? {
        let signer = signer(of: event)
        if event.kind == EventKind.roster.protoValue {
            folded.noteRoster(event.body, scope: event.scope, signer: signer)
            return nil
        }
        switch decode(body: event.body, kind: event.kind) {
        case .problem(let why):
            return why
        case .event(let domainEvent):
            switch folded.fold(domainEvent, signer: signer, scope: event.scope) {
            case .own(let targets, let before):
                try RecordRows(db: db).write(targets, before: before, after: folded.own)
                return nil
            case .kept:
                return nil
            case .refused(let why):
                return why
            }
        }
    }

    /// The problems found since the last call, once per event (an append rolled back and retried finds them again;
    /// one rolled back for good leaves a problem whose event is not stored — the caller checks the store).
    public func drainProblems() -> [Problem] {
        pending.withLock { problems in
            defer { problems = [] }
            var seen: Set<EventRef> = []
            return problems.filter { seen.insert(EventRef(origin: $0.problem.origin, seq: $0.problem.seq)).inserted }
        }
    }

    /// The state as of the projection in `db` (folded again from the log when the in-memory copy is not the one the
    /// database holds, e.g. after a restart). A connection that lags the writer (a reader's older snapshot) gets its
    /// own fold and leaves the writer's copy alone.
    public func state(in db: Database) throws(StoreError) -> DomainState {
        try fold.state(in: db).own
    }

    /// The state as the database at `path` holds it, read on a read-only connection of its own (the web's pages, and
    /// the fold at start): the writer's connection is never borrowed.
    public func state(readingAt path: String) throws(StoreError) -> DomainState {
        try state(in: try Database(path: path, readOnly: true, create: false))
    }

    /// How many times the records were folded again from the log since start (``ProjectionFold/foldsFromLog``).
    public var foldsFromLog: UInt64 { fold.foldsFromLog }

    /// The records of the bodies below as this body holds them, by owner (their own records, kept for drill-down;
    /// never part of this body's state or figures).
    public func descendantStates(in db: Database) throws(StoreError) -> [String: DomainState] {
        try fold.state(in: db).others
    }

    /// The node that signed `event` (the origin of its chain).
    static func signer(of event: StoredEvent) -> String { ChainName.node(of: event.origin) }

    /// The way an event with the stored scope text `scope` travels by its scope alone: up, down (to all or some), or
    /// neither (local, alliance, direct — a `direct:` one is judged by its signer, ``Folded/direction(scope:signer:)``).
    static func direction(scope: String) -> CrossBodyStep.Direction? {
        if scope == "up" { return .up }
        if scope == "down" || scope.hasPrefix("down:") { return .down }
        return nil
    }

    /// The roster in the envelope body of a roster event; nil when either does not decode.
    static func decodeRoster(_ bytes: [UInt8]) -> Roster? {
        guard let envelope = try? EventBody(serializedBytes: bytes) else { return nil }
        return try? Roster(serializedBytes: envelope.payload)
    }

    /// Decodes the envelope body and its domain payload.
    static func decode(body bytes: [UInt8], kind: Int32) -> DecodedPayload {
        let envelope: EventBody
        do { envelope = try EventBody(serializedBytes: bytes) } catch {
            return .problem("the event body does not decode: \(error)")
        }
        do { return .event(try DomainEvent(kind: EventKind(protoValue: kind), payload: envelope.payload)) } catch {
            return .problem("the \(EventKind(protoValue: kind).protoValueName ?? String(kind)) payload does not decode: \(error)")
        }
    }
}

/// A payload decoded into a domain event, or why it could not be.
enum DecodedPayload {
    /// The domain event.
    case event(DomainEvent)
    /// The reason the payload is unusable (kept in `projection_problems`).
    case problem(String)
}
