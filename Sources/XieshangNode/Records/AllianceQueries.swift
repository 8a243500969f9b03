import Dispatch
import FoundationEssentials
import Glibc
import XieshangStore
import XieshangTransport
import XieshangWire

/// Admin Query answers from the alliance projection 片区协作查询 (``AllianceProjector``'s tables), on a read-only
/// connection of its own. Filters: `alliance` (every type), `status` (drafts), `kind` (joint_research: research or
/// inspection).
enum AllianceQueries {
    /// The record types answered here.
    static let types = ["drafts", "draft", "meetings", "joint_research", "charters", "joint_proposals", "alliance_problems"]

    /// Answers `request` (its type is one of ``types``).
    static func answer(_ runtime: NodeRuntime, _ request: QueryRequest) -> Result<QueryResponse, TransportError> {
        let path = runtime.core.store.path
        do {
            let db = try Database(path: path, readOnly: true, create: false)
            var response = try answer(db, request)
            if request.limit > 0, response.rowsJson.count > Int(request.limit) { response.rowsJson = Array(response.rowsJson.prefix(Int(request.limit))) }
            return .success(response)
        } catch let error as TransportError {
            return .failure(error)
        } catch {
            return .failure(.status(.internal, "query \(request.recordType) on \(path): \(error)"))
        }
    }

    private static func answer(_ db: Database, _ request: QueryRequest) throws -> QueryResponse {
        var conditions: [String] = []
        var values: [DatabaseValue] = []
        func filter(_ key: String, column: String) {
            if let v = request.filter[key] { conditions.append("\(column) = ?"); values.append(.text(v)) }
        }
        func whereClause() -> String { conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ") }
        func list(_ v: DatabaseValue) -> [String] { text(v).split(separator: ",").map(String.init) }
        switch request.recordType {
        case "drafts":
            filter("alliance", column: "alliance")
            filter("status", column: "status")
            filter("host", column: "host")
            let columns = ["id", "alliance", "host", "title", "co_sponsors", "status", "content_hash", "signed"]
            let rows = try db.rows("SELECT id, alliance, host, title, co_sponsors, status, content_hash FROM alliance_drafts\(whereClause()) ORDER BY id", values)
            return QueryResponse(columns: columns, rowsJson: try rows.map { r in
                let signed = try db.rows("SELECT signer FROM alliance_sign_offs WHERE draft_id = ? AND void = 0 ORDER BY signer", [r[0]]).map { text($0[0]) }
                return json(["id": text(r[0]), "alliance": text(r[1]), "host": text(r[2]), "title": text(r[3]), "co_sponsors": list(r[4]),
                             "status": text(r[5]), "content_hash": text(r[6]), "signed": signed])
            })
        case "draft":
            guard !request.id.isEmpty else { throw TransportError.status(.invalidArgument, "query draft needs the draft's id (QueryRequest.id)") }
            let columns = ["id", "alliance", "host", "title", "co_sponsors", "status", "content_hash", "version", "text",
                           "submitted_hash", "forwarded_seq", "sign_offs"]
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
            return QueryResponse(columns: columns, rowsJson: [json([
                "id": text(r[0]), "alliance": text(r[1]), "host": text(r[2]), "title": text(r[3]), "co_sponsors": list(r[4]),
                "status": text(r[5]), "content_hash": text(r[6]), "version": object(r[7]), "text": text(r[8]),
                "submitted_hash": nullable(r[9]), "forwarded_seq": r[10] == .null ? JSONNull() : int(r[10]), "sign_offs": signOffs,
            ])])
        case "meetings", "joint_research":
            filter("alliance", column: "alliance")
            if request.recordType == "meetings" { conditions.append("kind = 'meeting'") } else {
                conditions.append("kind IN ('research', 'inspection')")
                filter("kind", column: "kind")
            }
            let rows = try db.rows("""
                SELECT alliance, id, kind, date, end_date, hosts, attendees, topic, agenda, minutes, next_host, findings, participants
                FROM alliance_activities\(whereClause()) ORDER BY date, id
                """, values)
            if request.recordType == "meetings" {
                return QueryResponse(columns: ["alliance", "id", "date", "host", "attendees", "topic", "agenda", "minutes", "next_host", "participants"],
                                     rowsJson: rows.map { r in
                    let agenda = JSONText.parse(text(r[8])) ?? [Any]()
                    return json(["alliance": text(r[0]), "id": text(r[1]), "date": text(r[3]), "host": list(r[5]).first ?? "",
                                 "attendees": list(r[6]), "topic": text(r[7]), "agenda": agenda, "minutes": text(r[9]),
                                 "next_host": text(r[10]), "participants": int(r[12])])
                })
            }
            return QueryResponse(columns: ["alliance", "id", "kind", "topic", "date", "end_date", "hosts", "attendees", "participants", "findings"],
                                 rowsJson: rows.map { r in
                json(["alliance": text(r[0]), "id": text(r[1]), "kind": text(r[2]), "topic": text(r[7]), "date": text(r[3]),
                      "end_date": text(r[4]), "hosts": list(r[5]), "attendees": list(r[6]), "participants": int(r[12]),
                      "findings": text(r[11])])
            })
        case "charters":
            filter("alliance", column: "alliance")
            let rows = try db.rows("SELECT alliance, version, name, members, effective, text FROM alliance_charters\(whereClause()) ORDER BY alliance, version", values)
            return QueryResponse(columns: ["alliance", "version", "name", "members", "effective", "text"], rowsJson: rows.map { r in
                json(["alliance": text(r[0]), "version": int(r[1]), "name": text(r[2]), "members": list(r[3]), "effective": text(r[4]), "text": text(r[5])])
            })
        case "joint_proposals":
            filter("alliance", column: "alliance")
            let rows = try db.rows("SELECT origin, draft_id, alliance, host, title, co_sponsors, text, content_hash, signers FROM joint_proposals\(whereClause()) ORDER BY origin, draft_id", values)
            return QueryResponse(columns: ["origin", "draft_id", "alliance", "host", "title", "co_sponsors", "content_hash", "signers", "text"],
                                 rowsJson: rows.map { r in
                json(["origin": text(r[0]), "draft_id": text(r[1]), "alliance": text(r[2]), "host": text(r[3]), "title": text(r[4]),
                      "co_sponsors": list(r[5]), "text": text(r[6]), "content_hash": text(r[7]), "signers": list(r[8])])
            })
        default:
            let rows = try db.rows("SELECT origin, seq, position, kind, reason FROM alliance_problems ORDER BY position")
            return QueryResponse(columns: ["origin", "seq", "position", "kind", "reason"], rowsJson: rows.map { r in
                json(["origin": text(r[0]), "seq": int(r[1]), "position": int(r[2]), "kind": int(r[3]), "reason": text(r[4])])
            })
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

    private static func json(_ object: [String: Any]) -> String { AllianceProjector.json(object) }
}
