import Testing
import XieshangDomain
@testable import XieshangNode
import XieshangStore

/// The 万山 seed scenario, entered record by record through the recorder and the store, with the figures read
/// through the projection (and again after every projection is rebuilt from the log).
@Suite struct RecordsSeedTests {
    static let wanshan = BodyInfo(id: "cn.gz.tongren.wanshan", name: "万山区政协", tier: "county", parent: "cn.gz.tongren")
    static let townshipNames = ["敖寨乡", "黄道乡", "下溪乡", "大坪乡", "鱼塘乡", "万山镇", "高楼坪乡", "茶店街道", "谢桥街道"]

    @Test func wanshanFiguresThroughTheProjection() throws {
        let dir = RecordsTempDir()
        defer { dir.cleanUp() }
        let county = try RecordsBody(Self.wanshan, in: dir)
        let towns = try Self.townshipNames.enumerated().map { i, name in
            try RecordsBody(BodyInfo(id: "\(Self.wanshan.id).t\(i)", name: "\(name)政协联络组", tier: "township", parent: Self.wanshan.id), in: dir)
        }
        func dayOf(_ k: Int) -> Day { recordsDay("2025-01-01").adding(days: (k * 7) % 360) }
        for t in towns {
            try t.record(.member(MemberRecorded(memberID: "\(t.info.id).m1", name: "委员", sector: "农业界", body: t.info.id, term: 9,
                                                effective: recordsDay("2021-01-01"))), by: .office)
        }
        let forms: [Activity.Form] = [.topical, .counterpart, .sector, .pleaseCome, .online, .quarterly]
        for k in 0..<26 {
            let participants = k == 0 ? 12 : k == 1 ? 18 : 15  // 390 in all
            let form = forms[k % forms.count]
            try towns[k % 9].record(.activity(Activity(id: "C\(k)", kind: .consultation, form: form, date: dayOf(k),
                                                       topic: "协商议题\(k)", participants: participants,
                                                       sectors: form == .sector ? ["农业界"] : [])), by: .office)
        }
        for k in 0..<19 {
            try towns[k % 9].record(.activity(Activity(id: "R\(k)", kind: .research, date: dayOf(k + 3), topic: "调研\(k)", participants: 6)), by: .office)
        }
        for k in 0..<21 {
            try towns[k % 9].record(.activity(Activity(id: "I\(k)", kind: .inspection, date: dayOf(k + 5), topic: "视察\(k)", participants: 9)), by: .office)
        }
        for k in 0..<42 {
            let body = towns[k % 9].info.id
            let prov = OpinionEvent.Provenance(originBody: body, originReportID: "S\(k)", author: "\(body).m1", authorKind: .member)
            try towns[k % 9].record(.opinion(OpinionEvent(prov, at: body, on: dayOf(k), .submitted(title: "信息\(k)", text: "……"))), by: .office)
        }
        for k in 0..<200 {
            let t = towns[k % 9]
            try t.record(.suggestion(SuggestionEvent("J\(k)", on: dayOf(k), .made(text: "建议\(k)", addressee: "乡党委", activityID: "", members: []))), by: .office)
            if k < 160 { try t.record(.suggestion(SuggestionEvent("J\(k)", on: dayOf(k), .adopted(by: "乡党委书记", note: "同意"))), by: .office) }
            if k < 80 { try t.record(.suggestion(SuggestionEvent("J\(k)", on: dayOf(k), .closed(note: "已落实"))), by: .office) }
        }

        func total() throws -> Figures {
            var sum = try county.queries().figures(for: .year(2025))
            for t in towns { sum.add(try t.queries().figures(for: .year(2025))) }
            return sum
        }
        let live = try total()
        #expect(live.bodies == 10)
        #expect(live.consultations == 26 && live.consultationParticipants == 390)
        #expect(live.researchVisits == 19 && live.inspections == 21 && live.opinionsReceived == 42)
        #expect(live.suggestionsMade == 200 && live.suggestionsAdopted == 160 && live.suggestionsClosed == 80)
        #expect(live.suggestionAdoptionRate.description == "80.0%" && live.suggestionClosingRate.description == "40.0%")
        #expect(live.members == 9)
        // The tables agree with the figures.
        var rows = 0
        for t in towns { rows += try t.queries().activities(in: .year(2025)).count }
        #expect(rows == 26 + 19 + 21)

        for t in towns { try t.store.rebuildAllProjections() }
        #expect(try total() == live)
    }
}
