/// A statistics period 统计周期: a calendar month, quarter or year.
public struct Period: Hashable, Sendable, CustomStringConvertible {
    /// How long a period is.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// A calendar month 月.
        case month
        /// A calendar quarter 季度.
        case quarter
        /// A calendar year 年.
        case year
    }

    /// Month, quarter or year.
    public let kind: Kind
    /// The year.
    public let year: Int
    /// Month 1–12, quarter 1–4, or 0 for a year.
    public let index: Int

    /// A calendar month.
    public static func month(_ year: Int, _ month: Int) -> Period { Period(kind: .month, year: year, index: month) }
    /// A calendar quarter.
    public static func quarter(_ year: Int, _ quarter: Int) -> Period { Period(kind: .quarter, year: year, index: quarter) }
    /// A calendar year.
    public static func year(_ year: Int) -> Period { Period(kind: .year, year: year, index: 0) }

    /// Makes a period, checking the index.
    /// - Throws: `DomainError` `.invalidInput` when the index does not fit the kind.
    public init(kind: Kind, year: Int, index: Int, checked: Void) throws {
        let ok: Bool
        switch kind {
        case .month: ok = (1...12).contains(index)
        case .quarter: ok = (1...4).contains(index)
        case .year: ok = index == 0
        }
        try require(ok && (1...9999).contains(year), "period.index",
                    zh: "统计周期无效：\(kind.rawValue) \(year)/\(index)",
                    en: "period \(kind.rawValue) \(year)/\(index) does not exist", code: .invalidInput)
        self.init(kind: kind, year: year, index: index)
    }

    private init(kind: Kind, year: Int, index: Int) {
        self.kind = kind
        self.year = year
        self.index = index
    }

    /// First day of the period.
    public var start: Day {
        switch kind {
        case .month: return Day(unchecked: year, min(max(index, 1), 12), 1)
        case .quarter: return Day(unchecked: year, (min(max(index, 1), 4) - 1) * 3 + 1, 1)
        case .year: return Day(unchecked: year, 1, 1)
        }
    }

    /// Last day of the period.
    public var end: Day {
        switch kind {
        case .month: return start.adding(months: 1).adding(days: -1)
        case .quarter: return start.adding(months: 3).adding(days: -1)
        case .year: return Day(unchecked: year, 12, 31)
        }
    }

    /// Whether `day` falls in the period.
    public func contains(_ day: Day) -> Bool { start <= day && day <= end }

    /// Whether an optional day falls in the period.
    func contains(_ day: Day?) -> Bool { day.map(contains) ?? false }

    /// "2026", "2026-Q2", "2026-05".
    public var description: String {
        switch kind {
        case .year: return "\(year)"
        case .quarter: return "\(year)-Q\(index)"
        case .month: return index < 10 ? "\(year)-0\(index)" : "\(year)-\(index)"
        }
    }
}
