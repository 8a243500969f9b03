import Foundation
import Testing
import XieshangDomain
import XieshangWeb
@testable import XieshangNode

/// The activity form's unit 站点 (issue 18, item 2), on the proposal desk's site whose recording path is the domain's own
/// rules: the body's units are the choices (retired ones marked), a good post records the activity at the unit, and a
/// unit that is unknown, retired before the day or not yet set up answers 422 with the rule's message next to the form
/// and records nothing.
@Suite struct WebStationFormTests {
    static func fields(_ id: String, station: String, date: String = "2026-03-02") -> [(String, String)] {
        [("id", id), ("kind", "research"), ("date", date), ("topic", "调研\(id)"), ("participants", "12"), ("station", station)]
    }

    /// A site whose body registered 高竹村 (village) and 金竹林组 (group, retired on 2026-02-28).
    static func site() throws -> ProposalDeskTests.Site {
        let site = try ProposalDeskTests.Site()
        try site.data.state.withLock { (s: inout DomainState) throws in
            let on = try Day(parsing: "2026-01-05", field: "d")
            try s.record(.station(StationEvent("GZC", on: on, .registered(name: "高竹村民主协商中心站", kind: .village, parent: nil))), by: .office)
            try s.record(.station(StationEvent("GZC-JZL", on: on, .registered(name: "金竹林组民主协商中心点", kind: .group, parent: "GZC"))), by: .office)
            try s.record(.station(StationEvent("GZC-JZL", on: try Day(parsing: "2026-02-28", field: "d"), .retired(reason: ""))), by: .office)
        }
        return site
    }

    @Test func theActivityFormOffersTheUnitsAndRecordsTheChosenOne() async throws {
        let site = try Self.site()
        let clerk = try await site.user("clerk1", "clerk")
        let page = String(decoding: (await clerk.get("/forms/activity")).body, as: UTF8.self)
        #expect(page.contains("name=\"station\"") && page.contains("value=\"GZC\"") && page.contains("高竹村民主协商中心站")
                && page.contains("金竹林组民主协商中心点（2026-02-28 撤销）") && page.contains("本级（未在站点）"), "\(page)")
        let csrf = WebLoginTests.csrf(in: await clerk.get("/forms/activity"))
        let r = await clerk.post("/forms/activity", [("csrf", csrf)] + Self.fields("HD-1", station: "GZC"))
        #expect(r.status == 303, "\(String(decoding: r.body, as: UTF8.self))")
        // On its last day a retired unit still takes an activity; no unit is the body itself.
        let last = await clerk.post("/forms/activity", [("csrf", csrf)] + Self.fields("HD-2", station: "GZC-JZL", date: "2026-02-28"))
        let none = await clerk.post("/forms/activity", [("csrf", csrf)] + Self.fields("HD-3", station: ""))
        #expect(last.status == 303 && none.status == 303)
        #expect(site.data.state.withLock { [$0.activities["HD-1"]?.station, $0.activities["HD-2"]?.station, $0.activities["HD-3"]?.station] }
                == ["GZC", "GZC-JZL", ""])
    }

    @Test func anUnknownRetiredOrNotYetSetUpUnitIs422WithTheRulesMessageAndRecordsNothing() async throws {
        let site = try Self.site()
        let clerk = try await site.user("clerk1", "clerk")
        let csrf = WebLoginTests.csrf(in: await clerk.get("/forms/activity"))
        let before = site.data.state.withLock { $0 }
        let cases: [(String, [(String, String)], String)] = [
            ("a unit not registered here", Self.fields("A1", station: "NOWHERE"), "activity.station.unknown"),
            ("a unit retired before the day", Self.fields("A2", station: "GZC-JZL", date: "2026-03-01"), "已于 2026-02-28 撤销"),
            ("a unit not yet set up", Self.fields("A3", station: "GZC", date: "2026-01-04"), "activity.station.notYet"),
            ("markup as a unit", Self.fields("A4", station: "<b>GZC</b>"), "&lt;b&gt;GZC&lt;/b&gt;"),
        ]
        for (what, fields, message) in cases {
            let r = await clerk.post("/forms/activity", [("csrf", csrf)] + fields)
            let html = String(decoding: r.body, as: UTF8.self)
            #expect(r.status == 422 && html.contains("data-refusal") && html.contains(message) && html.contains("name=\"station\""),
                    "\(what): \(r.status) \(html)")
            #expect(!html.contains("<b>GZC</b>"), "\(what): shown as text")
        }
        #expect(site.data.state.withLock { $0 } == before && site.data.count == 0)
    }
}
