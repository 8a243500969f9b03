import Dispatch
import FoundationEssentials
import Glibc
import XieshangStore
import XieshangTransport
import XieshangWire

/// Admin Query answers from the alliance projection 片区协作查询 (``AllianceProjector``'s tables), on a read-only
/// connection of their own; their entries, filters and columns are in ``QueryCatalog``.
enum AllianceQueries {
    /// The rows `rows` reads for `request`.
    static func answer(_ runtime: NodeRuntime, _ request: QueryRequest, _ rows: (Database, QueryRequest) throws -> [[String: Any]]) -> Result<QueryRows, TransportError> {
        let path = runtime.core.store.path
        do {
            let db = try Database(path: path, readOnly: true, create: false)
            return .success(QueryRows(try rows(db, request)))
        } catch let error as TransportError {
            return .failure(error)
        } catch {
            return .failure(.status(.internal, "query \(request.recordType) on \(path): \(error)"))
        }
    }

    /// The `WHERE` clause and its values of the filters `request` sets among `columns` (filter → column).
    private static func conditions(_ request: QueryRequest, _ columns: [(filter: String, column: String)], fixed: [String] = []) -> (sql: String, values: [DatabaseValue]) {
        var conditions = fixed, values: [DatabaseValue] = []
        for (key, column) in columns {
            if let v = request.filter[key] { conditions.append("\(column) = ?"); values.append(.text(v)) }
        }
        return (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "), values)
    }

    private static func list(_ v: DatabaseValue) -> [String] { text(v).split(separator: ",").map(String.init) }

    /// Filters `alliance`, `status`, `host`.
    static func drafts(_ db: Database, _ request: QueryRequest) throws -> [[String: Any]] {
        let w = conditions(request, [("alliance", "alliance"), ("status", "status"), ("host", "host")])
        let rows = try db.rows("SELECT id, alliance, host, title, co_sponsors, status, content_hash FROM alliance_drafts\(w.sql) ORDER BY id", w.values)
        return try rows.map { r in
            let signed = try db.rows("SELECT signer FROM alliance_sign_offs WHERE draft_id = ? AND void = 0 ORDER BY signer", [r[0]]).map { text($0[0]) }
            return ["id": text(r[0]), "alliance": text(r[1]), "host": text(r[2]), "title": text(r[3]), "co_sponsors": list(r[4]),
                    "status": text(r[5]), "content_hash": text(r[6]), "signed": signed]
        }
    }

    /// The draft `QueryRequest.id`.
    static func draft(_ db: Database, _ request: QueryRequest) throws -> [[String: Any]] {
        guard !request.id.isEmpty else { throw TransportError.status(.invalidArgument, "query draft needs the draft's id (QueryRequest.id)") }
        guard let r = try db.rows("""
            SELECT id, alliance, host, title, co_sponsors, status, content_hash, version, text, submitted_hash, forwarded_seq
            FROM alliance_drafts WHERE id = ?
            """, [.text(request.id)]).first else {
            throw TransportError.status(.notFound, "no draft '\(request.id)' at this node; list them with `xieshang draft list`")
        }
        let signOffs = try db.rows("SELECT signer, content_hash, version, void FROM alliance_sign_offs WHERE draft_id = ? ORDER BY ordinal",
                                   [.text(request.id)]).map { s -> [String: Any] in
            ["signer": text(s[0]), "content_hash": text(s[1]), "version": object(s[2]), "void": int(s[3]) != 0]
        }
        return [[
            "id": text(r[0]), "alliance": text(r[1]), "host": text(r[2]), "title": text(r[3]), "co_sponsors": list(r[4]),
            "status": text(r[5]), "content_hash": text(r[6]), "version": object(r[7]), "text": text(r[8]),
            "submitted_hash": nullable(r[9]), "forwarded_seq": r[10] == .null ? JSONNull() : int(r[10]), "sign_offs": signOffs,
        ]]
    }

    /// The joint activities of `kinds` (a SQL condition), filtered.
    private static func activities(_ db: Database, _ request: QueryRequest, kinds: String, filters: [(filter: String, column: String)]) throws -> [[DatabaseValue]] {
        let w = conditions(request, filters, fixed: [kinds])
        return try db.rows("""
            SELECT alliance, id, kind, date, end_date, hosts, attendees, topic, agenda, minutes, next_host, findings, participants
            FROM alliance_activities\(w.sql) ORDER BY date, id
            """, w.values)
    }

    /// Filter `alliance`.
    static func meetings(_ db: Database, _ request: QueryRequest) throws -> [[String: Any]] {
        try activities(db, request, kinds: "kind = 'meeting'", filters: [("alliance", "alliance")]).map { r in
            ["alliance": text(r[0]), "id": text(r[1]), "date": text(r[3]), "host": list(r[5]).first ?? "",
             "attendees": list(r[6]), "topic": text(r[7]), "agenda": JSONText.parse(text(r[8])) ?? [Any](), "minutes": text(r[9]),
             "next_host": text(r[10]), "participants": int(r[12])]
        }
    }

    /// Filters `alliance`, `kind` (research or inspection).
    static func jointResearch(_ db: Database, _ request: QueryRequest) throws -> [[String: Any]] {
        try activities(db, request, kinds: "kind IN ('research', 'inspection')", filters: [("alliance", "alliance"), ("kind", "kind")]).map { r in
            ["alliance": text(r[0]), "id": text(r[1]), "kind": text(r[2]), "topic": text(r[7]), "date": text(r[3]),
             "end_date": text(r[4]), "hosts": list(r[5]), "attendees": list(r[6]), "participants": int(r[12]),
             "findings": text(r[11])]
        }
    }

    /// Filter `alliance`.
    static func charters(_ db: Database, _ request: QueryRequest) throws -> [[String: Any]] {
        let w = conditions(request, [("alliance", "alliance")])
        return try db.rows("SELECT alliance, version, name, members, effective, text FROM alliance_charters\(w.sql) ORDER BY alliance, version", w.values).map { r in
            ["alliance": text(r[0]), "version": int(r[1]), "name": text(r[2]), "members": list(r[3]), "effective": text(r[4]), "text": text(r[5])]
        }
    }

    /// Filter `alliance`.
    static func jointProposals(_ db: Database, _ request: QueryRequest) throws -> [[String: Any]] {
        let w = conditions(request, [("alliance", "alliance")])
        return try db.rows("SELECT origin, draft_id, alliance, host, title, co_sponsors, text, content_hash, signers FROM joint_proposals\(w.sql) ORDER BY origin, draft_id", w.values).map { r in
            ["origin": text(r[0]), "draft_id": text(r[1]), "alliance": text(r[2]), "host": text(r[3]), "title": text(r[4]),
             "co_sponsors": list(r[5]), "text": text(r[6]), "content_hash": text(r[7]), "signers": list(r[8])]
        }
    }

    static func problems(_ db: Database, _ request: QueryRequest) throws -> [[String: Any]] {
        try db.rows("SELECT origin, seq, position, kind, reason FROM alliance_problems ORDER BY position").map { r in
            ["origin": text(r[0]), "seq": int(r[1]), "position": int(r[2]), "kind": int(r[3]), "reason": text(r[4])]
        }
    }

    private static func text(_ v: DatabaseValue) -> String {
        if case .text(let s) = v { return s }
        return ""
    }

    private static func int(_ v: DatabaseValue) -> Int64 {
        if case .integer(let i) = v { return i }
        return 0
    }

    private static func object(_ v: DatabaseValue) -> Any {
        JSONText.parse(text(v)) ?? [String: Any]()
    }

    private static func nullable(_ v: DatabaseValue) -> Any {
        if case .text(let s) = v { return s }
        return JSONNull()
    }
}
