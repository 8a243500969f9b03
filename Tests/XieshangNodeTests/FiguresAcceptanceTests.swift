import Foundation
import Testing
import XieshangCalendar
import XieshangWire

/// #15's acceptance with real node processes: a city, two counties and four townships. Townships record activities,
/// suggestions and opinion reports dated across the first half of 2026 (one activity dated 31 March is entered after
/// April's); the counties adopt what their townships forward and run proposals through their steps (one re-handled).
/// For every county and township, the city's figures for March, April, Q1, Q2 and H1 equal what this test computes
/// from the records it generated, by each record's own date — and so do the rates (办结率 by cohort, 满意率 from the
/// latest round).
@Suite("figures up (process acceptance)", .serialized)
struct FiguresAcceptanceTests {
    /// One generated record's contribution: figure name → value on a day.
    struct Count {
        var body: String
        var day: String
        var figure: String
        var value: Int64 = 1
    }

    static let periods = ["2026-03", "2026-04", "2026-Q1", "2026-Q2", "2026-H1"]
    static let kinds: [(cli: String, form: String?, figure: String)] = [
        ("consultation", "topical", "consultations"), ("research", nil, "research_visits"), ("inspection", nil, "inspections"),
        ("appraisal", nil, "appraisals"), ("training", nil, "trainings"), ("welfare", nil, "welfare_activities"),
    ]

    @Test("the city's figures for every county and township equal the generated records, by record date")
    func cityFiguresEqualTheGeneratedRecordsByRecordDate() async throws {
        let fed = try LocalFederation(counties: 2, townshipsPerCounty: 2)
        defer { fed.stopAll() }
        try await fed.startAll()
        var counts: [Count] = []
        func cli(_ body: String, _ words: [String]) async throws {
            let r = try await ProcessRun.run(fed.executable, words + ["--node", fed.member(body).config.adminSocket],
                                             environment: ["XIESHANG_NODE": nil])
            if r.status != 0 { throw LocalFederation.Failure(description: "`xieshang \(words.joined(separator: " "))` at \(body): \(r.output)") }
        }
        func d(_ month: Int, _ day: Int) -> String { "2026-0\(month)-\(day < 10 ? "0" : "")\(day)" }

        // Townships: an activity a month, January to June, then one dated 31 March entered after April's.
        for (ti, town) in fed.townships.enumerated() {
            for month in 1...6 {
                let k = Self.kinds[(ti + month) % Self.kinds.count]
                let participants = Int64(10 + ti * 3 + month), day = d(month, 10 + ti)
                var words = ["activity", "add", "--id", "HD-\(month)", "--kind", k.cli, "--topic", "议题\(month)",
                             "--participants", String(participants), "--date", day]
                if let form = k.form { words += ["--form", form] }
                if k.cli == "appraisal" { words += ["--target-unit", "乡卫生院"] }
                try await cli(town, words)
                counts += [Count(body: town, day: day, figure: k.figure), Count(body: town, day: day, figure: "activity_participants", value: participants)]
            }
            try await cli(town, ["activity", "add", "--id", "HD-0331", "--kind", "research", "--topic", "三月底调研", "--participants", "7",
                                 "--date", "2026-03-31"])
            counts += [Count(body: town, day: "2026-03-31", figure: "research_visits"),
                       Count(body: town, day: "2026-03-31", figure: "activity_participants", value: 7)]
            // Suggestions: JY-1 made in February, adopted in March, closed in April; JY-2 made in May, adopted in June.
            try await cli(town, ["suggestion", "add", "--id", "JY-1", "--text", "建议一", "--addressee", "乡镇党委", "--date", "2026-02-20"])
            try await cli(town, ["suggestion", "adopt", "JY-1", "--by", "乡镇党委书记", "--date", "2026-03-05"])
            try await cli(town, ["suggestion", "close", "JY-1", "--note", "已落实", "--date", "2026-04-15"])
            try await cli(town, ["suggestion", "add", "--id", "JY-2", "--text", "建议二", "--addressee", "乡镇党委", "--date", "2026-05-10"])
            try await cli(town, ["suggestion", "adopt", "JY-2", "--by", "乡镇党委书记", "--date", "2026-06-01"])
            counts += [Count(body: town, day: "2026-02-20", figure: "suggestions_made"), Count(body: town, day: "2026-03-05", figure: "suggestions_adopted"),
                       Count(body: town, day: "2026-04-15", figure: "suggestions_closed"), Count(body: town, day: "2026-05-10", figure: "suggestions_made"),
                       Count(body: town, day: "2026-06-01", figure: "suggestions_adopted")]
            // Opinion reports: XX-1 adopted here and forwarded to the county; XX-2 archived.
            func opinion(_ words: [String]) async throws { try await cli(town, ["opinion"] + words + ["--author-kind", "group"]) }
            try await opinion(["submit", "--id", "XX-1", "--title", "饮水安全", "--text", "供水管网老化。", "--author", town, "--date", "2026-03-02"])
            try await opinion(["submit", "--id", "XX-2", "--title", "停车难", "--text", "赶集日车辆乱停。", "--author", town, "--date", "2026-04-06"])
            try await opinion(["adopt", "XX-1", "--issue", "第3期", "--date", "2026-03-05"])
            try await opinion(["archive", "XX-2", "--reason", "重复", "--date", "2026-04-10"])
            try await opinion(["forward", "XX-1", "--text", "供水管网老化，建议纳入保障工程。", "--date", "2026-03-06"])
            counts += [Count(body: town, day: "2026-03-02", figure: "opinions_received"), Count(body: town, day: "2026-04-06", figure: "opinions_received"),
                       Count(body: town, day: "2026-03-05", figure: "opinions_adopted"), Count(body: town, day: "2026-03-06", figure: "opinions_forwarded")]
        }

        // Counties: members, the forwarded reports adopted, three proposals through their steps.
        for county in fed.counties {
            for i in 1...3 {
                try await cli(county, ["member", "add", "--id", "M\(i)", "--name", "委员\(i)", "--sector", "经济界", "--date", "2026-01-05"])
            }
            for town in fed.townships where fed.member(town).config.parent?.nodeId == county {
                try await waitUntil("\(county) holds \(town)'s forwarded report", seconds: 30) {
                    let r = try QueryResponse(serializedBytes: try await fed.call(county, AdminService.query.path,
                                                                                   QueryRequest(recordType: "opinions").serializedBytes()))
                    return r.rowsJson.contains { $0.contains(town) }
                }
                try await cli(county, ["opinion", "adopt", "\(town)/XX-1", "--issue", "第5期", "--author-kind", "group", "--date", "2026-03-12"])
                counts += [Count(body: county, day: "2026-03-06", figure: "opinions_received"), Count(body: county, day: "2026-03-12", figure: "opinions_adopted")]
            }
            func p(_ words: [String]) async throws { try await cli(county, ["proposal"] + words) }
            // P1: registered in January, closed in May (Q1's cohort: open at Q1's end; H1's: closed), 满意.
            try await p(["submit", "--id", "P1", "--title", "提案一", "--text", "建议……", "--by", "M1", "--date", "2026-01-10"])
            try await p(["review", "P1", "--register", "1", "--date", "2026-01-20"])
            try await p(["assign", "P1", "--lead", "县教育局", "--date", "2026-02-05"])
            try await p(["reply", "P1", "--unit", "县教育局", "--class", "A", "--text", "已解决", "--date", "2026-04-20"])
            try await p(["evaluate", "P1", "--by", "M1", "--rating", "satisfied", "--date", "2026-05-01"])
            try await p(["close", "P1", "--date", "2026-05-10"])
            // P2: registered in February; 不满意, re-handled, then 基本满意 in the second round, closed in June.
            try await p(["submit", "--id", "P2", "--title", "提案二", "--text", "建议……", "--by", "M2", "--date", "2026-02-10"])
            try await p(["review", "P2", "--register", "2", "--date", "2026-02-20"])
            try await p(["assign", "P2", "--lead", "县卫健局", "--date", "2026-03-01"])
            try await p(["reply", "P2", "--unit", "县卫健局", "--class", "B", "--text", "列入计划", "--date", "2026-05-20"])
            try await p(["evaluate", "P2", "--by", "M2", "--rating", "unsatisfied", "--date", "2026-06-01"])
            try await p(["rehandle", "P2", "--reason", "提案人不满意", "--date", "2026-06-03"])
            try await p(["reply", "P2", "--unit", "县卫健局", "--class", "A", "--text", "重办后解决", "--date", "2026-06-20"])
            try await p(["evaluate", "P2", "--by", "M2", "--rating", "basic", "--date", "2026-06-25"])
            try await p(["close", "P2", "--date", "2026-06-28"])
            // P3: registered in March, assigned, still open.
            try await p(["submit", "--id", "P3", "--title", "提案三", "--text", "建议……", "--by", "M3", "--date", "2026-03-15"])
            try await p(["review", "P3", "--register", "3", "--date", "2026-03-25"])
            try await p(["assign", "P3", "--lead", "县交通运输局", "--date", "2026-04-01"])
            for (day, figure) in [("2026-01-10", "proposals_filed"), ("2026-02-10", "proposals_filed"), ("2026-03-15", "proposals_filed"),
                                  ("2026-01-20", "proposals_registered"), ("2026-02-20", "proposals_registered"), ("2026-03-25", "proposals_registered"),
                                  ("2026-05-10", "proposals_closed"), ("2026-06-28", "proposals_closed")] {
                counts.append(Count(body: county, day: day, figure: figure))
            }
        }

        // What the city must show: flows by record date, and the cohort and latest-round counters computed here.
        func expected(_ body: String, _ periodText: String) throws -> [String: Int64] {
            let period = try Period(parsing: periodText)
            var out: [String: Int64] = [:]
            for c in counts where c.body == body {
                if period.contains(try Day(parsing: c.day, field: "day")) { out[c.figure, default: 0] += c.value }
            }
            if fed.counties.contains(body) {
                // 办结率 by cohort: P1 (registered 01-20, closed 05-10) and P2 (02-20, closed 06-28): closed by the period's end.
                let cohort: [(registered: String, closed: String?)] = [("2026-01-20", "2026-05-10"), ("2026-02-20", "2026-06-28"), ("2026-03-25", nil)]
                out["proposals_closed_of_registered"] = Int64(try cohort.filter { c in
                    try period.contains(Day(parsing: c.registered, field: "d")) && (try c.closed.map { try Day(parsing: $0, field: "d") <= period.end } ?? false)
                }.count)
                // 满意率 from the latest round as of the period's end: P1 满意 (05-01); P2 不满意 (06-01) then 基本满意 (06-25).
                var satisfied: Int64 = 0, basic: Int64 = 0, unsatisfied: Int64 = 0
                if period.contains(Day(unchecked: 2026, 5, 1)) { satisfied += 1 }
                if period.contains(Day(unchecked: 2026, 6, 25)) { basic += 1 }
                else if period.contains(Day(unchecked: 2026, 6, 1)) && period.end < Day(unchecked: 2026, 6, 25) { unsatisfied += 1 }
                out["latest_round_satisfied"] = satisfied
                out["latest_round_basically_satisfied"] = basic
                out["latest_round_unsatisfied"] = unsatisfied
            }
            return out
        }
        func subtree(_ body: String) -> [String] {
            [body] + fed.topology.members.filter { $0.config.parent?.nodeId == body }.flatMap { subtree($0.id) }
        }
        func expectedTotals(_ body: String, _ period: String) throws -> [String: Int64] {
            var out: [String: Int64] = [:]
            for b in subtree(body) { for (k, v) in try expected(b, period) { out[k, default: 0] += v } }
            return out
        }
        func stats(_ period: String) async throws -> StatsResponse {
            try StatsResponse(serializedBytes: try await fed.call("city", AdminService.stats.path, StatsRequest(period: period, drill: true).serializedBytes()))
        }
        func matches(_ b: BodyFigures, _ want: [String: Int64]) -> [String] {
            want.filter { (b.totals[$0.key] ?? 0) != $0.value }.map { "\($0.key) \(b.totals[$0.key] ?? 0) ≠ \($0.value)" }.sorted()
        }

        let bodies = fed.counties + fed.townships
        try await waitUntil("the city's H1 figures carry every generated record", seconds: 90) {
            let s = try await stats("2026-H1")
            let want = try expectedTotals("city", "2026-H1")
            return s.bodies.count == 1 + bodies.count && matches(s.bodies[0], want).isEmpty
        }
        for period in Self.periods {
            let s = try await stats(period)
            for body in ["city"] + bodies {
                let row = try #require(s.bodies.first { $0.body == body }, "\(body) in the city's \(period) drill-down")
                let want = try expectedTotals(body, period)
                #expect(matches(row, want).isEmpty, "\(body) \(period): \(matches(row, want))")
                #expect(row.verified)
            }
        }
        // The activity dated 31 March counts in March and Q1, not in April or Q2 (it was entered after April's).
        let town = fed.townships[0]
        let march = try await stats("2026-03"), april = try await stats("2026-04")
        let marchResearch = march.bodies.first { $0.body == town }?.totals["research_visits"] ?? 0
        #expect(marchResearch == (try expected(town, "2026-03"))["research_visits"] && marchResearch >= 1)
        #expect(april.bodies.first { $0.body == town }?.totals["activity_participants"] == (try expected(town, "2026-04"))["activity_participants"])
        // Rates at a county: 办结率 by cohort, 满意率 from the latest round.
        let h1 = try await stats("2026-H1"), q2 = try await stats("2026-Q2")
        let county = try #require(h1.bodies.first { $0.body == fed.counties[0] })
        #expect(county.own["proposals_registered"] == 3 && county.own["proposals_closed_of_registered"] == 2)      // 办结率 2/3
        #expect(county.own["latest_round_basically_satisfied"] == 1 && county.own["latest_round_unsatisfied"] == 0) // P2's first round superseded
        let q2County = try #require(q2.bodies.first { $0.body == fed.counties[0] })
        #expect(q2County.own["proposals_registered"] == 0 && q2County.own["proposals_closed"] == 2)                 // Q2's cohort is empty
    }
}
