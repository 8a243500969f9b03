import Foundation
import Testing
@testable import XieshangNode
import XieshangCalendar
import XieshangDomain
import XieshangWeb

/// The list pages read one page in SQL (issue 17, list pages: the filters and LIMIT/OFFSET pushed into the query,
/// ``NodeWebData/recordPage(_:_:)``): for every kind and filter the page, its counts and its status choices equal
/// what the whole list filtered and paged in Swift gives (``RecordsPage/page(_:_:_:)``, the pages before).
@Suite(.serialized)
struct WebRecordPageTests {
    @Test func aPageReadInSQLEqualsTheWholeListFilteredAndPaged() async throws {
        let pair = try await CountyWithFakeTownship.make()
        let runtime = pair.county.runtime
        let data = NodeWebData(runtime: runtime, startedAt: Date())
        let today = Day(chinaTimeMs: runtime.now())
        let member: DomainEvent = .member(MemberRecorded(memberID: "M1", name: "张明", sector: "经济界", body: runtime.config.nodeId, term: 1, effective: today))
        guard case .success(.recorded) = await data.record([member], actor: .office, madeBy: "user:office") else {
            Issue.record("the member was not recorded")
            await pair.close()
            return
        }
        // 130 activities, one every third day back from today (three pages, several quarters and two years);
        // 60 proposals submitted today (two pages), a few of them registered.
        for chunk in 0..<5 {
            let group: [DomainEvent] = (0..<26).map { i in
                let n = chunk * 26 + i
                return .activity(Activity(id: "HD-PAGE-\(1000 + n)", kind: n % 2 == 0 ? .research : .inspection, date: today.adding(days: -3 * n),
                                          topic: "调研\(n)", participants: n % 7 + 1))
            }
            guard case .success(.recorded) = await data.record(group, actor: .office, madeBy: "user:office") else {
                Issue.record("activities \(chunk) not recorded")
                await pair.close()
                return
            }
        }
        let proposals: [DomainEvent] = (0..<60).map { n in
            .proposal(ProposalEvent("TA-PAGE-\(100 + n)", on: today, .submitted(.init(title: "关于第\(n)项的建议", text: "正文", kind: .individual, firstProposer: "M1"))))
        }
        guard case .success(.recorded) = await data.record(proposals, actor: .member("M1"), madeBy: "user:m1") else {
            Issue.record("proposals not recorded")
            await pair.close()
            return
        }
        let year = today.year
        let quarter = "\(year)-Q\((today.month - 1) / 3 + 1)"
        var checked = 0
        for key in ["activities", "proposals", "opinions"] {
            let kind = try #require(RecordKind.named(key))
            let listing = try await data.records(kind).get()
            var filters: [RecordsPage.Filter] = []
            for period in ["", String(year), String(year - 1), quarter, "\(year)-\(String(format: "%02d", today.month))"] {
                for status in ["", "submitted", "registered", "closed"] {
                    for page in [1, 2, 3, 40] {
                        var f = RecordsPage.Filter()
                        (f.period, f.status, f.page) = (period, status, page)
                        filters.append(f)
                    }
                }
            }
            var search = RecordsPage.Filter()
            search.search = "调研1"
            filters.append(search)
            for filter in filters {
                let read = try await data.recordPage(kind, filter).get()
                let whole = RecordsPage.page(listing, kind, filter)
                #expect(read == whole, "\(key) period '\(filter.period)' status '\(filter.status)' page \(filter.page): \(read.matching)/\(read.total) rows, page \(read.page)/\(read.pages) vs \(whole.matching)/\(whole.total), page \(whole.page)/\(whole.pages)")
                #expect(RecordsPage.list(kind, read, filter, bodyName: "县") == RecordsPage.list(kind, listing, filter, bodyName: "县"))
                checked += 1
            }
        }
        // The lists were long enough to page: the activities fill three pages, the proposals two.
        let activities = try #require(RecordKind.named("activities")), proposalKind = try #require(RecordKind.named("proposals"))
        let activityPages = try await data.recordPage(activities, RecordsPage.Filter()).get().pages
        let proposalPages = try await data.recordPage(proposalKind, RecordsPage.Filter()).get().pages
        await pair.close()
        #expect(checked > 200)
        #expect(activityPages >= 3 && proposalPages == 2, "activities \(activityPages) pages, proposals \(proposalPages)")
    }

    /// The proposal list /records/proposals shows a joint proposal's co-signers 附议委员 and whom it still awaits
    /// (issue 19): read from the node's projection, the same in the whole list and in the page read in SQL.
    @Test func theProposalListShowsTheCoSignersAndWhomItAwaits() async throws {
        let pair = try await CountyWithFakeTownship.make()
        let runtime = pair.county.runtime
        let data = NodeWebData(runtime: runtime, startedAt: Date())
        let today = Day(chinaTimeMs: runtime.now())
        let members: [DomainEvent] = [("M1", "张明"), ("M2", "李红"), ("M3", "王强")].map {
            .member(MemberRecorded(memberID: $0.0, name: $0.1, sector: "经济界", body: runtime.config.nodeId, term: 1, effective: today))
        }
        let joint = ProposalEvent.Submission(title: "关于乡村道路的建议", text: "硬化道路", kind: .joint, firstProposer: "M1", cosigners: ["M2", "M3"])
        let steps: [([DomainEvent], Actor)] = [(members, .office), ([.proposal(ProposalEvent("TA-JOINT", on: today, .submitted(joint)))], .member("M1")),
                                               ([.proposal(ProposalEvent("TA-JOINT", on: today, .cosignerConfirmed(member: "M2")))], .member("M2")),
                                               ([.proposal(ProposalEvent("TA-ALONE", on: today, .submitted(.init(title: "个人", text: "正文", kind: .individual,
                                                                                                                firstProposer: "M1"))))], .member("M1"))]
        for (commands, actor) in steps {
            guard case .success(.recorded) = await data.record(commands, actor: actor, madeBy: "user:test") else {
                Issue.record("\(commands) was not recorded")
                await pair.close()
                return
            }
        }
        let kind = try #require(RecordKind.named("proposals"))
        let listing = try await data.records(kind).get()
        let page = try await data.recordPage(kind, RecordsPage.Filter()).get()
        await pair.close()
        let row = listing.rows.first { $0["id"] == "TA-JOINT" }
        #expect(row?["cosigners"] == "M2（已确认）、M3（待确认）", "\(listing.rows)")
        #expect(listing.rows.first { $0["id"] == "TA-ALONE" }?["cosigners"] == "")
        #expect(page.rows.first { $0["id"] == "TA-JOINT" }?["cosigners"] == "M2（已确认）、M3（待确认）", "the page read in SQL says the same")
        let html = RecordsPage.list(kind, page, RecordsPage.Filter(), bodyName: "县")
        #expect(html.contains("附议委员") && html.contains("M2（已确认）、M3（待确认）"), "\(html)")
    }
}
