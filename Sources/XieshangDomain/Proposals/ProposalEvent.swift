/// One step of a proposal's life 提案办理环节 (payload `ProposalEvent` of proposals.proto).
///
/// Built by the caller as a command, completed and validated by `DomainState.record(_:by:)` (which fills the
/// due dates, the co-signing deadline and the policy version), then applied.
public struct ProposalEvent: Hashable, Sendable {
    /// The kind of a proposal 提案类型.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// Individual 个人提案.
        case individual
        /// Joint 联名提案.
        case joint
        /// Collective 集体提案 (党派, 团体, 专门委员会, 界别/小组).
        case collective
        /// From a lower body 下级政协.
        case fromLowerBody
    }

    /// A proposer's rating 测评.
    public enum Rating: String, Hashable, Sendable, CaseIterable {
        /// 满意.
        case satisfied
        /// 基本满意.
        case basicallySatisfied
        /// 不满意.
        case unsatisfied
    }

    /// The content of a submission 提交.
    public struct Submission: Hashable, Sendable {
        /// Title 案由.
        public var title: String
        /// Text: one issue.
        public var text: String
        /// Kind.
        public var kind: Kind
        /// First proposer (initiator), or the member filing a collective proposal.
        public var firstProposer: String
        /// Co-signers invited (joint proposals).
        public var cosigners: [String]
        /// Last day for co-signers to confirm; filled from the policy when nil.
        public var cosignDeadline: Day?
        /// Name of the collective (collective proposals).
        public var collectiveName: String
        /// Node id of the lower body (proposals from a lower body).
        public var fromBody: String
        /// Where it came in; any channel but `web` is entered by the office on the proposer's behalf.
        public var channel: IntakeChannel

        /// Makes a submission.
        public init(title: String, text: String, kind: Kind, firstProposer: String, cosigners: [String] = [],
                    cosignDeadline: Day? = nil, collectiveName: String = "", fromBody: String = "",
                    channel: IntakeChannel = .web) {
            self.channel = channel
            self.title = title
            self.text = text
            self.kind = kind
            self.firstProposer = firstProposer
            self.cosigners = cosigners
            self.cosignDeadline = cosignDeadline
            self.collectiveName = collectiveName
            self.fromBody = fromBody
        }
    }

    /// The outcome of review 审查.
    public enum Review: Hashable, Sendable {
        /// 立案, with its registration number.
        case registered(number: String)
        /// 不予立案: reason code from the policy, the notice to the proposer, and optionally conversion into an
        /// opinion report (its id) with the consenting proposer.
        case notRegistered(reason: String, notice: String, conversion: Conversion?)
        /// 并案 into a registered proposal.
        case merged(into: String)
    }

    /// Conversion of a not-registered proposal into an opinion report 转为社情民意信息.
    public struct Conversion: Hashable, Sendable {
        /// Id of the opinion report created.
        public var reportID: String
        /// The proposer whose consent is recorded (must be the first proposer).
        public var consentBy: String

        /// Makes a conversion.
        public init(reportID: String, consentBy: String) {
            self.reportID = reportID
            self.consentBy = consentBy
        }
    }

    /// The votes of a proposal's quarterly appraisal 季度测评 (逐个提案测评 at the standing-committee meeting).
    public struct Appraisal: Hashable, Sendable {
        /// Most votes of one kind a command may carry (a meeting, never a referendum).
        public static let maxVotes = 100_000

        /// The quarter appraised.
        public var quarter: Period
        /// Votes 满意.
        public var satisfied: Int
        /// Votes 基本满意.
        public var basicallySatisfied: Int
        /// Votes 不满意.
        public var unsatisfied: Int
        /// The policy's threshold in percent when rated (filled by validation).
        public var thresholdPercent: Int

        /// Makes the votes of an appraisal (the threshold is filled by validation).
        public init(quarter: Period, satisfied: Int, basicallySatisfied: Int, unsatisfied: Int, thresholdPercent: Int = 0) {
            self.quarter = quarter
            self.satisfied = satisfied
            self.basicallySatisfied = basicallySatisfied
            self.unsatisfied = unsatisfied
            self.thresholdPercent = thresholdPercent
        }

        /// The satisfaction rate with the body's formula: (满意 + 基本满意) / votes, or 满意 / votes.
        public func rate(_ formula: Policy.SatisfactionFormula) -> Rate {
            let s = Int64(clamping: satisfied), b = Int64(clamping: basicallySatisfied), u = Int64(clamping: unsatisfied)
            let all = s.addingReportingOverflow(b).partialValue.addingReportingOverflow(u).partialValue
            return Rate(formula == .satisfiedOnly ? s : s.addingReportingOverflow(b).partialValue, of: all)
        }

        /// Whether the rate is below the threshold, compared unrounded (``Rate/isBelow(percent:)``).
        public func isBelowThreshold(_ formula: Policy.SatisfactionFormula) -> Bool {
            rate(formula).isBelow(percent: thresholdPercent)
        }
    }

    /// A leader's instruction 批示 on a proposal (贵阳: proposals instructed by the city's party secretary, supervised).
    public struct Instruction: Hashable, Sendable {
        /// Leader level ("county", "city", "province", "national").
        public var leaderLevel: String
        /// The leader's name and title.
        public var leader: String
        /// The instruction.
        public var text: String

        /// Makes an instruction.
        public init(leaderLevel: String, leader: String, text: String) {
            self.leaderLevel = leaderLevel
            self.leader = leader
            self.text = text
        }
    }

    /// Where a key proposal's supervision 督办 stands after a step.
    public enum SupervisionOutcome: String, Hashable, Sendable, CaseIterable {
        /// 督办进展: still being handled.
        case inProgress
        /// 已落实.
        case implemented
        /// 部分落实.
        case partlyImplemented
        /// 未落实.
        case notImplemented
    }

    /// An assignment 交办 to handling units.
    public struct Assignment: Hashable, Sendable {
        /// Lead with co-handling units, or split.
        public enum Mode: Hashable, Sendable {
            /// One lead unit 主办 with co-handling units 会办.
            case lead(String, coHandling: [String])
            /// Split handling 分办: each unit replies.
            case split([String])
        }

        /// How the proposal is handled.
        public var mode: Mode
        /// Due date; filled from the policy when nil.
        public var due: Day?

        /// Makes an assignment.
        public init(_ mode: Mode, due: Day? = nil) {
            self.mode = mode
            self.due = due
        }

        /// Every unit of the assignment.
        public var units: [String] {
            switch mode {
            case .lead(let lead, let co): return [lead] + co
            case .split(let units): return units
            }
        }

        /// The units that reply: the lead, or every split unit.
        public var replyingUnits: [String] {
            switch mode {
            case .lead(let lead, _): return [lead]
            case .split(let units): return units
            }
        }

        /// The co-handling units (lead mode), which give opinions but never reply.
        public var coHandlingUnits: [String] {
            if case .lead(_, let co) = mode { return co }
            return []
        }
    }

    /// The step.
    public enum Step: Hashable, Sendable {
        /// 提交.
        case submitted(Submission)
        /// A co-signer confirms.
        case cosignerConfirmed(member: String)
        /// 撤回.
        case withdrawn(by: String, reason: String)
        /// 审查.
        case reviewed(Review)
        /// 交办.
        case assigned(Assignment)
        /// 异议 by a unit.
        case objected(unit: String, reason: String)
        /// Assigned again by the committee after an objection.
        case reassigned(Assignment)
        /// 延期.
        case extended(newDue: Day, reason: String)
        /// 会办意见.
        case coHandlingOpinion(unit: String, text: String)
        /// 答复 with a reply class code.
        case replied(unit: String, replyClass: String, text: String)
        /// 测评.
        case evaluated(member: String, rating: Rating, comment: String)
        /// 退回重办: a new round; due filled from the policy when nil.
        case rehandled(reason: String, due: Day?, byAppraisal: Bool)
        /// 办结.
        case closed(note: String)
        /// 重点提案 with its supervising leader 领衔督办.
        case keyProposal(supervisor: String)
        /// 季度测评: rated at the quarterly appraisal; below the threshold the same command returns it for re-handling.
        case appraised(Appraisal)
        /// 书面说明 of a unit whose reply the appraisal returned.
        case explained(unit: String, text: String)
        /// 批示 — a leader's instruction, recorded by the committee; the proposers see it on their proposal.
        case instructed(Instruction)
        /// 督办 — a supervision step of a key proposal (progress or result), fed back to the proposers.
        case supervised(outcome: SupervisionOutcome, note: String)
    }

    /// Proposal id, unique within the body.
    public var proposalID: String
    /// Day of the step.
    public var on: Day
    /// Policy version the step was validated under (filled by validation).
    public var policyVersion: Int
    /// The step.
    public var step: Step

    /// Makes an event (a command until validated).
    public init(_ proposalID: String, on: Day, _ step: Step, policyVersion: Int = 0) {
        self.proposalID = proposalID
        self.on = on
        self.step = step
        self.policyVersion = policyVersion
    }
}
