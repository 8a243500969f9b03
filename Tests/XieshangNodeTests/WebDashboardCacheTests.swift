import Foundation
import Testing
@testable import XieshangNode
import XieshangCalendar
import XieshangDomain
import XieshangFederation
import XieshangWeb
import XieshangWire

/// The dashboard as the node answers it (issue 17, dashboard server time): built once per period, root, day and log
/// position and kept while nothing is stored (``DashboardCache``) — and never shown older than the log: a record made
/// after a view is in the next view.
@Suite(.serialized)
struct WebDashboardCacheTests {
    static func activity(_ id: String, participants: Int, on day: Day) -> DomainEvent {
        .activity(Activity(id: id, kind: .research, date: day, topic: "调研\(id)", participants: participants))
    }

    /// A second view with nothing new comes from the cache (one dashboard kept, built from the same log position);
    /// a record made on the web then moves the log, and the next view shows its 人次 in this body's totals and in its
    /// month of the trend; the stale dashboard is dropped.
    @Test func theDashboardIsKeptUntilAnEventAndThenShowsTheNewRecord() async throws {
        let pair = try await CountyWithFakeTownship.make()
        let runtime = pair.county.runtime
        let data = NodeWebData(runtime: runtime, startedAt: Date())
        let today = Day(chinaTimeMs: runtime.now())
        let year = String(today.year)
        func participants(_ d: Dashboard) -> Int64 { d.model.bodies.first?.totals["activity_participants"] ?? 0 }
        func thisMonth(_ d: Dashboard) -> Int64 { d.model.months.last?.value ?? -1 }

        let first = try await data.dashboard(period: year, body: nil).get()
        let again = try await data.dashboard(period: year, body: nil).get()
        #expect(data.dashboards.count == 1, "one dashboard kept for one period and body")
        #expect(!first.kept && again.kept, "the first view built it, the second found it kept (what Server-Timing says)")
        #expect(participants(again) == participants(first))
        let position = await runtime.read { (try? runtime.core.store.reader.lastPosition()) ?? -1 }
        let key = DashboardCache.Key(period: year, root: runtime.config.nodeId, today: today, version: position)
        #expect(data.dashboards.model(key) != nil, "kept under the log position it was built from")

        let recorded = await data.record([Self.activity("HD-CACHE-1", participants: 17, on: today)], actor: .office, madeBy: "user:clerk")
        guard case .success(.recorded) = recorded else { Issue.record("not recorded: \(recorded)"); await pair.close(); return }
        let after = try await data.dashboard(period: year, body: nil).get()
        #expect(!after.kept, "built again after the record")
        #expect(participants(after) == participants(first) + 17, "the new record's 人次 in the totals: \(participants(first)) → \(participants(after))")
        #expect(thisMonth(after) == thisMonth(first) + 17, "and in this month of the trend")
        #expect(data.dashboards.model(key) == nil && data.dashboards.count == 1, "the dashboard of the older log is dropped")
        await pair.close()
    }

    /// Finding (profiled at a township's list page: half its time wrote each row as JSON text and parsed it back):
    /// the list pages read the projection's rows directly. Every kind reads the same cells either way — counts,
    /// yes/no, lists and absent values included.
    @Test func listRowsReadDirectlyEqualTheQuerysJSON() async throws {
        let pair = try await CountyWithFakeTownship.make()
        let runtime = pair.county.runtime
        let data = NodeWebData(runtime: runtime, startedAt: Date())
        let today = Day(chinaTimeMs: runtime.now())
        let commands: [DomainEvent] = [
            .member(MemberRecorded(memberID: "M1", name: "张<b>明</b>", sector: "经济界", body: runtime.config.nodeId, term: 1, effective: today)),
            Self.activity("HD-ROWS-1", participants: 12, on: today),
        ]
        let recorded = await data.record(commands, actor: .office, madeBy: "os:test(uid 0)")
        let proposal: DomainEvent = .proposal(ProposalEvent("TA-ROWS-1", on: today, .submitted(.init(title: "关于茶产业的建议", text: "正文",
                                                                                                   kind: .individual, firstProposer: "M1"))))
        let submitted = await data.record([proposal], actor: .member("M1"), madeBy: "user:m1")
        guard case .success(.recorded) = recorded, case .success(.recorded) = submitted else {
            Issue.record("not recorded: \(recorded) \(submitted)")
            await pair.close()
            return
        }
        for kind in RecordKind.all {
            let direct = try await data.records(kind).get()
            let viaJSON = await runtime.read { () -> [[String: String]] in
                guard case .success(let r) = AdminHandlers.query(runtime, QueryRequest(recordType: kind.query)) else { return [] }
                return r.rowsJson.map { ((JSONText.parse($0) as? [String: Any]) ?? [:]).mapValues(NodeWebData.text) }
            }
            #expect(direct.rows == viaJSON, "\(kind.key): \(direct.rows) vs \(viaJSON)")
            if ["proposals", "activities", "members"].contains(kind.key) { #expect(!direct.rows.isEmpty, "\(kind.key) lists the record made") }
        }
        await pair.close()
    }

    /// A body outside the subtree is still refused with the parameter named, and nothing is kept for it.
    @Test func aBodyOutsideTheSubtreeIsRefusedAndNotKept() async throws {
        let pair = try await CountyWithFakeTownship.make()
        let data = NodeWebData(runtime: pair.county.runtime, startedAt: Date())
        let answer = await data.dashboard(period: "", body: "city")
        #expect((try? answer.get()) == nil)
        if case .failure(let error) = answer { #expect(error.parameter == "body") }
        #expect(data.dashboards.count == 0)
        await pair.close()
    }
}
