import Synchronization
import XieshangDomain
import XieshangStore
import enum XieshangFederation.ChainName

/// The fold every record projector keeps 投影折叠: the state of one family of record types (``RecordType/Family``)
/// folded from the log in the store's `position` order, held in memory beside the family's tables, with the position
/// it was folded through. The domain and the alliance projectors are both this fold with their own state and rows.
///
/// The family's cursor table holds the position applied through, written in the append's transaction. When it differs
/// from the in-memory fold's (a rolled-back transaction, a rebuild, a fresh open), the state is folded again from the
/// log before the next event is applied. An event the family cannot use (a payload that does not decode, a forged
/// step) never fails the append: its reason goes to the family's problems table.
final class ProjectionFold<State: Sendable>: Sendable {
    /// One event as the log holds it, for folding again.
    struct Logged {
        let origin: String
        let seq: UInt64
        let scope: String
        let body: [UInt8]
        let kind: Int32
        /// The node that signed it (the origin of its chain).
        var signer: String { ChainName.node(of: origin) }
    }

    /// The family whose tables and kinds these are.
    let family: RecordType.Family
    /// The envelope kinds folded (the family's, and any the fold also reads, such as rosters).
    let kinds: Set<Int32>
    private let fresh: @Sendable () -> State
    private let replay: @Sendable (inout State, Logged) -> Void
    private let cache: Mutex<(state: State, through: Int64)>
    private let folds = Atomic<UInt64>(0)

    /// How many times the state was folded again from the log (a fresh open, a rollback, a reader behind the writer).
    var foldsFromLog: UInt64 { folds.load(ordering: .relaxed) }

    /// A fold of `family` over `kinds`, starting from `fresh()`, where `replay` folds one logged event again (its
    /// rows are already in the tables: it must not write).
    init(family: RecordType.Family, kinds: Set<Int32>, fresh: @escaping @Sendable () -> State,
         replay: @escaping @Sendable (inout State, Logged) -> Void) {
        self.family = family
        self.kinds = kinds
        self.fresh = fresh
        self.replay = replay
        self.cache = Mutex((fresh(), 0))
    }

    /// Applies one event in the append's transaction: brings the fold in step with `db`, runs `step` on the state
    /// (it folds the event and writes its rows, and returns why the event was not usable, if so, and its result),
    /// records the problem, and moves the cursor to `position`.
    func apply<Result>(_ event: StoredEvent, position: Int64, in db: Database,
                       _ step: (inout State) throws(StoreError) -> (problem: String?, result: Result)) throws(StoreError) -> Result {
        try cache.withLock { (cache: inout (state: State, through: Int64)) throws(StoreError) -> Result in
            let through = try appliedThrough(in: db)
            if through != cache.through { cache = (try fold(in: db, through: through), through) }
            let (problem, result) = try step(&cache.state)
            if let problem {
                try db.insert(RecordTables.problems(of: family), [
                    "origin": .text(event.origin), "seq": .integer(Int64(bitPattern: event.seq)), "position": .integer(position),
                    "kind": .integer(Int64(event.kind)), "reason": .text(problem),
                ], orReplace: true)
            }
            try db.execute("INSERT INTO \(RecordTables.cursor(of: family).name) (id, applied_through) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET applied_through = excluded.applied_through",
                           [.integer(position)])
            cache.through = position
            return result
        }
    }

    /// The state as `db` holds it: the in-memory fold when it is in step, else folded again from `db`'s log (kept
    /// when `db` is ahead of the fold; a reader's older snapshot gets its own fold and leaves the cache alone).
    func state(in db: Database) throws(StoreError) -> State {
        try cache.withLock { (cache: inout (state: State, through: Int64)) throws(StoreError) -> State in
            let through = try appliedThrough(in: db)
            if through == cache.through { return cache.state }
            let state = try fold(in: db, through: through)
            if through > cache.through { cache = (state, through) }
            return state
        }
    }

    /// The position `db`'s projection of this family has applied through (0 for a fresh projection).
    private func appliedThrough(in db: Database) throws(StoreError) -> Int64 {
        if case .integer(let v)? = try db.scalar("SELECT applied_through FROM \(RecordTables.cursor(of: family).name) WHERE id = 1") { return v }
        return 0
    }

    /// A fresh state with every event of the family in `db`'s log up to `through` folded, in position order.
    private func fold(in db: Database, through: Int64) throws(StoreError) -> State {
        var state = fresh()
        guard through > 0 else { return state }
        folds.add(1, ordering: .relaxed)
        let list = kinds.sorted().map(String.init).joined(separator: ",")
        try db.forEachRow("SELECT origin, seq, scope, body, kind FROM events WHERE position <= ? AND kind IN (\(list)) ORDER BY position",
                          [.integer(through)]) { (row: Statement) throws(StoreError) in
            replay(&state, Logged(origin: row.string(at: 0), seq: UInt64(bitPattern: row.int64(at: 1)), scope: row.string(at: 2),
                                  body: row.bytes(at: 3), kind: Int32(truncatingIfNeeded: row.int64(at: 4))))
        }
        return state
    }
}
