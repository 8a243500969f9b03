import Foundation
import Testing
@testable import XieshangNode
import XieshangFederation
import XieshangStore
import XieshangTestKinds
import XieshangWire

/// Issue 16 (and 15's citations) against real nodes: what a child signs with its real key cannot crash its parent,
/// put it into a crash loop, or inflate the city's figures. Each test failed on the code before the fix.
@Suite(.serialized)
struct HostileChildProcessTests {
    /// The next event of `origin`'s chain after what `store` holds, signed with `key`.
    static func next(_ store: Store, origin: String, key: Ed25519.PrivateKey, kind: EventKind, payload: [UInt8]) throws -> SignedEvent {
        let seq = try store.reader.highestSeq(origin: origin)
        let hash = seq == 0 ? [] : (try store.reader.events(origin: origin, seqs: seq...seq).first?.hash ?? [])
        return try SignedEvent.signing(EventBody(origin: origin, seq: seq + 1, prevHash: hash, timeMs: Int64(Date().timeIntervalSince1970 * 1000),
                                                 scope: Route.up.scope, kind: kind, payload: payload), with: key)
    }

    /// city ← county1 ← county1-town1, real processes: the township recorded a note of 5, the city counts it, and the
    /// county is stopped (so a test can write into its SQLite file).
    static func countyStoppedAfterANoteOf5() async throws -> LocalFederation {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 1)
        try await fed.startAll()
        _ = try await fed.submit("county1-town1", amount: 5)
        try await waitUntil("the city counts the township's research visit", seconds: 60) { (try? await fed.totals("city"))?["activity_participants"] == 5 }
        guard fed.stop("county1") == 0 else { throw LocalFederation.Failure(description: "county1 did not stop cleanly: \(fed.logTail("county1"))") }
        return fed
    }

    /// Finding: a township's report of period "99999999999" was accepted, stored, and trapped in `Period.startMs`;
    /// every restart replayed it and trapped again (a crash loop). Here the report is already in the county's SQLite
    /// file (written while the county was down, as a county before the fix stored it): the county process starts,
    /// answers `status` with a `not_applied` alert, keeps working (its own note reaches the city), restarts cleanly,
    /// and the city refuses the report when the county relays it.
    @Test func countyWhoseStoreHoldsAReportOfAPeriodThatDoesNotExistStartsAndAlerts() async throws {
        let fed = try await HostileChildProcessTests.countyStoppedAfterANoteOf5()
        defer { fed.stopAll() }
        do {
            let key = try KeyFile.load(from: fed.member("county1-town1").config.keyFile)
            let store = try Store(path: fed.member("county1").config.dataDir + "/node.db")
            let report = AggregateReport(period: "99999999999", body: "county1-town1", subtreeBodies: 1)
            let event = try HostileChildProcessTests.next(store, origin: "county1-town1", key: key, kind: .aggregateReport, payload: report.serializedBytes())
            try store.append([StoredEvent(event)])
        }
        try await fed.start("county1")
        let status = try await fed.status("county1")
        #expect(status.alerts.contains { $0.code == "not_applied" && $0.subject == "county1-town1" }, "\(status.alerts.map(\.code))")
        try await fed.waitParentUp("county1")
        _ = try await fed.submit("county1", amount: 7)
        try await waitUntil("the city counts the county's own research visit", seconds: 60) { (try? await fed.totals("city"))?["activity_participants"] == 12 }
        try await waitUntil("the city refused the relayed report with an alert", seconds: 30) {
            try await fed.status("city").alerts.contains { $0.code == "bad_period" }
        }
        #expect(fed.stop("county1") == 0)
        try await fed.start("county1")
        #expect(try await fed.status("county1").alerts.contains { $0.code == "not_applied" })
        #expect(fed.isRunning("city") && fed.isRunning("county1"))
    }

    /// The same report pushed by the township (signed with its real key) to a running county: refused on receipt with
    /// a `bad_period` alert, nothing stored; the township's next real event is stored after it.
    @Test func reportOfAPeriodThatDoesNotExistIsRefusedOnReceipt() async throws {
        let pair = try await CountyWithFakeTownship.make()
        await pair.pump(pair.town.handle(.start, now: pair.now()))
        await pair.originate(1)
        let runtime = pair.county.runtime
        let report = AggregateReport(period: "99999999999", body: "county1-town1", subtreeBodies: 1)
        let conn = pair.countyConn
        let key = pair.town.config.privateKey
        let (made, batchId) = await runtime.read { () -> (SignedEvent?, UInt64?) in
            (try? HostileChildProcessTests.next(runtime.core.store, origin: "county1-town1", key: key,
                                                kind: .aggregateReport, payload: report.serializedBytes()),
             runtime.core.expectedBatchId(on: conn))
        }
        let event = try #require(made)
        let id = try #require(batchId)
        let answers = await runtime.submitVerified(pair.countyConn, .push(EventBatch(batchId: id, events: [event], sender: "county1-town1")))
        let ack = answers.compactMap { if case .send(_, .ack(let a)) = $0 { return a } else { return nil } }.first
        #expect(ack?.refused.map(\.code) == ["bad_period"])
        #expect(await pair.countyStatus().alerts.contains { $0.code == "bad_period" && $0.subject == "county1-town1" })
        #expect(await pair.countyCount("kind = \(EventKind.aggregateReport.protoValue) AND origin = 'county1-town1' AND seq = \(try #require((try? event.decodedBody())?.seq))") == 0)
        let held = await pair.countyHolds()
        await pair.originate(1)
        #expect(await pair.countyHolds() == held + 1)
        await pair.close()
    }

    /// Finding: an unsigned batch with seq = 2^64-1 from any pinned peer trapped the node in `authenticateByOrigin`
    /// before any signature was checked. A county fed such a batch (over its real runtime, by its linked township)
    /// refuses it, stores nothing of it, answers `status`, and keeps taking the township's real events.
    @Test func unsignedBatchWithTheLargestSeqIsRefusedByACounty() async throws {
        let pair = try await CountyWithFakeTownship.make()
        await pair.pump(pair.town.handle(.start, now: pair.now()))
        await pair.originate(1)
        let runtime = pair.county.runtime
        let conn = pair.countyConn
        func unsigned(_ origin: String, _ seq: UInt64) -> SignedEvent {
            SignedEvent(body: EventBody(origin: origin, seq: seq, prevHash: seq == 1 ? [] : Array(repeating: 0, count: 32), timeMs: pair.now(),
                                        scope: Route.up.scope, kind: .testNote, payload: Note(text: "x", amount: 1).serializedBytes()).serializedBytes(),
                        signature: Array(repeating: 0, count: 64))
        }
        let batchId = try #require(await runtime.read { runtime.core.expectedBatchId(on: conn) })
        let batch = [unsigned("county1-town1", .max), unsigned("county1-town1@direct:county1", 1), unsigned("county1-town1", .max - 1)]
        let answers = await runtime.submitVerified(conn, .push(EventBatch(batchId: batchId, events: batch, sender: "county1-town1")))
        #expect(!answers.isEmpty)
        #expect(await pair.countyCount("origin LIKE 'county1-town1%' AND (seq < 0 OR seq > 1000)") == 0)
        #expect(await pair.countyStatus().nodeId == "county1")
        let held = await pair.countyHolds()
        await pair.originate(1)
        #expect(await pair.countyHolds() == held + 1)
        await pair.close()
    }

    /// Finding (issue 15): a county cited one township's report twice and the city showed 10 for 5, marked verified.
    /// The county's report (signed with its real key) is written into its store while it is down, as its next own
    /// event; when the county starts and pushes it, the real city refuses it (`bad_citation`, alerted) and its
    /// figures stay 5.
    @Test func cityRefusesACountyReportCitingOneTownshipTwice() async throws {
        let fed = try await HostileChildProcessTests.countyStoppedAfterANoteOf5()
        defer { fed.stopAll() }
        do {
            let key = try KeyFile.load(from: fed.member("county1").config.keyFile)
            let store = try Store(path: fed.member("county1").config.dataDir + "/node.db")
            let year = String(Day(chinaTimeMs: Int64(Date().timeIntervalSince1970 * 1000)).year)
            func latestReport(of origin: String) throws -> (StoredEvent, AggregateReport)? {
                let seq = try store.reader.highestSeq(origin: origin)
                var best: (StoredEvent, AggregateReport)?
                for e in try store.reader.events(origin: origin, seqs: 1...max(1, seq)) where e.kind == EventKind.aggregateReport.protoValue {
                    let body = try SignedEvent(body: e.body, signature: e.signature).decodedBody()
                    let r = try AggregateReport(serializedBytes: body.payload)
                    if r.period == year { best = (e, r) }
                }
                return best
            }
            let (townEvent, townReport) = try #require(try latestReport(of: "county1-town1"))
            let (_, countyReport) = try #require(try latestReport(of: "county1"))
            let cited = ChildReport(ref: EventRef(origin: townEvent.origin, seq: townEvent.seq, hash: townEvent.hash),
                                    totals: townReport.totals, subtreeBodies: townReport.subtreeBodies)
            var forged = countyReport
            forged.children = [cited, cited]
            forged.totals = countyReport.own
            for _ in 0..<2 { for (k, v) in townReport.totals { forged.totals[k, default: 0] += v } }
            forged.subtreeBodies = 1 + 2 * townReport.subtreeBodies
            forged.reportedChildren = 2
            #expect(forged.totals["activity_participants"] == 10)
            let event = try HostileChildProcessTests.next(store, origin: "county1", key: key, kind: .aggregateReport, payload: forged.serializedBytes())
            try store.append([StoredEvent(event)])
        }
        try await fed.start("county1")
        try await waitUntil("the city refused the county's report with an alert", seconds: 60) {
            try await fed.status("city").alerts.contains { $0.code == "bad_citation" && $0.subject == "county1" }
        }
        #expect(try await fed.totals("city")["activity_participants"] == 5)
    }

    /// Finding: two notes (then `xieshang submit-note`, since removed) whose amounts summed past Int64.max trapped the
    /// node after the commit, and again at every restart. The core no longer sums anything itself (figures come from the domain's source, whose inputs
    /// are bounded and whose sums are checked): both notes are stored, the township keeps running, restarts cleanly on
    /// the same store, and its next real record reaches the city's figures. Notes are the test schema's kind: the
    /// nodes run `xieshang-node-test` (a shipped node refuses them).
    @Test func noteAmountsPastTheLargestFigureDoNotStopARealNode() async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 1)
        defer { fed.stopAll() }
        try await fed.startAll(binary: .test)
        let town = "county1-town1"
        func note(_ amount: Int64) async throws -> UInt64 {
            let request = SubmitRequest(kind: .testNote, payload: Note(text: "n", amount: amount).serializedBytes(), actor: "office")
            return try SubmitResponse(serializedBytes: try await fed.call(town, AdminService.submit.path, request.serializedBytes())).seq
        }
        let first = try await note(Int64.max - 1)
        #expect(try await note(2) > first)
        #expect(fed.isRunning(town))
        #expect(try await fed.status(town).eventsStored > 0)
        #expect(fed.stop(town) == 0)
        try await fed.start(town, binary: .test)
        try await fed.waitParentUp(town)
        _ = try await fed.submit(town, amount: 3)
        try await waitUntil("the city counts the township's research visit", seconds: 60) {
            (try? await fed.totals("city"))?["activity_participants"] == 3
        }
    }
}
