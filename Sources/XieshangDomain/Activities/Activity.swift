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

    /// Makes an activity record.
    public init(id: String, kind: Kind, form: Form? = nil, formOther: String = "", date: Day, topic: String,
                hostBodies: [String] = [], participants: Int, members: [String] = [], suggestionIDs: [String] = [],
                reportIDs: [String] = [], planItem: String = "") {
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
    }
}
