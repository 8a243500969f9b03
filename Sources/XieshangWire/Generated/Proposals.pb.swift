// DO NOT EDIT — generated from Protos/xieshang/v1/proposals.proto by xieshang-protogen.
// Change the .proto file and run `make generate`; a test fails when this file drifts from Protos/.

/// The kind of a proposal.
public enum ProposalKind: ProtoEnum {
    /// Not set; refused.
    case unspecified
    /// Individual 个人提案.
    case individual
    /// Joint 联名提案: a first proposer and co-signers who confirm before the deadline.
    case joint
    /// Collective 集体提案 of a party 党派, group 团体, special committee 专门委员会 or sector group 界别/小组.
    case collective
    /// From a lower body 下级政协.
    case fromLowerBody
    /// A value this schema does not name (sent by a newer schema); kept as its number.
    case unrecognized(Int32)

    public static let protoName = "xieshang.v1.ProposalKind"
    public static let allKnownValues: [ProposalKind] = [.unspecified, .individual, .joint, .collective, .fromLowerBody]

    public init(protoValue: Int32) {
        switch protoValue {
        case 0: self = .unspecified
        case 1: self = .individual
        case 2: self = .joint
        case 3: self = .collective
        case 4: self = .fromLowerBody
        default: self = .unrecognized(protoValue)
        }
    }

    public var protoValue: Int32 {
        switch self {
        case .unspecified: 0
        case .individual: 1
        case .joint: 2
        case .collective: 3
        case .fromLowerBody: 4
        case .unrecognized(let value): value
        }
    }

    public var protoValueName: String? {
        switch self {
        case .unspecified: "PROPOSAL_KIND_UNSPECIFIED"
        case .individual: "PROPOSAL_KIND_INDIVIDUAL"
        case .joint: "PROPOSAL_KIND_JOINT"
        case .collective: "PROPOSAL_KIND_COLLECTIVE"
        case .fromLowerBody: "PROPOSAL_KIND_FROM_LOWER_BODY"
        case .unrecognized: nil
        }
    }

    public init?(protoValueName: String) {
        switch protoValueName {
        case "PROPOSAL_KIND_UNSPECIFIED": self = .unspecified
        case "PROPOSAL_KIND_INDIVIDUAL": self = .individual
        case "PROPOSAL_KIND_JOINT": self = .joint
        case "PROPOSAL_KIND_COLLECTIVE": self = .collective
        case "PROPOSAL_KIND_FROM_LOWER_BODY": self = .fromLowerBody
        default: return nil
        }
    }
}

/// The outcome of review 审查.
public enum ReviewOutcome: ProtoEnum {
    /// Not set; refused.
    case unspecified
    /// Registered 立案.
    case registered
    /// Not registered 不予立案 (needs a reason).
    case notRegistered
    /// Merged 并案 into another registered proposal.
    case merged
    /// A value this schema does not name (sent by a newer schema); kept as its number.
    case unrecognized(Int32)

    public static let protoName = "xieshang.v1.ReviewOutcome"
    public static let allKnownValues: [ReviewOutcome] = [.unspecified, .registered, .notRegistered, .merged]

    public init(protoValue: Int32) {
        switch protoValue {
        case 0: self = .unspecified
        case 1: self = .registered
        case 2: self = .notRegistered
        case 3: self = .merged
        default: self = .unrecognized(protoValue)
        }
    }

    public var protoValue: Int32 {
        switch self {
        case .unspecified: 0
        case .registered: 1
        case .notRegistered: 2
        case .merged: 3
        case .unrecognized(let value): value
        }
    }

    public var protoValueName: String? {
        switch self {
        case .unspecified: "REVIEW_OUTCOME_UNSPECIFIED"
        case .registered: "REVIEW_OUTCOME_REGISTERED"
        case .notRegistered: "REVIEW_OUTCOME_NOT_REGISTERED"
        case .merged: "REVIEW_OUTCOME_MERGED"
        case .unrecognized: nil
        }
    }

    public init?(protoValueName: String) {
        switch protoValueName {
        case "REVIEW_OUTCOME_UNSPECIFIED": self = .unspecified
        case "REVIEW_OUTCOME_REGISTERED": self = .registered
        case "REVIEW_OUTCOME_NOT_REGISTERED": self = .notRegistered
        case "REVIEW_OUTCOME_MERGED": self = .merged
        default: return nil
        }
    }
}

/// A proposer's evaluation 测评 of a reply.
public enum Rating: ProtoEnum {
    /// Not set; refused.
    case unspecified
    /// Satisfied 满意.
    case satisfied
    /// Basically satisfied 基本满意.
    case basicallySatisfied
    /// Not satisfied 不满意.
    case unsatisfied
    /// A value this schema does not name (sent by a newer schema); kept as its number.
    case unrecognized(Int32)

    public static let protoName = "xieshang.v1.Rating"
    public static let allKnownValues: [Rating] = [.unspecified, .satisfied, .basicallySatisfied, .unsatisfied]

    public init(protoValue: Int32) {
        switch protoValue {
        case 0: self = .unspecified
        case 1: self = .satisfied
        case 2: self = .basicallySatisfied
        case 3: self = .unsatisfied
        default: self = .unrecognized(protoValue)
        }
    }

    public var protoValue: Int32 {
        switch self {
        case .unspecified: 0
        case .satisfied: 1
        case .basicallySatisfied: 2
        case .unsatisfied: 3
        case .unrecognized(let value): value
        }
    }

    public var protoValueName: String? {
        switch self {
        case .unspecified: "RATING_UNSPECIFIED"
        case .satisfied: "RATING_SATISFIED"
        case .basicallySatisfied: "RATING_BASICALLY_SATISFIED"
        case .unsatisfied: "RATING_UNSATISFIED"
        case .unrecognized: nil
        }
    }

    public init?(protoValueName: String) {
        switch protoValueName {
        case "RATING_UNSPECIFIED": self = .unspecified
        case "RATING_SATISFIED": self = .satisfied
        case "RATING_BASICALLY_SATISFIED": self = .basicallySatisfied
        case "RATING_UNSATISFIED": self = .unsatisfied
        default: return nil
        }
    }
}

/// Where a proposal or an opinion report came in 受理渠道 (镇远: 96 of 118 proposals and 22 of 26 reports online).
public enum IntakeChannel: ProtoEnum {
    /// Not recorded: events stored before channels were recorded. Read as web: until then every proposal and report was
    /// entered in the system by its own author (the rules let nobody else submit), which is the online channel.
    case unspecified
    /// Online 网上: the web pages or the CLI, entered by the author.
    case web
    /// A WeChat or QQ group 微信群/QQ群, entered by the office.
    case chatGroup
    /// A paper form 纸质, entered by the office.
    case paper
    /// Handed in at the session 大会期间, entered by the office.
    case session
    /// A value this schema does not name (sent by a newer schema); kept as its number.
    case unrecognized(Int32)

    public static let protoName = "xieshang.v1.IntakeChannel"
    public static let allKnownValues: [IntakeChannel] = [.unspecified, .web, .chatGroup, .paper, .session]

    public init(protoValue: Int32) {
        switch protoValue {
        case 0: self = .unspecified
        case 1: self = .web
        case 2: self = .chatGroup
        case 3: self = .paper
        case 4: self = .session
        default: self = .unrecognized(protoValue)
        }
    }

    public var protoValue: Int32 {
        switch self {
        case .unspecified: 0
        case .web: 1
        case .chatGroup: 2
        case .paper: 3
        case .session: 4
        case .unrecognized(let value): value
        }
    }

    public var protoValueName: String? {
        switch self {
        case .unspecified: "INTAKE_CHANNEL_UNSPECIFIED"
        case .web: "INTAKE_CHANNEL_WEB"
        case .chatGroup: "INTAKE_CHANNEL_CHAT_GROUP"
        case .paper: "INTAKE_CHANNEL_PAPER"
        case .session: "INTAKE_CHANNEL_SESSION"
        case .unrecognized: nil
        }
    }

    public init?(protoValueName: String) {
        switch protoValueName {
        case "INTAKE_CHANNEL_UNSPECIFIED": self = .unspecified
        case "INTAKE_CHANNEL_WEB": self = .web
        case "INTAKE_CHANNEL_CHAT_GROUP": self = .chatGroup
        case "INTAKE_CHANNEL_PAPER": self = .paper
        case "INTAKE_CHANNEL_SESSION": self = .session
        default: return nil
        }
    }
}

/// The state of a key proposal's supervision 督办 after a progress step.
public enum SupervisionOutcome: ProtoEnum {
    /// Not set; refused.
    case unspecified
    /// Progress only 督办进展: still being handled.
    case inProgress
    /// Implemented 已落实.
    case implemented
    /// Partly implemented 部分落实.
    case partlyImplemented
    /// Not implemented 未落实 (with the reason in the note).
    case notImplemented
    /// A value this schema does not name (sent by a newer schema); kept as its number.
    case unrecognized(Int32)

    public static let protoName = "xieshang.v1.SupervisionOutcome"
    public static let allKnownValues: [SupervisionOutcome] = [.unspecified, .inProgress, .implemented, .partlyImplemented, .notImplemented]

    public init(protoValue: Int32) {
        switch protoValue {
        case 0: self = .unspecified
        case 1: self = .inProgress
        case 2: self = .implemented
        case 3: self = .partlyImplemented
        case 4: self = .notImplemented
        default: self = .unrecognized(protoValue)
        }
    }

    public var protoValue: Int32 {
        switch self {
        case .unspecified: 0
        case .inProgress: 1
        case .implemented: 2
        case .partlyImplemented: 3
        case .notImplemented: 4
        case .unrecognized(let value): value
        }
    }

    public var protoValueName: String? {
        switch self {
        case .unspecified: "SUPERVISION_OUTCOME_UNSPECIFIED"
        case .inProgress: "SUPERVISION_OUTCOME_IN_PROGRESS"
        case .implemented: "SUPERVISION_OUTCOME_IMPLEMENTED"
        case .partlyImplemented: "SUPERVISION_OUTCOME_PARTLY_IMPLEMENTED"
        case .notImplemented: "SUPERVISION_OUTCOME_NOT_IMPLEMENTED"
        case .unrecognized: nil
        }
    }

    public init?(protoValueName: String) {
        switch protoValueName {
        case "SUPERVISION_OUTCOME_UNSPECIFIED": self = .unspecified
        case "SUPERVISION_OUTCOME_IN_PROGRESS": self = .inProgress
        case "SUPERVISION_OUTCOME_IMPLEMENTED": self = .implemented
        case "SUPERVISION_OUTCOME_PARTLY_IMPLEMENTED": self = .partlyImplemented
        case "SUPERVISION_OUTCOME_NOT_IMPLEMENTED": self = .notImplemented
        default: return nil
        }
    }
}

/// How a proposal is handled by its units.
public enum HandlingMode: ProtoEnum {
    /// Not set; refused.
    case unspecified
    /// One lead unit 主办, optional co-handling units 会办 who give opinions to the lead; the lead replies.
    case lead
    /// Split handling 分办: every unit replies on its own part.
    case split
    /// A value this schema does not name (sent by a newer schema); kept as its number.
    case unrecognized(Int32)

    public static let protoName = "xieshang.v1.HandlingMode"
    public static let allKnownValues: [HandlingMode] = [.unspecified, .lead, .split]

    public init(protoValue: Int32) {
        switch protoValue {
        case 0: self = .unspecified
        case 1: self = .lead
        case 2: self = .split
        default: self = .unrecognized(protoValue)
        }
    }

    public var protoValue: Int32 {
        switch self {
        case .unspecified: 0
        case .lead: 1
        case .split: 2
        case .unrecognized(let value): value
        }
    }

    public var protoValueName: String? {
        switch self {
        case .unspecified: "HANDLING_MODE_UNSPECIFIED"
        case .lead: "HANDLING_MODE_LEAD"
        case .split: "HANDLING_MODE_SPLIT"
        case .unrecognized: nil
        }
    }

    public init?(protoValueName: String) {
        switch protoValueName {
        case "HANDLING_MODE_UNSPECIFIED": self = .unspecified
        case "HANDLING_MODE_LEAD": self = .lead
        case "HANDLING_MODE_SPLIT": self = .split
        default: return nil
        }
    }
}

/// One step of a proposal's life.
public struct ProposalEvent: ProtoMessage {
    public static let protoName = "xieshang.v1.ProposalEvent"

    /// Proposal id, unique within the body (e.g. "2026-0042").
    public var proposalId: String = ""
    /// Day the step happened, "YYYY-MM-DD".
    public var on: String = ""
    /// Version of the body's policy the step was validated under.
    public var policyVersion: Int32 = 0
    /// The step.
    public var step: Step? = nil
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// The step.
    public enum Step: Sendable, Hashable {
        /// 提交 — submitted by the first proposer.
        case submitted(ProposalEvent.Submitted)
        /// A co-signer confirmed the joint proposal.
        case cosignerConfirmed(ProposalEvent.CosignerConfirmed)
        /// 撤回 — withdrawn by the first proposer before review.
        case withdrawn(ProposalEvent.Withdrawn)
        /// 审查 — reviewed by the proposals committee 提案委员会.
        case reviewed(ProposalEvent.Reviewed)
        /// 交办 — assigned to handling units.
        case assigned(ProposalEvent.Assigned)
        /// 异议 — a unit objects to its assignment within the objection window.
        case objected(ProposalEvent.Objected)
        /// The committee assigns again after an objection.
        case reassigned(ProposalEvent.Reassigned)
        /// 延期 — the committee extends the due date.
        case extended(ProposalEvent.Extended)
        /// 会办意见 — a co-handling unit's opinion to the lead unit.
        case coHandlingOpinion(ProposalEvent.CoHandlingOpinion)
        /// 答复 — the lead unit (or one split unit) replies.
        case replied(ProposalEvent.Replied)
        /// 测评 — a proposer evaluates the reply of the current round.
        case evaluated(ProposalEvent.Evaluated)
        /// 退回重办 — returned for re-handling; a new round starts.
        case rehandled(ProposalEvent.Rehandled)
        /// 办结 — closed.
        case closed(ProposalEvent.Closed)
        /// 重点提案 — marked as a key proposal with a supervising leader 领衔督办.
        case keyProposal(ProposalEvent.KeyProposal)
        /// 季度测评 — rated one by one at the quarterly standing-committee meeting (逐个提案测评).
        case appraised(ProposalEvent.Appraised)
        /// 书面说明 — a handling unit's written explanation after the appraisal returned its reply.
        case explained(ProposalEvent.Explained)
        /// 批示 — a leader's instruction on the proposal.
        case instructed(ProposalEvent.LeaderInstruction)
        /// 督办 — supervision progress or result of a key proposal, fed back to the proposers.
        case supervised(ProposalEvent.Supervised)
    }

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        proposalId: String = "",
        on: String = "",
        policyVersion: Int32 = 0,
        step: Step? = nil
    ) {
        self.proposalId = proposalId
        self.on = on
        self.policyVersion = policyVersion
        self.step = step
    }
}

extension ProposalEvent {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "proposal_id", jsonName: "proposalId", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "on", jsonName: "on", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "policy_version", jsonName: "policyVersion", type: .int32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 10, name: "submitted", jsonName: "submitted", type: .message("xieshang.v1.ProposalEvent.Submitted"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 11, name: "cosigner_confirmed", jsonName: "cosignerConfirmed", type: .message("xieshang.v1.ProposalEvent.CosignerConfirmed"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 12, name: "withdrawn", jsonName: "withdrawn", type: .message("xieshang.v1.ProposalEvent.Withdrawn"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 13, name: "reviewed", jsonName: "reviewed", type: .message("xieshang.v1.ProposalEvent.Reviewed"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 14, name: "assigned", jsonName: "assigned", type: .message("xieshang.v1.ProposalEvent.Assigned"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 15, name: "objected", jsonName: "objected", type: .message("xieshang.v1.ProposalEvent.Objected"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 16, name: "reassigned", jsonName: "reassigned", type: .message("xieshang.v1.ProposalEvent.Reassigned"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 17, name: "extended", jsonName: "extended", type: .message("xieshang.v1.ProposalEvent.Extended"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 18, name: "co_handling_opinion", jsonName: "coHandlingOpinion", type: .message("xieshang.v1.ProposalEvent.CoHandlingOpinion"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 19, name: "replied", jsonName: "replied", type: .message("xieshang.v1.ProposalEvent.Replied"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 20, name: "evaluated", jsonName: "evaluated", type: .message("xieshang.v1.ProposalEvent.Evaluated"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 21, name: "rehandled", jsonName: "rehandled", type: .message("xieshang.v1.ProposalEvent.Rehandled"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 22, name: "closed", jsonName: "closed", type: .message("xieshang.v1.ProposalEvent.Closed"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 23, name: "key_proposal", jsonName: "keyProposal", type: .message("xieshang.v1.ProposalEvent.KeyProposal"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 24, name: "appraised", jsonName: "appraised", type: .message("xieshang.v1.ProposalEvent.Appraised"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 25, name: "explained", jsonName: "explained", type: .message("xieshang.v1.ProposalEvent.Explained"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 26, name: "instructed", jsonName: "instructed", type: .message("xieshang.v1.ProposalEvent.LeaderInstruction"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 27, name: "supervised", jsonName: "supervised", type: .message("xieshang.v1.ProposalEvent.Supervised"), label: .singular, oneof: "step"),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, proposalId, field: 1)
        n += WireSize.singular(StringCodec.self, on, field: 2)
        n += WireSize.singular(Int32Codec.self, policyVersion, field: 3)
        if case .submitted(let v)? = step { n += WireSize.message(v, field: 10) }
        if case .cosignerConfirmed(let v)? = step { n += WireSize.message(v, field: 11) }
        if case .withdrawn(let v)? = step { n += WireSize.message(v, field: 12) }
        if case .reviewed(let v)? = step { n += WireSize.message(v, field: 13) }
        if case .assigned(let v)? = step { n += WireSize.message(v, field: 14) }
        if case .objected(let v)? = step { n += WireSize.message(v, field: 15) }
        if case .reassigned(let v)? = step { n += WireSize.message(v, field: 16) }
        if case .extended(let v)? = step { n += WireSize.message(v, field: 17) }
        if case .coHandlingOpinion(let v)? = step { n += WireSize.message(v, field: 18) }
        if case .replied(let v)? = step { n += WireSize.message(v, field: 19) }
        if case .evaluated(let v)? = step { n += WireSize.message(v, field: 20) }
        if case .rehandled(let v)? = step { n += WireSize.message(v, field: 21) }
        if case .closed(let v)? = step { n += WireSize.message(v, field: 22) }
        if case .keyProposal(let v)? = step { n += WireSize.message(v, field: 23) }
        if case .appraised(let v)? = step { n += WireSize.message(v, field: 24) }
        if case .explained(let v)? = step { n += WireSize.message(v, field: 25) }
        if case .instructed(let v)? = step { n += WireSize.message(v, field: 26) }
        if case .supervised(let v)? = step { n += WireSize.message(v, field: 27) }
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, proposalId, field: 1)
        w.singular(StringCodec.self, on, field: 2)
        w.singular(Int32Codec.self, policyVersion, field: 3)
        if case .submitted(let v)? = step { w.message(v, field: 10) }
        if case .cosignerConfirmed(let v)? = step { w.message(v, field: 11) }
        if case .withdrawn(let v)? = step { w.message(v, field: 12) }
        if case .reviewed(let v)? = step { w.message(v, field: 13) }
        if case .assigned(let v)? = step { w.message(v, field: 14) }
        if case .objected(let v)? = step { w.message(v, field: 15) }
        if case .reassigned(let v)? = step { w.message(v, field: 16) }
        if case .extended(let v)? = step { w.message(v, field: 17) }
        if case .coHandlingOpinion(let v)? = step { w.message(v, field: 18) }
        if case .replied(let v)? = step { w.message(v, field: 19) }
        if case .evaluated(let v)? = step { w.message(v, field: 20) }
        if case .rehandled(let v)? = step { w.message(v, field: 21) }
        if case .closed(let v)? = step { w.message(v, field: 22) }
        if case .keyProposal(let v)? = step { w.message(v, field: 23) }
        if case .appraised(let v)? = step { w.message(v, field: 24) }
        if case .explained(let v)? = step { w.message(v, field: 25) }
        if case .instructed(let v)? = step { w.message(v, field: 26) }
        if case .supervised(let v)? = step { w.message(v, field: 27) }
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): proposalId = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): on = try StringCodec.read(from: &r)
            case (3, .varint): policyVersion = try Int32Codec.read(from: &r)
            case (10, .lengthDelimited):
                var v = ProposalEvent.Submitted()
                if case .submitted(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .submitted(v)
            case (11, .lengthDelimited):
                var v = ProposalEvent.CosignerConfirmed()
                if case .cosignerConfirmed(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .cosignerConfirmed(v)
            case (12, .lengthDelimited):
                var v = ProposalEvent.Withdrawn()
                if case .withdrawn(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .withdrawn(v)
            case (13, .lengthDelimited):
                var v = ProposalEvent.Reviewed()
                if case .reviewed(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .reviewed(v)
            case (14, .lengthDelimited):
                var v = ProposalEvent.Assigned()
                if case .assigned(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .assigned(v)
            case (15, .lengthDelimited):
                var v = ProposalEvent.Objected()
                if case .objected(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .objected(v)
            case (16, .lengthDelimited):
                var v = ProposalEvent.Reassigned()
                if case .reassigned(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .reassigned(v)
            case (17, .lengthDelimited):
                var v = ProposalEvent.Extended()
                if case .extended(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .extended(v)
            case (18, .lengthDelimited):
                var v = ProposalEvent.CoHandlingOpinion()
                if case .coHandlingOpinion(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .coHandlingOpinion(v)
            case (19, .lengthDelimited):
                var v = ProposalEvent.Replied()
                if case .replied(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .replied(v)
            case (20, .lengthDelimited):
                var v = ProposalEvent.Evaluated()
                if case .evaluated(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .evaluated(v)
            case (21, .lengthDelimited):
                var v = ProposalEvent.Rehandled()
                if case .rehandled(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .rehandled(v)
            case (22, .lengthDelimited):
                var v = ProposalEvent.Closed()
                if case .closed(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .closed(v)
            case (23, .lengthDelimited):
                var v = ProposalEvent.KeyProposal()
                if case .keyProposal(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .keyProposal(v)
            case (24, .lengthDelimited):
                var v = ProposalEvent.Appraised()
                if case .appraised(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .appraised(v)
            case (25, .lengthDelimited):
                var v = ProposalEvent.Explained()
                if case .explained(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .explained(v)
            case (26, .lengthDelimited):
                var v = ProposalEvent.LeaderInstruction()
                if case .instructed(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .instructed(v)
            case (27, .lengthDelimited):
                var v = ProposalEvent.Supervised()
                if case .supervised(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .supervised(v)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("proposalId", StringCodec.self, proposalId)
        j.singular("on", StringCodec.self, on)
        j.singular("policyVersion", Int32Codec.self, policyVersion)
        if case .submitted(let v)? = step { j.message("submitted", v) }
        if case .cosignerConfirmed(let v)? = step { j.message("cosignerConfirmed", v) }
        if case .withdrawn(let v)? = step { j.message("withdrawn", v) }
        if case .reviewed(let v)? = step { j.message("reviewed", v) }
        if case .assigned(let v)? = step { j.message("assigned", v) }
        if case .objected(let v)? = step { j.message("objected", v) }
        if case .reassigned(let v)? = step { j.message("reassigned", v) }
        if case .extended(let v)? = step { j.message("extended", v) }
        if case .coHandlingOpinion(let v)? = step { j.message("coHandlingOpinion", v) }
        if case .replied(let v)? = step { j.message("replied", v) }
        if case .evaluated(let v)? = step { j.message("evaluated", v) }
        if case .rehandled(let v)? = step { j.message("rehandled", v) }
        if case .closed(let v)? = step { j.message("closed", v) }
        if case .keyProposal(let v)? = step { j.message("keyProposal", v) }
        if case .appraised(let v)? = step { j.message("appraised", v) }
        if case .explained(let v)? = step { j.message("explained", v) }
        if case .instructed(let v)? = step { j.message("instructed", v) }
        if case .supervised(let v)? = step { j.message("supervised", v) }
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "proposalId", "proposal_id": proposalId = try StringCodec.readJSON(value, path: p)
            case "on": on = try StringCodec.readJSON(value, path: p)
            case "policyVersion", "policy_version": policyVersion = try Int32Codec.readJSON(value, path: p)
            case "submitted": step = .submitted(try JSONRead.message(ProposalEvent.Submitted.self, value, path: p))
            case "cosignerConfirmed", "cosigner_confirmed": step = .cosignerConfirmed(try JSONRead.message(ProposalEvent.CosignerConfirmed.self, value, path: p))
            case "withdrawn": step = .withdrawn(try JSONRead.message(ProposalEvent.Withdrawn.self, value, path: p))
            case "reviewed": step = .reviewed(try JSONRead.message(ProposalEvent.Reviewed.self, value, path: p))
            case "assigned": step = .assigned(try JSONRead.message(ProposalEvent.Assigned.self, value, path: p))
            case "objected": step = .objected(try JSONRead.message(ProposalEvent.Objected.self, value, path: p))
            case "reassigned": step = .reassigned(try JSONRead.message(ProposalEvent.Reassigned.self, value, path: p))
            case "extended": step = .extended(try JSONRead.message(ProposalEvent.Extended.self, value, path: p))
            case "coHandlingOpinion", "co_handling_opinion": step = .coHandlingOpinion(try JSONRead.message(ProposalEvent.CoHandlingOpinion.self, value, path: p))
            case "replied": step = .replied(try JSONRead.message(ProposalEvent.Replied.self, value, path: p))
            case "evaluated": step = .evaluated(try JSONRead.message(ProposalEvent.Evaluated.self, value, path: p))
            case "rehandled": step = .rehandled(try JSONRead.message(ProposalEvent.Rehandled.self, value, path: p))
            case "closed": step = .closed(try JSONRead.message(ProposalEvent.Closed.self, value, path: p))
            case "keyProposal", "key_proposal": step = .keyProposal(try JSONRead.message(ProposalEvent.KeyProposal.self, value, path: p))
            case "appraised": step = .appraised(try JSONRead.message(ProposalEvent.Appraised.self, value, path: p))
            case "explained": step = .explained(try JSONRead.message(ProposalEvent.Explained.self, value, path: p))
            case "instructed": step = .instructed(try JSONRead.message(ProposalEvent.LeaderInstruction.self, value, path: p))
            case "supervised": step = .supervised(try JSONRead.message(ProposalEvent.Supervised.self, value, path: p))
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension ProposalEvent {
    /// The proposal is submitted.
    public struct Submitted: ProtoMessage {
        public static let protoName = "xieshang.v1.ProposalEvent.Submitted"

        /// Title 案由.
        public var title: String = ""
        /// The one issue the proposal raises (body text).
        public var text: String = ""
        /// Kind of proposal.
        public var kind: ProposalKind = .unspecified
        /// Member id of the first proposer (initiator); for collective proposals the member who files it.
        public var firstProposer: String = ""
        /// Member ids invited to co-sign (joint proposals); they count only once confirmed before `cosign_deadline`.
        public var cosigners: [String] = []
        /// Last day co-signers may confirm, "YYYY-MM-DD"; set by the domain from the policy's cosign window.
        public var cosignDeadline: String = ""
        /// For collective proposals: the party, group, committee or sector that files it.
        public var collectiveName: String = ""
        /// For proposals from a lower body: that body's node id.
        public var fromBody: String = ""
        /// Where it came in; unspecified (events before channels) reads as web. Other channels than web are entered by
        /// the office on the proposer's behalf.
        public var channel: IntakeChannel = .unspecified
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            title: String = "",
            text: String = "",
            kind: ProposalKind = .unspecified,
            firstProposer: String = "",
            cosigners: [String] = [],
            cosignDeadline: String = "",
            collectiveName: String = "",
            fromBody: String = "",
            channel: IntakeChannel = .unspecified
        ) {
            self.title = title
            self.text = text
            self.kind = kind
            self.firstProposer = firstProposer
            self.cosigners = cosigners
            self.cosignDeadline = cosignDeadline
            self.collectiveName = collectiveName
            self.fromBody = fromBody
            self.channel = channel
        }
    }
}

extension ProposalEvent.Submitted {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "title", jsonName: "title", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "text", jsonName: "text", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "kind", jsonName: "kind", type: .enumeration("xieshang.v1.ProposalKind"), label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "first_proposer", jsonName: "firstProposer", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 5, name: "cosigners", jsonName: "cosigners", type: .string, label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 6, name: "cosign_deadline", jsonName: "cosignDeadline", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 7, name: "collective_name", jsonName: "collectiveName", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 8, name: "from_body", jsonName: "fromBody", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 9, name: "channel", jsonName: "channel", type: .enumeration("xieshang.v1.IntakeChannel"), label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, title, field: 1)
        n += WireSize.singular(StringCodec.self, text, field: 2)
        n += WireSize.singular(EnumCodec<ProposalKind>.self, kind, field: 3)
        n += WireSize.singular(StringCodec.self, firstProposer, field: 4)
        n += WireSize.repeated(StringCodec.self, cosigners, field: 5)
        n += WireSize.singular(StringCodec.self, cosignDeadline, field: 6)
        n += WireSize.singular(StringCodec.self, collectiveName, field: 7)
        n += WireSize.singular(StringCodec.self, fromBody, field: 8)
        n += WireSize.singular(EnumCodec<IntakeChannel>.self, channel, field: 9)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, title, field: 1)
        w.singular(StringCodec.self, text, field: 2)
        w.singular(EnumCodec<ProposalKind>.self, kind, field: 3)
        w.singular(StringCodec.self, firstProposer, field: 4)
        w.repeated(StringCodec.self, cosigners, field: 5)
        w.singular(StringCodec.self, cosignDeadline, field: 6)
        w.singular(StringCodec.self, collectiveName, field: 7)
        w.singular(StringCodec.self, fromBody, field: 8)
        w.singular(EnumCodec<IntakeChannel>.self, channel, field: 9)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): title = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): text = try StringCodec.read(from: &r)
            case (3, .varint): kind = try EnumCodec<ProposalKind>.read(from: &r)
            case (4, .lengthDelimited): firstProposer = try StringCodec.read(from: &r)
            case (5, _): try r.readRepeated(StringCodec.self, tag, into: &cosigners, unknown: &unknownFields)
            case (6, .lengthDelimited): cosignDeadline = try StringCodec.read(from: &r)
            case (7, .lengthDelimited): collectiveName = try StringCodec.read(from: &r)
            case (8, .lengthDelimited): fromBody = try StringCodec.read(from: &r)
            case (9, .varint): channel = try EnumCodec<IntakeChannel>.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("title", StringCodec.self, title)
        j.singular("text", StringCodec.self, text)
        j.singular("kind", EnumCodec<ProposalKind>.self, kind)
        j.singular("firstProposer", StringCodec.self, firstProposer)
        j.repeated("cosigners", StringCodec.self, cosigners)
        j.singular("cosignDeadline", StringCodec.self, cosignDeadline)
        j.singular("collectiveName", StringCodec.self, collectiveName)
        j.singular("fromBody", StringCodec.self, fromBody)
        j.singular("channel", EnumCodec<IntakeChannel>.self, channel)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "title": title = try StringCodec.readJSON(value, path: p)
            case "text": text = try StringCodec.readJSON(value, path: p)
            case "kind": kind = try EnumCodec<ProposalKind>.readJSON(value, path: p)
            case "firstProposer", "first_proposer": firstProposer = try StringCodec.readJSON(value, path: p)
            case "cosigners": cosigners = try JSONRead.repeated(StringCodec.self, value, path: p)
            case "cosignDeadline", "cosign_deadline": cosignDeadline = try StringCodec.readJSON(value, path: p)
            case "collectiveName", "collective_name": collectiveName = try StringCodec.readJSON(value, path: p)
            case "fromBody", "from_body": fromBody = try StringCodec.readJSON(value, path: p)
            case "channel": channel = try EnumCodec<IntakeChannel>.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension ProposalEvent {
    /// A co-signer confirms.
    public struct CosignerConfirmed: ProtoMessage {
        public static let protoName = "xieshang.v1.ProposalEvent.CosignerConfirmed"

        /// Member id of the co-signer.
        public var memberId: String = ""
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            memberId: String = ""
        ) {
            self.memberId = memberId
        }
    }
}

extension ProposalEvent.CosignerConfirmed {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "member_id", jsonName: "memberId", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, memberId, field: 1)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, memberId, field: 1)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): memberId = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("memberId", StringCodec.self, memberId)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "memberId", "member_id": memberId = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension ProposalEvent {
    /// The first proposer withdraws.
    public struct Withdrawn: ProtoMessage {
        public static let protoName = "xieshang.v1.ProposalEvent.Withdrawn"

        /// Member id of who withdraws (must be the first proposer).
        public var by: String = ""
        /// Why (free text).
        public var reason: String = ""
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            by: String = "",
            reason: String = ""
        ) {
            self.by = by
            self.reason = reason
        }
    }
}

extension ProposalEvent.Withdrawn {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "by", jsonName: "by", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "reason", jsonName: "reason", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, by, field: 1)
        n += WireSize.singular(StringCodec.self, reason, field: 2)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, by, field: 1)
        w.singular(StringCodec.self, reason, field: 2)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): by = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): reason = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("by", StringCodec.self, by)
        j.singular("reason", StringCodec.self, reason)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "by": by = try StringCodec.readJSON(value, path: p)
            case "reason": reason = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension ProposalEvent {
    /// The committee's review.
    public struct Reviewed: ProtoMessage {
        public static let protoName = "xieshang.v1.ProposalEvent.Reviewed"

        /// Registered, not registered or merged.
        public var outcome: ReviewOutcome = .unspecified
        /// Not registered: the reason code from the policy's list.
        public var reasonCode: String = ""
        /// Not registered: the note sent to the proposer (the notification).
        public var notice: String = ""
        /// Not registered: true when the proposer consented to turn the proposal into an opinion report.
        public var convertToOpinion: Bool = false
        /// Not registered and converted: id of the opinion report created from it.
        public var opinionReportId: String = ""
        /// Merged: id of the registered proposal this one is merged into.
        public var mergedInto: String = ""
        /// Registered: the registration number 立案号 (free text).
        public var registrationNumber: String = ""
        /// Not registered and converted: member id of the proposer whose consent to the conversion is recorded
        /// (must be the first proposer).
        public var consentBy: String = ""
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            outcome: ReviewOutcome = .unspecified,
            reasonCode: String = "",
            notice: String = "",
            convertToOpinion: Bool = false,
            opinionReportId: String = "",
            mergedInto: String = "",
            registrationNumber: String = "",
            consentBy: String = ""
        ) {
            self.outcome = outcome
            self.reasonCode = reasonCode
            self.notice = notice
            self.convertToOpinion = convertToOpinion
            self.opinionReportId = opinionReportId
            self.mergedInto = mergedInto
            self.registrationNumber = registrationNumber
            self.consentBy = consentBy
        }
    }
}

extension ProposalEvent.Reviewed {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "outcome", jsonName: "outcome", type: .enumeration("xieshang.v1.ReviewOutcome"), label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "reason_code", jsonName: "reasonCode", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "notice", jsonName: "notice", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "convert_to_opinion", jsonName: "convertToOpinion", type: .bool, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 5, name: "opinion_report_id", jsonName: "opinionReportId", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 6, name: "merged_into", jsonName: "mergedInto", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 7, name: "registration_number", jsonName: "registrationNumber", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 8, name: "consent_by", jsonName: "consentBy", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(EnumCodec<ReviewOutcome>.self, outcome, field: 1)
        n += WireSize.singular(StringCodec.self, reasonCode, field: 2)
        n += WireSize.singular(StringCodec.self, notice, field: 3)
        n += WireSize.singular(BoolCodec.self, convertToOpinion, field: 4)
        n += WireSize.singular(StringCodec.self, opinionReportId, field: 5)
        n += WireSize.singular(StringCodec.self, mergedInto, field: 6)
        n += WireSize.singular(StringCodec.self, registrationNumber, field: 7)
        n += WireSize.singular(StringCodec.self, consentBy, field: 8)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(EnumCodec<ReviewOutcome>.self, outcome, field: 1)
        w.singular(StringCodec.self, reasonCode, field: 2)
        w.singular(StringCodec.self, notice, field: 3)
        w.singular(BoolCodec.self, convertToOpinion, field: 4)
        w.singular(StringCodec.self, opinionReportId, field: 5)
        w.singular(StringCodec.self, mergedInto, field: 6)
        w.singular(StringCodec.self, registrationNumber, field: 7)
        w.singular(StringCodec.self, consentBy, field: 8)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .varint): outcome = try EnumCodec<ReviewOutcome>.read(from: &r)
            case (2, .lengthDelimited): reasonCode = try StringCodec.read(from: &r)
            case (3, .lengthDelimited): notice = try StringCodec.read(from: &r)
            case (4, .varint): convertToOpinion = try BoolCodec.read(from: &r)
            case (5, .lengthDelimited): opinionReportId = try StringCodec.read(from: &r)
            case (6, .lengthDelimited): mergedInto = try StringCodec.read(from: &r)
            case (7, .lengthDelimited): registrationNumber = try StringCodec.read(from: &r)
            case (8, .lengthDelimited): consentBy = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("outcome", EnumCodec<ReviewOutcome>.self, outcome)
        j.singular("reasonCode", StringCodec.self, reasonCode)
        j.singular("notice", StringCodec.self, notice)
        j.singular("convertToOpinion", BoolCodec.self, convertToOpinion)
        j.singular("opinionReportId", StringCodec.self, opinionReportId)
        j.singular("mergedInto", StringCodec.self, mergedInto)
        j.singular("registrationNumber", StringCodec.self, registrationNumber)
        j.singular("consentBy", StringCodec.self, consentBy)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "outcome": outcome = try EnumCodec<ReviewOutcome>.readJSON(value, path: p)
            case "reasonCode", "reason_code": reasonCode = try StringCodec.readJSON(value, path: p)
            case "notice": notice = try StringCodec.readJSON(value, path: p)
            case "convertToOpinion", "convert_to_opinion": convertToOpinion = try BoolCodec.readJSON(value, path: p)
            case "opinionReportId", "opinion_report_id": opinionReportId = try StringCodec.readJSON(value, path: p)
            case "mergedInto", "merged_into": mergedInto = try StringCodec.readJSON(value, path: p)
            case "registrationNumber", "registration_number": registrationNumber = try StringCodec.readJSON(value, path: p)
            case "consentBy", "consent_by": consentBy = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension ProposalEvent {
    /// The committee assigns the proposal to handling units.
    public struct Assigned: ProtoMessage {
        public static let protoName = "xieshang.v1.ProposalEvent.Assigned"

        /// Lead (with co-handling units) or split handling.
        public var mode: HandlingMode = .unspecified
        /// Lead mode: the lead unit 主办单位. Empty in split mode.
        public var leadUnit: String = ""
        /// Lead mode: co-handling units 会办单位. Split mode: every unit 分办单位 (each replies).
        public var units: [String] = []
        /// Reply due date, "YYYY-MM-DD": assignment day + the policy's reply months unless given.
        public var due: String = ""
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            mode: HandlingMode = .unspecified,
            leadUnit: String = "",
            units: [String] = [],
            due: String = ""
        ) {
            self.mode = mode
            self.leadUnit = leadUnit
            self.units = units
            self.due = due
        }
    }
}

extension ProposalEvent.Assigned {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "mode", jsonName: "mode", type: .enumeration("xieshang.v1.HandlingMode"), label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "lead_unit", jsonName: "leadUnit", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "units", jsonName: "units", type: .string, label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "due", jsonName: "due", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(EnumCodec<HandlingMode>.self, mode, field: 1)
        n += WireSize.singular(StringCodec.self, leadUnit, field: 2)
        n += WireSize.repeated(StringCodec.self, units, field: 3)
        n += WireSize.singular(StringCodec.self, due, field: 4)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(EnumCodec<HandlingMode>.self, mode, field: 1)
        w.singular(StringCodec.self, leadUnit, field: 2)
        w.repeated(StringCodec.self, units, field: 3)
        w.singular(StringCodec.self, due, field: 4)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .varint): mode = try EnumCodec<HandlingMode>.read(from: &r)
            case (2, .lengthDelimited): leadUnit = try StringCodec.read(from: &r)
            case (3, _): try r.readRepeated(StringCodec.self, tag, into: &units, unknown: &unknownFields)
            case (4, .lengthDelimited): due = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("mode", EnumCodec<HandlingMode>.self, mode)
        j.singular("leadUnit", StringCodec.self, leadUnit)
        j.repeated("units", StringCodec.self, units)
        j.singular("due", StringCodec.self, due)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "mode": mode = try EnumCodec<HandlingMode>.readJSON(value, path: p)
            case "leadUnit", "lead_unit": leadUnit = try StringCodec.readJSON(value, path: p)
            case "units": units = try JSONRead.repeated(StringCodec.self, value, path: p)
            case "due": due = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension ProposalEvent {
    /// A unit objects to its assignment.
    public struct Objected: ProtoMessage {
        public static let protoName = "xieshang.v1.ProposalEvent.Objected"

        /// The objecting unit.
        public var unit: String = ""
        /// Why the unit thinks it is not the right one.
        public var reason: String = ""
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            unit: String = "",
            reason: String = ""
        ) {
            self.unit = unit
            self.reason = reason
        }
    }
}

extension ProposalEvent.Objected {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "unit", jsonName: "unit", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "reason", jsonName: "reason", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, unit, field: 1)
        n += WireSize.singular(StringCodec.self, reason, field: 2)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, unit, field: 1)
        w.singular(StringCodec.self, reason, field: 2)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): unit = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): reason = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("unit", StringCodec.self, unit)
        j.singular("reason", StringCodec.self, reason)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "unit": unit = try StringCodec.readJSON(value, path: p)
            case "reason": reason = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension ProposalEvent {
    /// The committee assigns again after an objection (a unit never reassigns by itself).
    public struct Reassigned: ProtoMessage {
        public static let protoName = "xieshang.v1.ProposalEvent.Reassigned"

        /// The new assignment; its due date is counted from the original assignment day.
        public var assignment: ProposalEvent.Assigned? = nil
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            assignment: ProposalEvent.Assigned? = nil
        ) {
            self.assignment = assignment
        }
    }
}

extension ProposalEvent.Reassigned {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "assignment", jsonName: "assignment", type: .message("xieshang.v1.ProposalEvent.Assigned"), label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        if let v = assignment { n += WireSize.message(v, field: 1) }
        return n
    }

    public func encode(to w: inout WireWriter) {
        if let v = assignment { w.message(v, field: 1) }
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): try r.readMessage(into: &assignment)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        if let v = assignment { j.message("assignment", v) }
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "assignment": assignment = try JSONRead.message(ProposalEvent.Assigned.self, value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension ProposalEvent {
    /// The committee extends the due date.
    public struct Extended: ProtoMessage {
        public static let protoName = "xieshang.v1.ProposalEvent.Extended"

        /// New due date, "YYYY-MM-DD"; never after the first assignment day + the policy's maximum months.
        public var newDue: String = ""
        /// Why (required).
        public var reason: String = ""
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            newDue: String = "",
            reason: String = ""
        ) {
            self.newDue = newDue
            self.reason = reason
        }
    }
}

extension ProposalEvent.Extended {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "new_due", jsonName: "newDue", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "reason", jsonName: "reason", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, newDue, field: 1)
        n += WireSize.singular(StringCodec.self, reason, field: 2)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, newDue, field: 1)
        w.singular(StringCodec.self, reason, field: 2)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): newDue = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): reason = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("newDue", StringCodec.self, newDue)
        j.singular("reason", StringCodec.self, reason)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "newDue", "new_due": newDue = try StringCodec.readJSON(value, path: p)
            case "reason": reason = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension ProposalEvent {
    /// A co-handling unit gives its opinion to the lead unit.
    public struct CoHandlingOpinion: ProtoMessage {
        public static let protoName = "xieshang.v1.ProposalEvent.CoHandlingOpinion"

        /// The co-handling unit.
        public var unit: String = ""
        /// The opinion text.
        public var text: String = ""
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            unit: String = "",
            text: String = ""
        ) {
            self.unit = unit
            self.text = text
        }
    }
}

extension ProposalEvent.CoHandlingOpinion {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "unit", jsonName: "unit", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "text", jsonName: "text", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, unit, field: 1)
        n += WireSize.singular(StringCodec.self, text, field: 2)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, unit, field: 1)
        w.singular(StringCodec.self, text, field: 2)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): unit = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): text = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("unit", StringCodec.self, unit)
        j.singular("text", StringCodec.self, text)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "unit": unit = try StringCodec.readJSON(value, path: p)
            case "text": text = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension ProposalEvent {
    /// A unit replies.
    public struct Replied: ProtoMessage {
        public static let protoName = "xieshang.v1.ProposalEvent.Replied"

        /// The replying unit (the lead unit, or one split unit).
        public var unit: String = ""
        /// Reply class code from the policy's list (default A, B, C).
        public var replyClass: String = ""
        /// The reply text (or a reference to the reply letter).
        public var text: String = ""
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            unit: String = "",
            replyClass: String = "",
            text: String = ""
        ) {
            self.unit = unit
            self.replyClass = replyClass
            self.text = text
        }
    }
}

extension ProposalEvent.Replied {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "unit", jsonName: "unit", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "reply_class", jsonName: "replyClass", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "text", jsonName: "text", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, unit, field: 1)
        n += WireSize.singular(StringCodec.self, replyClass, field: 2)
        n += WireSize.singular(StringCodec.self, text, field: 3)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, unit, field: 1)
        w.singular(StringCodec.self, replyClass, field: 2)
        w.singular(StringCodec.self, text, field: 3)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): unit = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): replyClass = try StringCodec.read(from: &r)
            case (3, .lengthDelimited): text = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("unit", StringCodec.self, unit)
        j.singular("replyClass", StringCodec.self, replyClass)
        j.singular("text", StringCodec.self, text)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "unit": unit = try StringCodec.readJSON(value, path: p)
            case "replyClass", "reply_class": replyClass = try StringCodec.readJSON(value, path: p)
            case "text": text = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension ProposalEvent {
    /// A proposer evaluates the current round's reply.
    public struct Evaluated: ProtoMessage {
        public static let protoName = "xieshang.v1.ProposalEvent.Evaluated"

        /// Member id of the proposer (first proposer or confirmed co-signer; for merged proposals any proposer
        /// of the merged set).
        public var memberId: String = ""
        /// The rating.
        public var rating: Rating = .unspecified
        /// Comment (free text).
        public var comment: String = ""
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            memberId: String = "",
            rating: Rating = .unspecified,
            comment: String = ""
        ) {
            self.memberId = memberId
            self.rating = rating
            self.comment = comment
        }
    }
}

extension ProposalEvent.Evaluated {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "member_id", jsonName: "memberId", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "rating", jsonName: "rating", type: .enumeration("xieshang.v1.Rating"), label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "comment", jsonName: "comment", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, memberId, field: 1)
        n += WireSize.singular(EnumCodec<Rating>.self, rating, field: 2)
        n += WireSize.singular(StringCodec.self, comment, field: 3)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, memberId, field: 1)
        w.singular(EnumCodec<Rating>.self, rating, field: 2)
        w.singular(StringCodec.self, comment, field: 3)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): memberId = try StringCodec.read(from: &r)
            case (2, .varint): rating = try EnumCodec<Rating>.read(from: &r)
            case (3, .lengthDelimited): comment = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("memberId", StringCodec.self, memberId)
        j.singular("rating", EnumCodec<Rating>.self, rating)
        j.singular("comment", StringCodec.self, comment)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "memberId", "member_id": memberId = try StringCodec.readJSON(value, path: p)
            case "rating": rating = try EnumCodec<Rating>.readJSON(value, path: p)
            case "comment": comment = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension ProposalEvent {
    /// Returned for re-handling 退回重办: a new round, assigned again to the same units.
    public struct Rehandled: ProtoMessage {
        public static let protoName = "xieshang.v1.ProposalEvent.Rehandled"

        /// Why (e.g. "不满意", "季度测评低于阈值").
        public var reason: String = ""
        /// New due date of the round, "YYYY-MM-DD".
        public var due: String = ""
        /// True when returned by the quarterly appraisal of a unit below the threshold.
        public var byAppraisal: Bool = false
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            reason: String = "",
            due: String = "",
            byAppraisal: Bool = false
        ) {
            self.reason = reason
            self.due = due
            self.byAppraisal = byAppraisal
        }
    }
}

extension ProposalEvent.Rehandled {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "reason", jsonName: "reason", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "due", jsonName: "due", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "by_appraisal", jsonName: "byAppraisal", type: .bool, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, reason, field: 1)
        n += WireSize.singular(StringCodec.self, due, field: 2)
        n += WireSize.singular(BoolCodec.self, byAppraisal, field: 3)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, reason, field: 1)
        w.singular(StringCodec.self, due, field: 2)
        w.singular(BoolCodec.self, byAppraisal, field: 3)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): reason = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): due = try StringCodec.read(from: &r)
            case (3, .varint): byAppraisal = try BoolCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("reason", StringCodec.self, reason)
        j.singular("due", StringCodec.self, due)
        j.singular("byAppraisal", BoolCodec.self, byAppraisal)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "reason": reason = try StringCodec.readJSON(value, path: p)
            case "due": due = try StringCodec.readJSON(value, path: p)
            case "byAppraisal", "by_appraisal": byAppraisal = try BoolCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension ProposalEvent {
    /// The proposal is closed 办结.
    public struct Closed: ProtoMessage {
        public static let protoName = "xieshang.v1.ProposalEvent.Closed"

        /// Closing note (free text).
        public var note: String = ""
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            note: String = ""
        ) {
            self.note = note
        }
    }
}

extension ProposalEvent.Closed {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "note", jsonName: "note", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, note, field: 1)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, note, field: 1)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): note = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("note", StringCodec.self, note)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "note": note = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension ProposalEvent {
    /// A key proposal 重点提案 with its supervising leader.
    public struct KeyProposal: ProtoMessage {
        public static let protoName = "xieshang.v1.ProposalEvent.KeyProposal"

        /// Name and title of the supervising leader 领衔督办领导 (e.g. "县政协主席 张某").
        public var supervisor: String = ""
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            supervisor: String = ""
        ) {
            self.supervisor = supervisor
        }
    }
}

extension ProposalEvent.KeyProposal {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "supervisor", jsonName: "supervisor", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, supervisor, field: 1)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, supervisor, field: 1)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): supervisor = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("supervisor", StringCodec.self, supervisor)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "supervisor": supervisor = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension ProposalEvent {
    /// The proposal rated at the quarterly appraisal 季度测评 (逐个提案测评): the votes of the meeting. Below the
    /// threshold (compared unrounded) the proposal is returned for re-handling in the same command (a Rehandled event
    /// with by_appraisal follows) and its units owe a written explanation.
    public struct Appraised: ProtoMessage {
        public static let protoName = "xieshang.v1.ProposalEvent.Appraised"

        /// The quarter appraised, "2026-Q2".
        public var quarter: String = ""
        /// Votes 满意.
        public var satisfied: Int32 = 0
        /// Votes 基本满意.
        public var basicallySatisfied: Int32 = 0
        /// Votes 不满意.
        public var unsatisfied: Int32 = 0
        /// The policy's threshold in percent at the time (filled by validation).
        public var thresholdPercent: Int32 = 0
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            quarter: String = "",
            satisfied: Int32 = 0,
            basicallySatisfied: Int32 = 0,
            unsatisfied: Int32 = 0,
            thresholdPercent: Int32 = 0
        ) {
            self.quarter = quarter
            self.satisfied = satisfied
            self.basicallySatisfied = basicallySatisfied
            self.unsatisfied = unsatisfied
            self.thresholdPercent = thresholdPercent
        }
    }
}

extension ProposalEvent.Appraised {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "quarter", jsonName: "quarter", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "satisfied", jsonName: "satisfied", type: .int32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "basically_satisfied", jsonName: "basicallySatisfied", type: .int32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "unsatisfied", jsonName: "unsatisfied", type: .int32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 5, name: "threshold_percent", jsonName: "thresholdPercent", type: .int32, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, quarter, field: 1)
        n += WireSize.singular(Int32Codec.self, satisfied, field: 2)
        n += WireSize.singular(Int32Codec.self, basicallySatisfied, field: 3)
        n += WireSize.singular(Int32Codec.self, unsatisfied, field: 4)
        n += WireSize.singular(Int32Codec.self, thresholdPercent, field: 5)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, quarter, field: 1)
        w.singular(Int32Codec.self, satisfied, field: 2)
        w.singular(Int32Codec.self, basicallySatisfied, field: 3)
        w.singular(Int32Codec.self, unsatisfied, field: 4)
        w.singular(Int32Codec.self, thresholdPercent, field: 5)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): quarter = try StringCodec.read(from: &r)
            case (2, .varint): satisfied = try Int32Codec.read(from: &r)
            case (3, .varint): basicallySatisfied = try Int32Codec.read(from: &r)
            case (4, .varint): unsatisfied = try Int32Codec.read(from: &r)
            case (5, .varint): thresholdPercent = try Int32Codec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("quarter", StringCodec.self, quarter)
        j.singular("satisfied", Int32Codec.self, satisfied)
        j.singular("basicallySatisfied", Int32Codec.self, basicallySatisfied)
        j.singular("unsatisfied", Int32Codec.self, unsatisfied)
        j.singular("thresholdPercent", Int32Codec.self, thresholdPercent)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "quarter": quarter = try StringCodec.readJSON(value, path: p)
            case "satisfied": satisfied = try Int32Codec.readJSON(value, path: p)
            case "basicallySatisfied", "basically_satisfied": basicallySatisfied = try Int32Codec.readJSON(value, path: p)
            case "unsatisfied": unsatisfied = try Int32Codec.readJSON(value, path: p)
            case "thresholdPercent", "threshold_percent": thresholdPercent = try Int32Codec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension ProposalEvent {
    /// A handling unit's written explanation 书面说明 of a reply the appraisal returned.
    public struct Explained: ProtoMessage {
        public static let protoName = "xieshang.v1.ProposalEvent.Explained"

        /// The unit (a lead or split unit of the returned reply).
        public var unit: String = ""
        /// The explanation.
        public var text: String = ""
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            unit: String = "",
            text: String = ""
        ) {
            self.unit = unit
            self.text = text
        }
    }
}

extension ProposalEvent.Explained {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "unit", jsonName: "unit", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "text", jsonName: "text", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, unit, field: 1)
        n += WireSize.singular(StringCodec.self, text, field: 2)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, unit, field: 1)
        w.singular(StringCodec.self, text, field: 2)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): unit = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): text = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("unit", StringCodec.self, unit)
        j.singular("text", StringCodec.self, text)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "unit": unit = try StringCodec.readJSON(value, path: p)
            case "text": text = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension ProposalEvent {
    /// A leader's instruction 批示 on a proposal (贵阳: proposals instructed by the city's party secretary, then
    /// supervised). Recorded by the proposals committee; the proposers see it on their proposal.
    public struct LeaderInstruction: ProtoMessage {
        public static let protoName = "xieshang.v1.ProposalEvent.LeaderInstruction"

        /// Level of the leader ("county", "city", "province", "national").
        public var leaderLevel: String = ""
        /// The leader's name and title (e.g. "市委书记 王某").
        public var leader: String = ""
        /// Text of the instruction.
        public var text: String = ""
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            leaderLevel: String = "",
            leader: String = "",
            text: String = ""
        ) {
            self.leaderLevel = leaderLevel
            self.leader = leader
            self.text = text
        }
    }
}

extension ProposalEvent.LeaderInstruction {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "leader_level", jsonName: "leaderLevel", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "leader", jsonName: "leader", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "text", jsonName: "text", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, leaderLevel, field: 1)
        n += WireSize.singular(StringCodec.self, leader, field: 2)
        n += WireSize.singular(StringCodec.self, text, field: 3)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, leaderLevel, field: 1)
        w.singular(StringCodec.self, leader, field: 2)
        w.singular(StringCodec.self, text, field: 3)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): leaderLevel = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): leader = try StringCodec.read(from: &r)
            case (3, .lengthDelimited): text = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("leaderLevel", StringCodec.self, leaderLevel)
        j.singular("leader", StringCodec.self, leader)
        j.singular("text", StringCodec.self, text)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "leaderLevel", "leader_level": leaderLevel = try StringCodec.readJSON(value, path: p)
            case "leader": leader = try StringCodec.readJSON(value, path: p)
            case "text": text = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension ProposalEvent {
    /// Supervision 督办 of a key proposal: a progress step or the result, by the supervising side; the proposers see
    /// every step on their proposal.
    public struct Supervised: ProtoMessage {
        public static let protoName = "xieshang.v1.ProposalEvent.Supervised"

        /// In progress, implemented, partly implemented or not implemented.
        public var outcome: SupervisionOutcome = .unspecified
        /// What was done or found (required).
        public var note: String = ""
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            outcome: SupervisionOutcome = .unspecified,
            note: String = ""
        ) {
            self.outcome = outcome
            self.note = note
        }
    }
}

extension ProposalEvent.Supervised {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "outcome", jsonName: "outcome", type: .enumeration("xieshang.v1.SupervisionOutcome"), label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "note", jsonName: "note", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(EnumCodec<SupervisionOutcome>.self, outcome, field: 1)
        n += WireSize.singular(StringCodec.self, note, field: 2)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(EnumCodec<SupervisionOutcome>.self, outcome, field: 1)
        w.singular(StringCodec.self, note, field: 2)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .varint): outcome = try EnumCodec<SupervisionOutcome>.read(from: &r)
            case (2, .lengthDelimited): note = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("outcome", EnumCodec<SupervisionOutcome>.self, outcome)
        j.singular("note", StringCodec.self, note)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "outcome": outcome = try EnumCodec<SupervisionOutcome>.readJSON(value, path: p)
            case "note": note = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}
