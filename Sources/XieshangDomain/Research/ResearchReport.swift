/// A report of a research visit or inspection 调研报告、视察报告 as the body holds it, with the leaders' instructions 批示
/// on it and what its results were turned into 成果转化 (a proposal, an opinion report or a 建议案).
public struct ResearchReport: Hashable, Sendable {
    /// The leader levels an instruction names (批示领导的层级), from the party committee and the government of each tier.
    public static let leaderLevels = ["省委", "省政府", "市委", "市政府", "州委", "州政府", "县委", "县政府", "区委", "区政府",
                                      "乡镇党委", "乡镇政府", "街道党工委", "街道办事处"]
    /// The longest title (characters).
    public static let maxTitleLength = 200
    /// The longest text of a report or an instruction (characters).
    public static let maxTextLength = 50_000

    /// A leader's instruction 批示.
    public struct Instruction: Hashable, Sendable {
        /// Leader's name and title.
        public var leader: String
        /// The leader's level (one of ``ResearchReport/leaderLevels``).
        public var level: String
        /// Text.
        public var text: String
        /// Day.
        public var on: Day
    }

    /// What a report's results were turned into 成果转化.
    public enum Conversion: Hashable, Sendable {
        /// A proposal 提案 held at the body.
        case proposal(String)
        /// A public-opinion report 社情民意信息 of the body (its report id).
        case opinion(String)
        /// A 建议案: the body's formal recommendation to the party committee or government, by its title.
        case advice(title: String)

        /// The kind's code ("proposal", "opinion", "advice"), as the CLI and the figures name it.
        public var kind: String {
            switch self {
            case .proposal: return "proposal"
            case .opinion: return "opinion"
            case .advice: return "advice"
            }
        }

        /// The proposal id, the report id, or the 建议案's title.
        public var target: String {
            switch self {
            case .proposal(let id), .opinion(let id), .advice(title: let id): return id
            }
        }

        /// From a kind code and its target; nil for an unknown kind.
        public init?(kind: String, target: String) {
            switch kind {
            case "proposal": self = .proposal(target)
            case "opinion": self = .opinion(target)
            case "advice": self = .advice(title: target)
            default: return nil
            }
        }
    }

    /// A conversion and its day.
    public struct Converted: Hashable, Sendable {
        /// Into what.
        public var conversion: Conversion
        /// Day.
        public var on: Day
    }

    /// Id, unique within the body.
    public var id: String
    /// The research visit or inspection it reports on.
    public var activityID: String
    /// 调研 or 视察 (the activity's kind).
    public var kind: Activity.Kind
    /// Title.
    public var title: String
    /// Text.
    public var text: String
    /// Day written.
    public var reportedOn: Day
    /// Instructions, in recording order.
    public var instructions: [Instruction] = []
    /// Conversions, in recording order.
    public var conversions: [Converted] = []

    /// The day of its first instruction: the report counts as instructed 获批示 in that day's period.
    public var firstInstructedOn: Day? { instructions.map(\.on).min() }
}
