/// A calendar day 日期 in the bodies' calendar (China Standard Time), with no time of day and no time zone.
///
/// Records carry days as text "YYYY-MM-DD"; the domain works with this value. Arithmetic goes through the
/// number of days since 1970-01-01 (proleptic Gregorian), so it is exact and needs no clock or `Calendar`.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Year, 1…9999.
    public let year: Int
    /// Month, 1…12.
    public let month: Int
    /// Day of the month, 1…28/29/30/31.
    public let day: Int

    /// Makes a day, or nil when the parts do not name a real calendar day.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// A day from parts already known to be valid or produced by arithmetic (years past 9999 are kept as they are,
    /// so arithmetic on a far-future day never traps).
    public init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses "YYYY-MM-DD" strictly (four ASCII digits of year 0001…9999, two of month and day).
    /// - Throws: ``CalendarError`` (rule "date.format") naming `field` when the text is not a real day.
    public init(parsing text: String, field: String) throws(CalendarError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              let value = Day(year: y, month: m, day: d) else {
            throw CalendarError(rule: "date.format",
                                zh: "\(field) 日期格式错误：“\(text)”，应为 YYYY-MM-DD",
                                en: "\(field) is not a calendar day in the form YYYY-MM-DD: \"\(text)\"")
        }
        self = value
    }

    /// Makes the day that is `days` days after 1970-01-01 (negative for earlier days).
    public init(daysSinceEpoch days: Int) {
        // Civil-from-days (H. Hinnant's algorithm, public domain description): eras of 400 years.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.year = y
        self.month = m
        self.day = d
    }

    /// The day of an instant (`ms` since 1970-01-01T00:00Z) in China Standard Time (UTC+8, no daylight saving): the
    /// one place a timestamp becomes a day. An entry made at 2026-03-31T20:00Z is dated 2026-04-01.
    public init(chinaTimeMs ms: Int64) {
        let (shifted, overflow) = ms.addingReportingOverflow(Day.chinaOffsetMs)
        let t = overflow ? Int64.max : shifted
        // Floor division, so instants before 1970 land on the right day.
        let days = t >= 0 ? t / 86_400_000 : -((-(t + 1)) / 86_400_000) - 1
        self.init(daysSinceEpoch: Int(days))
    }

    /// China Standard Time's offset from UTC, ms.
    public static let chinaOffsetMs: Int64 = 8 * 3_600_000

    /// The first instant (ms since 1970, UTC) of this day in China Standard Time.
    public var startMsChinaTime: Int64 { Int64(daysSinceEpoch) * 86_400_000 - Day.chinaOffsetMs }

    /// Days since 1970-01-01.
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The day `n` days later (earlier when negative).
    public func adding(days n: Int) -> Day { Day(daysSinceEpoch: daysSinceEpoch + n) }

    /// The same day of the month `n` months later, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29).
    public func adding(months n: Int) -> Day {
        let total = (year * 12 + (month - 1)) + n
        let y = total / 12
        let m = total % 12 + 1
        return Day(unchecked: y, m, min(day, Day.daysIn(month: m, year: y)))
    }

    /// "YYYY-MM-DD".
    public var description: String {
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Orders days in time.
    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// Number of days in a month of a year.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
