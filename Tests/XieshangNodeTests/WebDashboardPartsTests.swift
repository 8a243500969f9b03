import Foundation
import Testing
@testable import XieshangNode
import XieshangCalendar
import XieshangDomain
import XieshangWeb
import XieshangWire

/// A dashboard's first build reads the parts other views share from the node's cache (issue 17, dashboard built:
/// ``DashboardCache/part(_:version:today:_:)`` — the period's Stats, this node's month reports, the bodies' expected
/// children): the page built from kept parts is the page built from nothing, and a stored event drops them.
@Suite(.serialized)
struct WebDashboardPartsTests {
    @Test func aDashboardBuiltFromKeptPartsEqualsOneBuiltAfresh() async throws {
        let pair = try await CountyWithFakeTownship.make()
        let runtime = pair.county.runtime
        let data = NodeWebData(runtime: runtime, startedAt: Date())
        let here = runtime.config.nodeId
        let today = Day(chinaTimeMs: runtime.now())
        let year = String(today.year), quarter = "\(today.year)-Q\((today.month - 1) / 3 + 1)"
        func page(_ period: String, parts: DashboardCache?) async -> String {
            await runtime.read {
                switch NodeWebData.model(runtime, period: period, root: here, today: today, parts: parts) {
                case .success(let m): return DashboardPage.render(Dashboard(model: m, alerts: []), here: here)
                case .failure(let e): return "failed: \(e.message)"
                }
            }
        }
        let parts = DashboardCache()
        for period in [year, quarter, year] {
            let kept = await page(period, parts: parts), fresh = await page(period, parts: nil)
            #expect(kept == fresh, "\(period): the page from kept parts differs from a fresh one")
            #expect(!kept.hasPrefix("failed"), "\(kept.prefix(200))")
        }
        // Stats of two periods, the expected children, and the months of the year (the quarter's among them).
        let keptBefore = parts.partCount
        #expect(keptBefore >= 3 + FiguresReport.months(ofPeriod: year, today: today).count, "parts kept: \(keptBefore)")

        // A record moves the log: the next build reads it, not the parts of the older log.
        let before = await page(year, parts: parts)
        let recorded = await data.record([.activity(Activity(id: "HD-PARTS-1", kind: .research, date: today, topic: "调研", participants: 23))],
                                         actor: .office, madeBy: "user:clerk")
        guard case .success(.recorded) = recorded else { Issue.record("not recorded: \(recorded)"); await pair.close(); return }
        let after = await page(year, parts: parts), fresh = await page(year, parts: nil)
        await pair.close()
        #expect(after == fresh, "after the record: kept parts must not outlive the log position")
        #expect(after != before, "the record shows")
        #expect(parts.partCount < keptBefore, "the parts of the older log were dropped (\(parts.partCount) kept)")
    }

    /// The bodies' list the dashboard counts expected children from is read as typed rows
    /// (``DomainSubmit/knownBodies(_:)``), no longer the admin query's JSON written and parsed back per body: the rows
    /// are the query `bodies`' rows, the county first with its city as parent and its township under it.
    @Test func theBodiesAreTheQueryRowsWithoutJSON() async throws {
        let pair = try await CountyWithFakeTownship.make()
        let runtime = pair.county.runtime
        let (typed, json) = await runtime.read { () -> ([XieshangDomain.BodyInfo], [String]) in
            let rows = (try? DomainSubmit.knownBodies(runtime)) ?? []
            guard case .success(let answer) = AdminHandlers.query(runtime, QueryRequest(recordType: "bodies")) else { return (rows, []) }
            return (rows, answer.rowsJson)
        }
        await pair.close()
        let parsed = json.compactMap { JSONText.parse($0) as? [String: Any] }.map { r in
            [r["node_id"], r["name"], r["tier"], r["parent"]].map { ($0 as? String) ?? "?" }
        }
        #expect(parsed == typed.map { [$0.id, $0.name, $0.tier, $0.parent ?? ""] })
        let county = runtime.config.nodeId
        #expect(typed.contains { $0.id == county && $0.parent == runtime.config.parent?.nodeId })
        #expect(typed.filter { $0.parent == county }.map(\.id) == runtime.config.children.map(\.nodeId).sorted())
        #expect(typed.map(\.id) == typed.map(\.id).sorted())
    }

    /// The reports a dashboard's Stats and month series read are decoded once and kept by (origin, seq)
    /// (``StoredReports``; a stored event never changes): a kept report is the one the log holds, a second read does not
    /// decode again, an event that is no report is not kept, and the set stays within its bound.
    @Test func storedReportsAreDecodedOnceAndEqualTheLogs() async throws {
        let pair = try await CountyWithFakeTownship.make()
        let runtime = pair.county.runtime
        let data = NodeWebData(runtime: runtime, startedAt: Date())
        let today = Day(chinaTimeMs: runtime.now())
        _ = await data.record([.activity(Activity(id: "HD-REPORTS-1", kind: .research, date: today, topic: "调研", participants: 7))],
                              actor: .office, madeBy: "user:clerk")
        let kind = Int64(EventKind.aggregateReport.protoValue)
        func refs(_ sql: String) async -> [XieshangWire.EventRef] {
            await runtime.read {
                ((try? runtime.core.store.reader.rows(sql, [.integer(kind)])) ?? []).compactMap { r in
                    guard case .text(let origin) = r[0], case .integer(let seq) = r[1], let s = UInt64(exactly: seq) else { return nil }
                    return XieshangWire.EventRef(origin: origin, seq: s, hash: [])
                }
            }
        }
        try await waitUntil("the county signs a report of its figures", seconds: 30) {
            await !refs("SELECT origin, seq FROM events WHERE kind = ? LIMIT 1").isEmpty
        }
        let reports = await refs("SELECT origin, seq FROM events WHERE kind = ? ORDER BY position")
        let other = await refs("SELECT origin, seq FROM events WHERE kind <> ? ORDER BY position LIMIT 1")
        let kept = StoredReports()
        let outcome = await runtime.read { () -> (same: Bool, count: Int, again: Bool, otherKept: Bool, afterOther: Int) in
            let reader = runtime.core.store.reader
            var same = true
            for ref in reports {
                let direct = StoredReports.read(ref, from: reader, keptIn: nil), cached = StoredReports.read(ref, from: reader, keptIn: kept)
                same = same && direct != nil && direct?.serializedBytes() == cached?.serializedBytes()
            }
            let count = kept.count
            let again = reports.allSatisfy { StoredReports.read($0, from: reader, keptIn: kept)?.serializedBytes() == StoredReports.read($0, from: reader, keptIn: nil)?.serializedBytes() }
            let otherKept = other.contains { StoredReports.read($0, from: reader, keptIn: kept) != nil }
            return (same, count, again && kept.count == count, otherKept, kept.count)
        }
        await pair.close()
        #expect(!reports.isEmpty && outcome.same, "every report read through the set equals the log's (\(reports.count) reports)")
        #expect(outcome.count == Set(reports.map { "\($0.origin)#\($0.seq)" }).count, "each report kept once")
        #expect(outcome.again, "a second read answers the kept report and keeps nothing more")
        #expect(!other.isEmpty && !outcome.otherKept && outcome.afterOther == outcome.count, "an event that is no report is neither answered nor kept")
        #expect(StoredReports.capacity >= 181 * 4, "a city's bodies for a few periods fit")
    }
}
