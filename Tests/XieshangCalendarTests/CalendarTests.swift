import Testing
import XieshangCalendar

/// The one calendar: days, periods (month, quarter, half-year, year, session), China Standard Time, strict parsing.
@Suite struct CalendarTests {
    func day(_ text: String) -> Day { (try? Day(parsing: text, field: "t")) ?? Day(unchecked: 1, 1, 1) }

    func refused(_ rule: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws(CalendarError) -> Void) {
        do throws(CalendarError) {
            try body()
            Issue.record("expected refusal by rule \(rule)", sourceLocation: sourceLocation)
        } catch {
            #expect(error.rule == rule, "\(error)", sourceLocation: sourceLocation)
            #expect(!error.messageZh.isEmpty && !error.messageEn.isEmpty, sourceLocation: sourceLocation)
        }
    }

    @Test func daysParseStrictlyAndRoundTrip() {
        #expect(day("2026-02-28").description == "2026-02-28")
        for bad in ["2026-2-28", "2026-02-29", "2026-13-01", "26-01-01", "2026/01/01", "", "２０２６-01-01", "0000-01-01", "+999-01-01"] {
            refused("date.format") { () throws(CalendarError) in _ = try Day(parsing: bad, field: "完成时限") }
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

    /// A timestamp's day is its day in Beijing (UTC+8): an entry at 2026-03-31T20:00Z is dated 1 April there, one at
    /// 2026-03-31T15:59:59.999Z is still 31 March; instants before 1970 and at Int64's ends never trap.
    @Test func aTimestampsDayIsChinaStandardTime() {
        let aprilFirst = day("2026-04-01").startMsChinaTime
        #expect(Day(chinaTimeMs: aprilFirst) == day("2026-04-01"))
        #expect(Day(chinaTimeMs: aprilFirst - 1) == day("2026-03-31"))
        #expect(aprilFirst == day("2026-03-31").daysSinceEpoch.advanced(by: 1) * 86_400_000 - 8 * 3_600_000)
        #expect(Day(chinaTimeMs: -8 * 3_600_000) == day("1970-01-01"))
        #expect(Day(chinaTimeMs: -8 * 3_600_000 - 1) == day("1969-12-31"))
        _ = Day(chinaTimeMs: .max)
        _ = Day(chinaTimeMs: .min)
    }

    @Test func periodsBoundTheirDays() {
        #expect(Period.quarter(2026, 1).end == day("2026-03-31"))
        #expect(Period.month(2024, 2).end == day("2024-02-29"))
        #expect(Period.half(2026, 1).end == day("2026-06-30") && Period.half(2026, 2).start == day("2026-07-01"))
        #expect(Period.year(2026).contains(day("2026-12-31")) && !Period.year(2026).contains(day("2027-01-01")))
        #expect(Period.quarter(2026, 2).description == "2026-Q2")
        #expect(Period.half(2026, 2).labelZh == "2026年下半年")
        #expect(Period.all(containing: day("2026-03-31")).map(\.description) == ["2026-03", "2026-Q1", "2026-H1", "2026"])
    }

    /// Period text parses strictly and totally: each form round-trips; a bad index, an absurd year or stray text is
    /// a typed error (never a trap, never a silently different period).
    @Test func periodTextParsesStrictly() throws {
        for text in ["2026", "2026-H1", "2026-H2", "2026-Q1", "2026-Q4", "2026-03", "2026-12", "0001", "9999-12",
                     "2026-01-15~2027-01-19", "2026-01-15~"] {
            #expect(try Period(parsing: text).description == text)
        }
        for bad in ["", "2026-", "2026-Q", "2026-Q1x", "26", "20260", "2026-3", "2026-003", "2026-H1-01", "2026-h1", "2026-Q+1",
                    "99999", "-2026", "2026-01-15~2026-01-14", "２０２６"] {
            refused("period.format") { () throws(CalendarError) in _ = try Period(parsing: bad) }
        }
        for bad in ["0000", "2026-13", "2026-00", "2026-Q5", "2026-Q0", "2026-H3"] {
            refused("period.index") { () throws(CalendarError) in _ = try Period(parsing: bad) }
        }
        refused("date.format") { () throws(CalendarError) in _ = try Period(parsing: "2026-02-30~") }
        refused("period.index") { () throws(CalendarError) in _ = try Period(kind: .session, year: 2026, index: 0) }
    }

    /// Session periods 届次会议以来: from one plenary session's date to the day before the next; the latest is open.
    @Test func sessionPeriodsRunFromOneSessionToTheNext() throws {
        let sessions = SessionCalendar(dates: [day("2027-01-20"), day("2026-01-15"), day("2026-01-15")])
        #expect(sessions.periods.map(\.description) == ["2026-01-15~2027-01-19", "2027-01-20~"])
        #expect(sessions.period(containing: day("2026-01-14")) == nil)
        #expect(sessions.period(containing: day("2027-01-19"))?.description == "2026-01-15~2027-01-19")
        #expect(sessions.period(containing: day("2031-06-01"))?.isOpen == true)
        #expect(sessions.periods(containing: day("2026-03-31")).map(\.description) == ["2026-03", "2026-Q1", "2026-H1", "2026", "2026-01-15~2027-01-19"])
        #expect(try Period(parsing: "2026-01-15~2027-01-19") == sessions.periods[0])
    }
}
