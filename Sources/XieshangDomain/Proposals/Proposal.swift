/// A proposal 提案 as it stands at its body: the projection of its events.
public struct Proposal: Hashable, Sendable {
    /// Where a proposal is 提案状态.
    public enum Status: String, Hashable, Sendable, CaseIterable {
        /// 已提交.
        case submitted
        /// 已撤回.
        case withdrawn
        /// 已立案.
        case registered
        /// 不予立案.
        case notRegistered
        /// 已并案.
        case merged
        /// 已交办 (办理中).
        case assigned
        /// 异议待重新交办.
        case reassigning
        /// 已答复.
        case replied
        /// 已测评.
        case evaluated
        /// 已办结.
        case closed
    }

    /// A reply given 答复.
    public struct Reply: Hashable, Sendable {
        /// The unit.
        public var unit: String
        /// Reply class code.
        public var replyClass: String
        /// Text.
        public var text: String
        /// Day given.
        public var on: Day
        /// Due date at that time.
        public var due: Day
        /// Round (1 for the first handling).
        public var round: Int
        /// Whether it was given on or before the due date.
        public var onTime: Bool { on <= due }
    }

    /// An evaluation given 测评.
    public struct Evaluation: Hashable, Sendable {
        /// The proposer.
        public var member: String
        /// The rating.
        public var rating: ProposalEvent.Rating
        /// Day given.
        public var on: Day
        /// Round evaluated.
        public var round: Int
    }

    /// A quarterly appraisal 季度测评 of the proposal.
    public struct Appraisal: Hashable, Sendable {
        /// The quarter.
        public var quarter: Period
        /// Day of the meeting.
        public var on: Day
        /// The round whose reply was rated.
        public var round: Int
        /// The votes, with the threshold in force.
        public var votes: ProposalEvent.Appraisal
        /// The satisfaction rate with the body's formula when rated.
        public var rate: Rate
        /// Whether the rate was below the threshold (compared unrounded): the reply was returned for re-handling.
        public var belowThreshold: Bool
    }

    /// A handling unit's written explanation 书面说明 of a reply the appraisal returned.
    public struct Explanation: Hashable, Sendable {
        /// The unit.
        public var unit: String
        /// The text.
        public var text: String
        /// Day given.
        public var on: Day
        /// The round whose reply was returned.
        public var round: Int
    }

    /// A leader's instruction 批示 as recorded.
    public struct Instruction: Hashable, Sendable {
        /// The instruction.
        public var instruction: ProposalEvent.Instruction
        /// Day recorded.
        public var on: Day
    }

    /// A supervision step 督办 of a key proposal.
    public struct Supervision: Hashable, Sendable {
        /// Progress or result.
        public var outcome: ProposalEvent.SupervisionOutcome
        /// What was done or found.
        public var note: String
        /// Day recorded.
        public var on: Day
    }

    /// Proposal id.
    public var id: String
    /// What was submitted.
    public var submission: ProposalEvent.Submission
    /// Day submitted.
    public var submittedOn: Day
    /// Co-signers who confirmed before the deadline, in confirmation order.
    public var confirmedCosigners: [String] = []
    /// Status.
    public var status: Status = .submitted
    /// Day of the review, withdrawal or merge decision.
    public var decidedOn: Day?
    /// The review outcome.
    public var review: ProposalEvent.Review?
    /// Ids of proposals merged into this one.
    public var mergedFrom: [String] = []
    /// Current assignment.
    public var assignment: ProposalEvent.Assignment?
    /// Day of the first assignment 交办.
    public var firstAssignedOn: Day?
    /// Day the current round started (first assignment, or re-handling).
    public var roundStartedOn: Day?
    /// Current due date.
    public var due: Day?
    /// Handling round: 1, then +1 per re-handling.
    public var round: Int = 0
    /// Objections of the current round (unit, reason).
    public var objections: [String] = []
    /// Co-handling opinions of the current round, by unit.
    public var coHandlingOpinions: [String: String] = [:]
    /// All replies, every round.
    public var replies: [Reply] = []
    /// Day the current round was fully replied.
    public var repliedOn: Day?
    /// All evaluations, every round.
    public var evaluations: [Evaluation] = []
    /// Days of re-handling.
    public var rehandledOn: [Day] = []
    /// Day closed.
    public var closedOn: Day?
    /// Supervising leader of a key proposal.
    public var supervisor: String?
    /// Day marked key.
    public var keyOn: Day?
    /// Quarterly appraisals, in order.
    public var appraisals: [Appraisal] = []
    /// Written explanations of returned replies, in order.
    public var explanations: [Explanation] = []
    /// Leaders' instructions 批示, in order.
    public var instructions: [Instruction] = []
    /// Supervision steps 督办 of a key proposal, in order.
    public var supervisions: [Supervision] = []

    /// Whether the current round is overdue 逾期 on `day`: assigned (or being reassigned), not fully replied, and its
    /// due date before `day` — the one overdue rule of proposals (the unit table and the past-due list).
    public func isOverdue(asOf day: Day) -> Bool {
        guard status == .assigned || status == .reassigning, let due else { return false }
        return due < day
    }

    /// The latest supervision result as of `day` (nil before any).
    public func supervisionOutcome(asOf day: Day) -> ProposalEvent.SupervisionOutcome? {
        supervisions.last { $0.on <= day }?.outcome
    }

    /// The appraisal that returned the reply of the round before the current one, when one did (its units owe a
    /// written explanation).
    public var appraisalReturn: Appraisal? {
        appraisals.last { $0.belowThreshold && $0.round == round - 1 }
    }

    /// The handling of the current round 办理: the assignment with the day its round started and its due date.
    public struct Handling: Hashable, Sendable {
        /// The units and mode.
        public var assignment: ProposalEvent.Assignment
        /// Day the round started (first assignment, or re-handling).
        public var roundStartedOn: Day
        /// Due date of the round.
        public var due: Day
    }

    /// The current round's handling, once the proposal was assigned (nil before: the three fields come together).
    public var handling: Handling? {
        guard let assignment, let roundStartedOn, let due else { return nil }
        return Handling(assignment: assignment, roundStartedOn: roundStartedOn, due: due)
    }

    /// Every proposer: the first proposer and confirmed co-signers.
    public var proposers: [String] { [submission.firstProposer] + confirmedCosigners }

    /// Replies of the current round, by unit.
    public var currentReplies: [Reply] { replies.filter { $0.round == round } }

    /// Evaluations of the current round.
    public var currentEvaluations: [Evaluation] { evaluations.filter { $0.round == round } }
}
