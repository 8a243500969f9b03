import Testing
@testable import XieshangDomain

/// Public-opinion reports 社情民意信息: states at one body, and the township → county → city chain.
@Suite struct OpinionReportTests {
    let author = OpinionEvent.Provenance(originBody: townshipBody.id, originReportID: "AZ-2026-003", author: "t1",
                                         authorKind: .member)

    func network() throws -> Federation {
        var net = Federation([cityBody, countyBody, townshipBody])
        try net.nodes[townshipBody.id]!.addMembers(["t1"])
        return net
    }

    func op(_ at: BodyInfo, _ on: String, _ step: OpinionEvent.Step) -> DomainEvent {
        .opinion(OpinionEvent(author, at: at.id, on: day(on), step))
    }

    @Test func forwardedTownshipCountyCityKeepsProvenanceAndInstructionReachesTownship() throws {
        var net = try network()
        try net.record(op(townshipBody, "2026-03-02", .submitted(title: "关于山区学生上学交通安全的建议", text: "敖寨乡……")),
                       at: townshipBody.id, by: .office)
        try net.record(op(townshipBody, "2026-03-03", .edited(text: "敖寨乡（已编辑）……")), at: townshipBody.id, by: .office)
        try net.record(op(townshipBody, "2026-03-04", .adopted(bulletinIssue: "敖寨联络组2026年第3期")), at: townshipBody.id, by: .office)
        try net.record(op(townshipBody, "2026-03-05", .forwarded(toBody: countyBody.id, toTier: "county",
                                                                 title: "山区学生上学交通安全", text: "（报送稿）")),
                       at: townshipBody.id, by: .office)
        // The county received it as a new report with the original provenance.
        let atCounty = try #require(net[countyBody.id].opinions[author.key])
        #expect(atCounty.status == .submitted && atCounty.receivedFrom == townshipBody.id)
        try net.record(op(countyBody, "2026-03-10", .adopted(bulletinIssue: "万山社情民意2026年第8期")), at: countyBody.id, by: .office)
        try net.record(op(countyBody, "2026-03-11", .forwarded(toBody: cityBody.id, toTier: "city",
                                                               title: "山区学生上学交通安全", text: "（县报送稿）")),
                       at: countyBody.id, by: .office)
        try net.record(op(cityBody, "2026-03-20", .adopted(bulletinIssue: "铜仁社情民意2026年第5期")), at: cityBody.id, by: .office)
        let instruction = OpinionEvent.Instruction(leaderLevel: "city", leader: "市委副书记 某某", date: day("2026-03-25"),
                                                   text: "请市教育局、市交通运输局研究解决。", recordedBy: cityBody.id)
        try net.record(op(cityBody, "2026-03-25", .instruction(instruction)), at: cityBody.id, by: .office)

        let atCity = try #require(net[cityBody.id].opinions[author.key])
        #expect(atCity.author == "t1" && atCity.key.originBody == townshipBody.id && atCity.receivedFrom == countyBody.id)
        #expect(atCity.text == "（县报送稿）")
        let atTownship = try #require(net[townshipBody.id].opinions[author.key])
        #expect(atTownship.instructions == [instruction])
        #expect(atTownship.higherAdoptions.map(\.tier) == ["county", "city"])
        #expect(net[countyBody.id].opinions[author.key]?.instructions == [instruction])

        let township = net[townshipBody.id].figures(for: .year(2026))
        #expect(township.opinionsReceived == 1 && township.opinionsAdopted == 1 && township.opinionsForwarded == 1)
        #expect(township.opinionsAdoptedHigher == ["county": 1, "city": 1])
        #expect(township.opinionsInstructed == 1)
        let city = net[cityBody.id].figures(for: .year(2026))
        #expect(city.opinionsReceived == 1 && city.opinionsAdopted == 1 && city.opinionsInstructed == 1)
        #expect(city.opinionsAdoptedHigher.isEmpty)
        // The author's duty ledger at the township counts the report and one adoption bonus, once.
        let a = net[townshipBody.id].dutyAssessment(member: "t1", year: 2026)
        #expect(a.categoryTenths[.opinions] == 150)

        // Every body's log replays into an equal state.
        for node in net.nodes.values { #expect(node.replayed == node.state) }
    }

    @Test func onlyAdoptedReportsAreForwardedToTheParent() throws {
        var net = try network()
        try net.record(op(townshipBody, "2026-03-02", .submitted(title: "t", text: "x")), at: townshipBody.id, by: .office)
        expectRefused("opinion.forward.adopted") {
            try net.record(op(townshipBody, "2026-03-05", .forwarded(toBody: countyBody.id, toTier: "county", title: "t", text: "x")),
                           at: townshipBody.id, by: .office)
        }
        try net.record(op(townshipBody, "2026-03-04", .adopted(bulletinIssue: "第1期")), at: townshipBody.id, by: .office)
        expectRefused("opinion.forward.parent") {
            try net.record(op(townshipBody, "2026-03-05", .forwarded(toBody: cityBody.id, toTier: "city", title: "t", text: "x")),
                           at: townshipBody.id, by: .office)
        }
        #expect(net[cityBody.id].opinions.isEmpty && net[countyBody.id].opinions.isEmpty)
    }

    @Test func reportLongerThanPolicyLimitRefused() throws {
        var net = try network()
        let long = String(repeating: "民", count: 1501)
        expectRefused("opinion.length") {
            try net.record(op(townshipBody, "2026-03-02", .submitted(title: "t", text: long)), at: townshipBody.id, by: .office)
        }
        try net.record(op(townshipBody, "2026-03-02", .submitted(title: "t", text: String(long.dropLast()))),
                       at: townshipBody.id, by: .office)
    }

    @Test func archivedReportCannotBeAdopted() throws {
        var net = try network()
        try net.record(op(townshipBody, "2026-03-02", .submitted(title: "t", text: "x")), at: townshipBody.id, by: .office)
        try net.record(op(townshipBody, "2026-03-03", .archived(reason: "重复")), at: townshipBody.id, by: .office)
        expectRefused("opinion.adopt.state") {
            try net.record(op(townshipBody, "2026-03-04", .adopted(bulletinIssue: "第1期")), at: townshipBody.id, by: .office)
        }
        #expect(net[townshipBody.id].opinions[author.key]?.status == .archived)
    }

    @Test func aBodyRecordsOnlyItsOwnSteps() throws {
        var net = try network()
        try net.record(op(townshipBody, "2026-03-02", .submitted(title: "t", text: "x")), at: townshipBody.id, by: .office)
        expectRefused("opinion.atBody") {
            try net.record(op(countyBody, "2026-03-04", .adopted(bulletinIssue: "第1期")), at: townshipBody.id, by: .office)
        }
    }

    /// Editing 编辑 a report (`xieshang opinion edit`): the text is replaced and the report is in editing; an empty or
    /// over-long text, and any edit after adoption, are refused by name and record nothing.
    @Test func editingReplacesTheTextUntilTheReportIsDecided() throws {
        var net = try network()
        let at = townshipBody.id
        try net.record(op(townshipBody, "2026-03-02", .submitted(title: "停车难", text: "初稿")), at: at, by: .office)
        try net.record(op(townshipBody, "2026-03-03", .edited(text: "赶集日车辆乱停，建议划定临时停车区。")), at: at, by: .office)
        #expect(net[at].opinions[author.key]?.text == "赶集日车辆乱停，建议划定临时停车区。" && net[at].opinions[author.key]?.status == .editing)
        let before = net[at]
        expectRefused("opinion.length") { try net.record(op(townshipBody, "2026-03-04", .edited(text: "")), at: at, by: .office) }
        let long = String(repeating: "字", count: before.policy.opinionMaxChars + 1)
        expectRefused("opinion.length") { try net.record(op(townshipBody, "2026-03-04", .edited(text: long)), at: at, by: .office) }
        #expect(net[at] == before)
        try net.record(op(townshipBody, "2026-03-05", .adopted(bulletinIssue: "第3期")), at: at, by: .office)
        let adopted = net[at]
        expectRefused("opinion.edit.state") { try net.record(op(townshipBody, "2026-03-06", .edited(text: "再改")), at: at, by: .office) }
        #expect(net[at] == adopted)
    }

    /// Editing the title with the text (issue 19, the editing desk): the edit's title replaces the report's, an empty
    /// title keeps it (events before titles were edited), a title over the limit is refused by name (opinion.edit.title),
    /// and an archived report is refused (opinion.edit.state) — nothing recorded either time. The title survives the wire.
    @Test func editingChangesTheTitleUnlessEmptyAndNeverAfterArchiving() throws {
        var net = try network()
        let at = townshipBody.id
        try net.record(op(townshipBody, "2026-03-02", .submitted(title: "停车难", text: "初稿")), at: at, by: .office)
        try net.record(op(townshipBody, "2026-03-03", .edited(text: "二稿", title: "关于赶集日停车难的建议")), at: at, by: .office)
        #expect(net[at].opinions[author.key]?.title == "关于赶集日停车难的建议" && net[at].opinions[author.key]?.text == "二稿")
        try net.record(op(townshipBody, "2026-03-04", .edited(text: "三稿")), at: at, by: .office)
        #expect(net[at].opinions[author.key]?.title == "关于赶集日停车难的建议" && net[at].opinions[author.key]?.text == "三稿")
        let before = net[at]
        let long = String(repeating: "题", count: OpinionReport.maxTitleCharacters + 1)
        expectRefused("opinion.edit.title") { try net.record(op(townshipBody, "2026-03-05", .edited(text: "四稿", title: long)), at: at, by: .office) }
        #expect(net[at] == before)
        try net.record(op(townshipBody, "2026-03-06", .archived(reason: "重复")), at: at, by: .office)
        let archived = net[at]
        expectRefused("opinion.edit.state") {
            try net.record(op(townshipBody, "2026-03-07", .edited(text: "再改", title: "新标题")), at: at, by: .office)
        }
        #expect(net[at] == archived)
        let event = OpinionEvent(author, at: at, on: day("2026-03-03"), .edited(text: "二稿", title: "关于赶集日停车难的建议"))
        #expect(try OpinionEvent(wire: event.wireMessage) == event, "the title crosses the wire")
    }
}
