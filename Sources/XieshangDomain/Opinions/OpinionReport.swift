/// A public-opinion report 社情民意信息 as one body holds it.
public struct OpinionReport: Hashable, Sendable {
    /// Where a report is at a body.
    public enum Status: String, Hashable, Sendable, CaseIterable {
        /// 已报送 (received).
        case submitted
        /// 编辑中.
        case editing
        /// 已录用.
        case adopted
        /// 已存档.
        case archived
    }

    /// An adoption at a higher level, as learnt from above.
    public struct HigherAdoption: Hashable, Sendable {
        /// Adopting body.
        public var body: String
        /// Its tier.
        public var tier: String
        /// Bulletin issue there.
        public var bulletinIssue: String
        /// Day.
        public var on: Day
    }

    /// Longest title an edit may give (a bulletin's heading line), in Unicode scalars.
    public static let maxTitleCharacters = 200

    /// Provenance key.
    public var key: OpinionKey
    /// Original author.
    public var author: String
    /// What the author is.
    public var authorKind: OpinionEvent.AuthorKind
    /// Title.
    public var title: String
    /// Text (as edited here).
    public var text: String
    /// Day received at this body.
    public var receivedOn: Day
    /// Body it was forwarded from; nil at the origin.
    public var receivedFrom: String?
    /// Id of the proposal it was converted from (never scored twice).
    public var convertedFromProposal: String?
    /// Where it came in at its origin body (a copy forwarded here does not carry it: figures per channel count origins).
    public var channel: IntakeChannel = .web
    /// Status here.
    public var status: Status = .submitted
    /// Bulletin issue here.
    public var bulletinIssue: String?
    /// Day adopted or archived here.
    public var decidedOn: Day?
    /// Body forwarded to, and when.
    public var forwardedTo: String?
    /// Day forwarded.
    public var forwardedOn: Day?
    /// 直通车: sent straight up (at the sender) or received straight from a body below the children (at the receiver).
    public var direct = false
    /// Adoptions higher up.
    public var higherAdoptions: [HigherAdoption] = []
    /// Instructions 批示 at any level.
    public var instructions: [OpinionEvent.Instruction] = []
    /// Sent up outside the federation (at the root that sent it).
    public var aboveSends: [AboveSend] = []
    /// Adopted by the provincial or national CPPCC (at the body that recorded it, and at the origin).
    public var aboveAdoptions: [AboveAdoption] = []
    /// Departments it was sent to from this body, with their replies.
    public var departmentSends: [DepartmentSend] = []

    /// Makes a report record.
    public init(key: OpinionKey, author: String, authorKind: OpinionEvent.AuthorKind, title: String, text: String,
                receivedOn: Day, receivedFrom: String?, convertedFromProposal: String? = nil, channel: IntakeChannel = .web) {
        self.channel = channel
        self.key = key
        self.author = author
        self.authorKind = authorKind
        self.title = title
        self.text = text
        self.receivedOn = receivedOn
        self.receivedFrom = receivedFrom
        self.convertedFromProposal = convertedFromProposal
    }
}
