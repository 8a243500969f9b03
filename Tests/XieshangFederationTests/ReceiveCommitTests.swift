import Testing
import XieshangFederation
import XieshangStore
import XieshangTestKinds
import XieshangWire

/// One SQLite commit per received batch (the federation bench's p99 regression, Ops/bench/README.md, run of
/// 2026-12-02 14:29 UTC): the events, the receipt times of child reports and the alerts a batch raises are stored in
/// the append's transaction — counted by the store's commit hook (`Store.commitCount`) on real SQLite files.
@Suite struct ReceiveCommitTests {
    /// A county over one township, with the recomputing test source (ancestors compare reports with records), after
    /// the township's first note went up.
    static func county() throws -> (TestNetwork, period: String) {
        let net = TestNetwork()
        try net.tree([("county", ["town"])], figures: { RecomputingNotes() })
        net.run()
        net.originate("town", amount: 3)
        net.run()
        return (net, Period.all(containing: Day(chinaTimeMs: net.now))[0].description)
    }

    /// The receipt times the county holds for the township's reports, by seq.
    static func receipts(_ net: TestNetwork) throws -> [Int64] {
        try net.nodes["county"]!.store.reader.rows("SELECT seq FROM federation_report_receipts WHERE origin = 'town' ORDER BY seq")
            .compactMap { if case .integer(let s) = $0.first { s } else { nil } }
    }

    /// Finding: a batch carrying a record and the township's report cost the county three commits (three fsyncs):
    /// the report's receipt time in a transaction of its own, the record committed alone so the figures source had
    /// counted it before the report was compared, then the report. Now the source counts the record on trial and
    /// everything — record, report, receipt — is one commit.
    @Test func aBatchWithRecordsAndAReportIsOneCommit() throws {
        let (net, period) = try ReceiveCommitTests.county()
        let store = net.nodes["county"]!.store
        let honest = AggregateReport(period: period, body: "town", own: ["notes": 2, "note_amount": 7],
                                     totals: ["notes": 2, "note_amount": 7], subtreeBodies: 1)
        let batch = try OwnFiguresTests.nextEvents(net, at: "county", origin: "town",
                                                   [(.testNote, Note(text: "t", amount: 4).serializedBytes()), (.aggregateReport, honest.serializedBytes())])
        let before = store.commitCount
        let ack = net.inject(batch, from: "town", to: "county")
        #expect(ack?.refused.isEmpty == true, "\(ack?.refused.map(\.reason) ?? [])")
        #expect(store.commitCount - before == 1)
        let reportSeq = try #require(Int64(exactly: batch[1].decodedBody().seq))
        #expect(try ReceiveCommitTests.receipts(net).contains(reportSeq))
        #expect(net.nodes["county"]!.currentReport(period: period).totals == ["notes": 2, "note_amount": 7])
    }

    /// Finding: an alert raised by a received batch (here a report whose own figures its records do not give) was
    /// originated in a commit of its own, after the batch's. Now the record, the refusal's alert event and nothing
    /// else are one commit, and the alert still travels (it is in the county's log on its up chain).
    @Test func aBatchThatRaisesAnAlertIsOneCommit() throws {
        let (net, period) = try ReceiveCommitTests.county()
        let store = net.nodes["county"]!.store
        let inflated = AggregateReport(period: period, body: "town", own: ["notes": 50, "note_amount": 7],
                                       totals: ["notes": 50, "note_amount": 7], subtreeBodies: 1)
        let batch = try OwnFiguresTests.nextEvents(net, at: "county", origin: "town",
                                                   [(.testNote, Note(text: "t", amount: 4).serializedBytes()), (.aggregateReport, inflated.serializedBytes())])
        let alertsBefore = try store.reader.entries(kind: EventKind.alert.protoValue).count
        let receiptsBefore = try ReceiveCommitTests.receipts(net)
        let before = store.commitCount
        let ack = net.inject(batch, from: "town", to: "county")
        #expect(ack?.refused.map(\.code) == ["own_mismatch"])
        #expect(store.commitCount - before == 1)
        #expect(try store.reader.entries(kind: EventKind.alert.protoValue).count == alertsBefore + 1)
        #expect(try store.reader.highestSeq(origin: "town") == batch[0].decodedBody().seq)  // the record stays
        #expect(try ReceiveCommitTests.receipts(net) == receiptsBefore)
    }

    /// Nothing half-written: when the batch's transaction fails after its events were inserted (a trigger refuses
    /// the receipt row, written last), neither the events nor the receipt are stored and no Ack goes back; once the
    /// store takes writes again, the resent batch is stored whole, with its receipt, in one commit.
    @Test func aFailedAppendLeavesNeitherEventsNorReceipts() throws {
        let (net, period) = try ReceiveCommitTests.county()
        let store = net.nodes["county"]!.store
        try store.write { (db) throws(StoreError) in
            try db.execute("CREATE TRIGGER refuse_receipts BEFORE INSERT ON federation_report_receipts BEGIN SELECT RAISE(ABORT, 'refused by test'); END")
        }
        let honest = AggregateReport(period: period, body: "town", own: ["notes": 2, "note_amount": 7],
                                     totals: ["notes": 2, "note_amount": 7], subtreeBodies: 1)
        let batch = try OwnFiguresTests.nextEvents(net, at: "county", origin: "town",
                                                   [(.testNote, Note(text: "t", amount: 4).serializedBytes()), (.aggregateReport, honest.serializedBytes())])
        let headBefore = try store.reader.highestSeq(origin: "town")
        let receiptsBefore = try ReceiveCommitTests.receipts(net)
        let countBefore = try store.reader.count()
        #expect(net.inject(batch, from: "town", to: "county") == nil)
        #expect(try store.reader.highestSeq(origin: "town") == headBefore)
        #expect(try store.reader.count() == countBefore)
        #expect(try ReceiveCommitTests.receipts(net) == receiptsBefore)
        #expect(net.nodes["county"]!.currentReport(period: period).totals == ["notes": 1, "note_amount": 3])

        try store.write { (db) throws(StoreError) in try db.execute("DROP TRIGGER refuse_receipts") }
        let before = store.commitCount
        let ack = net.inject(batch, from: "town", to: "county")
        #expect(ack?.refused.isEmpty == true, "\(ack?.refused.map(\.reason) ?? [])")
        #expect(store.commitCount - before == 1)
        #expect(try store.reader.highestSeq(origin: "town") == batch[1].decodedBody().seq)
        let reportSeq = try #require(Int64(exactly: batch[1].decodedBody().seq))
        #expect(try ReceiveCommitTests.receipts(net) == receiptsBefore + [reportSeq])
        #expect(net.nodes["county"]!.currentReport(period: period).totals == ["notes": 2, "note_amount": 7])
    }
}
