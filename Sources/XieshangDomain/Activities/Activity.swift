/// An activity held 履职活动 (payload `ActivityRecorded` of activities.proto). Counted once, at the body
/// that records it, even when several bodies host it.
public struct Activity: Hashable, Sendable {
    /// What kind of activity.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// 协商 (with a form).
        case consultation
        /// 调研.
        case research
        /// 视察.
        case inspection
        /// 民主评议.
        case appraisal
        /// 培训.
        case training
        /// 公益.
        case welfare
        /// 会议 (attendance recorded as duty records).
        case meeting
    }

    /// Consultation form 协商形式.
    public enum Form: String, Hashable, Sendable, CaseIterable {
        /// 专题协商.
        case topical
        /// 对口协商.
        case counterpart
        /// 界别协商.
        case sector
        /// 提案办理协商.
        case proposalHandling
        /// 主席约谈.
        case chairTalk
        /// 请你来协商.
        case pleaseCome
        /// 网络协商.
        case online
        /// 季度议政会.
        case quarterly
        /// 常委会视察/协商.
        case standingCommittee
        /// Another form (named in `formOther`).
        case other
    }

    /// A member of another body who took part 外组织委员参加 (a county member at a township's consultation): the
    /// activity counts in that member's 履职档案 at their body when the record reaches it, never in its figures.
    public struct Guest: Hashable, Sendable, Comparable {
        /// Node id of the member's body.
        public var body: String
        /// Member id at that body.
        public var member: String

        /// Names a member of another body.
        public init(body: String, member: String) {
            self.body = body
            self.member = member
        }

        /// "body/member", the form the CLI reads (``init(parsing:)``).
        public var description: String { body + "/" + member }

        /// Reads "body/member" (the body id holds no "/"); nil when either part is empty.
        public init?(parsing text: String) {
            guard let slash = text.firstIndex(of: "/") else { return nil }
            let body = String(text[..<slash]), member = String(text[text.index(after: slash)...])
            guard !body.isEmpty, !member.isEmpty else { return nil }
            self.init(body: body, member: member)
        }

        public static func < (a: Guest, b: Guest) -> Bool { (a.body, a.member) < (b.body, b.member) }
    }

    /// A democratic appraisal's outcome 民主评议结果: the unit appraised and, once known, the result.
    public struct Appraisal: Hashable, Sendable {
        /// The unit (department) appraised 被评议单位, e.g. 县交通运输局.
        public var targetUnit: String
        /// The result 评议结果 (满意 / 基本满意 / 不满意, the closed set proposers rate replies with); nil until known.
        public var result: ProposalEvent.Rating?

        /// Names the unit appraised and the result.
        public init(targetUnit: String, result: ProposalEvent.Rating? = nil) {
            self.targetUnit = targetUnit
            self.result = result
        }
    }

    /// Longest 界别 name an activity may carry (characters; the longest in use, 中国农工民主党, is 7).
    public static let maxSectorLength = 30
    /// Most 界别 one activity may name (a county has some 20–30).
    public static let maxSectors = 50

    /// Most participants one activity may record (keeps every sum of figures far from overflow).
    public static let maxParticipants = 1_000_000

    /// Activity id, unique within the recording body.
    public var id: String
    /// Kind.
    public var kind: Kind
    /// Form (consultations only).
    public var form: Form?
    /// Name of an `other` form.
    public var formOther: String
    /// Day held.
    public var date: Day
    /// Topic 议题.
    public var topic: String
    /// Host bodies (filled with the recording body when empty).
    public var hostBodies: [String]
    /// Participants 人次.
    public var participants: Int
    /// Members who took part.
    public var members: [String]
    /// Suggestions made there.
    public var suggestionIDs: [String]
    /// Opinion reports that came out of it.
    public var reportIDs: [String]
    /// Plan item carried out ("plan/item"), if any.
    public var planItem: String
    /// Members of other bodies who took part (counted in their own body's 履职档案, never in its figures).
    public var guests: [Guest]
    /// The 界别 it was organised by or for (a 界别协商 names at least one); each counts it in the figures per sector.
    public var sectors: [String]
    /// A democratic appraisal's target unit and result (appraisals only).
    public var appraisal: Appraisal?
    /// The sub-body unit (``Station``) it was held at; empty: at the body itself. It counts once, at the body, either way.
    public var station: String

    /// Makes an activity record.
    public init(id: String, kind: Kind, form: Form? = nil, formOther: String = "", date: Day, topic: String,
                hostBodies: [String] = [], participants: Int, members: [String] = [], suggestionIDs: [String] = [],
                reportIDs: [String] = [], planItem: String = "", guests: [Guest] = [],
                sectors: [String] = [], appraisal: Appraisal? = nil, station: String = "") {
        self.id = id
        self.kind = kind
        self.form = form
        self.formOther = formOther
        self.date = date
        self.topic = topic
        self.hostBodies = hostBodies
        self.participants = participants
        self.members = members
        self.suggestionIDs = suggestionIDs
        self.reportIDs = reportIDs
        self.planItem = planItem
        self.guests = guests
        self.sectors = sectors
        self.appraisal = appraisal
        self.station = station
    }
}
