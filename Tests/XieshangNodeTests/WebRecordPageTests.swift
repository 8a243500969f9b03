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
}
