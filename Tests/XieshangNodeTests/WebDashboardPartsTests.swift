import Foundation
import Testing
@testable import XieshangNode
import XieshangCalendar
import XieshangDomain
import XieshangWeb

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
}
