import Testing
@testable import XieshangDomain

/// Statistics built from individual records: the 万山 and 镇远 seed scenarios, and the sums of the rollup.
@Suite struct FiguresTests {
    static let wanshan = BodyInfo(id: "cn.gz.tongren.wanshan", name: "万山区政协", tier: "county", parent: "cn.gz.tongren")
    static let townshipNames = ["敖寨乡", "黄道乡", "下溪乡", "大坪乡", "鱼塘乡", "万山镇", "高楼坪乡", "茶店街道", "谢桥街道"]
    static var townships: [BodyInfo] {
        townshipNames.enumerated().map { i, name in
            BodyInfo(id: "\(wanshan.id).t\(i)", name: "\(name)政协联络组", tier: "township", parent: wanshan.id)
        }
    }

    /// 9 townships; 26 consultations with 390 participants, 19 research visits, 21 inspections, 42 opinion
    /// reports; 200 suggestions, 160 adopted, 80 closed — each record entered individually, spread over the year.
    static func wanshanNodes() throws -> [Node] {
        var nodes = townships.map { Node($0) }
        func dayOf(_ k: Int) -> Day { day("2025-01-01").adding(days: (k * 7) % 360) }
        for n in nodes.indices { try nodes[n].addMembers(["\(nodes[n].state.body.id).m1"], joined: day("2021-01-01")) }
        let forms: [Activity.Form] = [.topical, .counterpart, .sector, .pleaseCome, .online, .quarterly]
        for k in 0..<26 {
            // 15 participants each, except two meetings of 12 and 18 (still 390 in all).
            let participants = k == 0 ? 12 : k == 1 ? 18 : 15
            let form = forms[k % forms.count]
            try nodes[k % 9].record(.activity(Activity(id: "C\(k)", kind: .consultation, form: form,
                                                       date: dayOf(k), topic: "协商议题\(k)", participants: participants,
                                                       sectors: form == .sector ? ["农业界"] : [])),
                                    by: .office)
        }
        for k in 0..<19 {
            try nodes[k % 9].record(.activity(Activity(id: "R\(k)", kind: .research, date: dayOf(k + 3), topic: "调研\(k)",
                                                       participants: 6)), by: .office)
        }
        for k in 0..<21 {
            try nodes[k % 9].record(.activity(Activity(id: "I\(k)", kind: .inspection, date: dayOf(k + 5), topic: "视察\(k)",
                                                       participants: 9)), by: .office)
        }
        for k in 0..<42 {
            let body = nodes[k % 9].state.body.id
            let prov = OpinionEvent.Provenance(originBody: body, originReportID: "S\(k)", author: "\(body).m1", authorKind: .member)
            try nodes[k % 9].record(.opinion(OpinionEvent(prov, at: body, on: dayOf(k), .submitted(title: "信息\(k)", text: "……"))),
                                    by: .office)
        }
        for k in 0..<200 {
            let made = dayOf(k)
            try nodes[k % 9].record(.suggestion(SuggestionEvent("J\(k)", on: made, .made(text: "建议\(k)", addressee: "乡党委",
                                                                                         activityID: "", members: []))), by: .office)
            if k < 160 {
                try nodes[k % 9].record(.suggestion(SuggestionEvent("J\(k)", on: made, .adopted(by: "乡党委书记", note: "同意"))),
                                        by: .office)
            }
            if k < 80 {
                try nodes[k % 9].record(.suggestion(SuggestionEvent("J\(k)", on: made, .closed(note: "已落实"))), by: .office)
            }
        }
        return nodes
    }

    @Test func wanshanSeedTotalsAndRates() throws {
        let nodes = try Self.wanshanNodes()
        let county = Node(Self.wanshan)
        var total = county.state.figures(for: .year(2025))
        for node in nodes { total.add(node.state.figures(for: .year(2025))) }
        #expect(total.bodies == 10)
        #expect(total.consultations == 26)
        #expect(total.consultationParticipants == 390)
        #expect(total.researchVisits == 19)
        #expect(total.inspections == 21)
        #expect(total.opinionsReceived == 42)
        #expect(total.suggestionsMade == 200)
        #expect(total.suggestionsAdopted == 160)
        #expect(total.suggestionsClosed == 80)
        #expect(total.suggestionAdoptionRate.description == "80.0%")
        #expect(total.suggestionClosingRate.description == "40.0%")
        #expect(total.consultationsByForm.values.reduce(0, +) == 26)
        #expect(total.members == 9)
        // Each township's own figures are distinct (records are not copied between bodies).
        #expect(nodes.map { $0.state.figures(for: .year(2025)).consultations } == [3, 3, 3, 3, 3, 3, 3, 3, 2])
        // Quarters and months add up to the year exactly (flows).
        for node in nodes {
            let year = node.state.figures(for: .year(2025))
            var quarters = Figures(period: .year(2025))
            for q in 1...4 { quarters.add(node.state.figures(for: .quarter(2025, q))) }
            var months = Figures(period: .year(2025))
            for m in 1...12 { months.add(node.state.figures(for: .month(2025, m))) }
            #expect(quarters.suggestionsMade == year.suggestionsMade && months.suggestionsMade == year.suggestionsMade)
            #expect(quarters.consultationParticipants == year.consultationParticipants)
            #expect(months.opinionsReceived == year.opinionsReceived)
        }
    }

    /// 镇远: 118 proposals registered and replied (36 A solved, 52 B in progress, 30 C kept for reference), all
    /// closed (办结率 100%); 110 evaluations of which 108 satisfied or basically satisfied (满意率 98.2%); the 8
    /// proposals nobody evaluated close after the evaluation window.
    static func zhenyuan() throws -> Node {
        var node = Node(BodyInfo(id: "cn.gz.qdn.zhenyuan", name: "镇远县政协", tier: "county", parent: "cn.gz.qdn"))
        let members = (0..<40).map { "zy\($0)" }
        try node.addMembers(members, joined: day("2021-12-01"))
        for k in 0..<118 {
            let id = "2025-\(k + 1)"
            let proposer = members[k % 40]
            func rec(_ on: String, _ step: ProposalEvent.Step, _ actor: Actor) throws {
                try node.record(.proposal(ProposalEvent(id, on: day(on), step)), by: actor)
            }
            try rec("2025-01-08", .submitted(.init(title: "提案\(k)", text: "……", kind: .individual, firstProposer: proposer)),
                    .member(proposer))
            try rec("2025-01-20", .reviewed(.registered(number: id)), .committee)
            let unit = ["县住建局", "县教育局", "县卫健局", "县交通运输局"][k % 4]
            try rec("2025-02-10", .assigned(.init(.lead(unit, coHandling: []))), .committee)
            let cls = k < 36 ? "A" : k < 88 ? "B" : "C"
            try rec(k < 110 ? "2025-05-06" : "2025-05-20", .replied(unit: unit, replyClass: cls, text: "答复"), .unit(unit))
            if k < 110 {
                let rating: ProposalEvent.Rating = k < 70 ? .satisfied : k < 108 ? .basicallySatisfied : .unsatisfied
                try rec("2025-06-01", .evaluated(member: proposer, rating: rating, comment: ""), .member(proposer))
                try rec("2025-06-15", .closed(note: "办结"), .committee)
            } else {
                try rec("2025-06-25", .closed(note: "测评期满未测评"), .committee)
            }
        }
        return node
    }

    @Test func zhenyuanSeedFigures() throws {
        let node = try Self.zhenyuan()
        let f = node.state.figures(for: .year(2025))
        #expect(f.proposalsFiled == 118 && f.proposalsRegistered == 118 && f.proposalsAssigned == 118)
        #expect(f.repliesByClass == ["A": 36, "B": 52, "C": 30])
        #expect(f.repliesOnTime == 110 && f.repliesLate == 8)    // due 2025-05-10
        #expect(f.proposalsClosed == 118)
        #expect(f.completionRate.description == "100.0%")
        #expect(f.evaluations == 110)
        #expect(f.evaluationsSatisfied + f.evaluationsBasicallySatisfied == 108)
        #expect(f.satisfactionRate(node.state.policy.satisfactionFormula).description == "98.2%")
        #expect(f.satisfactionRate(.satisfiedOnly).description == "63.6%")   // 70 / 110 under the strict formula
        #expect(Labels.zh("rate.completionRate") == "办结率" && Labels.zh("rate.satisfactionRate") == "满意率")
        // The first quarter saw the filing, the second the replies and closing.
        let q1 = node.state.figures(for: .quarter(2025, 1)), q2 = node.state.figures(for: .quarter(2025, 2))
        #expect(q1.proposalsFiled == 118 && q1.proposalsClosed == 0 && q2.proposalsClosed == 118)
    }

    @Test func rateRoundsHalfUpAndShowsNoDataAsDash() {
        #expect(Rate(108, of: 110).description == "98.2%")
        #expect(Rate(1, of: 3).description == "33.3%")
        #expect(Rate(2, of: 3).description == "66.7%")
        #expect(Rate(1, of: 8).description == "12.5%")
        #expect(Rate(0, of: 0).description == "—")
    }

    @Test func everyFigureStateAndRuleHasAChineseLabel() {
        var keys = Figures.counters.map { "figure.\($0.1)" } + Figures.keyedCounters.map { "figure.\($0)" }
        keys += Figures.rates.map { "rate.\($0)" }
        keys += Proposal.Status.allCases.map { "state.proposal.\($0.rawValue)" }
        keys += ProposalEvent.Kind.allCases.map { "proposalKind.\($0.rawValue)" }
        keys += ProposalEvent.Rating.allCases.map { "rating.\($0.rawValue)" }
        keys += OpinionReport.Status.allCases.map { "state.opinion.\($0.rawValue)" }
        keys += OpinionEvent.AuthorKind.allCases.map { "authorKind.\($0.rawValue)" }
        keys += Suggestion.Status.allCases.map { "state.suggestion.\($0.rawValue)" }
        keys += Activity.Kind.allCases.map { "activity.\($0.rawValue)" }
        keys += Activity.Form.allCases.map { "form.\($0.rawValue)" }
        keys += ConsultationPlan.Status.allCases.map { "state.plan.\($0.rawValue)" }
        keys += ItemStage.allCases.map { "stage.\($0.name)" }
        keys += DutyCategory.allCases.map { "dutyCategory.\($0.rawValue)" }
        keys += ConsultationPlan.TopicSource.allCases.map { "topicSource.\($0.rawValue)" }
        keys += ["open", "adopted", "merged", "notAdopted"].map { "topicDecision.\($0)" }
        keys += Period.Kind.allCases.map { "period.\($0.rawValue)" }
        keys += ["proposal", "opinion", "advice"].map { "conversion.\($0)" }
        keys += ["duty.proposal.first", "duty.proposal.cosigner", "duty.proposal.registered",
                 "duty.proposal.registered.cosigner", "duty.opinion", "duty.opinion.adopted", "duty.research",
                 "duty.welfare", "duty.attendance.present", "duty.attendance.excused", "duty.attendance.unexcused",
                 "duty.adjustment"]
        for key in keys {
            let label = Labels.label(key)
            #expect(label != nil, "no label for \(key)")
            #expect(label.map { !$0.zh.isEmpty && !$0.en.isEmpty && $0.zh.unicodeScalars.contains { $0.value > 0x2E80 } } ?? false,
                    "label of \(key) lacks Chinese")
        }
        #expect(Figures.counters.count == 62)
    }
}
