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
    /// The tables it owns: those of every alliance record type (``RecordType/tables``) and its own.
    public var tables: [String] { RecordTables.tables(of: .alliance).map(\.name) }
    /// The SQL that creates the tables.
    public var schema: String { RecordTables.sql(of: .alliance) }
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
                try db.insert(RecordTables.allianceProblems, [
                    "origin": .text(event.origin), "seq": .integer(Int64(bitPattern: event.seq)), "position": .integer(position),
                    "kind": .integer(Int64(event.kind)), "reason": .text(problem),
                ], orReplace: true)
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
                try db.insert(RecordTables.allianceCharters, [
                    "alliance": .text(alliance), "version": .integer(Int64(c.version)), "name": .text(c.name),
                    "members": .text(c.members.joined(separator: ",")), "effective": .text(c.effective), "text": .text(c.text),
                ])
            }
        case .activity(let alliance, let id):
            guard let a = ledger.book(alliance).activities[id] else { return }
            try db.execute("DELETE FROM alliance_activities WHERE alliance = ? AND id = ?", [.text(alliance), .text(id)])
            let agenda = a.agenda.map { Self.json(["kind": Self.agendaKindName($0.kind), "title": $0.title, "text": $0.text]) }
            try db.insert(RecordTables.allianceActivities, [
                "alliance": .text(alliance), "id": .text(id), "kind": .text(Self.activityKindName(a.kind)), "date": .text(a.date),
                "end_date": .text(a.endDate), "hosts": .text(a.hosts.joined(separator: ",")),
                "attendees": .text(a.attendees.joined(separator: ",")), "topic": .text(a.topic),
                "agenda": .text("[" + agenda.joined(separator: ",") + "]"), "minutes": .text(a.minutes), "next_host": .text(a.nextHost),
                "findings": .text(a.findings), "participants": .integer(Int64(a.participants)),
            ])
        case .draft(let id):
            guard let entry = ledger.drafts[id] else { return }
            let draft = entry.draft
            let current = draft.currentDocument
            try db.execute("DELETE FROM alliance_drafts WHERE id = ?", [.text(id)])
            try db.execute("DELETE FROM alliance_sign_offs WHERE draft_id = ?", [.text(id)])
            let submission = draft.submission
            try db.insert(RecordTables.allianceDrafts, [
                "id": .text(id), "alliance": .text(entry.alliance), "host": .text(entry.host), "title": .text(draft.title),
                "co_sponsors": .text(draft.coSponsors.joined(separator: ",")), "text": .text(current.text),
                "content_hash": .text(hexString(current.contentHash)), "version": .text(Self.versionJSON(draft.text.version)),
                "status": .text(submission == nil ? "drafting" : "submitted"),
                "submitted_hash": submission.map { .text(hexString($0.contentHash)) } ?? .null,
                "submitted_text": submission.map { .text($0.document.text) } ?? .null,
                "forwarded_seq": entry.forwardedSeq.map { .integer(Int64(bitPattern: $0)) } ?? .null,
            ])
            let sorted = draft.signOffs.sorted {
                ($0.signer, hexString($0.contentHash), $0.version.description) < ($1.signer, hexString($1.contentHash), $1.version.description)
            }
            for (i, s) in sorted.enumerated() {
                try db.insert(RecordTables.allianceSignOffs, [
                    "draft_id": .text(id), "ordinal": .integer(Int64(i)), "signer": .text(s.signer),
                    "content_hash": .text(hexString(s.contentHash)), "version": .text(Self.versionJSON(s.version)),
                    "void": .integer(draft.isVoid(s) ? 1 : 0),
                ])
            }
        case .proposal(let origin, let draftID):
            guard let p = ledger.proposals[AllianceLedger.proposalKey(origin: origin, draftID: draftID)] else { return }
            try db.insert(RecordTables.jointProposals, [
                "origin": .text(origin), "draft_id": .text(draftID), "alliance": .text(p.allianceId), "host": .text(p.host),
                "title": .text(p.title), "co_sponsors": .text(p.coSponsors.joined(separator: ",")), "text": .text(p.text),
                "content_hash": .text(hexString(p.contentHash)), "signers": .text(p.signOffs.map(\.signer).joined(separator: ",")),
            ], orReplace: true)
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
