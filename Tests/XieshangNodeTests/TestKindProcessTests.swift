import Foundation
import Testing
import XieshangTestKinds
import XieshangTransport
import XieshangWire

/// Production code without test code (issue 20 item 7): the Note is the test schema's kind (XieshangTestKinds), which
/// only the test executable `xieshang-node-test` enables. The shipped `xieshang-node` (and `xieshang node`) refuses to
/// record one on its admin socket and refuses one from a peer with the code `test_kind`: nothing stored, alerted,
/// logged and counted on the link, which keeps working.
@Suite("test event kinds only in the test executable", .serialized)
struct TestKindProcessTests {
    static func note(_ text: String) -> [UInt8] {
        SubmitRequest(kind: .testNote, payload: Note(text: text, amount: 1).serializedBytes(), scope: Scope(target: .up(true))).serializedBytes()
    }

    /// The admin refusal of a note at `id`: its status code and message, or nil if the node recorded it.
    static func refusal(_ fed: LocalFederation, _ id: String) async -> (StatusCode, String)? {
        do {
            _ = try await fed.call(id, AdminService.submit.path, note("n"))
            return nil
        } catch let error as TransportError {
            return (error.status, error.message)
        } catch {
            return (.unknown, "\(error)")
        }
    }

    /// city (`xieshang-node`, shipped) ← county1 (`xieshang-node-test`) ← county1-town1 (`xieshang-node-test`): the
    /// township's note replicates to the county, which relays it to the city; the city refuses it (`test_kind`, alert
    /// about the township, counted on its link to the county, in its log) and stores none of it, and the county's own
    /// record still reaches the city's figures over the same link.
    @Test func shippedNodeRefusesANoteFromAPeerWhileTheTestBinaryReplicatesIt() async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 1)
        defer { fed.stopAll() }
        let city = "city", county = "county1", town = "county1-town1"
        try await fed.start(city, binary: .shipped)
        try await fed.start(county, binary: .test)
        try await fed.start(town, binary: .test)
        try await fed.waitParentUp(county)
        try await fed.waitParentUp(town)
        let seq = try SubmitResponse(serializedBytes: try await fed.call(town, AdminService.submit.path, Self.note("t"))).seq
        #expect(seq > 0)
        let noteKind = Int64(EventKind.testNote.protoValue)
        try await waitUntil("the county (xieshang-node-test) holds the township's note", seconds: 30) {
            try await fed.events(county, origin: town).contains { $0.seq == seq && $0.kind == noteKind }
        }
        try await waitUntil("the city (xieshang-node) refused the relayed note with test_kind", seconds: 30) {
            try await fed.status(city).alerts.contains { $0.code == "test_kind" && $0.subject == town }
        }
        #expect(try await fed.events(city, origin: town).allSatisfy { $0.kind != noteKind && $0.seq < seq }, "the city stored the note")
        let link = try await fed.status(city).links.first { $0.peer == county }
        #expect(link?.refused ?? 0 > 0 && link?.state == "up", "\(String(describing: link))")
        let log = (try? String(contentsOfFile: fed.dir(city) + "/node.log", encoding: .utf8)) ?? ""
        #expect(log.contains("test_kind"), "the city's log names no test_kind refusal: \(fed.logTail(city))")
        // The link keeps working: the county's own record reaches the city's figures.
        _ = try await fed.submit(county, amount: 7)
        try await waitUntil("the city counts the county's own research visit", seconds: 60) {
            (try? await fed.totals(city))?["activity_participants"] == 7
        }
        #expect(fed.isRunning(city))
    }

    /// The shipped `xieshang-node` and the CLI's `xieshang node` refuse to record a note on the admin socket, saying
    /// it is reserved for tests, and store nothing; `xieshang-node-test` records it.
    @Test func shippedNodesAdminRefusesToRecordANote() async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 1)
        defer { fed.stopAll() }
        try await fed.start("city", binary: .shipped)
        try await fed.start("county1", binary: .cli)
        try await fed.waitParentUp("county1")
        for id in ["city", "county1"] {
            let refused = await Self.refusal(fed, id)
            #expect(refused?.0 == .failedPrecondition, "\(id): \(String(describing: refused))")
            #expect(refused?.1.contains("EVENT_KIND_TEST_NOTE is reserved for tests") == true, "\(id): \(String(describing: refused))")
            // Nothing stored: no note among its own events (a count of all events would race with the city's rosters
            // and reports arriving at the county meanwhile).
            #expect(try await fed.events(id, origin: id).allSatisfy { $0.kind != Int64(EventKind.testNote.protoValue) }, "\(id) stored a note")
        }
        try await fed.start("county1-town1", binary: .test)
        try await fed.waitParentUp("county1-town1")
        #expect(await Self.refusal(fed, "county1-town1") == nil)
    }

    /// The binaries servers and operators run hold nothing of the test schema — no symbol of XieshangTestKinds (Swift
    /// mangles the module name into each as `17XieshangTestKinds`), no Note type under either of its proto names (it
    /// was `xieshang.v1.Note` in the product schema) — while `xieshang-node-test` links it.
    @Test func shippedBinariesHoldNoTestSchema() throws {
        for (name, linksTestSchema) in [("xieshang-node", false), ("xieshang", false), ("xieshang-node-test", true)] {
            let path = try #require(LocalFederation.built(name), "\(name) is not built; run `swift build --build-tests`")
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
            func holds(_ text: String) -> Bool { bytes.range(of: Data(text.utf8)) != nil }
            #expect(holds("17XieshangTestKinds") == linksTestSchema, "\(name)")
            #expect(holds("xieshang.testing.v1.Note") == linksTestSchema, "\(name)")
            #expect(!holds("xieshang.v1.Note"), "\(name) holds the product schema's old Note")
        }
    }

    /// Nor the store's test support: the chain builder and the fuzzer's damage driver live in XieshangStoreTesting,
    /// which no node binary links (the store crash test's child process does).
    @Test func shippedBinariesHoldNoStoreTestSupport() throws {
        for (name, linksSupport) in [("xieshang-node", false), ("xieshang", false), ("xieshang-node-test", false),
                                     ("xieshang-store-crashtest", true)] {
            let path = try #require(LocalFederation.built(name), "\(name) is not built; run `swift build --build-tests`")
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
            func holds(_ text: String) -> Bool { bytes.range(of: Data(text.utf8)) != nil }
            #expect(holds("20XieshangStoreTesting") == linksSupport, "\(name)")
            #expect(holds("EventChainBuilder") == linksSupport, "\(name)")
            #expect(holds("StoreFuzzing") == linksSupport, "\(name)")
        }
    }
}
