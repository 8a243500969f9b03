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

    /// The ledger folded from the log.
    private let fold: ProjectionFold<AllianceLedger>
    private let submittedHook = Mutex<(@Sendable () -> Void)?>(nil)

    /// A projector for `node`, checking sign-offs against `keys` (pinned alliance members and the node itself);
    /// `configured` lists the node's alliances with their members (the node included).
    public init(node: String, keys: [String: Ed25519.PublicKey], configured: [String: Set<String>]) {
        self.node = node
        self.keys = keys
        self.configured = configured
        self.fold = ProjectionFold(family: .alliance, kinds: AllianceProjector.allianceKinds,
                                   fresh: { AllianceLedger(node: node, keys: keys, configured: configured) },
                                   replay: { ledger, logged in
            guard let body = try? EventBody(serializedBytes: logged.body) else { return }
            _ = try? ledger.apply(kind: EventKind(protoValue: logged.kind), payload: body.payload, originNode: logged.signer,
                                  scope: logged.scope, seq: logged.seq)
        })
    }

    /// Called (on the appending thread, inside its transaction: it must only schedule work) whenever a draft this
    /// node hosts is submitted and not yet forwarded.
    public func onSubmitted(_ hook: @escaping @Sendable () -> Void) {
        submittedHook.withLock { $0 = hook }
    }

    /// Applies one event: folds it into the ledger and rewrites the touched rows.
    /// - Throws: ``StoreError`` only for SQL failures.
    public func apply(_ event: StoredEvent, position: Int64, in db: Database) throws(StoreError) {
        let notify = try fold.apply(event, position: position, in: db) { (ledger: inout AllianceLedger) throws(StoreError) -> (problem: String?, result: Bool) in
            let originNode = ChainName.node(of: event.origin)
            var change = AllianceLedger.Change.none
            var problem: String?
            do {
                let body = try EventBody(serializedBytes: event.body)
                do throws(DomainError) {
                    change = try ledger.apply(kind: EventKind(protoValue: event.kind), payload: body.payload,
                                              originNode: originNode, scope: event.scope, seq: event.seq)
                } catch {
                    problem = "\(error)"
                    // What the event carried validly is applied; its draft's rows are rewritten all the same.
                    if let id = Self.draftID(kind: event.kind, payload: body.payload) { change = .draft(id: id) }
                }
            } catch {
                problem = "the event body does not decode: \(error)"
            }
            try write(change, ledger, db)
            if case .draft(let id) = change, let entry = ledger.drafts[id] {
                return (problem, entry.host == node && entry.draft.isSubmitted && entry.forwardedSeq == nil)
            }
            return (problem, false)
        }
        if notify, let hook = submittedHook.withLock({ $0 }) { hook() }
    }

    /// The ledger as of the projection in `db` (folded again when the in-memory copy is not the one `db` holds).
    public func ledger(in db: Database) throws(StoreError) -> AllianceLedger {
        try fold.state(in: db)
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
