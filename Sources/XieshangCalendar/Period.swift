/// A statistics period 统计周期: a calendar month, quarter, half-year (上半年/下半年) or year, or a body's session
/// period (届次会议以来: from one plenary session's date to the day before the next).
///
/// Text forms (the rollups' period names, the CLI's `--period`): "2026-03", "2026-Q1", "2026-H1", "2026",
/// "2026-01-15~2027-01-19" (a session period) and "2026-01-15~" (the latest session, open until the next is
/// configured). Parsing is strict and total: years 1…9999, anything else a ``CalendarError``, never a trap.
public struct Period: Hashable, Sendable, CustomStringConvertible {
    /// How long a period is.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// A calendar month 月.
        case month
        /// A calendar quarter 季度.
        case quarter
        /// A half-year 半年: H1 上半年 (January–June), H2 下半年 (July–December).
        case halfYear = "half"
        /// A calendar year 年.
        case year
        /// A body's session period 届次会议以来, from one plenary session to the next.
        case session
    }

    /// The kind.
    public let kind: Kind
    /// The year (of the first day, for a session period).
    public let year: Int
    /// Month 1–12, quarter 1–4, half 1–2, or 0 for a year or a session period.
    public let index: Int
    /// First day of the period.
    public let start: Day
    /// Last day of the period (9999-12-31 for an open session period).
    public let end: Day

    /// A calendar month (index clamped to 1…12: callers with outside data use ``init(kind:year:index:)``).
    public static func month(_ year: Int, _ month: Int) -> Period { Period(calendar: .month, year, month) }
    /// A calendar quarter (index clamped to 1…4).
    public static func quarter(_ year: Int, _ quarter: Int) -> Period { Period(calendar: .quarter, year, quarter) }
    /// A half-year (1: 上半年, 2: 下半年; clamped).
    public static func half(_ year: Int, _ half: Int) -> Period { Period(calendar: .halfYear, year, half) }
    /// A calendar year.
    public static func year(_ year: Int) -> Period { Period(calendar: .year, year, 0) }

    /// A session period from `start` through `end` (nil: open until the next session is configured).
    public static func session(from start: Day, through end: Day?) -> Period {
        Period(kind: .session, year: start.year, index: 0, start: start, end: end ?? Period.openEnd)
    }

    /// The last day of an open session period.
    public static let openEnd = Day(unchecked: 9999, 12, 31)

    /// Makes a calendar period, checking year and index.
    /// - Throws: ``CalendarError`` (rule "period.index") when the year is outside 1…9999 or the index does not fit
    ///   the kind; a session period is made with ``session(from:through:)``.
    public init(kind: Kind, year: Int, index: Int) throws(CalendarError) {
        let ok: Bool
        switch kind {
        case .month: ok = (1...12).contains(index)
        case .quarter: ok = (1...4).contains(index)
        case .halfYear: ok = (1...2).contains(index)
        case .year: ok = index == 0
        case .session: ok = false
        }
        guard ok, (1...9999).contains(year) else {
            throw CalendarError(rule: "period.index", zh: "统计周期无效：\(kind.rawValue) \(year)/\(index)",
                                en: "period \(kind.rawValue) \(year)/\(index) does not exist")
        }
        self.init(calendar: kind, year, index)
    }

    private init(calendar kind: Kind, _ year: Int, _ rawIndex: Int) {
        let index: Int
        let start: Day
        let end: Day
        switch kind {
        case .month:
            index = min(max(rawIndex, 1), 12)
            start = Day(unchecked: year, index, 1)
            end = Day(unchecked: year, index, Day.daysIn(month: index, year: year))
        case .quarter:
            index = min(max(rawIndex, 1), 4)
            start = Day(unchecked: year, (index - 1) * 3 + 1, 1)
            end = Day(unchecked: year, index * 3, Day.daysIn(month: index * 3, year: year))
        case .halfYear:
            index = min(max(rawIndex, 1), 2)
            start = Day(unchecked: year, index == 1 ? 1 : 7, 1)
            end = Day(unchecked: year, index == 1 ? 6 : 12, index == 1 ? 30 : 31)
        case .year, .session:
            index = 0
            start = Day(unchecked: year, 1, 1)
            end = Day(unchecked: year, 12, 31)
        }
        self.init(kind: kind == .session ? .year : kind, year: year, index: index, start: start, end: end)
    }

    private init(kind: Kind, year: Int, index: Int, start: Day, end: Day) {
        self.kind = kind
        self.year = year
        self.index = index
        self.start = start
        self.end = end
    }

    /// Parses a period's text form (see the type's summary).
    /// - Throws: ``CalendarError``: rule "period.format" for text of no period form, "period.index" for a month,
    ///   quarter or half that does not exist, "date.format" for a session period's bad day.
    public init(parsing text: String) throws(CalendarError) {
        let bad = CalendarError(rule: "period.format",
                                zh: "统计周期格式错误：“\(text)”，应为 2026、2026-H1、2026-Q3、2026-11 或 2026-01-15~2027-01-19",
                                en: "period \"\(text)\" is not of the form 2026, 2026-H1, 2026-Q3, 2026-11 or 2026-01-15~2027-01-19")
        if let tilde = text.firstIndex(of: "~") {
            let from = try Day(parsing: String(text[..<tilde]), field: "届次会议日期")
            let rest = String(text[text.index(after: tilde)...])
            if rest.isEmpty { self = .session(from: from, through: nil); return }
            let through = try Day(parsing: rest, field: "届次会议日期")
            guard from <= through else { throw bad }
            self = .session(from: from, through: through)
            return
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        func digits(_ s: Substring) -> Bool { !s.isEmpty && s.allSatisfy { $0.isASCII && $0.isNumber } }
        guard let first = parts.first, first.count == 4, digits(first), let year = Int(first), parts.count <= 2 else { throw bad }
        if parts.count == 1 { try self.init(kind: .year, year: year, index: 0); return }
        let second = parts[1]
        guard second.count == 2 else { throw bad }
        if second.first == "Q", digits(second.dropFirst()), let q = Int(second.dropFirst()) {
            try self.init(kind: .quarter, year: year, index: q)
        } else if second.first == "H", digits(second.dropFirst()), let h = Int(second.dropFirst()) {
            try self.init(kind: .halfYear, year: year, index: h)
        } else if digits(second), let m = Int(second) {
            try self.init(kind: .month, year: year, index: m)
        } else {
            throw bad
        }
    }

    /// The calendar periods containing `day`: its month, quarter, half-year and year, in that order.
    public static func all(containing day: Day) -> [Period] {
        [.month(day.year, day.month), .quarter(day.year, (day.month - 1) / 3 + 1), .half(day.year, day.month <= 6 ? 1 : 2),
         .year(day.year)]
    }

    /// Whether `day` falls in the period.
    public func contains(_ day: Day) -> Bool { start <= day && day <= end }

    /// Whether the session period is open (its end not yet configured).
    public var isOpen: Bool { kind == .session && end == Period.openEnd }

    /// The text form: "2026", "2026-H1", "2026-Q2", "2026-05", "2026-01-15~2027-01-19", "2026-01-15~".
    public var description: String {
        let y = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        switch kind {
        case .year: return y
        case .halfYear: return "\(y)-H\(index)"
        case .quarter: return "\(y)-Q\(index)"
        case .month: return index < 10 ? "\(y)-0\(index)" : "\(y)-\(index)"
        case .session: return "\(start)~" + (isOpen ? "" : "\(end)")
        }
    }

    /// The period as people read it: "2026年3月", "2026年第一季度", "2026年上半年", "2026年", "2026-01-15届次会议以来".
    public var labelZh: String {
        switch kind {
        case .year: return "\(year)年"
        case .halfYear: return "\(year)年" + (index == 1 ? "上半年" : "下半年")
        case .quarter: return "\(year)年第" + ["一", "二", "三", "四"][min(max(index, 1), 4) - 1] + "季度"
        case .month: return "\(year)年\(index)月"
        case .session: return "\(start)届次会议以来" + (isOpen ? "" : "（至\(end)）")
        }
    }
}

/// A body's plenary session dates 届次会议 (configured as data per body), and the session periods they make: each
/// runs from one session's date to the day before the next; the latest is open.
public struct SessionCalendar: Hashable, Sendable {
    /// The session dates, ascending, without repeats.
    public let dates: [Day]

    /// A calendar of `dates` (sorted, repeats dropped).
    public init(dates: [Day]) { self.dates = Array(Set(dates)).sorted() }

    /// Every session period, oldest first.
    public var periods: [Period] {
        dates.indices.map { i in
            Period.session(from: dates[i], through: i + 1 < dates.count ? dates[i + 1].adding(days: -1) : nil)
        }
    }

    /// The session period containing `day` (nil before the first session).
    public func period(containing day: Day) -> Period? {
        guard let i = dates.lastIndex(where: { $0 <= day }) else { return nil }
        return Period.session(from: dates[i], through: i + 1 < dates.count ? dates[i + 1].adding(days: -1) : nil)
    }

    /// The periods containing `day`: the calendar ones (``Period/all(containing:)``) and its session period, if any.
    public func periods(containing day: Day) -> [Period] {
        Period.all(containing: day) + (period(containing: day).map { [$0] } ?? [])
    }
}
