import Testing
@testable import XieshangDomain

/// Issue 18 item 2: an opinion report beyond the federation — sent up by the top body (the city) to the provincial or
/// national CPPCC 报送省政协/全国政协, adopted there 采用 (counted once at the city, shown at the origin township), and sent
/// to government departments 转送部门 with their handling and result 办理结果. Each rule refuses by name and records nothing.
@Suite struct OpinionBeyondTests {
    let author = OpinionEvent.Provenance(originBody: townshipBody.id, originReportID: "AZ-2026-007", author: "t1", authorKind: .member)

    func op(_ at: BodyInfo, _ on: String, _ step: OpinionEvent.Step) -> DomainEvent {
        .opinion(OpinionEvent(author, at: at.id, on: day(on), step))
    }

    /// The township's report forwarded to the county and the city, adopted at each.
    func forwardedToTheCity() throws -> Federation {
        var net = Federation([cityBody, countyBody, townshipBody])
        try net.nodes[townshipBody.id]!.addMembers(["t1"])
        try net.record(op(townshipBody, "2026-03-02", .submitted(title: "关于农村饮水安全的建议", text: "部分村组供水管网老化。")), at: townshipBody.id, by: .office)
        try net.record(op(townshipBody, "2026-03-04", .adopted(bulletinIssue: "敖寨2026年第3期")), at: townshipBody.id, by: .office)
        try net.record(op(townshipBody, "2026-03-05", .forwarded(toBody: countyBody.id, toTier: "county", title: "饮水安全", text: "报送稿")),
                       at: townshipBody.id, by: .office)
        try net.record(op(countyBody, "2026-03-10", .adopted(bulletinIssue: "万山2026年第8期")), at: countyBody.id, by: .office)
        try net.record(op(countyBody, "2026-03-11", .forwarded(toBody: cityBody.id, toTier: "city", title: "饮水安全", text: "县报送稿")),
                       at: countyBody.id, by: .office)
        try net.record(op(cityBody, "2026-03-20", .adopted(bulletinIssue: "铜仁2026年第5期")), at: cityBody.id, by: .office)
        return net
    }

    /// The city sends it to 省政协, which adopts it and whose leader instructs on it: the adoption and the instruction
    /// reach the township (shown there), the adoption counts once, at the city; the county in between holds neither.
    @Test func theCitySendsUpAndTheProvincesAdoptionReachesTheTownshipCountedOnceAtTheCity() throws {
        var net = try forwardedToTheCity()
        try net.record(op(cityBody, "2026-03-25", .sentAbove(level: .province)), at: cityBody.id, by: .office)
        let events = try net.record(op(cityBody, "2026-04-10", .adoptedAbove(level: .province, bulletinIssue: "《社情民意专报》2026年第5期")),
                                    at: cityBody.id, by: .office)
        #expect(events.count == 1 && events[0].routing(recordedAt: cityBody) == .down(to: [townshipBody.id]))
        #expect(CrossBodyStep.match(events[0])?.step == .reportAdoptedAbove)
        #expect(events[0].reach(signer: cityBody.id, at: townshipBody.id, arrived: .down) == .crossBody(.reportAdoptedAbove))
        #expect(events[0].reach(signer: countyBody.id, at: townshipBody.id, arrived: .down) != .crossBody(.reportAdoptedAbove),
                "only the body that recorded it may sign it")
        // A department step is its body's own record: signed by another body, or coming down, it is refused.
        let department = op(countyBody, "2026-03-12", .sentToDepartment(department: "区水务局"))
        #expect(department.reach(signer: countyBody.id, at: cityBody.id, arrived: .up) == .othersRecord)
        if case .refused = department.reach(signer: townshipBody.id, at: cityBody.id, arrived: .up) {} else { Issue.record("a forged department step") }
        if case .refused = department.reach(signer: cityBody.id, at: countyBody.id, arrived: .down) {} else { Issue.record("a department step came down") }
        let instruction = OpinionEvent.Instruction(leaderLevel: "province", leader: "省长", date: day("2026-04-12"),
                                                   text: "请省水利厅研究。", recordedBy: cityBody.id)
        try net.record(op(cityBody, "2026-04-12", .instruction(instruction)), at: cityBody.id, by: .office)

        let atTownship = try #require(net[townshipBody.id].opinions[author.key])
        #expect(atTownship.aboveAdoptions.map { "\($0.level.rawValue)|\($0.bulletinIssue)|\($0.recordedBy)" }
                == ["province|《社情民意专报》2026年第5期|\(cityBody.id)"])
        #expect(atTownship.instructions == [instruction])
        #expect(net[countyBody.id].opinions[author.key]?.aboveAdoptions.isEmpty == true, "the county passes it on")
        let city = net[cityBody.id].figures(for: .year(2026))
        #expect(city.opinionsSentProvincial == 1 && city.opinionsAdoptedProvincial == 1 && city.opinionsAdoptedNational == 0)
        let township = net[townshipBody.id].figures(for: .year(2026))
        #expect(township.opinionsAdoptedProvincial == 0 && township.opinionsSentProvincial == 0, "counted once, at the city")
        let total = city + township + net[countyBody.id].figures(for: .year(2026))
        #expect(total.opinionsAdoptedProvincial == 1 && total.namedCounts["opinions_adopted_provincial"] == 1)
        for node in net.nodes.values { #expect(node.replayed == node.state) }
    }

    /// Sending up is the top body's: the county (it has a parent) is refused; the city only sends an adopted report,
    /// once per level; an adoption above needs the sending first and is recorded once; the issue is required.
    @Test func sendUpIsTheRootsOnceAndAdoptionAboveFollowsIt() throws {
        var net = try forwardedToTheCity()
        expectRefused("opinion.sendUp.root") {
            try net.record(op(countyBody, "2026-03-21", .sentAbove(level: .province)), at: countyBody.id, by: .office)
        }
        expectRefused("opinion.adoptedAbove.sent") {
            try net.record(op(cityBody, "2026-03-21", .adoptedAbove(level: .province, bulletinIssue: "第1期")), at: cityBody.id, by: .office)
        }
        try net.record(op(cityBody, "2026-03-25", .sentAbove(level: .province)), at: cityBody.id, by: .office)
        expectRefused("opinion.sendUp.once") {
            try net.record(op(cityBody, "2026-03-26", .sentAbove(level: .province)), at: cityBody.id, by: .office)
        }
        expectRefused("opinion.adoptedAbove.sent") {
            try net.record(op(cityBody, "2026-03-27", .adoptedAbove(level: .national, bulletinIssue: "第1期")), at: cityBody.id, by: .office)
        }
        expectRefused("opinion.adoptedAbove.issue") {
            try net.record(op(cityBody, "2026-03-27", .adoptedAbove(level: .province, bulletinIssue: "")), at: cityBody.id, by: .office)
        }
        try net.record(op(cityBody, "2026-03-28", .adoptedAbove(level: .province, bulletinIssue: "第1期")), at: cityBody.id, by: .office)
        expectRefused("opinion.adoptedAbove.once") {
            try net.record(op(cityBody, "2026-03-29", .adoptedAbove(level: .province, bulletinIssue: "第2期")), at: cityBody.id, by: .office)
        }
        // A report the city has not adopted is not sent up.
        let own = OpinionEvent.Provenance(originBody: cityBody.id, originReportID: "TR-1", author: "铜仁信息员", authorKind: .informant)
        try net.record(.opinion(OpinionEvent(own, at: cityBody.id, on: day("2026-04-01"), .submitted(title: "t", text: "x"))), at: cityBody.id, by: .office)
        expectRefused("opinion.sendUp.adopted") {
            try net.record(.opinion(OpinionEvent(own, at: cityBody.id, on: day("2026-04-02"), .sentAbove(level: .national))), at: cityBody.id, by: .office)
        }
        let city = net[cityBody.id].opinions[author.key]
        #expect(city?.aboveSends.map(\.level) == [.province] && city?.aboveAdoptions.map(\.bulletinIssue) == ["第1期"], "nothing else recorded")
    }

    /// A department receives an adopted report once; its reply needs the sending, comes once, not before the sending,
    /// with a text; the figures count the sending and each result at the body that sent it.
    @Test func aDepartmentsReplyFollowsTheSendingOnceAndCountsPerResult() throws {
        var net = try forwardedToTheCity()
        let county = countyBody.id
        expectRefused("opinion.department.sent") {
            try net.record(op(countyBody, "2026-03-12", .departmentReplied(department: "区水务局", result: .adopted, text: "已纳入计划")), at: county, by: .office)
        }
        expectRefused("opinion.department.name") {
            try net.record(op(countyBody, "2026-03-12", .sentToDepartment(department: "")), at: county, by: .office)
        }
        expectRefused("opinion.department.name") {
            try net.record(op(countyBody, "2026-03-12", .sentToDepartment(department: String(repeating: "局", count: 101))), at: county, by: .office)
        }
        try net.record(op(countyBody, "2026-03-12", .sentToDepartment(department: "区水务局")), at: county, by: .office)
        try net.record(op(countyBody, "2026-03-12", .sentToDepartment(department: "区农业农村局")), at: county, by: .office)
        expectRefused("opinion.department.once") {
            try net.record(op(countyBody, "2026-03-13", .sentToDepartment(department: "区水务局")), at: county, by: .office)
        }
        expectRefused("opinion.department.reply.date") {
            try net.record(op(countyBody, "2026-03-11", .departmentReplied(department: "区水务局", result: .adopted, text: "已纳入计划")), at: county, by: .office)
        }
        expectRefused("opinion.department.reply.text") {
            try net.record(op(countyBody, "2026-04-01", .departmentReplied(department: "区水务局", result: .adopted, text: "")), at: county, by: .office)
        }
        try net.record(op(countyBody, "2026-04-01", .departmentReplied(department: "区水务局", result: .adopted, text: "已纳入2026年农村供水保障工程")),
                       at: county, by: .office)
        expectRefused("opinion.department.reply.once") {
            try net.record(op(countyBody, "2026-04-02", .departmentReplied(department: "区水务局", result: .forReference, text: "再答")), at: county, by: .office)
        }
        let r = try #require(net[county].opinions[author.key])
        #expect(r.departmentSends.map { "\($0.department)|\($0.reply?.result.rawValue ?? "awaiting")" } == ["区水务局|adopted", "区农业农村局|awaiting"])
        let f = net[county].figures(for: .year(2026))
        #expect(f.opinionsToDepartments == 2 && f.opinionsDepartmentAdopted == 1 && f.opinionsDepartmentPartlyAdopted == 0)
        #expect(net[cityBody.id].figures(for: .year(2026)).opinionsToDepartments == 0, "counted at the county only")
        #expect(f.namedCounts["opinions_to_departments"] == 2 && f.namedCounts["opinions_department_adopted"] == 1)
        // A pending report is not sent to a department.
        var fresh = Federation([cityBody])
        let own = OpinionEvent.Provenance(originBody: cityBody.id, originReportID: "TR-2", author: "信息员", authorKind: .informant)
        try fresh.record(.opinion(OpinionEvent(own, at: cityBody.id, on: day("2026-04-01"), .submitted(title: "t", text: "x"))), at: cityBody.id, by: .office)
        expectRefused("opinion.department.adopted") {
            try fresh.record(.opinion(OpinionEvent(own, at: cityBody.id, on: day("2026-04-02"), .sentToDepartment(department: "市水务局"))),
                             at: cityBody.id, by: .office)
        }
    }

    /// The new steps survive the wire (field numbers 17–20, only added); an unknown level or result from a peer is a
    /// clear error, not a trap; the figures survive the wire too.
    @Test func theNewStepsRoundTripAndUnknownValuesFromAPeerAreRefused() throws {
        let steps: [OpinionEvent.Step] = [.sentAbove(level: .national), .adoptedAbove(level: .province, bulletinIssue: "第5期"),
                                          .sentToDepartment(department: "市水务局"),
                                          .departmentReplied(department: "市水务局", result: .partlyAdopted, text: "部分采纳")]
        for step in steps {
            let e = OpinionEvent(author, at: cityBody.id, on: day("2026-04-01"), step, policyVersion: 1)
            #expect(try DomainEvent(kind: .opinion, payload: e.wireMessage.serializedBytes()) == .opinion(e))
        }
        var bad = OpinionEvent(author, at: cityBody.id, on: day("2026-04-01"), .sentAbove(level: .province)).wireMessage
        bad.step = .sentAbove(.init(toLevel: "galaxy"))
        expectRefused("wire.field") { _ = try DomainEvent(kind: .opinion, payload: bad.serializedBytes()) }
        bad.step = .departmentReplied(.init(department: "局", result: "maybe", text: "t"))
        expectRefused("wire.field") { _ = try DomainEvent(kind: .opinion, payload: bad.serializedBytes()) }
        var f = Figures(period: .year(2026))
        f.opinionsAdoptedNational = 3
        f.opinionsDepartmentForReference = 2
        let back = try Figures(wire: f.wireMessage)
        #expect(back.opinionsAdoptedNational == 3 && back.opinionsDepartmentForReference == 2)
        #expect(AboveLevel(named: "省政协") == .province && AboveLevel(named: "市政协") == nil)
        #expect(DepartmentResult(named: "留作参考") == .forReference && DepartmentResult(named: "partly_adopted") == .partlyAdopted)
    }
}
