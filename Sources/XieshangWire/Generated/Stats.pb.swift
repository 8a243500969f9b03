// DO NOT EDIT — generated from Protos/xieshang/v1/stats.proto by xieshang-protogen.
// Change the .proto file and run `make generate`; a test fails when this file drifts from Protos/.

/// How long a period is.
public enum PeriodKind: ProtoEnum {
    /// Not set; refused.
    case unspecified
    /// A calendar month.
    case month
    /// A calendar quarter.
    case quarter
    /// A calendar year.
    case year
    /// A half-year 上半年/下半年 (index 1 or 2).
    case halfYear
    /// A body's session period 届次会议以来 (start_day, end_day; index 0).
    case session
    /// A value this schema does not name (sent by a newer schema); kept as its number.
    case unrecognized(Int32)

    public static let protoName = "xieshang.v1.PeriodKind"
    public static let allKnownValues: [PeriodKind] = [.unspecified, .month, .quarter, .year, .halfYear, .session]

    public init(protoValue: Int32) {
        switch protoValue {
        case 0: self = .unspecified
        case 1: self = .month
        case 2: self = .quarter
        case 3: self = .year
        case 4: self = .halfYear
        case 5: self = .session
        default: self = .unrecognized(protoValue)
        }
    }

    public var protoValue: Int32 {
        switch self {
        case .unspecified: 0
        case .month: 1
        case .quarter: 2
        case .year: 3
        case .halfYear: 4
        case .session: 5
        case .unrecognized(let value): value
        }
    }

    public var protoValueName: String? {
        switch self {
        case .unspecified: "PERIOD_KIND_UNSPECIFIED"
        case .month: "PERIOD_KIND_MONTH"
        case .quarter: "PERIOD_KIND_QUARTER"
        case .year: "PERIOD_KIND_YEAR"
        case .halfYear: "PERIOD_KIND_HALF_YEAR"
        case .session: "PERIOD_KIND_SESSION"
        case .unrecognized: nil
        }
    }

    public init?(protoValueName: String) {
        switch protoValueName {
        case "PERIOD_KIND_UNSPECIFIED": self = .unspecified
        case "PERIOD_KIND_MONTH": self = .month
        case "PERIOD_KIND_QUARTER": self = .quarter
        case "PERIOD_KIND_YEAR": self = .year
        case "PERIOD_KIND_HALF_YEAR": self = .halfYear
        case "PERIOD_KIND_SESSION": self = .session
        default: return nil
        }
    }
}

/// A statistics period (the calendar's Period on the wire; named StatsPeriod so it never shadows it).
public struct StatsPeriod: ProtoMessage {
    public static let protoName = "xieshang.v1.StatsPeriod"

    /// Month, quarter or year.
    public var kind: PeriodKind = .unspecified
    /// Year (e.g. 2026).
    public var year: Int32 = 0
    /// Month 1–12, quarter 1–4, half 1–2, or 0 for a year or a session period.
    public var index: Int32 = 0
    /// A session period's first day, "YYYY-MM-DD" (empty for calendar periods).
    public var startDay: String = ""
    /// A session period's last day, "YYYY-MM-DD" (empty for calendar periods and an open session period).
    public var endDay: String = ""
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        kind: PeriodKind = .unspecified,
        year: Int32 = 0,
        index: Int32 = 0,
        startDay: String = "",
        endDay: String = ""
    ) {
        self.kind = kind
        self.year = year
        self.index = index
        self.startDay = startDay
        self.endDay = endDay
    }
}

extension StatsPeriod {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "kind", jsonName: "kind", type: .enumeration("xieshang.v1.PeriodKind"), label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "year", jsonName: "year", type: .int32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "index", jsonName: "index", type: .int32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "start_day", jsonName: "startDay", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 5, name: "end_day", jsonName: "endDay", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(EnumCodec<PeriodKind>.self, kind, field: 1)
        n += WireSize.singular(Int32Codec.self, year, field: 2)
        n += WireSize.singular(Int32Codec.self, index, field: 3)
        n += WireSize.singular(StringCodec.self, startDay, field: 4)
        n += WireSize.singular(StringCodec.self, endDay, field: 5)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(EnumCodec<PeriodKind>.self, kind, field: 1)
        w.singular(Int32Codec.self, year, field: 2)
        w.singular(Int32Codec.self, index, field: 3)
        w.singular(StringCodec.self, startDay, field: 4)
        w.singular(StringCodec.self, endDay, field: 5)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .varint): kind = try EnumCodec<PeriodKind>.read(from: &r)
            case (2, .varint): year = try Int32Codec.read(from: &r)
            case (3, .varint): index = try Int32Codec.read(from: &r)
            case (4, .lengthDelimited): startDay = try StringCodec.read(from: &r)
            case (5, .lengthDelimited): endDay = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("kind", EnumCodec<PeriodKind>.self, kind)
        j.singular("year", Int32Codec.self, year)
        j.singular("index", Int32Codec.self, index)
        j.singular("startDay", StringCodec.self, startDay)
        j.singular("endDay", StringCodec.self, endDay)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "kind": kind = try EnumCodec<PeriodKind>.readJSON(value, path: p)
            case "year": year = try Int32Codec.readJSON(value, path: p)
            case "index": index = try Int32Codec.readJSON(value, path: p)
            case "startDay", "start_day": startDay = try StringCodec.readJSON(value, path: p)
            case "endDay", "end_day": endDay = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// Every figure for one body (or a subtree) and one period.
public struct Figures: ProtoMessage {
    public static let protoName = "xieshang.v1.Figures"

    /// The period.
    public var period: StatsPeriod? = nil
    /// Proposals 提案 (flows).
    /// Filed 提交.
    public var proposalsFiled: Int64 = 0
    /// Registered 立案.
    public var proposalsRegistered: Int64 = 0
    /// Not registered 不予立案.
    public var proposalsNotRegistered: Int64 = 0
    /// Merged 并案.
    public var proposalsMerged: Int64 = 0
    /// Withdrawn 撤回.
    public var proposalsWithdrawn: Int64 = 0
    /// Assigned 交办.
    public var proposalsAssigned: Int64 = 0
    /// Replies given on or before their due date (one per reply: a split proposal counts each unit's reply).
    public var repliesOnTime: Int64 = 0
    /// Replies given after their due date.
    public var repliesLate: Int64 = 0
    /// Proposals by the class of their final reply (default "A", "B", "C"): one per proposal, the last reply given by the
    /// period's end, counted in the period of that reply (a split proposal counts once, by its last unit's reply).
    public var repliesByClass: [String: Int64] = [:]
    /// Evaluations 满意.
    public var evaluationsSatisfied: Int64 = 0
    /// Evaluations 基本满意.
    public var evaluationsBasicallySatisfied: Int64 = 0
    /// Evaluations 不满意.
    public var evaluationsUnsatisfied: Int64 = 0
    /// Closed 办结.
    public var proposalsClosed: Int64 = 0
    /// Returned for re-handling 退回重办.
    public var proposalsRehandled: Int64 = 0
    /// Key proposals 重点提案 marked.
    public var keyProposals: Int64 = 0
    /// 办结率's numerator, by cohort: proposals registered in the period (proposals_registered) and closed by its end.
    public var proposalsClosedOfRegistered: Int64 = 0
    /// 满意率's counters: evaluations of each proposal's latest round as of the period's end, given in the period
    /// (superseded rounds of a re-handled proposal are not counted).
    public var latestRoundSatisfied: Int64 = 0
    public var latestRoundBasicallySatisfied: Int64 = 0
    public var latestRoundUnsatisfied: Int64 = 0
    /// Proposals filed, by intake channel ("web", "chat_group", "paper", "session"): proposals_filed split.
    public var proposalsByChannel: [String: Int64] = [:]
    /// Leaders' instructions 批示 recorded on proposals.
    public var proposalsInstructed: Int64 = 0
    /// Supervision steps 督办 recorded on key proposals.
    public var keyProposalsSupervised: Int64 = 0
    /// 重点提案 outcomes by cohort: of the key proposals marked in the period (key_proposals), those closed by its end,
    /// and those whose latest supervision result by its end is implemented 落实 (遵义: 16 of 16 implemented).
    public var keyProposalsClosedOfMarked: Int64 = 0
    public var keyProposalsImplementedOfMarked: Int64 = 0
    /// Public-opinion reports 社情民意 (flows).
    /// Received at this body (submitted here or forwarded in).
    public var opinionsReceived: Int64 = 0
    /// Adopted 录用 at this body.
    public var opinionsAdopted: Int64 = 0
    /// Reports of this body adopted at higher levels, by the adopting tier ("county", "city", "province", …).
    public var opinionsAdoptedHigher: [String: Int64] = [:]
    /// Leaders' instructions 批示 recorded on reports this body holds.
    public var opinionsInstructed: Int64 = 0
    /// Forwarded 报送 to the parent.
    public var opinionsForwarded: Int64 = 0
    /// Reports received at their origin body, by intake channel ("web", "chat_group", "paper", "session").
    public var opinionsByChannel: [String: Int64] = [:]
    /// Beyond the federation (counted at the body that records the step, never again at the origin):
    /// sent up to the provincial / national CPPCC 报送省政协、全国政协, and adopted there 省政协、全国政协采用.
    public var opinionsSentProvincial: Int64 = 0
    public var opinionsSentNational: Int64 = 0
    public var opinionsAdoptedProvincial: Int64 = 0
    public var opinionsAdoptedNational: Int64 = 0
    /// Sent to government departments 转送部门, and the departments' replies by result.
    public var opinionsToDepartments: Int64 = 0
    public var opinionsDepartmentAdopted: Int64 = 0
    public var opinionsDepartmentPartlyAdopted: Int64 = 0
    public var opinionsDepartmentForReference: Int64 = 0
    public var opinionsDepartmentNotAdopted: Int64 = 0
    /// Activities 履职活动 (flows).
    /// Consultation meetings 协商.
    public var consultations: Int64 = 0
    /// Participants 人次 of consultation meetings.
    public var consultationParticipants: Int64 = 0
    /// Research visits 调研.
    public var researchVisits: Int64 = 0
    /// Inspections 视察.
    public var inspections: Int64 = 0
    /// Democratic appraisals 民主评议.
    public var appraisals: Int64 = 0
    /// Trainings 培训.
    public var trainings: Int64 = 0
    /// Public-welfare activities 公益.
    public var welfareActivities: Int64 = 0
    /// Participants 人次 of all activities.
    public var activityParticipants: Int64 = 0
    /// Consultations by form name code ("topical", "counterpart", …).
    public var consultationsByForm: [String: Int64] = [:]
    /// Suggestions 意见建议 (flows).
    /// Made.
    public var suggestionsMade: Int64 = 0
    /// Adopted 批示采纳.
    public var suggestionsAdopted: Int64 = 0
    /// Closed 办结.
    public var suggestionsClosed: Int64 = 0
    /// Plan items 协商计划 (stocks at the end of the period, items assigned to this body).
    /// Items assigned.
    public var planItemsAssigned: Int64 = 0
    /// Items held or further.
    public var planItemsDone: Int64 = 0
    /// Items whose deadline passed before they were held.
    public var planItemsOverdue: Int64 = 0
    /// Topics solicited 议题征集 for plans this body issues (flows): proposed (from lower bodies, departments, the
    /// public), adopted into the plan, merged into another topic, not adopted.
    public var topicsProposed: Int64 = 0
    /// Adopted into the plan (picked as an item).
    public var topicsAdopted: Int64 = 0
    /// Merged into another topic.
    public var topicsMerged: Int64 = 0
    /// Not adopted.
    public var topicsNotAdopted: Int64 = 0
    /// Members 委员 (stocks at the end of the period).
    /// Active members.
    public var members: Int64 = 0
    /// Active members whose duty score for the period's year so far is below the talk threshold.
    public var membersBelowThreshold: Int64 = 0
    /// Research and inspection reports 调研视察报告 (flows).
    /// Reports of research visits 调研报告 written.
    public var researchReports: Int64 = 0
    /// Reports of inspections 视察报告 written.
    public var inspectionReports: Int64 = 0
    /// Reports that got a leader's instruction 批示: one per report, in the period of its first instruction.
    public var researchReportsInstructed: Int64 = 0
    /// Conversions 成果转化 into proposals 提案.
    public var researchConvertedToProposals: Int64 = 0
    /// Conversions into public-opinion reports 社情民意信息.
    public var researchConvertedToOpinions: Int64 = 0
    /// Conversions into 建议案 (the body's formal recommendations to the party committee or government).
    public var researchConvertedToAdvice: Int64 = 0
    /// Bodies whose figures this value sums (1 for a single body's own records).
    public var bodies: Int64 = 0
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        period: StatsPeriod? = nil,
        proposalsFiled: Int64 = 0,
        proposalsRegistered: Int64 = 0,
        proposalsNotRegistered: Int64 = 0,
        proposalsMerged: Int64 = 0,
        proposalsWithdrawn: Int64 = 0,
        proposalsAssigned: Int64 = 0,
        repliesOnTime: Int64 = 0,
        repliesLate: Int64 = 0,
        repliesByClass: [String: Int64] = [:],
        evaluationsSatisfied: Int64 = 0,
        evaluationsBasicallySatisfied: Int64 = 0,
        evaluationsUnsatisfied: Int64 = 0,
        proposalsClosed: Int64 = 0,
        proposalsRehandled: Int64 = 0,
        keyProposals: Int64 = 0,
        proposalsClosedOfRegistered: Int64 = 0,
        latestRoundSatisfied: Int64 = 0,
        latestRoundBasicallySatisfied: Int64 = 0,
        latestRoundUnsatisfied: Int64 = 0,
        proposalsByChannel: [String: Int64] = [:],
        proposalsInstructed: Int64 = 0,
        keyProposalsSupervised: Int64 = 0,
        keyProposalsClosedOfMarked: Int64 = 0,
        keyProposalsImplementedOfMarked: Int64 = 0,
        opinionsReceived: Int64 = 0,
        opinionsAdopted: Int64 = 0,
        opinionsAdoptedHigher: [String: Int64] = [:],
        opinionsInstructed: Int64 = 0,
        opinionsForwarded: Int64 = 0,
        opinionsByChannel: [String: Int64] = [:],
        opinionsSentProvincial: Int64 = 0,
        opinionsSentNational: Int64 = 0,
        opinionsAdoptedProvincial: Int64 = 0,
        opinionsAdoptedNational: Int64 = 0,
        opinionsToDepartments: Int64 = 0,
        opinionsDepartmentAdopted: Int64 = 0,
        opinionsDepartmentPartlyAdopted: Int64 = 0,
        opinionsDepartmentForReference: Int64 = 0,
        opinionsDepartmentNotAdopted: Int64 = 0,
        consultations: Int64 = 0,
        consultationParticipants: Int64 = 0,
        researchVisits: Int64 = 0,
        inspections: Int64 = 0,
        appraisals: Int64 = 0,
        trainings: Int64 = 0,
        welfareActivities: Int64 = 0,
        activityParticipants: Int64 = 0,
        consultationsByForm: [String: Int64] = [:],
        suggestionsMade: Int64 = 0,
        suggestionsAdopted: Int64 = 0,
        suggestionsClosed: Int64 = 0,
        planItemsAssigned: Int64 = 0,
        planItemsDone: Int64 = 0,
        planItemsOverdue: Int64 = 0,
        topicsProposed: Int64 = 0,
        topicsAdopted: Int64 = 0,
        topicsMerged: Int64 = 0,
        topicsNotAdopted: Int64 = 0,
        members: Int64 = 0,
        membersBelowThreshold: Int64 = 0,
        researchReports: Int64 = 0,
        inspectionReports: Int64 = 0,
        researchReportsInstructed: Int64 = 0,
        researchConvertedToProposals: Int64 = 0,
        researchConvertedToOpinions: Int64 = 0,
        researchConvertedToAdvice: Int64 = 0,
        bodies: Int64 = 0
    ) {
        self.period = period
        self.proposalsFiled = proposalsFiled
        self.proposalsRegistered = proposalsRegistered
        self.proposalsNotRegistered = proposalsNotRegistered
        self.proposalsMerged = proposalsMerged
        self.proposalsWithdrawn = proposalsWithdrawn
        self.proposalsAssigned = proposalsAssigned
        self.repliesOnTime = repliesOnTime
        self.repliesLate = repliesLate
        self.repliesByClass = repliesByClass
        self.evaluationsSatisfied = evaluationsSatisfied
        self.evaluationsBasicallySatisfied = evaluationsBasicallySatisfied
        self.evaluationsUnsatisfied = evaluationsUnsatisfied
        self.proposalsClosed = proposalsClosed
        self.proposalsRehandled = proposalsRehandled
        self.keyProposals = keyProposals
        self.proposalsClosedOfRegistered = proposalsClosedOfRegistered
        self.latestRoundSatisfied = latestRoundSatisfied
        self.latestRoundBasicallySatisfied = latestRoundBasicallySatisfied
        self.latestRoundUnsatisfied = latestRoundUnsatisfied
        self.proposalsByChannel = proposalsByChannel
        self.proposalsInstructed = proposalsInstructed
        self.keyProposalsSupervised = keyProposalsSupervised
        self.keyProposalsClosedOfMarked = keyProposalsClosedOfMarked
        self.keyProposalsImplementedOfMarked = keyProposalsImplementedOfMarked
        self.opinionsReceived = opinionsReceived
        self.opinionsAdopted = opinionsAdopted
        self.opinionsAdoptedHigher = opinionsAdoptedHigher
        self.opinionsInstructed = opinionsInstructed
        self.opinionsForwarded = opinionsForwarded
        self.opinionsByChannel = opinionsByChannel
        self.opinionsSentProvincial = opinionsSentProvincial
        self.opinionsSentNational = opinionsSentNational
        self.opinionsAdoptedProvincial = opinionsAdoptedProvincial
        self.opinionsAdoptedNational = opinionsAdoptedNational
        self.opinionsToDepartments = opinionsToDepartments
        self.opinionsDepartmentAdopted = opinionsDepartmentAdopted
        self.opinionsDepartmentPartlyAdopted = opinionsDepartmentPartlyAdopted
        self.opinionsDepartmentForReference = opinionsDepartmentForReference
        self.opinionsDepartmentNotAdopted = opinionsDepartmentNotAdopted
        self.consultations = consultations
        self.consultationParticipants = consultationParticipants
        self.researchVisits = researchVisits
        self.inspections = inspections
        self.appraisals = appraisals
        self.trainings = trainings
        self.welfareActivities = welfareActivities
        self.activityParticipants = activityParticipants
        self.consultationsByForm = consultationsByForm
        self.suggestionsMade = suggestionsMade
        self.suggestionsAdopted = suggestionsAdopted
        self.suggestionsClosed = suggestionsClosed
        self.planItemsAssigned = planItemsAssigned
        self.planItemsDone = planItemsDone
        self.planItemsOverdue = planItemsOverdue
        self.topicsProposed = topicsProposed
        self.topicsAdopted = topicsAdopted
        self.topicsMerged = topicsMerged
        self.topicsNotAdopted = topicsNotAdopted
        self.members = members
        self.membersBelowThreshold = membersBelowThreshold
        self.researchReports = researchReports
        self.inspectionReports = inspectionReports
        self.researchReportsInstructed = researchReportsInstructed
        self.researchConvertedToProposals = researchConvertedToProposals
        self.researchConvertedToOpinions = researchConvertedToOpinions
        self.researchConvertedToAdvice = researchConvertedToAdvice
        self.bodies = bodies
    }
}

extension Figures {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "period", jsonName: "period", type: .message("xieshang.v1.StatsPeriod"), label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 10, name: "proposals_filed", jsonName: "proposalsFiled", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 11, name: "proposals_registered", jsonName: "proposalsRegistered", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 12, name: "proposals_not_registered", jsonName: "proposalsNotRegistered", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 13, name: "proposals_merged", jsonName: "proposalsMerged", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 14, name: "proposals_withdrawn", jsonName: "proposalsWithdrawn", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 15, name: "proposals_assigned", jsonName: "proposalsAssigned", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 16, name: "replies_on_time", jsonName: "repliesOnTime", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 17, name: "replies_late", jsonName: "repliesLate", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 18, name: "replies_by_class", jsonName: "repliesByClass", type: .int64, label: .map(key: .string), oneof: nil),
        ProtoFieldDescriptor(number: 19, name: "evaluations_satisfied", jsonName: "evaluationsSatisfied", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 20, name: "evaluations_basically_satisfied", jsonName: "evaluationsBasicallySatisfied", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 21, name: "evaluations_unsatisfied", jsonName: "evaluationsUnsatisfied", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 22, name: "proposals_closed", jsonName: "proposalsClosed", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 23, name: "proposals_rehandled", jsonName: "proposalsRehandled", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 24, name: "key_proposals", jsonName: "keyProposals", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 25, name: "proposals_closed_of_registered", jsonName: "proposalsClosedOfRegistered", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 26, name: "latest_round_satisfied", jsonName: "latestRoundSatisfied", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 27, name: "latest_round_basically_satisfied", jsonName: "latestRoundBasicallySatisfied", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 28, name: "latest_round_unsatisfied", jsonName: "latestRoundUnsatisfied", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 29, name: "opinions_by_channel", jsonName: "opinionsByChannel", type: .int64, label: .map(key: .string), oneof: nil),
        ProtoFieldDescriptor(number: 30, name: "opinions_received", jsonName: "opinionsReceived", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 31, name: "opinions_adopted", jsonName: "opinionsAdopted", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 32, name: "opinions_adopted_higher", jsonName: "opinionsAdoptedHigher", type: .int64, label: .map(key: .string), oneof: nil),
        ProtoFieldDescriptor(number: 33, name: "opinions_instructed", jsonName: "opinionsInstructed", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 34, name: "opinions_forwarded", jsonName: "opinionsForwarded", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 35, name: "proposals_by_channel", jsonName: "proposalsByChannel", type: .int64, label: .map(key: .string), oneof: nil),
        ProtoFieldDescriptor(number: 36, name: "proposals_instructed", jsonName: "proposalsInstructed", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 37, name: "key_proposals_supervised", jsonName: "keyProposalsSupervised", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 38, name: "key_proposals_closed_of_marked", jsonName: "keyProposalsClosedOfMarked", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 39, name: "key_proposals_implemented_of_marked", jsonName: "keyProposalsImplementedOfMarked", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 40, name: "consultations", jsonName: "consultations", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 41, name: "consultation_participants", jsonName: "consultationParticipants", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 42, name: "research_visits", jsonName: "researchVisits", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 43, name: "inspections", jsonName: "inspections", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 44, name: "appraisals", jsonName: "appraisals", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 45, name: "trainings", jsonName: "trainings", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 46, name: "welfare_activities", jsonName: "welfareActivities", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 47, name: "activity_participants", jsonName: "activityParticipants", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 48, name: "consultations_by_form", jsonName: "consultationsByForm", type: .int64, label: .map(key: .string), oneof: nil),
        ProtoFieldDescriptor(number: 50, name: "suggestions_made", jsonName: "suggestionsMade", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 51, name: "suggestions_adopted", jsonName: "suggestionsAdopted", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 52, name: "suggestions_closed", jsonName: "suggestionsClosed", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 60, name: "plan_items_assigned", jsonName: "planItemsAssigned", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 61, name: "plan_items_done", jsonName: "planItemsDone", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 62, name: "plan_items_overdue", jsonName: "planItemsOverdue", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 63, name: "topics_proposed", jsonName: "topicsProposed", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 64, name: "topics_adopted", jsonName: "topicsAdopted", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 65, name: "topics_merged", jsonName: "topicsMerged", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 66, name: "topics_not_adopted", jsonName: "topicsNotAdopted", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 70, name: "members", jsonName: "members", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 71, name: "members_below_threshold", jsonName: "membersBelowThreshold", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 80, name: "bodies", jsonName: "bodies", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 110, name: "research_reports", jsonName: "researchReports", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 111, name: "inspection_reports", jsonName: "inspectionReports", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 112, name: "research_reports_instructed", jsonName: "researchReportsInstructed", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 113, name: "research_converted_to_proposals", jsonName: "researchConvertedToProposals", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 114, name: "research_converted_to_opinions", jsonName: "researchConvertedToOpinions", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 115, name: "research_converted_to_advice", jsonName: "researchConvertedToAdvice", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 120, name: "opinions_sent_provincial", jsonName: "opinionsSentProvincial", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 121, name: "opinions_sent_national", jsonName: "opinionsSentNational", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 122, name: "opinions_adopted_provincial", jsonName: "opinionsAdoptedProvincial", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 123, name: "opinions_adopted_national", jsonName: "opinionsAdoptedNational", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 124, name: "opinions_to_departments", jsonName: "opinionsToDepartments", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 125, name: "opinions_department_adopted", jsonName: "opinionsDepartmentAdopted", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 126, name: "opinions_department_partly_adopted", jsonName: "opinionsDepartmentPartlyAdopted", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 127, name: "opinions_department_for_reference", jsonName: "opinionsDepartmentForReference", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 128, name: "opinions_department_not_adopted", jsonName: "opinionsDepartmentNotAdopted", type: .int64, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        if let v = period { n += WireSize.message(v, field: 1) }
        n += WireSize.singular(Int64Codec.self, proposalsFiled, field: 10)
        n += WireSize.singular(Int64Codec.self, proposalsRegistered, field: 11)
        n += WireSize.singular(Int64Codec.self, proposalsNotRegistered, field: 12)
        n += WireSize.singular(Int64Codec.self, proposalsMerged, field: 13)
        n += WireSize.singular(Int64Codec.self, proposalsWithdrawn, field: 14)
        n += WireSize.singular(Int64Codec.self, proposalsAssigned, field: 15)
        n += WireSize.singular(Int64Codec.self, repliesOnTime, field: 16)
        n += WireSize.singular(Int64Codec.self, repliesLate, field: 17)
        n += WireSize.map(StringCodec.self, Int64Codec.self, repliesByClass, field: 18)
        n += WireSize.singular(Int64Codec.self, evaluationsSatisfied, field: 19)
        n += WireSize.singular(Int64Codec.self, evaluationsBasicallySatisfied, field: 20)
        n += WireSize.singular(Int64Codec.self, evaluationsUnsatisfied, field: 21)
        n += WireSize.singular(Int64Codec.self, proposalsClosed, field: 22)
        n += WireSize.singular(Int64Codec.self, proposalsRehandled, field: 23)
        n += WireSize.singular(Int64Codec.self, keyProposals, field: 24)
        n += WireSize.singular(Int64Codec.self, proposalsClosedOfRegistered, field: 25)
        n += WireSize.singular(Int64Codec.self, latestRoundSatisfied, field: 26)
        n += WireSize.singular(Int64Codec.self, latestRoundBasicallySatisfied, field: 27)
        n += WireSize.singular(Int64Codec.self, latestRoundUnsatisfied, field: 28)
        n += WireSize.map(StringCodec.self, Int64Codec.self, opinionsByChannel, field: 29)
        n += WireSize.singular(Int64Codec.self, opinionsReceived, field: 30)
        n += WireSize.singular(Int64Codec.self, opinionsAdopted, field: 31)
        n += WireSize.map(StringCodec.self, Int64Codec.self, opinionsAdoptedHigher, field: 32)
        n += WireSize.singular(Int64Codec.self, opinionsInstructed, field: 33)
        n += WireSize.singular(Int64Codec.self, opinionsForwarded, field: 34)
        n += WireSize.map(StringCodec.self, Int64Codec.self, proposalsByChannel, field: 35)
        n += WireSize.singular(Int64Codec.self, proposalsInstructed, field: 36)
        n += WireSize.singular(Int64Codec.self, keyProposalsSupervised, field: 37)
        n += WireSize.singular(Int64Codec.self, keyProposalsClosedOfMarked, field: 38)
        n += WireSize.singular(Int64Codec.self, keyProposalsImplementedOfMarked, field: 39)
        n += WireSize.singular(Int64Codec.self, consultations, field: 40)
        n += WireSize.singular(Int64Codec.self, consultationParticipants, field: 41)
        n += WireSize.singular(Int64Codec.self, researchVisits, field: 42)
        n += WireSize.singular(Int64Codec.self, inspections, field: 43)
        n += WireSize.singular(Int64Codec.self, appraisals, field: 44)
        n += WireSize.singular(Int64Codec.self, trainings, field: 45)
        n += WireSize.singular(Int64Codec.self, welfareActivities, field: 46)
        n += WireSize.singular(Int64Codec.self, activityParticipants, field: 47)
        n += WireSize.map(StringCodec.self, Int64Codec.self, consultationsByForm, field: 48)
        n += WireSize.singular(Int64Codec.self, suggestionsMade, field: 50)
        n += WireSize.singular(Int64Codec.self, suggestionsAdopted, field: 51)
        n += WireSize.singular(Int64Codec.self, suggestionsClosed, field: 52)
        n += WireSize.singular(Int64Codec.self, planItemsAssigned, field: 60)
        n += WireSize.singular(Int64Codec.self, planItemsDone, field: 61)
        n += WireSize.singular(Int64Codec.self, planItemsOverdue, field: 62)
        n += WireSize.singular(Int64Codec.self, topicsProposed, field: 63)
        n += WireSize.singular(Int64Codec.self, topicsAdopted, field: 64)
        n += WireSize.singular(Int64Codec.self, topicsMerged, field: 65)
        n += WireSize.singular(Int64Codec.self, topicsNotAdopted, field: 66)
        n += WireSize.singular(Int64Codec.self, members, field: 70)
        n += WireSize.singular(Int64Codec.self, membersBelowThreshold, field: 71)
        n += WireSize.singular(Int64Codec.self, bodies, field: 80)
        n += WireSize.singular(Int64Codec.self, researchReports, field: 110)
        n += WireSize.singular(Int64Codec.self, inspectionReports, field: 111)
        n += WireSize.singular(Int64Codec.self, researchReportsInstructed, field: 112)
        n += WireSize.singular(Int64Codec.self, researchConvertedToProposals, field: 113)
        n += WireSize.singular(Int64Codec.self, researchConvertedToOpinions, field: 114)
        n += WireSize.singular(Int64Codec.self, researchConvertedToAdvice, field: 115)
        n += WireSize.singular(Int64Codec.self, opinionsSentProvincial, field: 120)
        n += WireSize.singular(Int64Codec.self, opinionsSentNational, field: 121)
        n += WireSize.singular(Int64Codec.self, opinionsAdoptedProvincial, field: 122)
        n += WireSize.singular(Int64Codec.self, opinionsAdoptedNational, field: 123)
        n += WireSize.singular(Int64Codec.self, opinionsToDepartments, field: 124)
        n += WireSize.singular(Int64Codec.self, opinionsDepartmentAdopted, field: 125)
        n += WireSize.singular(Int64Codec.self, opinionsDepartmentPartlyAdopted, field: 126)
        n += WireSize.singular(Int64Codec.self, opinionsDepartmentForReference, field: 127)
        n += WireSize.singular(Int64Codec.self, opinionsDepartmentNotAdopted, field: 128)
        return n
    }

    public func encode(to w: inout WireWriter) {
        if let v = period { w.message(v, field: 1) }
        w.singular(Int64Codec.self, proposalsFiled, field: 10)
        w.singular(Int64Codec.self, proposalsRegistered, field: 11)
        w.singular(Int64Codec.self, proposalsNotRegistered, field: 12)
        w.singular(Int64Codec.self, proposalsMerged, field: 13)
        w.singular(Int64Codec.self, proposalsWithdrawn, field: 14)
        w.singular(Int64Codec.self, proposalsAssigned, field: 15)
        w.singular(Int64Codec.self, repliesOnTime, field: 16)
        w.singular(Int64Codec.self, repliesLate, field: 17)
        w.map(StringCodec.self, Int64Codec.self, repliesByClass, field: 18)
        w.singular(Int64Codec.self, evaluationsSatisfied, field: 19)
        w.singular(Int64Codec.self, evaluationsBasicallySatisfied, field: 20)
        w.singular(Int64Codec.self, evaluationsUnsatisfied, field: 21)
        w.singular(Int64Codec.self, proposalsClosed, field: 22)
        w.singular(Int64Codec.self, proposalsRehandled, field: 23)
        w.singular(Int64Codec.self, keyProposals, field: 24)
        w.singular(Int64Codec.self, proposalsClosedOfRegistered, field: 25)
        w.singular(Int64Codec.self, latestRoundSatisfied, field: 26)
        w.singular(Int64Codec.self, latestRoundBasicallySatisfied, field: 27)
        w.singular(Int64Codec.self, latestRoundUnsatisfied, field: 28)
        w.map(StringCodec.self, Int64Codec.self, opinionsByChannel, field: 29)
        w.singular(Int64Codec.self, opinionsReceived, field: 30)
        w.singular(Int64Codec.self, opinionsAdopted, field: 31)
        w.map(StringCodec.self, Int64Codec.self, opinionsAdoptedHigher, field: 32)
        w.singular(Int64Codec.self, opinionsInstructed, field: 33)
        w.singular(Int64Codec.self, opinionsForwarded, field: 34)
        w.map(StringCodec.self, Int64Codec.self, proposalsByChannel, field: 35)
        w.singular(Int64Codec.self, proposalsInstructed, field: 36)
        w.singular(Int64Codec.self, keyProposalsSupervised, field: 37)
        w.singular(Int64Codec.self, keyProposalsClosedOfMarked, field: 38)
        w.singular(Int64Codec.self, keyProposalsImplementedOfMarked, field: 39)
        w.singular(Int64Codec.self, consultations, field: 40)
        w.singular(Int64Codec.self, consultationParticipants, field: 41)
        w.singular(Int64Codec.self, researchVisits, field: 42)
        w.singular(Int64Codec.self, inspections, field: 43)
        w.singular(Int64Codec.self, appraisals, field: 44)
        w.singular(Int64Codec.self, trainings, field: 45)
        w.singular(Int64Codec.self, welfareActivities, field: 46)
        w.singular(Int64Codec.self, activityParticipants, field: 47)
        w.map(StringCodec.self, Int64Codec.self, consultationsByForm, field: 48)
        w.singular(Int64Codec.self, suggestionsMade, field: 50)
        w.singular(Int64Codec.self, suggestionsAdopted, field: 51)
        w.singular(Int64Codec.self, suggestionsClosed, field: 52)
        w.singular(Int64Codec.self, planItemsAssigned, field: 60)
        w.singular(Int64Codec.self, planItemsDone, field: 61)
        w.singular(Int64Codec.self, planItemsOverdue, field: 62)
        w.singular(Int64Codec.self, topicsProposed, field: 63)
        w.singular(Int64Codec.self, topicsAdopted, field: 64)
        w.singular(Int64Codec.self, topicsMerged, field: 65)
        w.singular(Int64Codec.self, topicsNotAdopted, field: 66)
        w.singular(Int64Codec.self, members, field: 70)
        w.singular(Int64Codec.self, membersBelowThreshold, field: 71)
        w.singular(Int64Codec.self, bodies, field: 80)
        w.singular(Int64Codec.self, researchReports, field: 110)
        w.singular(Int64Codec.self, inspectionReports, field: 111)
        w.singular(Int64Codec.self, researchReportsInstructed, field: 112)
        w.singular(Int64Codec.self, researchConvertedToProposals, field: 113)
        w.singular(Int64Codec.self, researchConvertedToOpinions, field: 114)
        w.singular(Int64Codec.self, researchConvertedToAdvice, field: 115)
        w.singular(Int64Codec.self, opinionsSentProvincial, field: 120)
        w.singular(Int64Codec.self, opinionsSentNational, field: 121)
        w.singular(Int64Codec.self, opinionsAdoptedProvincial, field: 122)
        w.singular(Int64Codec.self, opinionsAdoptedNational, field: 123)
        w.singular(Int64Codec.self, opinionsToDepartments, field: 124)
        w.singular(Int64Codec.self, opinionsDepartmentAdopted, field: 125)
        w.singular(Int64Codec.self, opinionsDepartmentPartlyAdopted, field: 126)
        w.singular(Int64Codec.self, opinionsDepartmentForReference, field: 127)
        w.singular(Int64Codec.self, opinionsDepartmentNotAdopted, field: 128)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): try r.readMessage(into: &period)
            case (10, .varint): proposalsFiled = try Int64Codec.read(from: &r)
            case (11, .varint): proposalsRegistered = try Int64Codec.read(from: &r)
            case (12, .varint): proposalsNotRegistered = try Int64Codec.read(from: &r)
            case (13, .varint): proposalsMerged = try Int64Codec.read(from: &r)
            case (14, .varint): proposalsWithdrawn = try Int64Codec.read(from: &r)
            case (15, .varint): proposalsAssigned = try Int64Codec.read(from: &r)
            case (16, .varint): repliesOnTime = try Int64Codec.read(from: &r)
            case (17, .varint): repliesLate = try Int64Codec.read(from: &r)
            case (18, .lengthDelimited): try r.readMapEntry(StringCodec.self, Int64Codec.self, into: &repliesByClass)
            case (19, .varint): evaluationsSatisfied = try Int64Codec.read(from: &r)
            case (20, .varint): evaluationsBasicallySatisfied = try Int64Codec.read(from: &r)
            case (21, .varint): evaluationsUnsatisfied = try Int64Codec.read(from: &r)
            case (22, .varint): proposalsClosed = try Int64Codec.read(from: &r)
            case (23, .varint): proposalsRehandled = try Int64Codec.read(from: &r)
            case (24, .varint): keyProposals = try Int64Codec.read(from: &r)
            case (25, .varint): proposalsClosedOfRegistered = try Int64Codec.read(from: &r)
            case (26, .varint): latestRoundSatisfied = try Int64Codec.read(from: &r)
            case (27, .varint): latestRoundBasicallySatisfied = try Int64Codec.read(from: &r)
            case (28, .varint): latestRoundUnsatisfied = try Int64Codec.read(from: &r)
            case (29, .lengthDelimited): try r.readMapEntry(StringCodec.self, Int64Codec.self, into: &opinionsByChannel)
            case (30, .varint): opinionsReceived = try Int64Codec.read(from: &r)
            case (31, .varint): opinionsAdopted = try Int64Codec.read(from: &r)
            case (32, .lengthDelimited): try r.readMapEntry(StringCodec.self, Int64Codec.self, into: &opinionsAdoptedHigher)
            case (33, .varint): opinionsInstructed = try Int64Codec.read(from: &r)
            case (34, .varint): opinionsForwarded = try Int64Codec.read(from: &r)
            case (35, .lengthDelimited): try r.readMapEntry(StringCodec.self, Int64Codec.self, into: &proposalsByChannel)
            case (36, .varint): proposalsInstructed = try Int64Codec.read(from: &r)
            case (37, .varint): keyProposalsSupervised = try Int64Codec.read(from: &r)
            case (38, .varint): keyProposalsClosedOfMarked = try Int64Codec.read(from: &r)
            case (39, .varint): keyProposalsImplementedOfMarked = try Int64Codec.read(from: &r)
            case (40, .varint): consultations = try Int64Codec.read(from: &r)
            case (41, .varint): consultationParticipants = try Int64Codec.read(from: &r)
            case (42, .varint): researchVisits = try Int64Codec.read(from: &r)
            case (43, .varint): inspections = try Int64Codec.read(from: &r)
            case (44, .varint): appraisals = try Int64Codec.read(from: &r)
            case (45, .varint): trainings = try Int64Codec.read(from: &r)
            case (46, .varint): welfareActivities = try Int64Codec.read(from: &r)
            case (47, .varint): activityParticipants = try Int64Codec.read(from: &r)
            case (48, .lengthDelimited): try r.readMapEntry(StringCodec.self, Int64Codec.self, into: &consultationsByForm)
            case (50, .varint): suggestionsMade = try Int64Codec.read(from: &r)
            case (51, .varint): suggestionsAdopted = try Int64Codec.read(from: &r)
            case (52, .varint): suggestionsClosed = try Int64Codec.read(from: &r)
            case (60, .varint): planItemsAssigned = try Int64Codec.read(from: &r)
            case (61, .varint): planItemsDone = try Int64Codec.read(from: &r)
            case (62, .varint): planItemsOverdue = try Int64Codec.read(from: &r)
            case (63, .varint): topicsProposed = try Int64Codec.read(from: &r)
            case (64, .varint): topicsAdopted = try Int64Codec.read(from: &r)
            case (65, .varint): topicsMerged = try Int64Codec.read(from: &r)
            case (66, .varint): topicsNotAdopted = try Int64Codec.read(from: &r)
            case (70, .varint): members = try Int64Codec.read(from: &r)
            case (71, .varint): membersBelowThreshold = try Int64Codec.read(from: &r)
            case (80, .varint): bodies = try Int64Codec.read(from: &r)
            case (110, .varint): researchReports = try Int64Codec.read(from: &r)
            case (111, .varint): inspectionReports = try Int64Codec.read(from: &r)
            case (112, .varint): researchReportsInstructed = try Int64Codec.read(from: &r)
            case (113, .varint): researchConvertedToProposals = try Int64Codec.read(from: &r)
            case (114, .varint): researchConvertedToOpinions = try Int64Codec.read(from: &r)
            case (115, .varint): researchConvertedToAdvice = try Int64Codec.read(from: &r)
            case (120, .varint): opinionsSentProvincial = try Int64Codec.read(from: &r)
            case (121, .varint): opinionsSentNational = try Int64Codec.read(from: &r)
            case (122, .varint): opinionsAdoptedProvincial = try Int64Codec.read(from: &r)
            case (123, .varint): opinionsAdoptedNational = try Int64Codec.read(from: &r)
            case (124, .varint): opinionsToDepartments = try Int64Codec.read(from: &r)
            case (125, .varint): opinionsDepartmentAdopted = try Int64Codec.read(from: &r)
            case (126, .varint): opinionsDepartmentPartlyAdopted = try Int64Codec.read(from: &r)
            case (127, .varint): opinionsDepartmentForReference = try Int64Codec.read(from: &r)
            case (128, .varint): opinionsDepartmentNotAdopted = try Int64Codec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        if let v = period { j.message("period", v) }
        j.singular("proposalsFiled", Int64Codec.self, proposalsFiled)
        j.singular("proposalsRegistered", Int64Codec.self, proposalsRegistered)
        j.singular("proposalsNotRegistered", Int64Codec.self, proposalsNotRegistered)
        j.singular("proposalsMerged", Int64Codec.self, proposalsMerged)
        j.singular("proposalsWithdrawn", Int64Codec.self, proposalsWithdrawn)
        j.singular("proposalsAssigned", Int64Codec.self, proposalsAssigned)
        j.singular("repliesOnTime", Int64Codec.self, repliesOnTime)
        j.singular("repliesLate", Int64Codec.self, repliesLate)
        j.map("repliesByClass", StringCodec.self, Int64Codec.self, repliesByClass)
        j.singular("evaluationsSatisfied", Int64Codec.self, evaluationsSatisfied)
        j.singular("evaluationsBasicallySatisfied", Int64Codec.self, evaluationsBasicallySatisfied)
        j.singular("evaluationsUnsatisfied", Int64Codec.self, evaluationsUnsatisfied)
        j.singular("proposalsClosed", Int64Codec.self, proposalsClosed)
        j.singular("proposalsRehandled", Int64Codec.self, proposalsRehandled)
        j.singular("keyProposals", Int64Codec.self, keyProposals)
        j.singular("proposalsClosedOfRegistered", Int64Codec.self, proposalsClosedOfRegistered)
        j.singular("latestRoundSatisfied", Int64Codec.self, latestRoundSatisfied)
        j.singular("latestRoundBasicallySatisfied", Int64Codec.self, latestRoundBasicallySatisfied)
        j.singular("latestRoundUnsatisfied", Int64Codec.self, latestRoundUnsatisfied)
        j.map("opinionsByChannel", StringCodec.self, Int64Codec.self, opinionsByChannel)
        j.singular("opinionsReceived", Int64Codec.self, opinionsReceived)
        j.singular("opinionsAdopted", Int64Codec.self, opinionsAdopted)
        j.map("opinionsAdoptedHigher", StringCodec.self, Int64Codec.self, opinionsAdoptedHigher)
        j.singular("opinionsInstructed", Int64Codec.self, opinionsInstructed)
        j.singular("opinionsForwarded", Int64Codec.self, opinionsForwarded)
        j.map("proposalsByChannel", StringCodec.self, Int64Codec.self, proposalsByChannel)
        j.singular("proposalsInstructed", Int64Codec.self, proposalsInstructed)
        j.singular("keyProposalsSupervised", Int64Codec.self, keyProposalsSupervised)
        j.singular("keyProposalsClosedOfMarked", Int64Codec.self, keyProposalsClosedOfMarked)
        j.singular("keyProposalsImplementedOfMarked", Int64Codec.self, keyProposalsImplementedOfMarked)
        j.singular("consultations", Int64Codec.self, consultations)
        j.singular("consultationParticipants", Int64Codec.self, consultationParticipants)
        j.singular("researchVisits", Int64Codec.self, researchVisits)
        j.singular("inspections", Int64Codec.self, inspections)
        j.singular("appraisals", Int64Codec.self, appraisals)
        j.singular("trainings", Int64Codec.self, trainings)
        j.singular("welfareActivities", Int64Codec.self, welfareActivities)
        j.singular("activityParticipants", Int64Codec.self, activityParticipants)
        j.map("consultationsByForm", StringCodec.self, Int64Codec.self, consultationsByForm)
        j.singular("suggestionsMade", Int64Codec.self, suggestionsMade)
        j.singular("suggestionsAdopted", Int64Codec.self, suggestionsAdopted)
        j.singular("suggestionsClosed", Int64Codec.self, suggestionsClosed)
        j.singular("planItemsAssigned", Int64Codec.self, planItemsAssigned)
        j.singular("planItemsDone", Int64Codec.self, planItemsDone)
        j.singular("planItemsOverdue", Int64Codec.self, planItemsOverdue)
        j.singular("topicsProposed", Int64Codec.self, topicsProposed)
        j.singular("topicsAdopted", Int64Codec.self, topicsAdopted)
        j.singular("topicsMerged", Int64Codec.self, topicsMerged)
        j.singular("topicsNotAdopted", Int64Codec.self, topicsNotAdopted)
        j.singular("members", Int64Codec.self, members)
        j.singular("membersBelowThreshold", Int64Codec.self, membersBelowThreshold)
        j.singular("bodies", Int64Codec.self, bodies)
        j.singular("researchReports", Int64Codec.self, researchReports)
        j.singular("inspectionReports", Int64Codec.self, inspectionReports)
        j.singular("researchReportsInstructed", Int64Codec.self, researchReportsInstructed)
        j.singular("researchConvertedToProposals", Int64Codec.self, researchConvertedToProposals)
        j.singular("researchConvertedToOpinions", Int64Codec.self, researchConvertedToOpinions)
        j.singular("researchConvertedToAdvice", Int64Codec.self, researchConvertedToAdvice)
        j.singular("opinionsSentProvincial", Int64Codec.self, opinionsSentProvincial)
        j.singular("opinionsSentNational", Int64Codec.self, opinionsSentNational)
        j.singular("opinionsAdoptedProvincial", Int64Codec.self, opinionsAdoptedProvincial)
        j.singular("opinionsAdoptedNational", Int64Codec.self, opinionsAdoptedNational)
        j.singular("opinionsToDepartments", Int64Codec.self, opinionsToDepartments)
        j.singular("opinionsDepartmentAdopted", Int64Codec.self, opinionsDepartmentAdopted)
        j.singular("opinionsDepartmentPartlyAdopted", Int64Codec.self, opinionsDepartmentPartlyAdopted)
        j.singular("opinionsDepartmentForReference", Int64Codec.self, opinionsDepartmentForReference)
        j.singular("opinionsDepartmentNotAdopted", Int64Codec.self, opinionsDepartmentNotAdopted)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "period": period = try JSONRead.message(StatsPeriod.self, value, path: p)
            case "proposalsFiled", "proposals_filed": proposalsFiled = try Int64Codec.readJSON(value, path: p)
            case "proposalsRegistered", "proposals_registered": proposalsRegistered = try Int64Codec.readJSON(value, path: p)
            case "proposalsNotRegistered", "proposals_not_registered": proposalsNotRegistered = try Int64Codec.readJSON(value, path: p)
            case "proposalsMerged", "proposals_merged": proposalsMerged = try Int64Codec.readJSON(value, path: p)
            case "proposalsWithdrawn", "proposals_withdrawn": proposalsWithdrawn = try Int64Codec.readJSON(value, path: p)
            case "proposalsAssigned", "proposals_assigned": proposalsAssigned = try Int64Codec.readJSON(value, path: p)
            case "repliesOnTime", "replies_on_time": repliesOnTime = try Int64Codec.readJSON(value, path: p)
            case "repliesLate", "replies_late": repliesLate = try Int64Codec.readJSON(value, path: p)
            case "repliesByClass", "replies_by_class": repliesByClass = try JSONRead.map(StringCodec.self, Int64Codec.self, value, path: p)
            case "evaluationsSatisfied", "evaluations_satisfied": evaluationsSatisfied = try Int64Codec.readJSON(value, path: p)
            case "evaluationsBasicallySatisfied", "evaluations_basically_satisfied": evaluationsBasicallySatisfied = try Int64Codec.readJSON(value, path: p)
            case "evaluationsUnsatisfied", "evaluations_unsatisfied": evaluationsUnsatisfied = try Int64Codec.readJSON(value, path: p)
            case "proposalsClosed", "proposals_closed": proposalsClosed = try Int64Codec.readJSON(value, path: p)
            case "proposalsRehandled", "proposals_rehandled": proposalsRehandled = try Int64Codec.readJSON(value, path: p)
            case "keyProposals", "key_proposals": keyProposals = try Int64Codec.readJSON(value, path: p)
            case "proposalsClosedOfRegistered", "proposals_closed_of_registered": proposalsClosedOfRegistered = try Int64Codec.readJSON(value, path: p)
            case "latestRoundSatisfied", "latest_round_satisfied": latestRoundSatisfied = try Int64Codec.readJSON(value, path: p)
            case "latestRoundBasicallySatisfied", "latest_round_basically_satisfied": latestRoundBasicallySatisfied = try Int64Codec.readJSON(value, path: p)
            case "latestRoundUnsatisfied", "latest_round_unsatisfied": latestRoundUnsatisfied = try Int64Codec.readJSON(value, path: p)
            case "opinionsByChannel", "opinions_by_channel": opinionsByChannel = try JSONRead.map(StringCodec.self, Int64Codec.self, value, path: p)
            case "opinionsReceived", "opinions_received": opinionsReceived = try Int64Codec.readJSON(value, path: p)
            case "opinionsAdopted", "opinions_adopted": opinionsAdopted = try Int64Codec.readJSON(value, path: p)
            case "opinionsAdoptedHigher", "opinions_adopted_higher": opinionsAdoptedHigher = try JSONRead.map(StringCodec.self, Int64Codec.self, value, path: p)
            case "opinionsInstructed", "opinions_instructed": opinionsInstructed = try Int64Codec.readJSON(value, path: p)
            case "opinionsForwarded", "opinions_forwarded": opinionsForwarded = try Int64Codec.readJSON(value, path: p)
            case "proposalsByChannel", "proposals_by_channel": proposalsByChannel = try JSONRead.map(StringCodec.self, Int64Codec.self, value, path: p)
            case "proposalsInstructed", "proposals_instructed": proposalsInstructed = try Int64Codec.readJSON(value, path: p)
            case "keyProposalsSupervised", "key_proposals_supervised": keyProposalsSupervised = try Int64Codec.readJSON(value, path: p)
            case "keyProposalsClosedOfMarked", "key_proposals_closed_of_marked": keyProposalsClosedOfMarked = try Int64Codec.readJSON(value, path: p)
            case "keyProposalsImplementedOfMarked", "key_proposals_implemented_of_marked": keyProposalsImplementedOfMarked = try Int64Codec.readJSON(value, path: p)
            case "consultations": consultations = try Int64Codec.readJSON(value, path: p)
            case "consultationParticipants", "consultation_participants": consultationParticipants = try Int64Codec.readJSON(value, path: p)
            case "researchVisits", "research_visits": researchVisits = try Int64Codec.readJSON(value, path: p)
            case "inspections": inspections = try Int64Codec.readJSON(value, path: p)
            case "appraisals": appraisals = try Int64Codec.readJSON(value, path: p)
            case "trainings": trainings = try Int64Codec.readJSON(value, path: p)
            case "welfareActivities", "welfare_activities": welfareActivities = try Int64Codec.readJSON(value, path: p)
            case "activityParticipants", "activity_participants": activityParticipants = try Int64Codec.readJSON(value, path: p)
            case "consultationsByForm", "consultations_by_form": consultationsByForm = try JSONRead.map(StringCodec.self, Int64Codec.self, value, path: p)
            case "suggestionsMade", "suggestions_made": suggestionsMade = try Int64Codec.readJSON(value, path: p)
            case "suggestionsAdopted", "suggestions_adopted": suggestionsAdopted = try Int64Codec.readJSON(value, path: p)
            case "suggestionsClosed", "suggestions_closed": suggestionsClosed = try Int64Codec.readJSON(value, path: p)
            case "planItemsAssigned", "plan_items_assigned": planItemsAssigned = try Int64Codec.readJSON(value, path: p)
            case "planItemsDone", "plan_items_done": planItemsDone = try Int64Codec.readJSON(value, path: p)
            case "planItemsOverdue", "plan_items_overdue": planItemsOverdue = try Int64Codec.readJSON(value, path: p)
            case "topicsProposed", "topics_proposed": topicsProposed = try Int64Codec.readJSON(value, path: p)
            case "topicsAdopted", "topics_adopted": topicsAdopted = try Int64Codec.readJSON(value, path: p)
            case "topicsMerged", "topics_merged": topicsMerged = try Int64Codec.readJSON(value, path: p)
            case "topicsNotAdopted", "topics_not_adopted": topicsNotAdopted = try Int64Codec.readJSON(value, path: p)
            case "members": members = try Int64Codec.readJSON(value, path: p)
            case "membersBelowThreshold", "members_below_threshold": membersBelowThreshold = try Int64Codec.readJSON(value, path: p)
            case "bodies": bodies = try Int64Codec.readJSON(value, path: p)
            case "researchReports", "research_reports": researchReports = try Int64Codec.readJSON(value, path: p)
            case "inspectionReports", "inspection_reports": inspectionReports = try Int64Codec.readJSON(value, path: p)
            case "researchReportsInstructed", "research_reports_instructed": researchReportsInstructed = try Int64Codec.readJSON(value, path: p)
            case "researchConvertedToProposals", "research_converted_to_proposals": researchConvertedToProposals = try Int64Codec.readJSON(value, path: p)
            case "researchConvertedToOpinions", "research_converted_to_opinions": researchConvertedToOpinions = try Int64Codec.readJSON(value, path: p)
            case "researchConvertedToAdvice", "research_converted_to_advice": researchConvertedToAdvice = try Int64Codec.readJSON(value, path: p)
            case "opinionsSentProvincial", "opinions_sent_provincial": opinionsSentProvincial = try Int64Codec.readJSON(value, path: p)
            case "opinionsSentNational", "opinions_sent_national": opinionsSentNational = try Int64Codec.readJSON(value, path: p)
            case "opinionsAdoptedProvincial", "opinions_adopted_provincial": opinionsAdoptedProvincial = try Int64Codec.readJSON(value, path: p)
            case "opinionsAdoptedNational", "opinions_adopted_national": opinionsAdoptedNational = try Int64Codec.readJSON(value, path: p)
            case "opinionsToDepartments", "opinions_to_departments": opinionsToDepartments = try Int64Codec.readJSON(value, path: p)
            case "opinionsDepartmentAdopted", "opinions_department_adopted": opinionsDepartmentAdopted = try Int64Codec.readJSON(value, path: p)
            case "opinionsDepartmentPartlyAdopted", "opinions_department_partly_adopted": opinionsDepartmentPartlyAdopted = try Int64Codec.readJSON(value, path: p)
            case "opinionsDepartmentForReference", "opinions_department_for_reference": opinionsDepartmentForReference = try Int64Codec.readJSON(value, path: p)
            case "opinionsDepartmentNotAdopted", "opinions_department_not_adopted": opinionsDepartmentNotAdopted = try Int64Codec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}
