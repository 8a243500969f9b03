import XieshangDomain

extension RecordQueries {
    /// A proposal 提案 as listed.
    public struct ProposalRow: Hashable, Sendable {
        /// The proposal id.
        public var id: String
        /// Its title.
        public var title: String
        /// individual, joint, collective or fromLowerBody.
        public var kind: String
        /// The first proposer's member id.
        public var firstProposer: String
        /// The state (a `Proposal.Status` raw value; `Labels.zh("proposalStatus." + status)` for the label).
        public var status: String
        /// Submission day, `YYYY-MM-DD`.
        public var submittedOn: String
        /// The registration number, once registered.
        public var registerNumber: String?
        /// The lead unit, for a lead/co-handling assignment.
        public var leadUnit: String?
        /// Every handling unit.
        public var units: [String]
        /// The reply due day of the current round.
        public var due: String?
        /// The handling round (0 before assignment, 1 first, 2… re-handling).
        public var round: Int
        /// The closing day.
        public var closedOn: String?
        /// The supervising leader of a key proposal.
        public var supervisor: String?
        /// The co-signers 附议人 of a joint proposal, in submission order.
        public var cosigners: [String] = []
        /// The co-signers who have not confirmed (yet, or by the deadline), in submission order.
        public var awaitingCosigners: [String] = []
    }

    /// A proposal with its co-signers, replies and evaluations.
    public struct ProposalDetail: Hashable, Sendable {
        /// The listed fields.
        public var proposal: ProposalRow
        /// The full text.
        public var text: String
        /// Co-signers in submission order, with whether each confirmed in time.
        public var cosigners: [(member: String, confirmed: Bool)] { zip(cosignerIDs, cosignerConfirmed).map { ($0, $1) } }
        /// Co-signer ids in submission order.
        public var cosignerIDs: [String]
        /// Whether each co-signer confirmed (same order).
        public var cosignerConfirmed: [Bool]
        /// Every reply, all rounds.
        public var replies: [Reply]
        /// Every evaluation, all rounds.
        public var evaluations: [Evaluation]

        /// A handling unit's reply 答复.
        public struct Reply: Hashable, Sendable {
            /// Round.
            public var round: Int
            /// Replying unit.
            public var unit: String
            /// Reply class code (A, B, C…).
            public var replyClass: String
            /// The reply text.
            public var text: String
            /// Reply day.
            public var on: String
            /// Whether it came by the due day.
            public var onTime: Bool
        }

        /// A proposer's evaluation 评价.
        public struct Evaluation: Hashable, Sendable {
            /// Round.
            public var round: Int
            /// The member.
            public var member: String
            /// satisfied, basicallySatisfied or unsatisfied.
            public var rating: String
            /// Day.
            public var on: String
        }
    }

    /// A public-opinion report 社情民意信息 as listed.
    public struct OpinionRow: Hashable, Sendable {
        /// Provenance: the body it was first submitted at and its id there.
        public var key: OpinionKey
        /// The original author.
        public var author: String
        /// Title.
        public var title: String
        /// submitted, editing, adopted or archived (at this body).
        public var status: String
        /// The bulletin issue that adopted it here.
        public var bulletinIssue: String?
        /// The body it was forwarded to.
        public var forwardedTo: String?
        /// Adoptions at higher levels (body ids).
        public var adoptedBy: [String]
        /// Leaders' instructions 批示 recorded for it.
        public var instructions: [String]
    }

    /// An activity 活动 as listed.
    public struct ActivityRow: Hashable, Sendable {
        /// Id.
        public var id: String
        /// consultation, research, inspection…
        public var kind: String
        /// The consultation form, if any.
        public var form: String?
        /// Day held.
        public var date: String
        /// Topic.
        public var topic: String
        /// Host bodies.
        public var hostBodies: [String]
        /// Number of participants.
        public var participants: Int
        /// The 界别 it was organised by or for.
        public var sectors: [String] = []
        /// A democratic appraisal's unit appraised 被评议单位.
        public var targetUnit: String? = nil
        /// A democratic appraisal's result (satisfied, basicallySatisfied, unsatisfied), once known.
        public var result: String? = nil
        /// The sub-body unit it was held at; empty at the body itself.
        public var station: String = ""
    }

    /// A consultation-plan item 协商计划事项 with its stage as of a day.
    public struct PlanItemRow: Hashable, Sendable {
        /// The issuing body.
        public var issuer: String
        /// The plan id.
        public var planID: String
        /// The item id.
        public var itemID: String
        /// Topic.
        public var topic: String
        /// Lead department.
        public var department: String
        /// Deadline.
        public var deadline: String
        /// Assigned bodies.
        public var assignees: [String]
        /// The least advanced assignee's stage as of the day asked.
        public var stage: ItemStage
        /// Assignees that had not held it by the deadline, once the deadline has passed.
        public var overdueFor: [String]
        /// Overdue 逾期 for at least one assignee.
        public var isOverdue: Bool { !overdueFor.isEmpty }
    }

    /// A member 委员 with the year's duty score 履职积分.
    public struct MemberDutyRow: Hashable, Sendable {
        /// Member id.
        public var id: String
        /// Name.
        public var name: String
        /// Sector 界别.
        public var sector: String
        /// Active flag.
        public var active: Bool
        /// The year's total, in tenths of a point.
        public var totalTenths: Int
        /// Below the talk threshold.
        public var needsTalk: Bool
        /// Resignation recommended (below the threshold for the policy's number of years).
        public var resignationRecommended: Bool
        /// The yearly minimums ("四个一") missed so far.
        public var minimumsMissed: [DutyCategory] = []
    }

    /// An event the projection could not use (a payload that does not decode) or refused (an event of another body
    /// that is not a cross-body step for this body); the node raises an alert for each.
    public struct ProjectionProblem: Hashable, Sendable {
        /// Origin node.
        public var origin: String
        /// Per-origin seq.
        public var seq: UInt64
        /// Position in the local log.
        public var position: Int64
        /// Envelope kind.
        public var kind: Int32
        /// Why it could not be projected.
        public var reason: String
    }
}
