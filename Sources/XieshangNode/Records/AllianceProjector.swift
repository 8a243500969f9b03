import Dispatch
import FoundationEssentials
import Glibc
import Synchronization
import XieshangDomain
import XieshangFederation
import XieshangStore
import XieshangWire

/// The store projector of a body's alliance records 片区协作记录: charters, joint meetings, joint research and
/// inspections, joint drafts with their sign-offs, and joint proposals received from below.
///
/// Like ``DomainProjector`` it keeps one in-memory ``AllianceLedger`` folded from the log in `position` order and
/// rewrites the rows an event touched, in the append's transaction; `alliance_cursor` holds the position applied
/// through, and a mismatch (rolled-back transaction, rebuild, fresh open) folds the ledger again from the log. An
/// event the ledger refuses (a payload that does not decode, a forged sign-off, an operation of another replica)
/// never fails the append: the reason goes to `alliance_problems`. Rows are written in an order that depends only on
/// the events held (sign-offs sorted by signer, hash, version), so members holding the same events hold the same rows.
public final class AllianceProjector: Projector {
    /// The projector's name (its high-water-mark key in the store).
    public let name = "alliance"
    /// Bump when the tables or the row rules change: the store then rebuilds the projection.
    public let version = 1
    /// The tables it owns.
    public var tables: [String] { Self.tableNames }
    /// The SQL that creates the tables.
    public var schema: String { Self.sql }
    /// Alliance charters, joint activities, drafts, sign-offs and joint proposals.
    public let kinds: Set<Int32>? = AllianceProjector.allianceKinds

    /// The envelope kinds this projector reads.
    public static let allianceKinds: Set<Int32> = Set(RecordType.eventKinds(of: .alliance).map(\.protoValue))

    /// This node's id.
    public let node: String
    private let keys: [String: Ed25519.PublicKey]
    private let configured: [String: Set<String>]

    private struct Cache {
        var ledger: AllianceLedger
        var appliedThrough: Int64
    }
    private let cache: Mutex<Cache>
    private let submittedHook = Mutex<(@Sendable () -> Void)?>(nil)

    /// A projector for `node`, checking sign-offs against `keys` (pinned alliance members and the node itself);
    /// `configured` lists the node's alliances with their members (the node included).
    public init(node: String, keys: [String: Ed25519.PublicKey], configured: [String: Set<String>]) {
        self.node = node
        self.keys = keys
        self.configured = configured
        self.cache = Mutex(Cache(ledger: AllianceLedger(node: node, keys: keys, configured: configured), appliedThrough: 0))
    }

    /// Called (on the appending thread, inside its transaction: it must only schedule work) whenever a draft this
    /// node hosts is submitted and not yet forwarded.
    public func onSubmitted(_ hook: @escaping @Sendable () -> Void) {
        submittedHook.withLock { $0 = hook }
    }

    /// Applies one event: folds it into the ledger and rewrites the touched rows.
    /// - Throws: ``StoreError`` only for SQL failures.
    public func apply(_ event: StoredEvent, position: Int64, in db: Database) throws(StoreError) {
        let notify = try cache.withLock { (cache: inout Cache) throws(StoreError) -> Bool in
            try sync(&cache, in: db)
            let originNode = ChainName.node(of: event.origin)
            var change = AllianceLedger.Change.none
            var problem: String?
            do {
                let body = try EventBody(serializedBytes: event.body)
                do throws(DomainError) {
                    change = try cache.ledger.apply(kind: EventKind(protoValue: event.kind), payload: body.payload,
                                                    originNode: originNode, scope: event.scope, seq: event.seq)
                } catch {
                    problem = "\(error)"
                    // What the event carried validly is applied; its draft's rows are rewritten all the same.
                    if let id = Self.draftID(kind: event.kind, payload: body.payload) { change = .draft(id: id) }
                }
            } catch {
                problem = "the event body does not decode: \(error)"
            }
            if let problem {
                try db.execute("INSERT OR REPLACE INTO alliance_problems (origin, seq, position, kind, reason) VALUES (?, ?, ?, ?, ?)",
                               [.text(event.origin), .integer(Int64(bitPattern: event.seq)), .integer(position),
                                .integer(Int64(event.kind)), .text(problem)])
            }
            try write(change, cache.ledger, db)
            try db.execute("INSERT INTO alliance_cursor (id, applied_through) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET applied_through = excluded.applied_through",
                           [.integer(position)])
            cache.appliedThrough = position
            if case .draft(let id) = change, let entry = cache.ledger.drafts[id] {
                return entry.host == node && entry.draft.isSubmitted && entry.forwardedSeq == nil
            }
            return false
        }
        if notify, let hook = submittedHook.withLock({ $0 }) { hook() }
    }

    /// The ledger as of the projection in `db` (folded again when the in-memory copy is not the one `db` holds).
    public func ledger(in db: Database) throws(StoreError) -> AllianceLedger {
        try cache.withLock { (cache: inout Cache) throws(StoreError) -> AllianceLedger in
            let through = try appliedThrough(in: db)
            if through == cache.appliedThrough { return cache.ledger }
            let ledger = try fold(in: db, through: through)
            if through > cache.appliedThrough { cache = Cache(ledger: ledger, appliedThrough: through) }
            return ledger
        }
    }

    // MARK: Rows

    private func write(_ change: AllianceLedger.Change, _ ledger: AllianceLedger, _ db: Database) throws(StoreError) {
        switch change {
        case .none:
            return
        case .charter(let alliance):
            try db.execute("DELETE FROM alliance_charters WHERE alliance = ?", [.text(alliance)])
            for c in ledger.book(alliance).charters.values.sorted(by: { $0.version < $1.version }) {
                try db.execute("INSERT INTO alliance_charters (alliance, version, name, members, effective, text) VALUES (?, ?, ?, ?, ?, ?)",
                               [.text(alliance), .integer(Int64(c.version)), .text(c.name), .text(c.members.joined(separator: ",")),
                                .text(c.effective), .text(c.text)])
            }
        case .activity(let alliance, let id):
            guard let a = ledger.book(alliance).activities[id] else { return }
            try db.execute("DELETE FROM alliance_activities WHERE alliance = ? AND id = ?", [.text(alliance), .text(id)])
            let agenda = a.agenda.map { Self.json(["kind": Self.agendaKindName($0.kind), "title": $0.title, "text": $0.text]) }
            try db.execute("""
                INSERT INTO alliance_activities (alliance, id, kind, date, end_date, hosts, attendees, topic, agenda, minutes,
                    next_host, findings, participants) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.text(alliance), .text(id), .text(Self.activityKindName(a.kind)), .text(a.date), .text(a.endDate),
                      .text(a.hosts.joined(separator: ",")), .text(a.attendees.joined(separator: ",")), .text(a.topic),
                      .text("[" + agenda.joined(separator: ",") + "]"), .text(a.minutes), .text(a.nextHost), .text(a.findings),
                      .integer(Int64(a.participants))])
        case .draft(let id):
            guard let entry = ledger.drafts[id] else { return }
            let draft = entry.draft
            let current = draft.currentDocument
            try db.execute("DELETE FROM alliance_drafts WHERE id = ?", [.text(id)])
            try db.execute("DELETE FROM alliance_sign_offs WHERE draft_id = ?", [.text(id)])
            let submission = draft.submission
            try db.execute("""
                INSERT INTO alliance_drafts (id, alliance, host, title, co_sponsors, text, content_hash, version, status,
                    submitted_hash, submitted_text, forwarded_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.text(id), .text(entry.alliance), .text(entry.host), .text(draft.title),
                      .text(draft.coSponsors.joined(separator: ",")), .text(current.text), .text(hexString(current.contentHash)),
                      .text(Self.versionJSON(draft.text.version)), .text(submission == nil ? "drafting" : "submitted"),
                      submission.map { .text(hexString($0.contentHash)) } ?? .null, submission.map { .text($0.document.text) } ?? .null,
                      entry.forwardedSeq.map { .integer(Int64(bitPattern: $0)) } ?? .null])
            let sorted = draft.signOffs.sorted {
                ($0.signer, hexString($0.contentHash), $0.version.description) < ($1.signer, hexString($1.contentHash), $1.version.description)
            }
            for (i, s) in sorted.enumerated() {
                try db.execute("INSERT INTO alliance_sign_offs (draft_id, ordinal, signer, content_hash, version, void) VALUES (?, ?, ?, ?, ?, ?)",
                               [.text(id), .integer(Int64(i)), .text(s.signer), .text(hexString(s.contentHash)),
                                .text(Self.versionJSON(s.version)), .integer(draft.isVoid(s) ? 1 : 0)])
            }
        case .proposal(let origin, let draftID):
            guard let p = ledger.proposals[AllianceLedger.proposalKey(origin: origin, draftID: draftID)] else { return }
            try db.execute("""
                INSERT OR REPLACE INTO joint_proposals (origin, draft_id, alliance, host, title, co_sponsors, text, content_hash,
                    signers) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.text(origin), .text(draftID), .text(p.allianceId), .text(p.host), .text(p.title),
                      .text(p.coSponsors.joined(separator: ",")), .text(p.text), .text(hexString(p.contentHash)),
                      .text(p.signOffs.map(\.signer).joined(separator: ","))])
        }
    }

    static func json(_ object: [String: Any]) -> String {
        JSONText.compact(object) ?? "{}"
    }

    /// A text version as a JSON object (replica → sequence numbers included), keys sorted.
    static func versionJSON(_ version: DraftVersion) -> String { json(version.counts.mapValues { Int($0) }) }

    /// `meeting`, `research`, `inspection`.
    static func activityKindName(_ kind: JointActivityKind) -> String {
        switch kind {
        case .meeting: "meeting"
        case .research: "research"
        case .inspection: "inspection"
        default: "unspecified"
        }
    }

    /// `follow_up_report`, `charter_change`, `joint_recommendation`.
    static func agendaKindName(_ kind: AgendaItemKind) -> String {
        switch kind {
        case .followUpReport: "follow_up_report"
        case .charterChange: "charter_change"
        case .jointRecommendation: "joint_recommendation"
        default: "unspecified"
        }
    }

    /// The draft id a draft event or sign-off names, if its payload decodes.
    private static func draftID(kind: Int32, payload: [UInt8]) -> String? {
        switch EventKind(protoValue: kind) {
        case .draft: return try? DraftEvent(serializedBytes: payload).draftId
        case .draftSignOff: return try? DraftSignOff(serializedBytes: payload).draftId
        default: return nil
        }
    }

    // MARK: Folding

    private func sync(_ cache: inout Cache, in db: Database) throws(StoreError) {
        let through = try appliedThrough(in: db)
        guard through != cache.appliedThrough else { return }
        cache = Cache(ledger: try fold(in: db, through: through), appliedThrough: through)
    }

    private func appliedThrough(in db: Database) throws(StoreError) -> Int64 {
        if case .integer(let v)? = try db.scalar("SELECT applied_through FROM alliance_cursor WHERE id = 1") { return v }
        return 0
    }

    private func fold(in db: Database, through: Int64) throws(StoreError) -> AllianceLedger {
        var ledger = AllianceLedger(node: node, keys: keys, configured: configured)
        guard through > 0 else { return ledger }
        let kinds = Self.allianceKinds.sorted().map(String.init).joined(separator: ",")
        try db.forEachRow("SELECT body, kind, origin, scope, seq FROM events WHERE position <= ? AND kind IN (\(kinds)) ORDER BY position",
                          [.integer(through)]) { (row: Statement) throws(StoreError) in
            guard let body = try? EventBody(serializedBytes: row.bytes(at: 0)) else { return }
            _ = try? ledger.apply(kind: EventKind(protoValue: Int32(truncatingIfNeeded: row.int64(at: 1))), payload: body.payload,
                                  originNode: ChainName.node(of: row.string(at: 2)), scope: row.string(at: 3),
                                  seq: UInt64(bitPattern: row.int64(at: 4)))
        }
        return ledger
    }

    // MARK: Schema

    static let tableNames = ["alliance_charters", "alliance_activities", "alliance_drafts", "alliance_sign_offs", "joint_proposals",
                             "alliance_problems", "alliance_cursor"]

    static let sql = """
        CREATE TABLE alliance_charters (
            alliance TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL, members TEXT NOT NULL,
            effective TEXT NOT NULL, text TEXT NOT NULL, PRIMARY KEY (alliance, version));
        CREATE TABLE alliance_activities (
            alliance TEXT NOT NULL, id TEXT NOT NULL, kind TEXT NOT NULL, date TEXT NOT NULL, end_date TEXT NOT NULL,
            hosts TEXT NOT NULL, attendees TEXT NOT NULL, topic TEXT NOT NULL, agenda TEXT NOT NULL, minutes TEXT NOT NULL,
            next_host TEXT NOT NULL, findings TEXT NOT NULL, participants INTEGER NOT NULL, PRIMARY KEY (alliance, id));
        CREATE TABLE alliance_drafts (
            id TEXT PRIMARY KEY, alliance TEXT NOT NULL, host TEXT NOT NULL, title TEXT NOT NULL, co_sponsors TEXT NOT NULL,
            text TEXT NOT NULL, content_hash TEXT NOT NULL, version TEXT NOT NULL, status TEXT NOT NULL,
            submitted_hash TEXT, submitted_text TEXT, forwarded_seq INTEGER);
        CREATE TABLE alliance_sign_offs (
            draft_id TEXT NOT NULL, ordinal INTEGER NOT NULL, signer TEXT NOT NULL, content_hash TEXT NOT NULL,
            version TEXT NOT NULL, void INTEGER NOT NULL, PRIMARY KEY (draft_id, ordinal));
        CREATE TABLE joint_proposals (
            origin TEXT NOT NULL, draft_id TEXT NOT NULL, alliance TEXT NOT NULL, host TEXT NOT NULL, title TEXT NOT NULL,
            co_sponsors TEXT NOT NULL, text TEXT NOT NULL, content_hash TEXT NOT NULL, signers TEXT NOT NULL,
            PRIMARY KEY (origin, draft_id));
        CREATE TABLE alliance_problems (
            origin TEXT NOT NULL, seq INTEGER NOT NULL, position INTEGER NOT NULL, kind INTEGER NOT NULL, reason TEXT NOT NULL,
            PRIMARY KEY (origin, seq));
        CREATE TABLE alliance_cursor (id INTEGER PRIMARY KEY CHECK (id = 1), applied_through INTEGER NOT NULL);
        """
}

extension AllianceProjector {
    /// The projector of a node from its configuration: its alliances with their pinned members, and its own key.
    convenience init(config: NodeConfig, key: Ed25519.PrivateKey) {
        var keys: [String: Ed25519.PublicKey] = [config.nodeId: key.publicKey]
        var configured: [String: Set<String>] = [:]
        for a in config.alliances {
            for m in a.members { keys[m.nodeId] = m.publicKey }
            configured[a.id] = Set(a.members.map(\.nodeId) + [config.nodeId])
        }
        self.init(node: config.nodeId, keys: keys, configured: configured)
    }
}
