import Testing
@testable import XieshangDomain

/// Input at the edges never traps: far-future days, absurd counters from a peer.
@Suite struct EdgeInputTests {
    @Test func arithmeticPastYear9999DoesNotTrap() {
        let last = day("9999-12-31")
        #expect(last.adding(months: 6).year == 10_000)
        #expect(last.adding(days: 1).year == 10_000)
        #expect(Period.month(2026, 13).end.year == 2026)   // clamped, not a trap
    }

    @Test mutating func absurdCountersSaturateAndRatesStillAnswer() throws {
        var a = Figures(period: .year(2026))
        a.suggestionsMade = Int64.max
        a.repliesByClass = ["A": Int64.max]
        var b = Figures(period: .year(2026))
        b.suggestionsMade = 5
        b.repliesByClass = ["A": 1]
        a.add(b)
        #expect(a.suggestionsMade == Int64.max && a.repliesByClass["A"] == Int64.max)
        #expect(Rate(Int64.max, of: Int64.max).description == "100.0%")
    }

    @Test func hugeParticipantCountsAndAdjustmentsAreRefused() throws {
        var state = DomainState(body: countyBody)
        expectRefused("activity.participants") {
            try state.record(.activity(Activity(id: "A", kind: .research, date: day("2026-01-01"), topic: "t",
                                                participants: Int.max)), by: .office)
        }
        try state.record(.member(MemberRecorded(memberID: "m", name: "n", sector: "s", body: countyBody.id, term: 1,
                                                effective: day("2026-01-01"))), by: .office)
        expectRefused("duty.adjustment.range") {
            try state.record(.duty(DutyEvent("m", on: day("2026-01-02"), .adjustment(.welfare, tenths: Int.min, reason: "x"))),
                             by: .office)
        }
    }
}
