import Synchronization
import XieshangDomain
import XieshangStore
import struct XieshangWire.EventBody
import enum XieshangWire.EventKind

/// The store projector of a body's CPPCC records 业务记录: proposals, opinion reports, activities, suggestions,
/// consultation plans, members, duty records and policy versions, kept in SQL tables in the append's transaction.
///
/// It keeps one in-memory ``DomainState`` folded from the log in the store's `position` order and, after each event,
/// rewrites the rows of the records that event touched (deterministically, so a rebuild writes identical tables).
/// `DomainState.apply` is not idempotent; exactly-once comes from the store's (origin, seq) deduplication. A payload
/// that does not decode never fails the append: it is recorded in `projection_problems` (origin, seq, reason) for
/// the node to raise an alert. The table `records_cursor` holds the position applied through, in the same
/// transaction: when it differs from the in-memory state's (a rolled-back transaction, a rebuild, a fresh open),
/// the state is folded again from the log before the event is applied.
public final class DomainProjector: Projector {
    /// The projector's name (its high-water-mark key in the store).
    public let name = "records"
    /// Bump when the tables or the row rules change: the store then rebuilds the projection.
    public let version = 1
    /// The tables it owns.
    public var tables: [String] { RecordsSchema.tables }
    /// The SQL that creates the tables, and the row of the policy a fresh state starts with (version 1).
    public var schema: String {
        let p = DomainState(body: body, policy: initialPolicy).policy
        func quoted(_ s: String) -> String { "'" + s.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'" }
        let values: [String] = [String(p.version), quoted(p.effective.description), String(p.replyMonths), String(p.maxExtensionMonths),
                                String(p.objectionWindowDays), String(p.cosignWindowDays), String(p.evaluationWindowDays),
                                quoted(p.replyClasses.map(\.code).joined(separator: ",")), quoted(p.satisfactionFormula.rawValue),
                                String(p.appraisalThresholdPercent), String(p.opinionMaxChars), p.registersProposals ? "1" : "0"]
        return RecordsSchema.sql + "\nINSERT INTO policy_versions VALUES (" + values.joined(separator: ", ") + ");\n"
    }
    /// The domain event kinds (member, policy, proposal, opinion, activity, suggestion, plan, duty).
    public let kinds: Set<Int32>? = DomainProjector.domainKinds

    /// The body whose records these are.
    public let body: BodyInfo
    /// The policy a fresh state starts from (nil: the defaults for the body's tier).
    public let initialPolicy: Policy?

    private struct Cache {
        var state: DomainState
        var appliedThrough: Int64
    }
    private let cache: Mutex<Cache>

    /// The envelope kinds whose payloads are domain events.
    public static let domainKinds: Set<Int32> = Set([EventKind.memberRecorded, .policySet, .proposal, .opinion, .activity,
                                                      .suggestion, .plan, .duty].map(\.protoValue))

    /// A projector for `body`'s records.
    public init(body: BodyInfo, policy: Policy? = nil) {
        self.body = body
        self.initialPolicy = policy
        self.cache = Mutex(Cache(state: DomainState(body: body, policy: policy), appliedThrough: 0))
    }

    /// Applies one event: decodes its payload, folds it into the state and rewrites the touched rows.
    /// - Throws: ``StoreError`` only for SQL failures (a payload that does not decode is recorded, not thrown).
    public func apply(_ event: StoredEvent, position: Int64, in db: Database) throws(StoreError) {
        try cache.withLock { (cache: inout Cache) throws(StoreError) in
            try sync(&cache, in: db)
            switch DomainProjector.decode(body: event.body, kind: event.kind) {
            case .problem(let reason):
                try db.execute("INSERT OR REPLACE INTO projection_problems (origin, seq, position, kind, reason) VALUES (?, ?, ?, ?, ?)",
                               [.text(event.origin), .integer(Int64(bitPattern: event.seq)), .integer(position),
                                .integer(Int64(event.kind)), .text(reason)])
            case .event(let domainEvent):
                let targets = RecordRows.targets(of: domainEvent, in: cache.state)
                let before = targets.map { RecordRows.value(of: $0, in: cache.state) }
                cache.state.apply(domainEvent)
                try RecordRows(db: db).write(targets, before: before, after: cache.state)
            }
            try db.execute("INSERT INTO records_cursor (id, applied_through) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET applied_through = excluded.applied_through",
                           [.integer(position)])
            cache.appliedThrough = position
        }
    }

    /// The state as of the projection in `db` (folded again from the log when the in-memory copy is not the one the
    /// database holds, e.g. after a restart). A connection that lags the writer (a reader's older snapshot) gets its
    /// own fold and leaves the writer's copy alone.
    public func state(in db: Database) throws(StoreError) -> DomainState {
        try cache.withLock { (cache: inout Cache) throws(StoreError) -> DomainState in
            let through = try appliedThrough(in: db)
            if through == cache.appliedThrough { return cache.state }
            let state = try fold(in: db, through: through)
            if through > cache.appliedThrough { cache = Cache(state: state, appliedThrough: through) }
            return state
        }
    }

    // MARK: Private

    /// Makes the in-memory state the fold of the events the database's projection has applied.
    private func sync(_ cache: inout Cache, in db: Database) throws(StoreError) {
        let through = try appliedThrough(in: db)
        guard through != cache.appliedThrough else { return }
        cache = Cache(state: try fold(in: db, through: through), appliedThrough: through)
    }

    /// The position the projection in `db` has applied through (0 for a fresh projection).
    private func appliedThrough(in db: Database) throws(StoreError) -> Int64 {
        if case .integer(let v)? = try db.scalar("SELECT applied_through FROM records_cursor WHERE id = 1") { return v }
        return 0
    }

    /// A fresh state with every domain event of `db`'s log up to `through` applied, in position order.
    private func fold(in db: Database, through: Int64) throws(StoreError) -> DomainState {
        var state = DomainState(body: body, policy: initialPolicy)
        guard through > 0 else { return state }
        let kinds = DomainProjector.domainKinds.sorted().map(String.init).joined(separator: ",")
        try db.forEachRow("SELECT body, kind FROM events WHERE position <= ? AND kind IN (\(kinds)) ORDER BY position",
                          [.integer(through)]) { (row: Statement) throws(StoreError) in
            if case .event(let e) = DomainProjector.decode(body: row.bytes(at: 0), kind: Int32(truncatingIfNeeded: row.int64(at: 1))) {
                state.apply(e)
            }
        }
        return state
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
