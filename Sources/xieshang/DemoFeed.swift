import Foundation
import XieshangNode
import XieshangWire

/// The demo's year of CPPCC records (2026), fed through the CLI's own record commands — the same parsing, the same
/// Admin calls, the same rules — at the body where each record belongs: members; activities with participants and
/// suggestions at the townships; proposals through their whole life at the counties and the city (one re-handling
/// round, one objection and reassignment, one extension, one not registered, one left past due); opinion reports
/// adopted and forwarded up, adopted higher and instructed, the instruction fed back to the township; the city's
/// consultation plan, decomposed by 万山区 for its townships and progressed by them. Deterministic (seeded).
struct DemoFeed {
    /// Expected own figures of one body for 2026, counted here from what was generated, by each record's date
    /// (checked against the node's record figures and, summed over each subtree, against the city's rollup).
    struct Expected {
        var activities: Int64 = 0
        /// Activities by stats.proto counter ("consultations", "research_visits", …).
        var byKind: [String: Int64] = [:]
        var participants: Int64 = 0
        var suggestionsMade: Int64 = 0
        var suggestionsAdopted: Int64 = 0
        var suggestionsClosed: Int64 = 0
        /// 调研视察报告 by stats.proto counter ("research_reports", "inspection_reports", "research_reports_instructed", …).
        var research: [String: Int64] = [:]
        var proposalsFiled: Int64 = 0
        var proposalsRegistered: Int64 = 0
        /// Registered in 2026 and closed by its end (办结率's numerator, by cohort).
        var proposalsClosedOfRegistered: Int64 = 0
        var proposalsClosed: Int64 = 0
        /// Evaluations of each proposal's latest round (满意率's counters).
        var latestSatisfied: Int64 = 0
        var latestBasic: Int64 = 0
        var opinionsReceived: Int64 = 0
        var opinionsAdopted: Int64 = 0
        var opinionsForwarded: Int64 = 0
        /// Instructions 批示 on reports this body holds (its own, and those on its reports fed back from above).
        var opinionsInstructed: Int64 = 0
        /// Replies given by the due date (each round's reply; the demo's replies are all on time).
        var repliesOnTime: Int64 = 0
        var members: Int64 = 0

        /// The figures the city's rollup must carry for this body, by stats.proto name.
        var counts: [String: Int64] {
            var out = byKind
            for k in ["consultations", "research_visits", "inspections", "appraisals", "trainings", "welfare_activities"] where out[k] == nil { out[k] = 0 }
            out["activity_participants"] = participants
            out["suggestions_made"] = suggestionsMade
            out["suggestions_adopted"] = suggestionsAdopted
            out["suggestions_closed"] = suggestionsClosed
            out["proposals_filed"] = proposalsFiled
            out["proposals_registered"] = proposalsRegistered
            out["proposals_closed_of_registered"] = proposalsClosedOfRegistered
            out["proposals_closed"] = proposalsClosed
            out["latest_round_satisfied"] = latestSatisfied
            out["latest_round_basically_satisfied"] = latestBasic
            out["latest_round_unsatisfied"] = 0
            out["opinions_received"] = opinionsReceived
            out["opinions_adopted"] = opinionsAdopted
            out["opinions_forwarded"] = opinionsForwarded
            out["opinions_instructed"] = opinionsInstructed
            out["replies_on_time"] = repliesOnTime
            out["replies_late"] = 0
            out["bodies"] = 1
            out.merge(research) { a, _ in a }
            return out
        }

        /// The stats.proto counter of an activity kind as the CLI names it.
        static func counter(ofKind kind: String) -> String {
            ["consultation": "consultations", "research": "research_visits", "inspection": "inspections", "appraisal": "appraisals",
             "training": "trainings", "welfare": "welfare_activities"][kind] ?? kind
        }
    }

    /// A command of the CLI that failed while feeding.
    struct Failed: Error, CustomStringConvertible {
        let description: String
    }

    let topology: Topology
    let directory: String
    var rng = SplitMix(seed: 2026)
    var expected: [String: Expected] = [:]
    /// What the joint draft with the alliance peer came to (one line for the demo's output).
    var jointDraft = ""
    /// Commands run (for the progress line).
    var commands = 0
    let progress: (Int) -> Void

    init(topology: Topology, directory: String, progress: @escaping (Int) -> Void) {
        self.topology = topology
        self.directory = directory
        self.progress = progress
    }

    static let kinds: [(kind: String, form: String?, topic: String)] = [
        ("consultation", "pleaseCome", "请你来协商：农村人居环境整治"), ("inspection", nil, "视察：乡村振兴项目推进"),
        ("research", nil, "调研：茶产业发展"), ("appraisal", nil, "民主评议：乡镇卫生院服务"),
        ("consultation", "topical", "专题协商：留守儿童关爱"), ("consultation", "counterpart", "对口协商：集镇规划"),
        ("consultation", "online", "网络协商：农村饮水安全"), ("welfare", nil, "公益活动：助学结对"),
        ("training", nil, "委员履职培训"), ("consultation", "quarterly", "季度议政会：民生实事"),
    ]

    var city: Topology.Member { topology.members[0] }
    var counties: [Topology.Member] { topology.members.filter { $0.config.tier == "county" } }
    func towns(of county: Topology.Member) -> [Topology.Member] {
        topology.members.filter { $0.config.tier == "township" && $0.config.parent?.nodeId == county.id }
    }

    static func day(_ month: Int, _ day: Int) -> String { "2026-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)" }

    mutating func random(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }

    /// Runs one CLI record command at `node` (`group` and its words); a non-zero exit stops the demo.
    mutating func cli(_ group: SubcommandGroup, _ node: Topology.Member, _ words: [String]) throws {
        let code = group.run(words + ["--node", node.config.adminSocket])
        commands += 1
        progress(commands)
        if code != ExitCode.done {
            throw Failed(description: "`xieshang \(group.name) \(words.joined(separator: " "))` at \(node.id) exited \(code); see \(node.directory)/node.log")
        }
    }

    /// Waits until `condition` holds (records travelling between nodes), up to 60 s.
    func waitFor(_ what: String, _ condition: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(60)
        while !condition() {
            if Date() > deadline { throw Failed(description: "timed out waiting for \(what)") }
            usleep(50_000)
        }
    }

    func rows(_ node: Topology.Member, _ type: String) -> [[String: Any]] {
        (try? NodeClient(socket: node.config.adminSocket).query(type)) ?? []
    }

    mutating func run() throws {
        try members()
        try activitiesAndSuggestions()
        try proposals()
        try opinions()
        try plan()
        jointDraft = try jointDraftWithAlliancePeer()
    }

    // MARK: Members 委员

    mutating func members() throws {
        let sectors = ["中共", "民革", "民盟", "民建", "无党派", "经济界", "农业界", "教育界", "科技界", "医药卫生界", "社会福利界", "少数民族界"]
        let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗")
        let given = ["明", "华", "芳", "伟", "敏", "静", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛"]
        for body in [city] + counties {
            let count = body.id == city.id ? 10 : 12
            var csv = "编号,姓名,界别,届次,职务,特邀\n"
            for i in 1...count {
                let name = String(surnames[random(surnames.count)]) + given[random(given.count)]
                csv += "\(body.id.uppercased())-M\(i < 10 ? "0" : "")\(i),\(name),\(sectors[(i - 1) % sectors.count]),5,\(i <= 2 ? "常委" : ""),否\n"
            }
            let file = directory + "/members-\(body.id).csv"
            try csv.write(toFile: file, atomically: true, encoding: .utf8)
            try cli(MemberCommand.group, body, ["import", file, "--date", "2026-01-05"])
            expected[body.id, default: Expected()].members += Int64(count)
        }
        for county in counties {
            for town in towns(of: county) {
                for i in 1...3 {
                    try cli(MemberCommand.group, town, ["add", "--id", "\(town.id.uppercased())-T\(i)", "--name", "特邀委员\(i)号",
                                                        "--sector", "特邀", "--invited", "--date", "2026-01-08"])
                }
                expected[town.id, default: Expected()].members += 3
            }
        }
    }

    // MARK: Activities and suggestions 履职活动、意见建议

    /// The report of a township's research visit or inspection (调研/视察报告), instructed by the township's party
    /// secretary and turned into a 建议案 (成果转化) — no random draw, so the rest of the feed is unchanged.
    mutating func researchReport(_ town: Topology.Member, activity: String, kind: String, month: Int) throws {
        let id = "BG-\(month)"
        try cli(ResearchCommand.group, town, ["report", id, "--activity", activity, "--title", "关于\(activity)的\(kind == "research" ? "调研" : "视察")报告",
                                               "--text", "（报告正文）", "--date", DemoFeed.day(month, 26)])
        try cli(ResearchCommand.group, town, ["instruction", id, "--leader", "乡镇党委书记", "--level", "乡镇党委", "--text", "请抓好落实",
                                               "--date", DemoFeed.day(month, 27)])
        try cli(ResearchCommand.group, town, ["convert", id, "关于\(activity)的建议案", "--to", "advice", "--date", DemoFeed.day(month, 28)])
        for counter in [kind == "research" ? "research_reports" : "inspection_reports", "research_reports_instructed", "research_converted_to_advice"] {
            expected[town.id, default: Expected()].research[counter, default: 0] += 1
        }
    }

    mutating func activitiesAndSuggestions() throws {
        for county in counties {
            for town in towns(of: county) {
                for month in 1...12 {
                    let k = DemoFeed.kinds[random(DemoFeed.kinds.count)]
                    let participants = 8 + random(40)
                    let t = town.id.uppercased(), second = 1 + random(3)
                    var words = ["add", "--id", "HD-\(month)", "--kind", k.kind, "--topic", k.topic, "--participants", String(participants),
                                 "--members", second == 1 ? "\(t)-T1" : "\(t)-T1,\(t)-T\(second)", "--date", DemoFeed.day(month, 5 + random(20))]
                    if let form = k.form { words += ["--form", form] }
                    if k.kind == "appraisal" { words += ["--target-unit", "乡镇卫生院", "--result", "basicallySatisfied"] }
                    try cli(ActivityCommand.group, town, words)
                    if k.kind == "research" || k.kind == "inspection" { try researchReport(town, activity: "HD-\(month)", kind: k.kind, month: month) }
                    expected[town.id, default: Expected()].activities += 1
                    expected[town.id, default: Expected()].byKind[Expected.counter(ofKind: k.kind), default: 0] += 1
                    expected[town.id, default: Expected()].participants += Int64(participants)
                }
                // Suggestions from the activities: 4 made, 3 adopted by a leader, 2 carried out.
                for i in 1...4 {
                    let month = 3 * i - 1
                    try cli(SuggestionCommand.group, town, ["add", "--id", "JY-\(i)", "--text", "关于\(DemoFeed.kinds[i].topic.split(separator: "：").last ?? "")的建议",
                                                            "--addressee", "乡镇党委", "--activity", "HD-\(month)", "--date", DemoFeed.day(month, 28)])
                    if i <= 3 { try cli(SuggestionCommand.group, town, ["adopt", "JY-\(i)", "--by", "乡镇党委书记", "--date", DemoFeed.day(month + 1, 10)]) }
                    if i <= 2 { try cli(SuggestionCommand.group, town, ["close", "JY-\(i)", "--note", "已落实", "--date", DemoFeed.day(month + 2, 20)]) }
                }
                expected[town.id, default: Expected()].suggestionsMade += 4
                expected[town.id, default: Expected()].suggestionsAdopted += 3
                expected[town.id, default: Expected()].suggestionsClosed += 2
            }
            // A quarterly deliberation at the county.
            for q in 1...4 {
                let participants = 30 + random(30)
                try cli(ActivityCommand.group, county, ["add", "--id", "HD-Q\(q)", "--kind", "consultation", "--form", "quarterly",
                                                        "--topic", "季度议政会（第\(q)季度）", "--participants", String(participants),
                                                        "--date", DemoFeed.day(3 * q, 20)])
                expected[county.id, default: Expected()].activities += 1
                expected[county.id, default: Expected()].byKind["consultations", default: 0] += 1
                expected[county.id, default: Expected()].participants += Int64(participants)
            }
        }
    }

    // MARK: Proposals 提案

    static let units = ["农业农村局", "教育局", "卫生健康局", "交通运输局", "水务局", "财政局", "住房城乡建设局"]
    static let titles = ["关于加快茶产业高质量发展的建议", "关于加强农村留守儿童关爱的建议", "关于提升乡镇卫生院服务能力的建议",
                         "关于改善农村道路安全的建议", "关于保障农村饮水安全的建议", "关于发展乡村旅游的建议", "关于推进城乡垃圾分类的建议"]

    mutating func proposals() throws {
        for body in [city] + counties {
            let prefix = body.id == city.id ? "市" : "县"
            let count = body.id == city.id ? 5 : 7
            for i in 1...count {
                let id = "TA-2026-\(i < 10 ? "00" : "0")\(i)"
                let by = "\(body.id.uppercased())-M\((i % 9) + 1 < 10 ? "0" : "")\((i % 9) + 1)"
                let month = 1 + (i - 1) % 3
                let lead = prefix + DemoFeed.units[(i - 1) % DemoFeed.units.count], co = prefix + DemoFeed.units[i % DemoFeed.units.count]
                func run(_ words: [String]) throws { try cli(ProposalCommand.group, body, words) }
                try run(["submit", "--id", id, "--title", DemoFeed.titles[(i - 1) % DemoFeed.titles.count], "--text", "建议有关部门统筹推进，一事一案。",
                         "--by", by, "--date", DemoFeed.day(month, 10)])
                expected[body.id, default: Expected()].proposalsFiled += 1
                if i == 7 {  // not registered: outside the scope of proposals
                    try run(["review", id, "--reject", "not_in_scope", "--notice", "该事项不属于政协提案范围，已告知提案人", "--date", DemoFeed.day(month, 25)])
                    continue
                }
                try run(["review", id, "--register", "2026-\(i)", "--date", DemoFeed.day(month, 25)])
                expected[body.id, default: Expected()].proposalsRegistered += 1
                try run(["assign", id, "--lead", lead, "--co", co, "--date", DemoFeed.day(month + 1, 5)])
                if i == 5 {  // left assigned: past its due date at the end of the year
                    continue
                }
                if i == 3 {  // a unit objects; the committee reassigns
                    try run(["object", id, "--unit", co, "--reason", "不属于本单位职责", "--date", DemoFeed.day(month + 1, 8)])
                    try run(["assign", id, "--lead", lead, "--co", prefix + "发展改革局", "--date", DemoFeed.day(month + 1, 12)])
                    try run(["reply", id, "--unit", prefix + "发展改革局", "--opinion", "--text", "同意主办单位意见", "--date", DemoFeed.day(month + 2, 1)])
                } else {
                    try run(["reply", id, "--unit", co, "--opinion", "--text", "同意主办单位意见", "--date", DemoFeed.day(month + 2, 1)])
                }
                if i == 4 {  // extended
                    try run(["extend", id, "--due", DemoFeed.day(month + 5, 28), "--reason", "需跨部门协调资金", "--date", DemoFeed.day(month + 3, 20)])
                }
                try run(["reply", id, "--unit", lead, "--class", i % 2 == 0 ? "B" : "A", "--text", "已列入年度工作计划并落实", "--date", DemoFeed.day(month + 3, 25)])
                expected[body.id, default: Expected()].repliesOnTime += 1
                if i == 2 {  // unsatisfied → re-handled → a second round
                    try run(["evaluate", id, "--by", by, "--rating", "unsatisfied", "--comment", "答复未解决实际问题", "--date", DemoFeed.day(month + 4, 3)])
                    try run(["rehandle", id, "--reason", "提案人不满意，退回重办", "--date", DemoFeed.day(month + 4, 5)])
                    try run(["reply", id, "--unit", co, "--opinion", "--text", "配合落实", "--date", DemoFeed.day(month + 5, 1)])
                    try run(["reply", id, "--unit", lead, "--class", "A", "--text", "重办后已解决", "--date", DemoFeed.day(month + 5, 20)])
                    expected[body.id, default: Expected()].repliesOnTime += 1
                }
                try run(["evaluate", id, "--by", by, "--rating", i % 3 == 0 ? "basic" : "satisfied", "--date", DemoFeed.day(month + 6, 1)])
                try run(["close", id, "--date", DemoFeed.day(month + 6, 15)])
                expected[body.id, default: Expected()].proposalsClosed += 1
                expected[body.id, default: Expected()].proposalsClosedOfRegistered += 1   // registered in Q1, closed by September
                // The latest round's evaluation (the re-handled proposal's first, unsatisfied round is superseded).
                if i % 3 == 0 { expected[body.id, default: Expected()].latestBasic += 1 } else { expected[body.id, default: Expected()].latestSatisfied += 1 }
            }
        }
    }

    // MARK: Opinion reports 社情民意信息

    mutating func opinions() throws {
        for county in counties {
            for town in towns(of: county) {
                func run(_ words: [String]) throws { try cli(OpinionCommand.group, town, words + ["--author-kind", "group"]) }
                try run(["submit", "--id", "XX-1", "--title", "关于农村饮水安全的情况反映", "--text", "部分村组供水管网老化，旱季断水。", "--author", DemoCommand.names[town.id] ?? town.id, "--date", "2026-03-02"])
                try run(["submit", "--id", "XX-2", "--title", "关于集镇停车难的情况反映", "--text", "集镇赶集日车辆乱停。", "--author", DemoCommand.names[town.id] ?? town.id, "--date", "2026-04-06"])
                try run(["adopt", "XX-1", "--issue", "2026年第3期", "--date", "2026-03-05"])
                try run(["archive", "XX-2", "--reason", "与已录用信息重复", "--date", "2026-04-10"])
                try run(["forward", "XX-1", "--text", "部分村组供水管网老化，旱季断水，建议纳入农村供水保障工程。", "--date", "2026-03-06"])
                expected[town.id, default: Expected()].opinionsReceived += 2
                expected[town.id, default: Expected()].opinionsAdopted += 1
                expected[town.id, default: Expected()].opinionsForwarded += 1
            }
        }
        // Each county adopts what its townships forwarded; 万山 also forwards one to the city, where it is adopted and
        // instructed — the instruction goes back down to the township.
        for county in counties {
            for town in towns(of: county) {
                try waitFor("\(county.id) to receive \(town.id)'s report") { rows(county, "opinions").contains { $0["origin_body"] as? String == town.id } }
                func run(_ words: [String]) throws { try cli(OpinionCommand.group, county, words + ["--author-kind", "group"]) }
                try run(["adopt", "\(town.id)/XX-1", "--issue", "2026年第5期", "--date", "2026-03-12"])
                if county.id == "county2" && town.id == "county2-town1" {
                    try run(["instruct", "\(town.id)/XX-1", "--leader", "万山区区长", "--level", "county", "--text", "请区水务局牵头研究解决", "--date", "2026-03-20"])
                    try run(["forward", "\(town.id)/XX-1", "--text", "万山区敖寨乡部分村组供水管网老化，建议纳入全市农村供水保障工程。", "--date", "2026-03-21"])
                    expected[county.id, default: Expected()].opinionsInstructed += 1
                    expected[county.id, default: Expected()].opinionsForwarded += 1
                    expected[town.id, default: Expected()].opinionsInstructed += 1   // fed back down to the report's origin
                }
                expected[county.id, default: Expected()].opinionsReceived += 1
                expected[county.id, default: Expected()].opinionsAdopted += 1
            }
        }
        try waitFor("the city to receive the forwarded report") { rows(city, "opinions").contains { $0["origin_body"] as? String == "county2-town1" } }
        try cli(OpinionCommand.group, city, ["adopt", "county2-town1/XX-1", "--issue", "2026年第8期", "--author-kind", "group", "--date", "2026-03-25"])
        try cli(OpinionCommand.group, city, ["instruct", "county2-town1/XX-1", "--leader", "铜仁市副市长", "--level", "city", "--author-kind", "group",
                                             "--text", "请市水务局会同万山区抓好落实", "--date", "2026-04-02"])
        expected[city.id, default: Expected()].opinionsReceived += 1
        expected[city.id, default: Expected()].opinionsAdopted += 1
        expected[city.id, default: Expected()].opinionsInstructed += 1
        expected["county2-town1", default: Expected()].opinionsInstructed += 1
        let town = topology.members.first { $0.id == "county2-town1" }!
        try waitFor("the instruction to reach the township") {
            rows(town, "opinions").contains { ($0["instructions"] as? [String] ?? []).contains { $0.contains("铜仁市副市长") } }
        }
    }

    // MARK: The consultation plan 年度协商计划

    mutating func plan() throws {
        var csv = "编号,类别,议题,协商形式,牵头领导,责任部门,责任人,完成时限,承办单位\n"
        let topics = [("经济发展", "推进茶产业高质量发展", "专题协商", "06-30"), ("社会民生", "保障农村饮水安全", "对口协商", "09-30"),
                      ("乡村振兴", "农村人居环境整治", "请你来协商", "10-31"), ("文化旅游", "发展全域旅游", "界别协商", "08-31"),
                      ("生态环境", "锦江流域保护", "专题协商", "11-30"), ("社会治理", "基层矛盾纠纷化解", "网络协商", "07-31")]
        for (i, t) in topics.enumerated() {
            let county = counties[i % counties.count]
            csv += "\(i + 1),\(t.0),\(t.1),\(t.2),市政协副主席,市政协\(["经济", "社会和法制", "农业和农村", "文化文史", "人口资源环境", "社会和法制"][i])委员会,办公室,2026-\(t.3),\(DemoCommand.names[county.id] ?? county.id)\n"
        }
        let file = directory + "/consultation-plan-2026.csv"
        try csv.write(toFile: file, atomically: true, encoding: .utf8)
        try cli(PlanCommand.group, city, ["import", file, "--plan", "XS-2026", "--year", "2026", "--title", "铜仁市政协2026年度协商计划", "--date", "2026-01-15"])
        try cli(PlanCommand.group, city, ["issue", "XS-2026", "--document", "铜政协发〔2026〕3号", "--date", "2026-02-01"])
        for county in counties {
            // Issued, not only imported: the import and the issue are two events, and a county decomposes only an issued item.
            try waitFor("\(county.id) to receive the issued plan") {
                rows(county, "plans").contains { $0["issuer"] as? String == city.id && $0["plan_status"] as? String == "issued" }
            }
        }
        // 万山区 (county2) decomposes its item 2 for its three townships, which report their progress.
        let wanshan = counties[1]
        var sub = "编号,类别,议题,协商形式,牵头领导,责任部门,责任人,完成时限,承办单位\n"
        for (j, town) in towns(of: wanshan).enumerated() {
            sub += "2.\(j + 1),社会民生,\(DemoCommand.names[town.id] ?? town.id)饮水安全协商,对口协商,区政协副主席,区水务局,联络组组长,2026-09-\(20 + j),\(town.id)\n"
        }
        let subFile = directory + "/decompose-\(wanshan.id).csv"
        try sub.write(toFile: subFile, atomically: true, encoding: .utf8)
        try cli(PlanCommand.group, wanshan, ["decompose", "2", "--issuer", city.id, "--plan", "XS-2026", "--file", subFile, "--date", "2026-02-10"])
        for (j, town) in towns(of: wanshan).enumerated() {
            try waitFor("\(town.id) to receive its sub-item") { rows(town, "plan_items").contains { $0["issuer"] as? String == wanshan.id } }
            try cli(PlanCommand.group, town, ["progress", "2.\(j + 1)", "--issuer", wanshan.id, "--plan", "XS-2026", "--stage", "preparing", "--date", "2026-05-10"])
            if j < 2 {  // the third township has not held its consultation: overdue at the year's end
                try cli(PlanCommand.group, town, ["progress", "2.\(j + 1)", "--issuer", wanshan.id, "--plan", "XS-2026", "--stage", "held", "--date", "2026-08-\(10 + j)"])
            }
        }
        // Each county reports progress on its items to the city; 江口县's item 6 stays unheld (overdue).
        for (i, _) in topics.enumerated() {
            let county = counties[i % counties.count]
            if i == 5 { continue }
            try cli(PlanCommand.group, county, ["progress", String(i + 1), "--issuer", city.id, "--plan", "XS-2026", "--stage", "held", "--date", "2026-\(topics[i].3.prefix(2))-15"])
            if i < 3 {
                try cli(PlanCommand.group, county, ["progress", String(i + 1), "--issuer", city.id, "--plan", "XS-2026", "--stage", "resultsReported", "--date", "2026-\(topics[i].3.prefix(2))-25"])
            }
        }
    }

    // MARK: Joint draft with the alliance peer 联名提案（片区协作）

    /// A joint draft with the alliance peer (遵义市政协): 铜仁市政协 opens it, both bodies edit it at the same time (the
    /// edits merge), both sign the same content and it is submitted — through the CLI's draft functions, as
    /// `xieshang draft new|edit|sign` does. Returns one line describing the result.
    mutating func jointDraftWithAlliancePeer() throws -> String {
        guard let ally = topology.members.first(where: { $0.config.tier != "township" && $0.config.parent == nil && $0.id != city.id }) else {
            return "no alliance peer in this topology"
        }
        let alliance = "wuling"
        let a = city.config.adminSocket, b = ally.config.adminSocket
        func check<T>(_ what: String, _ r: Result<T, AdminCommand.Exit>) throws -> T {
            commands += 1
            progress(commands)
            switch r {
            case .success(let v): return v
            case .failure(let e): throw Failed(description: "joint draft: \(what) exited \(e.code)")
            }
        }
        // Polled while records travel: quiet (a draft not arrived yet is no error worth printing).
        func draft(_ socket: String, _ id: String) -> [String: Any]? {
            guard let bytes = try? AdminCommand.unary(socket, AdminService.query.path, QueryRequest(recordType: "draft", id: id).serializedBytes()).get(),
                  let row = (try? QueryResponse(serializedBytes: bytes))?.rowsJson.first else { return nil }
            return (try? JSONSerialization.jsonObject(with: Data(row.utf8))) as? [String: Any]
        }
        try waitFor("the alliance link between \(city.id) and \(ally.id)") {
            (try? NodeClient(socket: a).status().links.contains { $0.peer == ally.id && $0.state == "up" }) ?? false
        }
        let text = """
            # 案由
            武陵山片区红色旅游线路分散，铜仁、遵义两地景区门票与交通互不衔接。
            # 建议
            一、共同编制红色旅游精品线路。
            二、推行片区景区年票互认。
            """
        let id = try check("draft new", DraftCommand.create(socket: a, alliance: alliance, title: "关于共建武陵山片区红色旅游精品线路的联名提案",
                                                            coSponsors: [city.id, ally.id], text: text))
        try waitFor("\(ally.id) to receive draft \(id)") { draft(b, id)?["text"] as? String == text }
        // Both edit at once, each on the text it holds (an edit states the text it was made on; the CRDT merges both
        // edits on both sides, whichever arrives first).
        // The change applies to the text the edit is made on (read once): a text read earlier would undo the other
        // body's edit if it arrived in between.
        func edit(_ socket: String, _ at: String, _ change: (String) -> String) throws {
            guard draft(socket, id)?["text"] is String else { throw Failed(description: "joint draft: \(at) does not hold \(id)") }
            _ = try check("draft edit at \(at)", DraftCommand.edit(socket: socket, id: id, change: change))
        }
        try edit(a, city.id) { $0.replacingOccurrences(of: "年票互认。", with: "年票互认，2027 年起试行。") }
        try edit(b, ally.id) { $0 + "\n三、开通铜仁—遵义旅游专线。" }
        try waitFor("both bodies to hold the merged draft") {
            guard let x = draft(a, id), let y = draft(b, id), let t = x["text"] as? String else { return false }
            return t == y["text"] as? String && t.contains("2027 年起试行") && t.contains("旅游专线")
        }
        guard let hash = draft(a, id)?["content_hash"] as? String else { throw Failed(description: "joint draft: \(id) has no content hash") }
        _ = try check("draft sign at \(city.id)", DraftCommand.sign(socket: a, id: id, hash: hash))
        _ = try check("draft sign at \(ally.id)", DraftCommand.sign(socket: b, id: id, hash: hash))
        try waitFor("draft \(id) to be submitted at both bodies") {
            draft(a, id)?["status"] as? String == "submitted" && draft(b, id)?["status"] as? String == "submitted"
        }
        return "联名提案 \(id)：\(DemoCommand.names[city.id] ?? city.id)与\(DemoCommand.names[ally.id] ?? ally.id)同时修改、合并一致，双方签署同一内容（\(hash.prefix(12))…），已提交"
    }
}
