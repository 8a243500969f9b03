/// The one error type of XieshangCalendar: text that is not a day or a period.
///
/// `rule` is the stable key of what was wrong ("date.format", "period.format", "period.index"), the messages say it
/// in Chinese and English with the text that was refused. Nothing the calendar parses ever traps.
public struct CalendarError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The stable key of the rule broken: "date.format", "period.format" or "period.index".
    public let rule: String
    /// What was wrong, in Chinese.
    public let messageZh: String
    /// What was wrong, in English.
    public let messageEn: String

    /// Makes an error.
    public init(rule: String, zh: String, en: String) {
        self.rule = rule
        self.messageZh = zh
        self.messageEn = en
    }

    /// The English message with its rule.
    public var description: String { "\(messageEn) (rule \(rule))" }
}
