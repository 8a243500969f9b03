@_exported import XieshangCalendar

// The domain works in the one calendar of XieshangCalendar (Day, Period, China Standard Time); these adapt its
// errors to the domain's.

extension DomainError {
    /// A calendar parse error as the domain reports it (code `.invalidInput`, the calendar's rule and messages).
    public init(_ error: CalendarError) {
        self.init(.invalidInput, rule: error.rule, zh: error.messageZh, en: error.messageEn)
    }
}

extension Day {
    /// Parses "YYYY-MM-DD" strictly, for the domain.
    /// - Throws: ``DomainError`` (rule "date.format") naming `field`.
    public static func domain(_ text: String, field: String) throws(DomainError) -> Day {
        do { return try Day(parsing: text, field: field) } catch { throw DomainError(error) }
    }
}

extension Period {
    /// Parses a period's text form, for the domain.
    /// - Throws: ``DomainError`` with the calendar's rule ("period.format", "period.index", "date.format").
    public static func domain(_ text: String) throws(DomainError) -> Period {
        do { return try Period(parsing: text) } catch { throw DomainError(error) }
    }

    /// Whether an optional day falls in the period.
    func contains(_ day: Day?) -> Bool { day.map(contains) ?? false }
}
