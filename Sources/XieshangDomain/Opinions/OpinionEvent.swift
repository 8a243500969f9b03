/// One step of a public-opinion report 社情民意信息 at one body (payload `OpinionEvent` of opinions.proto).
public struct OpinionEvent: Hashable, Sendable {
    /// Who wrote a report.
    public enum AuthorKind: String, Hashable, Sendable, CaseIterable {
        /// A member 委员.
        case member
        /// A liaison group 联络组.
        case liaisonGroup
        /// An invited informant 特邀信息员.
        case informant
    }

    /// The provenance carried on every event: the key plus the original author.
    public struct Provenance: Hashable, Sendable {
        /// Origin body.
        public var originBody: String
        /// Report id at the origin body.
        public var originReportID: String
        /// Original author (member id, group or informant name).
        public var author: String
        /// What the author is.
        public var authorKind: AuthorKind

        /// Makes a provenance.
        public init(originBody: String, originReportID: String, author: String, authorKind: AuthorKind) {
            self.originBody = originBody
            self.originReportID = originReportID
            self.author = author
            self.authorKind = authorKind
        }

        /// The report's key.
        public var key: OpinionKey { OpinionKey(originBody: originBody, originReportID: originReportID) }
    }

    /// A leader's instruction 批示.
    public struct Instruction: Hashable, Sendable {
        /// Leader level ("county", "city", "province", "national").
        public var leaderLevel: String
        /// Leader's name and title.
        public var leader: String
        /// Day of the instruction.
        public var date: Day
        /// Text.
        public var text: String
        /// Body that recorded it.
        public var recordedBy: String

        /// Makes an instruction.
        public init(leaderLevel: String, leader: String, date: Day, text: String, recordedBy: String) {
            self.leaderLevel = leaderLevel
            self.leader = leader
            self.date = date
            self.text = text
            self.recordedBy = recordedBy
        }
    }

    /// The step.
    public enum Step: Hashable, Sendable {
        /// Submitted at the origin body, received by `channel`.
        case submitted(title: String, text: String, channel: IntakeChannel = .web)
        /// Edited by the office 编辑: the new text and, unless empty, the new title.
        case edited(text: String, title: String = "")
        /// 录用 into a bulletin issue 期号.
        case adopted(bulletinIssue: String)
        /// 存档, not adopted.
        case archived(reason: String)
        /// 报送 to the parent body; `direct` (直通车): straight to a body above the parent, skipping levels.
        case forwarded(toBody: String, toTier: String, title: String, text: String, direct: Bool = false)
        /// Adopted at a higher level (sent down).
        case adoptedHigher(byBody: String, byTier: String, bulletinIssue: String)
        /// A leader's instruction (sent down to the origin).
        case instruction(Instruction)
        /// 报送 outside the federation, to the provincial or national CPPCC (only at a body with no parent).
        case sentAbove(level: AboveLevel)
        /// Adopted by the provincial or national CPPCC, recorded at the body that sent it up (sent down to the origin).
        case adoptedAbove(level: AboveLevel, bulletinIssue: String)
        /// 转送 to a government department.
        case sentToDepartment(department: String)
        /// The department's handling and result.
        case departmentReplied(department: String, result: DepartmentResult, text: String)
    }

    /// The report.
    public var report: Provenance
    /// The body where the step happens.
    public var atBody: String
    /// Day of the step.
    public var on: Day
    /// Policy version of `atBody` (filled by validation).
    public var policyVersion: Int
    /// The step.
    public var step: Step

    /// Makes an event (a command until validated).
    public init(_ report: Provenance, at atBody: String, on: Day, _ step: Step, policyVersion: Int = 0) {
        self.report = report
        self.atBody = atBody
        self.on = on
        self.step = step
        self.policyVersion = policyVersion
    }
}
