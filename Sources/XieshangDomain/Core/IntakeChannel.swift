/// Where a proposal or an opinion report came in 受理渠道 (镇远: 96 of 118 proposals and 22 of 26 reports online).
///
/// `web` is what the author enters in the system; every other channel is entered by the office on the author's
/// behalf (代为录入). Events stored before channels were recorded carry none and read as `web`: until then the rules
/// let only the author submit, which is the online channel.
public enum IntakeChannel: String, Hashable, Sendable, CaseIterable {
    /// Online 网上: the web pages or the CLI, by the author.
    case web
    /// A WeChat or QQ group 微信群/QQ群.
    case chatGroup
    /// A paper form 纸质.
    case paper
    /// Handed in at the session 大会期间.
    case session

    /// Whether the office enters it on the author's behalf (every channel but `web`).
    public var enteredByOffice: Bool { self != .web }

    /// The channel of a command-line or CSV word: its raw value or its Chinese label ("网上", "微信", "QQ", "纸质", "大会").
    public init?(word: String) {
        switch word.trimmingSpaces() {
        case "web", "online", "网上", "网络", "网上提交": self = .web
        case "chatGroup", "chat", "wechat", "qq", "微信", "微信群", "QQ", "QQ群", "微信/QQ群": self = .chatGroup
        case "paper", "纸质", "书面": self = .paper
        case "session", "大会", "大会期间", "会议期间": self = .session
        default: return nil
        }
    }
}
