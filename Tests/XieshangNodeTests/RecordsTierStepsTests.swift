import Foundation
import Testing
import XieshangDomain
@testable import XieshangNode
import XieshangStore
import XieshangTransport
import XieshangWire

/// The cross-body steps with `records_up_to_tier` at the county tier, on real node processes (city → county1 →
/// county1-town1). With the setting on, a step a township addresses to a body above it travels on its `direct:<body>`
/// chain (``DomainSubmit/scope(_:recordedAt:core:)``), not `up`: a stage reported on an item issued above, a topic
/// proposed for a solicitation above, a report sent 直通车, and the county's decomposition reported to the city.
/// The recipient must still see each one as coming up, and a `direct` step that does not come up is refused.
@Suite("cross-body steps with records_up_to_tier on node processes", .serialized)
struct RecordsTierStepsTests {
    static let town = "county1-town1"

    /// A city → county1 → county1-town1 federation whose node.json files all say `records_up_to_tier: county`, started.
    static func federation() async throws -> LocalFederation {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 1)
        for m in fed.topology.members {
            var config = m.config
            config.recordsUpToTier = "county"
            try config.jsonText().write(toFile: m.directory + "/node.json", atomically: true, encoding: .utf8)
        }
        try await fed.startAll()
        return fed
    }

    static func plan(_ issuer: String, _ on: String, _ step: XieshangDomain.PlanEvent.Step) -> DomainEvent {
        .plan(XieshangDomain.PlanEvent("2026", issuer: issuer, on: recordsDay(on), step))
    }

    static func item(_ id: String, _ assignees: [String], deadline: String = "2026-12-31") -> XieshangDomain.PlanItem {
        XieshangDomain.PlanItem(id: id, category: "专题协商", topic: "议题\(id)", form: "专题协商", leadLeader: "市政协副主席 赵某",
                                department: "市民政局", person: "陈某", deadline: recordsDay(deadline), assignees: assignees)
    }

    /// The rows of `type` at `id` (filters as given).
    static func rows(_ fed: LocalFederation, _ id: String, _ type: String, _ filter: [String: String] = [:]) async throws -> [[String: Any]] {
        var request = QueryRequest(recordType: type)
        request.filter = filter
        let r = try QueryResponse(serializedBytes: try await fed.call(id, AdminService.query.path, request.serializedBytes()))
        return try r.rowsJson.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:] }
    }

    /// The city's plan 2026 issued: item 1 to county1, item 2 to the township directly; county1 decomposes item 1 for
    /// the township. Returns once the township holds both plans.
    static func issuePlans(_ fed: LocalFederation) async throws {
        for (on, step) in [("2026-01-05", XieshangDomain.PlanEvent.Step.drafted(year: 2026, title: "市政协2026年度协商计划")),
                           ("2026-01-06", .itemAdded(item("1", ["county1"]))), ("2026-01-06", .itemAdded(item("2", [town]))),
                           ("2026-01-20", .reviewed(meeting: "主席会议")), ("2026-02-05", .approved(meeting: "市委常委会")),
                           ("2026-02-10", .issued(document: "市政协发〔2026〕3号"))] {
            try await CrossBodyTests.submit(fed, "city", plan("city", on, step))
        }
        try await waitUntil("county1 holds the city's plan, issued", seconds: 60) {
            try await rows(fed, "county1", "plans").contains { $0["issuer"] as? String == "city" && $0["plan_status"] as? String == "issued" }
        }
        try await CrossBodyTests.submit(fed, "county1", plan("county1", "2026-02-20", .decomposed(
            itemID: "1", parentIssuer: "city", parentPlanID: "2026", subItems: [item("1.1", [town], deadline: "2026-09-30")])))
        try await waitUntil("the township holds the city's plan and county1's sub-plan", seconds: 60) {
            let issuers = Set(try await rows(fed, town, "plans").compactMap { $0["issuer"] as? String })
            return issuers == ["city", "county1"]
        }
    }

    /// The stage of `assignee` on item `itemID` of `issuer`'s plan in `holder`'s `plans` rows (its own plans and the
    /// plans issued to it).
    static func stage(_ fed: LocalFederation, _ holder: String, issuer: String, item itemID: String, of assignee: String) async throws -> String? {
        let row = try await rows(fed, holder, "plans").first { $0["issuer"] as? String == issuer && $0["item_id"] as? String == itemID }
        return (row?["stages"] as? [String: String])?[assignee]
    }

    /// The city's `plan_tree` rows, "depth|sub_issuer|sub_item_id|assignee|stage".
    static func tree(_ fed: LocalFederation, _ holder: String) async throws -> [String] {
        try await rows(fed, holder, "plan_tree", ["as_of": "2026-06-30"]).map {
            "\(($0["depth"] as? NSNumber)?.intValue ?? -1)|\($0["sub_issuer"] as? String ?? $0["issuer"] as? String ?? "")|"
                + "\($0["sub_item_id"] as? String ?? $0["item_id"] as? String ?? "")|\($0["assignee"] as? String ?? "")|\($0["stage"] as? String ?? "")"
        }
    }

    @Test("records_up_to_tier county: a township's stage, topic and 直通车 report reach the city (and county1's decomposition and the township's stage on it reach county1); nothing is refused")
    func townshipStepsReachTheBodiesAbove() async throws {
        let fed = try await Self.federation()
        defer { fed.stopAll() }
        let town = Self.town
        try await Self.issuePlans(fed)

        // (1) Stages: on the city's item 2 (issued above the county tier, to the township: direct:city, relayed by
        // county1) and on county1's sub-item 1.1 of the city's item 1 (direct:county1); county1 reports its own stage.
        try await CrossBodyTests.submit(fed, town, Self.plan("city", "2026-05-01", .stageReported(itemID: "2", byBody: town, stage: .preparing, note: "已成立专班")))
        try await CrossBodyTests.submit(fed, town, Self.plan("county1", "2026-05-02", .stageReported(itemID: "1.1", byBody: town, stage: .held, note: "已召开")))
        try await CrossBodyTests.submit(fed, "county1", Self.plan("city", "2026-05-03", .stageReported(itemID: "1", byBody: "county1", stage: .preparing, note: "")))
        try await waitUntil("the city sees the township's stage on item 2 and county1's on item 1", seconds: 60) {
            let t = try await Self.stage(fed, "city", issuer: "city", item: "2", of: town)
            let c = try await Self.stage(fed, "city", issuer: "city", item: "1", of: "county1")
            return t == ItemStage.preparing.name && c == ItemStage.preparing.name
        }
        try await waitUntil("county1 sees the township's stage on its sub-item 1.1", seconds: 60) {
            try await Self.stage(fed, "county1", issuer: "county1", item: "1.1", of: town) == ItemStage.held.name
        }
        // The city's board follows item 1 into county1's decomposition (reported direct:city).
        try await waitUntil("the city's plan_tree shows county1's sub-item 1.1 for the township", seconds: 60) {
            try await Self.tree(fed, "city").contains { $0.hasPrefix("1|county1|1.1|\(town)|") }
        }
        let cityTree = try await Self.tree(fed, "city")
        #expect(cityTree.contains("0|city|1|county1|preparing") && cityTree.contains("0|city|2|\(town)|preparing"), "\(cityTree)")
        // county1's board has the township's stage on 1.1. The city's row of 1.1 stays "assigned": the township's stage
        // on county1's sub-item is its record for county1 (direct:county1), and records stop at the county tier.
        let countyTree = try await Self.tree(fed, "county1")
        #expect(countyTree.contains("1|county1|1.1|\(town)|held"), "\(countyTree)")
        #expect(cityTree.contains("1|county1|1.1|\(town)|assigned"), "\(cityTree)")

        // (2) 议题征集: the city solicits topics for 2027; the township proposes one (direct:city).
        try await CrossBodyTests.submit(fed, "city", .plan(XieshangDomain.PlanEvent("2027", issuer: "city", on: recordsDay("2026-11-01"),
                                                                                   .topicsSolicited(deadline: recordsDay("2026-11-30"), bodies: []))))
        try await waitUntil("the township holds the solicitation and proposes a topic to the city", seconds: 60) {
            do {
                try await CrossBodyTests.submit(fed, town, .plan(XieshangDomain.PlanEvent("2027", issuer: "city", on: recordsDay("2026-11-05"),
                    .topicProposed(topicID: "T1", byBody: town, topic: "山区学生上学交通安全", reason: "群众反映强烈"))))
                return true
            } catch let e as TransportError where e.status == .failedPrecondition { return false }
        }
        try await waitUntil("the city lists the township's topic", seconds: 60) {
            try await Self.rows(fed, "city", "topics").contains {
                $0["topic_id"] as? String == "T1" && $0["proposer"] as? String == town && $0["source"] as? String == ConsultationPlan.TopicSource.lowerBody.rawValue
            }
        }

        // (3) 直通车: the township's opinion report sent straight to the city, past county1.
        let prov = XieshangDomain.OpinionEvent.Provenance(originBody: town, originReportID: "R1", author: "t1", authorKind: .member)
        func op(_ on: String, _ step: XieshangDomain.OpinionEvent.Step) -> DomainEvent { .opinion(XieshangDomain.OpinionEvent(prov, at: town, on: recordsDay(on), step)) }
        try await CrossBodyTests.submit(fed, town, CrossBodyTests.member("t1", "张某", body: town))
        try await CrossBodyTests.submit(fed, town, op("2026-03-02", .submitted(title: "关于山区学生上学交通安全的建议", text: "敖寨乡……")))
        try await CrossBodyTests.submit(fed, town, op("2026-03-05", .forwarded(toBody: "city", toTier: "city", title: "交通安全", text: "（直通车）", direct: true)))
        try await waitUntil("the city received the township's report 直通车", seconds: 60) {
            try await CrossBodyTests.query(fed, "city", "opinions").contains { $0["origin_body"] as? String == town && $0["origin_report_id"] as? String == "R1" }
        }
        let atCity = try #require(try await CrossBodyTests.query(fed, "city", "opinions").first { $0["origin_report_id"] as? String == "R1" })
        #expect(atCity["origin_body"] as? String == town, "\(atCity)")

        // The same after a restart, where the records are folded again from the log (the rosters before the steps).
        for id in ["city", "county1"] {
            #expect(fed.stop(id) == 0)
            try await fed.start(id)
        }
        #expect(try await Self.stage(fed, "city", issuer: "city", item: "2", of: town) == ItemStage.preparing.name)
        #expect(try await Self.stage(fed, "county1", issuer: "county1", item: "1.1", of: town) == ItemStage.held.name)
        #expect(try await Self.rows(fed, "city", "topics").map { $0["topic_id"] as? String } == ["T1"])
        #expect(try await Self.tree(fed, "city").contains("0|city|2|\(town)|preparing"))

        // Nothing refused anywhere on the way.
        for id in ["city", "county1"] {
            let problems = try await CrossBodyTests.query(fed, id, "problems")
            #expect(problems.isEmpty, "\(id): \(problems)")
            let alerts = try await CrossBodyTests.foreignAlerts(fed, id, about: town) + CrossBodyTests.foreignAlerts(fed, id, about: "county1")
            #expect(alerts.isEmpty, "\(id): \(alerts)")
        }
    }

    /// A `direct:` step is a step up only from below its recipient, and only to the body it names: the city (above
    /// county1) proposing a topic to county1's solicitation on its chain direct:county1, and the township sending its
    /// stage on the city's item direct:county1 (not to the city, its recipient), are refused at county1 with an alert
    /// about the signer; neither appears in any body's records.
    @Test("records_up_to_tier county: a direct step from above, or sent to another body than its recipient, is refused with an alert and recorded nowhere")
    func directStepsFromAboveOrMisaddressedAreRefused() async throws {
        let fed = try await Self.federation()
        defer { fed.stopAll() }
        let town = Self.town
        try await Self.issuePlans(fed)
        try await CrossBodyTests.submit(fed, "county1", .plan(XieshangDomain.PlanEvent("2027", issuer: "county1", on: recordsDay("2026-11-01"),
                                                                                      .topicsSolicited(deadline: recordsDay("2026-11-30"), bodies: []))))
        let fromAbove = try await CrossBodyTests.forge(fed, "city", route: .direct("county1"), [
            .plan(XieshangDomain.PlanEvent("2027", issuer: "county1", on: recordsDay("2026-11-05"),
                                           .topicProposed(topicID: "X1", byBody: "city", topic: "冒充下级的议题", reason: "伪造"))),
        ])
        let misaddressed = try await CrossBodyTests.forge(fed, town, route: .direct("county1"), [
            Self.plan("city", "2026-05-01", .stageReported(itemID: "2", byBody: town, stage: .held, note: "伪造")),
        ])
        try await CrossBodyTests.waitHolds(fed, "county1", "city@direct:county1", fromAbove[0])
        try await CrossBodyTests.waitHolds(fed, "county1", "\(town)@direct:county1", misaddressed[0])
        try await waitUntil("county1 alerts about both", seconds: 30) {
            let fromCity = try await CrossBodyTests.foreignAlerts(fed, "county1", about: "city")
            let fromTown = try await CrossBodyTests.foreignAlerts(fed, "county1", about: town)
            return !fromCity.isEmpty && !fromTown.isEmpty
        }
        let problems = try await CrossBodyTests.query(fed, "county1", "problems")
        let reasons = problems.compactMap { $0["reason"] as? String }
        #expect(problems.count == 2, "\(problems)")
        #expect(reasons.contains { $0.contains("topicProposed of city travels up, but it arrived neither up nor down") }, "\(reasons)")
        #expect(reasons.contains { $0.contains("progressReported of \(town) is for city, but it was sent direct:county1") }, "\(reasons)")
        // Recorded nowhere: county1 lists no topic, and no body has the township's stage on item 2.
        #expect(try await Self.rows(fed, "county1", "topics").isEmpty)
        for id in ["city", "county1"] {
            #expect(try await Self.stage(fed, id, issuer: "city", item: "2", of: town) == ItemStage.assigned.name, "\(id)")
        }
        #expect(fed.isRunning("county1") && fed.isRunning("city"))
    }
}
