import Foundation
import Testing
@testable import XieshangNode
import XieshangStore
import XieshangTransport
import XieshangWire

/// The node keeps the CPPCC records projection 业务记录 and answers Admin `Query` on it: real `xieshang node`
/// processes, a domain event submitted through Admin `Submit`, queries over the admin socket.
@Suite("records queries on node processes", .serialized)
struct RecordsQueryTests {
    static func query(_ fed: LocalFederation, _ id: String, _ type: String) async throws -> (columns: [String], rows: [[String: Any]]) {
        let r = try QueryResponse(serializedBytes: try await fed.call(id, AdminService.query.path, QueryRequest(recordType: type).serializedBytes()))
        let rows = try r.rowsJson.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        return (r.columns, rows)
    }

    static func activity(_ rows: [[String: Any]], _ id: String) -> [String: Any]? { rows.first { $0["id"] as? String == id } }

    @Test("an ActivityRecorded submitted at a township is listed by Query activities there; it survives a rebuild at open")
    func activityQueriedAtTownshipAndCounty() async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 1)
        defer { fed.stopAll() }
        let county = "county1", town = "county1-town1"
        // The city too: a county that has never reached its parent cannot vouch for its township upward yet, so it
        // holds back the township's events until it has (they wait, durably, at the township).
        try await fed.start("city")
        try await fed.start(county)
        try await fed.start(town)
        try await fed.waitParentUp(county)
        try await fed.waitParentUp(town)

        let payload = ActivityRecorded(activityId: "HD-2026-001", kind: .consultation, form: .topical, date: "2026-04-15",
                                       topic: "乡村振兴产业发展协商", hostBodies: [town], participants: 23, members: ["m1", "m2"])
        let request = SubmitRequest(kind: .activity, payload: payload.serializedBytes())
        let seq = try SubmitResponse(serializedBytes: try await fed.call(town, AdminService.submit.path, request.serializedBytes())).seq
        #expect(seq >= 1)

        let local = try await Self.query(fed, town, "activities")
        #expect(local.columns == ["id", "kind", "form", "date", "topic", "host_bodies", "participants", "sectors", "target_unit", "result", "station"])
        let row = try #require(Self.activity(local.rows, "HD-2026-001"), "the township lists no activity HD-2026-001: \(local.rows)")
        #expect(row["topic"] as? String == "乡村振兴产业发展协商")
        #expect((row["participants"] as? NSNumber)?.intValue == 23)
        #expect(row["date"] as? String == "2026-04-15")
        #expect(row["kind"] as? String == "consultation")
        #expect(row["host_bodies"] as? [String] == [town])
        // The JSON carries the Chinese text as-is (not \u-escaped).
        let raw = try QueryResponse(serializedBytes: try await fed.call(town, AdminService.query.path,
                                                                        QueryRequest(recordType: "activities").serializedBytes())).rowsJson
        #expect(raw.contains { $0.contains("乡村振兴产业发展协商") })

        // The activity is the township's record: it stays there (a domain command's routing comes from the rules, and a
        // received event of another body never becomes the county's own record — see CrossBodyTests).

        // A database without the projection (as an older node left it) opens and is caught up from the log.
        #expect(fed.stop(town) == 0)
        do {
            let db = try Database(path: fed.dir(town) + "/node.db", create: false)
            try db.executeScript("DELETE FROM projections WHERE name = 'records'; DROP TABLE activities; DROP TABLE records_cursor;")
        }
        try await fed.start(town)
        let rebuilt = try await Self.query(fed, town, "activities")
        #expect((Self.activity(rebuilt.rows, "HD-2026-001")?["participants"] as? NSNumber)?.intValue == 23)
        #expect(try await Self.query(fed, town, "problems").rows.isEmpty)
        #expect(fed.stop(town) == 0)
        #expect(fed.stop(county) == 0)
    }

    @Test("every record type answers with its columns; a domain payload that does not decode is refused at Submit and nothing is stored; an unknown type is INVALID_ARGUMENT naming the known ones")
    func recordTypesProblemsAndUnknownType() async throws {
        let fed = try await LocalFederation.cityAndCounty()
        defer { fed.stopAll() }
        let county = "county1"

        let expected: [String: [String]] = [
            "proposals": ["id", "title", "kind", "first_proposer", "status", "submitted_on", "register_number", "lead_unit",
                          "units", "due", "round", "closed_on", "supervisor", "cosigners"],
            "opinions": ["origin_body", "origin_report_id", "author", "title", "status", "bulletin_issue", "forwarded_to",
                         "adopted_by", "instructions"],
            "plan_items": ["issuer", "plan_id", "item_id", "topic", "department", "deadline", "assignees", "stage", "overdue_for"],
            "members": ["id", "name", "sector", "active", "duty_total_tenths", "minimums_missed", "needs_talk", "resignation_recommended"],
        ]
        for (type, columns) in expected {
            let r = try await Self.query(fed, county, type)
            #expect(r.columns == columns, "\(type)")
            #expect(r.rows.isEmpty, "\(type)")
        }

        // A domain payload that does not decode is refused at Submit (INVALID_ARGUMENT naming the rule) and nothing is
        // stored; the projection's problems list (for undecodable events from peers) stays empty.
        let bad = SubmitRequest(kind: .activity, payload: [0xFF, 0xFF, 0xFF], scope: Scope(target: .up(true)))
        let refused = await #expect(throws: TransportError.self) {
            _ = try await fed.call(county, AdminService.submit.path, bad.serializedBytes())
        }
        #expect(refused?.status == .invalidArgument)
        #expect(refused?.message.contains("wire.decode") == true, "\(String(describing: refused))")
        let problems = try await Self.query(fed, county, "problems")
        #expect(problems.columns == ["origin", "seq", "position", "kind", "reason"])
        #expect(problems.rows.isEmpty)

        let error = await #expect(throws: TransportError.self) {
            _ = try await fed.call(county, AdminService.query.path, QueryRequest(recordType: "motions").serializedBytes())
        }
        #expect(error?.status == .invalidArgument)
        for known in ["events", "origins", "alerts", "proposals", "opinions", "activities", "plan_items", "members", "problems"] {
            #expect(error?.message.contains(known) == true, "the error does not name \(known): \(String(describing: error))")
        }
        #expect(fed.stop(county) == 0)
        #expect(fed.stop("city") == 0)
    }
}
