import Testing
@testable import XieshangDomain

/// Calendar days: parsing, epoch arithmetic, month arithmetic, periods.
@Suite struct DayTests {
    @Test func parsesStrictlyAndRoundTrips() throws {
        #expect(day("2026-02-28").description == "2026-02-28")
        for bad in ["2026-2-28", "2026-02-29", "2026-13-01", "26-01-01", "2026/01/01", "", "２０２６-01-01"] {
            expectRefused("date.format") { _ = try Day(parsing: bad, field: "完成时限") }
        }
        #expect(day("2024-02-29").year == 2024)
    }

    @Test func epochDaysRoundTrip() {
        #expect(day("1970-01-01").daysSinceEpoch == 0)
        #expect(day("2000-03-01").daysSinceEpoch == 11_017)
        for n in stride(from: -800_000, through: 2_900_000, by: 997) {
            #expect(Day(daysSinceEpoch: n).daysSinceEpoch == n)
        }
        #expect(day("2026-12-31").adding(days: 1) == day("2027-01-01"))
    }

    @Test func monthsClampToTheMonthEnd() {
        #expect(day("2026-01-31").adding(months: 1) == day("2026-02-28"))
        #expect(day("2024-01-31").adding(months: 1) == day("2024-02-29"))
        #expect(day("2026-11-30").adding(months: 3) == day("2027-02-28"))
        #expect(day("2026-02-01").adding(months: 6) == day("2026-08-01"))
    }

    @Test func periodsBoundTheirDays() throws {
        #expect(Period.quarter(2026, 1).end == day("2026-03-31"))
        #expect(Period.month(2024, 2).end == day("2024-02-29"))
        #expect(Period.year(2026).contains(day("2026-12-31")) && !Period.year(2026).contains(day("2027-01-01")))
        expectRefused("period.index") { _ = try Period(kind: .quarter, year: 2026, index: 5, checked: ()) }
        #expect(Period.quarter(2026, 2).description == "2026-Q2")
    }
}
