import Foundation
import Testing
import XieshangNode
import XieshangStore
import XieshangTransport
import XieshangWire

extension LocalFederation {
    /// Records one research visit 调研 (one participant, dated today) with activity id `activityId` at `id`; the whole
    /// answer (seqs when recorded, `queued` when the node could not originate yet).
    func submitActivity(_ id: String, activityId: String, madeBy: String = "") async throws -> SubmitResponse {
        let activity = ActivityRecorded(activityId: activityId, kind: .research, date: LocalFederation.today(), topic: "调研", participants: 1)
        var request = SubmitRequest(kind: .activity, payload: activity.serializedBytes(), actor: "office")
        request.madeBy = madeBy  // a client's own made_by: the node replaces it with the socket's OS user
        return try SubmitResponse(serializedBytes: try await call(id, AdminService.submit.path, request.serializedBytes()))
    }

    /// Rows of `id`'s queue table read from its database file (a read-only connection beside the running node):
    /// (state, reason, entry) in id order.
    func queueRows(_ id: String) throws -> [(state: String, reason: String, entry: [UInt8])] {
        let db = try Database(path: dir(id) + "/node.db", readOnly: true, create: false)
        return try db.rows("SELECT state, reason, entry FROM queued_commands ORDER BY id").map { row in
            guard case .text(let state) = row[0], case .text(let reason) = row[1], case .blob(let entry) = row[2] else {
                throw Failure(description: "queued_commands of \(id) holds a malformed row: \(row)")
            }
            return (state, reason, entry)
        }
    }

    /// The activity ids of `origin`'s activity events in `id`'s log, in chain (seq) order, read from its database file.
    func activityIdsInChainOrder(_ id: String, origin: String) throws -> [String] {
        let db = try Database(path: dir(id) + "/node.db", readOnly: true, create: false)
        return try db.rows("SELECT body, signature FROM events WHERE origin = ? AND kind = ? ORDER BY seq",
                           [.text(origin), .integer(Int64(EventKind.activity.protoValue))]).map { row in
            guard case .blob(let body) = row[0], case .blob(let signature) = row[1] else { throw Failure(description: "malformed event row in \(id)") }
            let decoded = try SignedEvent(body: body, signature: signature).decodedBody()
            return try ActivityRecorded(serializedBytes: decoded.payload).activityId
        }
    }

    /// Activity id → the signed event's `actor` (who made it at the origin), as node `id` holds `origin`'s events.
    func activityActors(_ id: String, origin: String) throws -> [String: String] {
        let db = try Database(path: dir(id) + "/node.db", readOnly: true, create: false)
        var out: [String: String] = [:]
        for row in try db.rows("SELECT body, signature FROM events WHERE origin = ? AND kind = ? ORDER BY seq",
                               [.text(origin), .integer(Int64(EventKind.activity.protoValue))]) {
            guard case .blob(let body) = row[0], case .blob(let signature) = row[1] else { throw Failure(description: "malformed event row in \(id)") }
            let decoded = try SignedEvent(body: body, signature: signature).decodedBody()
            out[try ActivityRecorded(serializedBytes: decoded.payload).activityId] = decoded.actor
        }
        return out
    }

    /// The files of a node's store (the database and WAL mode's sidecars).
    static let storeFiles = ["node.db", "node.db-wal", "node.db-shm"]

    /// Copies the store of stopped node `id` to `backup-*` files beside it.
    func backUpStore(_ id: String) throws {
        for f in LocalFederation.storeFiles where FileManager.default.fileExists(atPath: "\(dir(id))/\(f)") {
            try FileManager.default.copyItem(atPath: "\(dir(id))/\(f)", toPath: "\(dir(id))/backup-\(f)")
        }
    }

    /// Replaces the store of stopped node `id` by the copy ``backUpStore(_:)`` made.
    func restoreStore(_ id: String) throws {
        for f in LocalFederation.storeFiles {
            try? FileManager.default.removeItem(atPath: "\(dir(id))/\(f)")
            if FileManager.default.fileExists(atPath: "\(dir(id))/backup-\(f)") {
                try FileManager.default.copyItem(atPath: "\(dir(id))/backup-\(f)", toPath: "\(dir(id))/\(f)")
            }
        }
    }

    /// Stops the township and its county, then starts the township alone (its county down): it is fenced.
    func restartTownshipWithoutCounty(_ town: String, _ county: String) async throws {
        #expect(stop(county) == 0)
        #expect(stop(town) == 0)
        try await start(town)
        #expect(try await status(town).fenced, "\(town) restarted without its county and is not fenced")
    }
}

/// Recording while fenced (issue 20 item 1), with real node processes: a township that restarts while its county is
/// unreachable queues its clerk's records durably (answer `queued`, 已排队) instead of refusing them, and originates
/// them in order once the county confirmed its chain — exactly once, across kill -9, and a record a rule refuses then
/// is kept with its reason and raises `queued_refused`.
@Suite("record while fenced", .serialized)
struct QueueWhileFencedProcessTests {
    @Test("a township restarted while its county is down queues 100 activities; the county returns; all reach the city once")
    func hundredQueuedActivitiesReachTheCityExactlyOnce() async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 1)
        defer { fed.stopAll() }
        let town = "county1-town1", county = "county1"
        try await fed.startAll()
        for i in 0..<3 { #expect(try await fed.submitActivity(town, activityId: "live-\(i)").queued == 0) }
        try await waitUntil("the city counts the 3 live activities", seconds: 60) { try await fed.totals("city")["research_visits"] == 3 }
        try await fed.restartTownshipWithoutCounty(town, county)
        var queuedIds: [UInt64] = []
        for i in 0..<100 {
            let r = try await fed.submitActivity(town, activityId: "queued-\(i)")
            #expect(r.seqs.isEmpty && r.seq == 0, "a record was originated while the township could not reach its county")
            queuedIds.append(r.queued)
        }
        #expect(queuedIds.allSatisfy { $0 > 0 } && queuedIds == queuedIds.sorted() && Set(queuedIds).count == 100, "each record is answered queued, in order")
        let fenced = try await fed.status(town)
        #expect(fenced.queued == 100 && fenced.fenced)
        #expect(try await fed.totals("city")["research_visits"] == 3)
        try await fed.start(county)
        // A record made while the township drains its queue (seen in its queue table) is queued behind the others:
        // it never overtakes them, though the township may originate again.
        try await waitUntil("the township began to drain its queue", seconds: 60) { try fed.queueRows(town).count < 100 }
        _ = try await fed.submitActivity(town, activityId: "after-return")
        try await waitUntil("the city counts 101 more activities", seconds: 120) { try await fed.totals("city")["research_visits"] == 104 }
        try await waitUntil("the township's queue is empty", seconds: 30) { try await fed.status(town).queued == 0 }
        // Exactly once: each holder's chain of the township is contiguous (recordSeqs checks it) and holds 103 activities.
        for holder in [town, county, "city"] { #expect(try await fed.recordSeqs(holder, origin: town).count == 104, "\(holder)") }
        try await fed.expectChainsReplicated()
        #expect(try fed.queueRows(town).isEmpty)
        #expect(try await fed.totals("city")["activity_participants"] == 104)
        // In the order they were queued, at the township and as the city holds them.
        let expected = (0..<3).map { "live-\($0)" } + (0..<100).map { "queued-\($0)" } + ["after-return"]
        #expect(try fed.activityIdsInChainOrder(town, origin: town) == expected)
        #expect(try fed.activityIdsInChainOrder("city", origin: town) == expected)
        // Who made them travels with them, queued or not: the admin socket's OS user (SO_PEERCRED), at the city too.
        let actors = try fed.activityActors("city", origin: town)
        #expect(actors["queued-0"].map { $0.hasPrefix("os:") && $0.hasSuffix("(uid \(getuid()))") } == true && actors["live-0"] == actors["queued-0"],
                "\(actors.prefix(3))")
    }

    @Test("kill -9 of the township while it drains its queue: after the restart none is lost and none is duplicated")
    func killWhileDrainingLosesNoneAndDuplicatesNone() async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 1)
        defer { fed.stopAll() }
        let town = "county1-town1", county = "county1"
        let total = 300
        try await fed.startAll()
        try await fed.restartTownshipWithoutCounty(town, county)
        for i in 0..<total { #expect(try await fed.submitActivity(town, activityId: "k-\(i)").queued > 0) }
        try await fed.start(county)
        // Kill once the drain is well under way (the queue table, read from the file, holds 40 fewer rows).
        try await waitUntil("the township began to drain its queue", seconds: 60) {
            try fed.queueRows(town).count <= total - 40
        }
        fed.kill9(town)
        let leftAtKill = try fed.queueRows(town).count
        let recordedAtKill = try await fed.recordSeqs(county, origin: town).count
        print("kill -9 with \(leftAtKill) of \(total) still queued; the county held \(recordedAtKill)")
        try await fed.start(town)
        try await waitUntil("the city counts all \(total) activities", seconds: 180) { try await fed.totals("city")["research_visits"] == Int64(total) }
        try await waitUntil("the township's queue is empty", seconds: 30) { try await fed.status(town).queued == 0 }
        for holder in [town, county, "city"] { #expect(try await fed.recordSeqs(holder, origin: town).count == total, "\(holder)") }
        try await fed.expectChainsReplicated()
        // Each activity id once at the township.
        let rows = try await fed.call(town, AdminService.query.path, QueryRequest(recordType: "activities", limit: 10_000).serializedBytes())
        let ids = try QueryResponse(serializedBytes: rows).rowsJson.compactMap {
            (try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? String
        }
        #expect(ids.count == total && Set(ids).count == total, "activities at the township: \(ids.count), distinct \(Set(ids).count)")
        #expect(try fed.activityIdsInChainOrder(town, origin: town) == (0..<total).map { "k-\($0)" }, "the queue was not originated in order across the kill")
    }

    @Test("a queued record a rule refuses once the chain is confirmed (an id learned back from the county) raises queued_refused and is kept with its reason")
    func queuedRecordRefusedAfterConfirmationIsKeptWithAnAlert() async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 1)
        defer { fed.stopAll() }
        let town = "county1-town1", county = "county1"
        try await fed.startAll()
        // Back up the township's store, then record A-1 (the county holds it; the backup does not).
        #expect(fed.stop(town) == 0)
        try fed.backUpStore(town)
        try await fed.start(town)
        try await fed.waitParentUp(town)
        let live = try await fed.submitActivity(town, activityId: "A-1")
        #expect(live.queued == 0 && live.seq > 0)
        try await waitUntil("the county holds A-1", seconds: 30) { try await fed.recordSeqs(county, origin: town).count == 1 }
        // Restore the backup while the county is down; the clerk records A-1 again (the restored store does not know it)
        // and A-2: both pass the rules now and are queued.
        #expect(fed.stop(county) == 0)
        #expect(fed.stop(town) == 0)
        try fed.restoreStore(town)
        try await fed.start(town)
        #expect(try await fed.submitActivity(town, activityId: "A-1").queued > 0)
        // A-2's client writes a made_by of its own (abuse: a forged actor); the node replaces it.
        #expect(try await fed.submitActivity(town, activityId: "A-2", madeBy: "user:forged<script>").queued > 0)
        try await fed.start(county)
        try await waitUntil("the township refused the queued A-1 and raised queued_refused", seconds: 60) {
            let s = try await fed.status(town)
            return s.queued == 0 && s.queuedRefused == 1 && s.alerts.contains { $0.code == "queued_refused" }
        }
        let alert = try #require(try await fed.status(town).alerts.first { $0.code == "queued_refused" })
        #expect(alert.message.contains("activity id is taken") || alert.message.contains("活动编号已存在"), "\(alert.message)")
        // Kept with the rule's message, not dropped.
        let rows = try fed.queueRows(town)
        #expect(rows.count == 1 && rows.first?.state == "refused")
        #expect(rows.first.map { $0.reason.contains("activity id is taken") || $0.reason.contains("活动编号已存在") } == true, "\(rows.first?.reason ?? "")")
        let request = try SubmitRequest(serializedBytes: try #require(rows.first?.entry))
        #expect(try ActivityRecorded(serializedBytes: request.payload).activityId == "A-1")
        #expect(request.madeBy.hasPrefix("os:") && request.madeBy.hasSuffix("(uid \(getuid()))"), "the queue keeps who made it: \(request.madeBy)")
        // A-2 went on after it; A-1 is held once everywhere; the alert went up to the county.
        try await waitUntil("the county holds A-1 and A-2", seconds: 30) { try await fed.recordSeqs(county, origin: town).count == 2 }
        try await waitUntil("the county holds the queued_refused alert", seconds: 30) {
            try await fed.events(county, origin: town).contains { $0.kind == Int64(EventKind.alert.protoValue) }
        }
        #expect(try await fed.recordSeqs(town, origin: town).count == 2)
        let a2 = try fed.activityActors(county, origin: town)["A-2"] ?? ""
        #expect(a2.hasPrefix("os:") && a2.hasSuffix("(uid \(getuid()))") && !a2.contains("forged"), "the county's A-2 carries the OS user, not the client's made_by: \(a2)")
        let statusText = try await ProcessRun.run(try #require(LocalFederation.xieshang()), ["status", "--node", fed.dir(town) + "/admin.sock"])
        #expect(statusText.output.contains("排队后被规则拒绝 1"), "\(statusText.output)")
    }
}
