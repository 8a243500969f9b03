// DO NOT EDIT — generated from Protos/xieshang/v1/plans.proto by xieshang-protogen.
// Change the .proto file and run `make generate`; a test fails when this file drifts from Protos/.

/// Where a plan item is.
public enum ItemStage: ProtoEnum {
    /// Not set; refused.
    case unspecified
    /// Assigned to the responsible bodies 已交办.
    case assigned
    /// Being prepared (research, drafting) 筹备中.
    case preparing
    /// The consultation was held 已召开.
    case held
    /// Results reported 成果已报送.
    case resultsReported
    /// Feedback received from the party committee / government 已反馈.
    case feedbackReceived
    /// Being tracked 跟踪落实.
    case tracked
    /// A value this schema does not name (sent by a newer schema); kept as its number.
    case unrecognized(Int32)

    public static let protoName = "xieshang.v1.ItemStage"
    public static let allKnownValues: [ItemStage] = [.unspecified, .assigned, .preparing, .held, .resultsReported, .feedbackReceived, .tracked]

    public init(protoValue: Int32) {
        switch protoValue {
        case 0: self = .unspecified
        case 1: self = .assigned
        case 2: self = .preparing
        case 3: self = .held
        case 4: self = .resultsReported
        case 5: self = .feedbackReceived
        case 6: self = .tracked
        default: self = .unrecognized(protoValue)
        }
    }

    public var protoValue: Int32 {
        switch self {
        case .unspecified: 0
        case .assigned: 1
        case .preparing: 2
        case .held: 3
        case .resultsReported: 4
        case .feedbackReceived: 5
        case .tracked: 6
        case .unrecognized(let value): value
        }
    }

    public var protoValueName: String? {
        switch self {
        case .unspecified: "ITEM_STAGE_UNSPECIFIED"
        case .assigned: "ITEM_STAGE_ASSIGNED"
        case .preparing: "ITEM_STAGE_PREPARING"
        case .held: "ITEM_STAGE_HELD"
        case .resultsReported: "ITEM_STAGE_RESULTS_REPORTED"
        case .feedbackReceived: "ITEM_STAGE_FEEDBACK_RECEIVED"
        case .tracked: "ITEM_STAGE_TRACKED"
        case .unrecognized: nil
        }
    }

    public init?(protoValueName: String) {
        switch protoValueName {
        case "ITEM_STAGE_UNSPECIFIED": self = .unspecified
        case "ITEM_STAGE_ASSIGNED": self = .assigned
        case "ITEM_STAGE_PREPARING": self = .preparing
        case "ITEM_STAGE_HELD": self = .held
        case "ITEM_STAGE_RESULTS_REPORTED": self = .resultsReported
        case "ITEM_STAGE_FEEDBACK_RECEIVED": self = .feedbackReceived
        case "ITEM_STAGE_TRACKED": self = .tracked
        default: return nil
        }
    }
}

/// Where a topic received by the issuer comes from (topics of lower bodies are TopicProposed).
public enum TopicSource: ProtoEnum {
    /// Not set; refused.
    case unspecified
    /// A government department 部门.
    case department
    /// The public 社会公众.
    case `public`
    /// A member 委员 or a sector group 界别.
    case member
    /// A value this schema does not name (sent by a newer schema); kept as its number.
    case unrecognized(Int32)

    public static let protoName = "xieshang.v1.TopicSource"
    public static let allKnownValues: [TopicSource] = [.unspecified, .department, .`public`, .member]

    public init(protoValue: Int32) {
        switch protoValue {
        case 0: self = .unspecified
        case 1: self = .department
        case 2: self = .`public`
        case 3: self = .member
        default: self = .unrecognized(protoValue)
        }
    }

    public var protoValue: Int32 {
        switch self {
        case .unspecified: 0
        case .department: 1
        case .`public`: 2
        case .member: 3
        case .unrecognized(let value): value
        }
    }

    public var protoValueName: String? {
        switch self {
        case .unspecified: "TOPIC_SOURCE_UNSPECIFIED"
        case .department: "TOPIC_SOURCE_DEPARTMENT"
        case .`public`: "TOPIC_SOURCE_PUBLIC"
        case .member: "TOPIC_SOURCE_MEMBER"
        case .unrecognized: nil
        }
    }

    public init?(protoValueName: String) {
        switch protoValueName {
        case "TOPIC_SOURCE_UNSPECIFIED": self = .unspecified
        case "TOPIC_SOURCE_DEPARTMENT": self = .department
        case "TOPIC_SOURCE_PUBLIC": self = .`public`
        case "TOPIC_SOURCE_MEMBER": self = .member
        default: return nil
        }
    }
}

/// One item of a plan.
public struct PlanItem: ProtoMessage {
    public static let protoName = "xieshang.v1.PlanItem"

    /// Item id, unique within the plan (e.g. "3-07").
    public var itemId: String = ""
    /// Category 类别 (贵阳: "5类51项").
    public var category: String = ""
    /// Topic 议题.
    public var topic: String = ""
    /// Consultation form name (e.g. "专题协商").
    public var form: String = ""
    /// Lead leader 牵头领导.
    public var leadLeader: String = ""
    /// Responsible department 责任部门.
    public var department: String = ""
    /// Responsible person 责任人.
    public var person: String = ""
    /// Deadline 完成时限, "YYYY-MM-DD".
    public var deadline: String = ""
    /// Node ids of the assignee bodies.
    public var assignees: [String] = []
    /// For a sub-item made by decomposition: the parent item id (in the parent plan).
    public var parentItemId: String = ""
    /// For a sub-item: the plan id of the parent item.
    public var parentPlanId: String = ""
    /// For a sub-item: node id of the body that issued the parent item.
    public var parentIssuer: String = ""
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        itemId: String = "",
        category: String = "",
        topic: String = "",
        form: String = "",
        leadLeader: String = "",
        department: String = "",
        person: String = "",
        deadline: String = "",
        assignees: [String] = [],
        parentItemId: String = "",
        parentPlanId: String = "",
        parentIssuer: String = ""
    ) {
        self.itemId = itemId
        self.category = category
        self.topic = topic
        self.form = form
        self.leadLeader = leadLeader
        self.department = department
        self.person = person
        self.deadline = deadline
        self.assignees = assignees
        self.parentItemId = parentItemId
        self.parentPlanId = parentPlanId
        self.parentIssuer = parentIssuer
    }
}

extension PlanItem {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "item_id", jsonName: "itemId", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "category", jsonName: "category", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "topic", jsonName: "topic", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "form", jsonName: "form", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 5, name: "lead_leader", jsonName: "leadLeader", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 6, name: "department", jsonName: "department", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 7, name: "person", jsonName: "person", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 8, name: "deadline", jsonName: "deadline", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 9, name: "assignees", jsonName: "assignees", type: .string, label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 10, name: "parent_item_id", jsonName: "parentItemId", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 11, name: "parent_plan_id", jsonName: "parentPlanId", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 12, name: "parent_issuer", jsonName: "parentIssuer", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, itemId, field: 1)
        n += WireSize.singular(StringCodec.self, category, field: 2)
        n += WireSize.singular(StringCodec.self, topic, field: 3)
        n += WireSize.singular(StringCodec.self, form, field: 4)
        n += WireSize.singular(StringCodec.self, leadLeader, field: 5)
        n += WireSize.singular(StringCodec.self, department, field: 6)
        n += WireSize.singular(StringCodec.self, person, field: 7)
        n += WireSize.singular(StringCodec.self, deadline, field: 8)
        n += WireSize.repeated(StringCodec.self, assignees, field: 9)
        n += WireSize.singular(StringCodec.self, parentItemId, field: 10)
        n += WireSize.singular(StringCodec.self, parentPlanId, field: 11)
        n += WireSize.singular(StringCodec.self, parentIssuer, field: 12)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, itemId, field: 1)
        w.singular(StringCodec.self, category, field: 2)
        w.singular(StringCodec.self, topic, field: 3)
        w.singular(StringCodec.self, form, field: 4)
        w.singular(StringCodec.self, leadLeader, field: 5)
        w.singular(StringCodec.self, department, field: 6)
        w.singular(StringCodec.self, person, field: 7)
        w.singular(StringCodec.self, deadline, field: 8)
        w.repeated(StringCodec.self, assignees, field: 9)
        w.singular(StringCodec.self, parentItemId, field: 10)
        w.singular(StringCodec.self, parentPlanId, field: 11)
        w.singular(StringCodec.self, parentIssuer, field: 12)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): itemId = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): category = try StringCodec.read(from: &r)
            case (3, .lengthDelimited): topic = try StringCodec.read(from: &r)
            case (4, .lengthDelimited): form = try StringCodec.read(from: &r)
            case (5, .lengthDelimited): leadLeader = try StringCodec.read(from: &r)
            case (6, .lengthDelimited): department = try StringCodec.read(from: &r)
            case (7, .lengthDelimited): person = try StringCodec.read(from: &r)
            case (8, .lengthDelimited): deadline = try StringCodec.read(from: &r)
            case (9, _): try r.readRepeated(StringCodec.self, tag, into: &assignees, unknown: &unknownFields)
            case (10, .lengthDelimited): parentItemId = try StringCodec.read(from: &r)
            case (11, .lengthDelimited): parentPlanId = try StringCodec.read(from: &r)
            case (12, .lengthDelimited): parentIssuer = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("itemId", StringCodec.self, itemId)
        j.singular("category", StringCodec.self, category)
        j.singular("topic", StringCodec.self, topic)
        j.singular("form", StringCodec.self, form)
        j.singular("leadLeader", StringCodec.self, leadLeader)
        j.singular("department", StringCodec.self, department)
        j.singular("person", StringCodec.self, person)
        j.singular("deadline", StringCodec.self, deadline)
        j.repeated("assignees", StringCodec.self, assignees)
        j.singular("parentItemId", StringCodec.self, parentItemId)
        j.singular("parentPlanId", StringCodec.self, parentPlanId)
        j.singular("parentIssuer", StringCodec.self, parentIssuer)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "itemId", "item_id": itemId = try StringCodec.readJSON(value, path: p)
            case "category": category = try StringCodec.readJSON(value, path: p)
            case "topic": topic = try StringCodec.readJSON(value, path: p)
            case "form": form = try StringCodec.readJSON(value, path: p)
            case "leadLeader", "lead_leader": leadLeader = try StringCodec.readJSON(value, path: p)
            case "department": department = try StringCodec.readJSON(value, path: p)
            case "person": person = try StringCodec.readJSON(value, path: p)
            case "deadline": deadline = try StringCodec.readJSON(value, path: p)
            case "assignees": assignees = try JSONRead.repeated(StringCodec.self, value, path: p)
            case "parentItemId", "parent_item_id": parentItemId = try StringCodec.readJSON(value, path: p)
            case "parentPlanId", "parent_plan_id": parentPlanId = try StringCodec.readJSON(value, path: p)
            case "parentIssuer", "parent_issuer": parentIssuer = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// One step of a plan's life.
public struct PlanEvent: ProtoMessage {
    public static let protoName = "xieshang.v1.PlanEvent"

    /// Plan id, unique within the issuing body (e.g. "2026").
    public var planId: String = ""
    /// Node id of the body that owns the plan (the issuer; a county for its decomposed sub-items).
    public var issuer: String = ""
    /// Day of the step, "YYYY-MM-DD".
    public var on: String = ""
    /// The step.
    public var step: Step? = nil
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// The step.
    public enum Step: Sendable, Hashable {
        /// 征集议题 — topics solicited from lower bodies.
        case topicsSolicited(PlanEvent.TopicsSolicited)
        /// A lower body proposes a topic.
        case topicProposed(PlanEvent.TopicProposed)
        /// The issuer picks a proposed topic for the plan.
        case topicPicked(PlanEvent.TopicPicked)
        /// 草案 — the plan is drafted.
        case drafted(PlanEvent.Drafted)
        /// An item added to the draft.
        case itemAdded(PlanItem)
        /// 主席会议审议 — reviewed by the chairs' meeting.
        case reviewed(PlanEvent.Approval)
        /// 党委常委会审定 — approved by the party committee's standing committee.
        case approved(PlanEvent.Approval)
        /// 印发 — issued to the subtree.
        case issued(PlanEvent.Issued)
        /// A county decomposes an item it received into sub-items for its townships.
        case decomposed(PlanEvent.Decomposed)
        /// An assignee reports an item's stage (flows back up to the issuer).
        case stageReported(PlanEvent.StageReported)
        /// 议题征集 beyond the subtree: a topic from a department or the public, entered by the issuer's office.
        case topicReceived(PlanEvent.TopicReceived)
        /// The issuer's decision on a proposed topic it does not take into the plan: merged 合并 or not adopted 不予采纳.
        case topicDecided(PlanEvent.TopicDecided)
        /// 分解上报: the decomposition, as the county recorded it, reported up to the issuer of the received item (and every
        /// body between), so the issuer's board follows each sub-item's assignees; recorded with every `decomposed`, never
        /// on its own. It is the county's own record at the bodies above (kept for drill-down), never a step of theirs.
        case decompositionReported(PlanEvent.Decomposed)
    }

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        planId: String = "",
        issuer: String = "",
        on: String = "",
        step: Step? = nil
    ) {
        self.planId = planId
        self.issuer = issuer
        self.on = on
        self.step = step
    }
}

extension PlanEvent {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "plan_id", jsonName: "planId", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "issuer", jsonName: "issuer", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "on", jsonName: "on", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 10, name: "topics_solicited", jsonName: "topicsSolicited", type: .message("xieshang.v1.PlanEvent.TopicsSolicited"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 11, name: "topic_proposed", jsonName: "topicProposed", type: .message("xieshang.v1.PlanEvent.TopicProposed"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 12, name: "topic_picked", jsonName: "topicPicked", type: .message("xieshang.v1.PlanEvent.TopicPicked"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 13, name: "drafted", jsonName: "drafted", type: .message("xieshang.v1.PlanEvent.Drafted"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 14, name: "item_added", jsonName: "itemAdded", type: .message("xieshang.v1.PlanItem"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 15, name: "reviewed", jsonName: "reviewed", type: .message("xieshang.v1.PlanEvent.Approval"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 16, name: "approved", jsonName: "approved", type: .message("xieshang.v1.PlanEvent.Approval"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 17, name: "issued", jsonName: "issued", type: .message("xieshang.v1.PlanEvent.Issued"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 18, name: "decomposed", jsonName: "decomposed", type: .message("xieshang.v1.PlanEvent.Decomposed"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 19, name: "stage_reported", jsonName: "stageReported", type: .message("xieshang.v1.PlanEvent.StageReported"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 20, name: "topic_received", jsonName: "topicReceived", type: .message("xieshang.v1.PlanEvent.TopicReceived"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 21, name: "topic_decided", jsonName: "topicDecided", type: .message("xieshang.v1.PlanEvent.TopicDecided"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 22, name: "decomposition_reported", jsonName: "decompositionReported", type: .message("xieshang.v1.PlanEvent.Decomposed"), label: .singular, oneof: "step"),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, planId, field: 1)
        n += WireSize.singular(StringCodec.self, issuer, field: 2)
        n += WireSize.singular(StringCodec.self, on, field: 3)
        if case .topicsSolicited(let v)? = step { n += WireSize.message(v, field: 10) }
        if case .topicProposed(let v)? = step { n += WireSize.message(v, field: 11) }
        if case .topicPicked(let v)? = step { n += WireSize.message(v, field: 12) }
        if case .drafted(let v)? = step { n += WireSize.message(v, field: 13) }
        if case .itemAdded(let v)? = step { n += WireSize.message(v, field: 14) }
        if case .reviewed(let v)? = step { n += WireSize.message(v, field: 15) }
        if case .approved(let v)? = step { n += WireSize.message(v, field: 16) }
        if case .issued(let v)? = step { n += WireSize.message(v, field: 17) }
        if case .decomposed(let v)? = step { n += WireSize.message(v, field: 18) }
        if case .stageReported(let v)? = step { n += WireSize.message(v, field: 19) }
        if case .topicReceived(let v)? = step { n += WireSize.message(v, field: 20) }
        if case .topicDecided(let v)? = step { n += WireSize.message(v, field: 21) }
        if case .decompositionReported(let v)? = step { n += WireSize.message(v, field: 22) }
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, planId, field: 1)
        w.singular(StringCodec.self, issuer, field: 2)
        w.singular(StringCodec.self, on, field: 3)
        if case .topicsSolicited(let v)? = step { w.message(v, field: 10) }
        if case .topicProposed(let v)? = step { w.message(v, field: 11) }
        if case .topicPicked(let v)? = step { w.message(v, field: 12) }
        if case .drafted(let v)? = step { w.message(v, field: 13) }
        if case .itemAdded(let v)? = step { w.message(v, field: 14) }
        if case .reviewed(let v)? = step { w.message(v, field: 15) }
        if case .approved(let v)? = step { w.message(v, field: 16) }
        if case .issued(let v)? = step { w.message(v, field: 17) }
        if case .decomposed(let v)? = step { w.message(v, field: 18) }
        if case .stageReported(let v)? = step { w.message(v, field: 19) }
        if case .topicReceived(let v)? = step { w.message(v, field: 20) }
        if case .topicDecided(let v)? = step { w.message(v, field: 21) }
        if case .decompositionReported(let v)? = step { w.message(v, field: 22) }
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): planId = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): issuer = try StringCodec.read(from: &r)
            case (3, .lengthDelimited): on = try StringCodec.read(from: &r)
            case (10, .lengthDelimited):
                var v = PlanEvent.TopicsSolicited()
                if case .topicsSolicited(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .topicsSolicited(v)
            case (11, .lengthDelimited):
                var v = PlanEvent.TopicProposed()
                if case .topicProposed(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .topicProposed(v)
            case (12, .lengthDelimited):
                var v = PlanEvent.TopicPicked()
                if case .topicPicked(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .topicPicked(v)
            case (13, .lengthDelimited):
                var v = PlanEvent.Drafted()
                if case .drafted(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .drafted(v)
            case (14, .lengthDelimited):
                var v = PlanItem()
                if case .itemAdded(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .itemAdded(v)
            case (15, .lengthDelimited):
                var v = PlanEvent.Approval()
                if case .reviewed(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .reviewed(v)
            case (16, .lengthDelimited):
                var v = PlanEvent.Approval()
                if case .approved(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .approved(v)
            case (17, .lengthDelimited):
                var v = PlanEvent.Issued()
                if case .issued(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .issued(v)
            case (18, .lengthDelimited):
                var v = PlanEvent.Decomposed()
                if case .decomposed(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .decomposed(v)
            case (19, .lengthDelimited):
                var v = PlanEvent.StageReported()
                if case .stageReported(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .stageReported(v)
            case (20, .lengthDelimited):
                var v = PlanEvent.TopicReceived()
                if case .topicReceived(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .topicReceived(v)
            case (21, .lengthDelimited):
                var v = PlanEvent.TopicDecided()
                if case .topicDecided(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .topicDecided(v)
            case (22, .lengthDelimited):
                var v = PlanEvent.Decomposed()
                if case .decompositionReported(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .decompositionReported(v)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("planId", StringCodec.self, planId)
        j.singular("issuer", StringCodec.self, issuer)
        j.singular("on", StringCodec.self, on)
        if case .topicsSolicited(let v)? = step { j.message("topicsSolicited", v) }
        if case .topicProposed(let v)? = step { j.message("topicProposed", v) }
        if case .topicPicked(let v)? = step { j.message("topicPicked", v) }
        if case .drafted(let v)? = step { j.message("drafted", v) }
        if case .itemAdded(let v)? = step { j.message("itemAdded", v) }
        if case .reviewed(let v)? = step { j.message("reviewed", v) }
        if case .approved(let v)? = step { j.message("approved", v) }
        if case .issued(let v)? = step { j.message("issued", v) }
        if case .decomposed(let v)? = step { j.message("decomposed", v) }
        if case .stageReported(let v)? = step { j.message("stageReported", v) }
        if case .topicReceived(let v)? = step { j.message("topicReceived", v) }
        if case .topicDecided(let v)? = step { j.message("topicDecided", v) }
        if case .decompositionReported(let v)? = step { j.message("decompositionReported", v) }
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "planId", "plan_id": planId = try StringCodec.readJSON(value, path: p)
            case "issuer": issuer = try StringCodec.readJSON(value, path: p)
            case "on": on = try StringCodec.readJSON(value, path: p)
            case "topicsSolicited", "topics_solicited": step = .topicsSolicited(try JSONRead.message(PlanEvent.TopicsSolicited.self, value, path: p))
            case "topicProposed", "topic_proposed": step = .topicProposed(try JSONRead.message(PlanEvent.TopicProposed.self, value, path: p))
            case "topicPicked", "topic_picked": step = .topicPicked(try JSONRead.message(PlanEvent.TopicPicked.self, value, path: p))
            case "drafted": step = .drafted(try JSONRead.message(PlanEvent.Drafted.self, value, path: p))
            case "itemAdded", "item_added": step = .itemAdded(try JSONRead.message(PlanItem.self, value, path: p))
            case "reviewed": step = .reviewed(try JSONRead.message(PlanEvent.Approval.self, value, path: p))
            case "approved": step = .approved(try JSONRead.message(PlanEvent.Approval.self, value, path: p))
            case "issued": step = .issued(try JSONRead.message(PlanEvent.Issued.self, value, path: p))
            case "decomposed": step = .decomposed(try JSONRead.message(PlanEvent.Decomposed.self, value, path: p))
            case "stageReported", "stage_reported": step = .stageReported(try JSONRead.message(PlanEvent.StageReported.self, value, path: p))
            case "topicReceived", "topic_received": step = .topicReceived(try JSONRead.message(PlanEvent.TopicReceived.self, value, path: p))
            case "topicDecided", "topic_decided": step = .topicDecided(try JSONRead.message(PlanEvent.TopicDecided.self, value, path: p))
            case "decompositionReported", "decomposition_reported": step = .decompositionReported(try JSONRead.message(PlanEvent.Decomposed.self, value, path: p))
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension PlanEvent {
    /// A topic received by the issuer from outside its subtree.
    public struct TopicReceived: ProtoMessage {
        public static let protoName = "xieshang.v1.PlanEvent.TopicReceived"

        /// Id of the topic, unique within the plan.
        public var topicId: String = ""
        /// Who proposed it.
        public var source: TopicSource = .unspecified
        /// The department's, person's or member's name.
        public var proposer: String = ""
        /// The topic.
        public var topic: String = ""
        /// Why it matters.
        public var reason: String = ""
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            topicId: String = "",
            source: TopicSource = .unspecified,
            proposer: String = "",
            topic: String = "",
            reason: String = ""
        ) {
            self.topicId = topicId
            self.source = source
            self.proposer = proposer
            self.topic = topic
            self.reason = reason
        }
    }
}

extension PlanEvent.TopicReceived {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "topic_id", jsonName: "topicId", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "source", jsonName: "source", type: .enumeration("xieshang.v1.TopicSource"), label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "proposer", jsonName: "proposer", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "topic", jsonName: "topic", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 5, name: "reason", jsonName: "reason", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, topicId, field: 1)
        n += WireSize.singular(EnumCodec<TopicSource>.self, source, field: 2)
        n += WireSize.singular(StringCodec.self, proposer, field: 3)
        n += WireSize.singular(StringCodec.self, topic, field: 4)
        n += WireSize.singular(StringCodec.self, reason, field: 5)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, topicId, field: 1)
        w.singular(EnumCodec<TopicSource>.self, source, field: 2)
        w.singular(StringCodec.self, proposer, field: 3)
        w.singular(StringCodec.self, topic, field: 4)
        w.singular(StringCodec.self, reason, field: 5)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): topicId = try StringCodec.read(from: &r)
            case (2, .varint): source = try EnumCodec<TopicSource>.read(from: &r)
            case (3, .lengthDelimited): proposer = try StringCodec.read(from: &r)
            case (4, .lengthDelimited): topic = try StringCodec.read(from: &r)
            case (5, .lengthDelimited): reason = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("topicId", StringCodec.self, topicId)
        j.singular("source", EnumCodec<TopicSource>.self, source)
        j.singular("proposer", StringCodec.self, proposer)
        j.singular("topic", StringCodec.self, topic)
        j.singular("reason", StringCodec.self, reason)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "topicId", "topic_id": topicId = try StringCodec.readJSON(value, path: p)
            case "source": source = try EnumCodec<TopicSource>.readJSON(value, path: p)
            case "proposer": proposer = try StringCodec.readJSON(value, path: p)
            case "topic": topic = try StringCodec.readJSON(value, path: p)
            case "reason": reason = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension PlanEvent {
    /// The issuer's decision on a topic: exactly one of the two fields is set.
    public struct TopicDecided: ProtoMessage {
        public static let protoName = "xieshang.v1.PlanEvent.TopicDecided"

        /// Id of the topic.
        public var topicId: String = ""
        /// Merged into this other topic of the plan.
        public var mergedInto: String = ""
        /// Not adopted, for this reason.
        public var notAdoptedReason: String = ""
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            topicId: String = "",
            mergedInto: String = "",
            notAdoptedReason: String = ""
        ) {
            self.topicId = topicId
            self.mergedInto = mergedInto
            self.notAdoptedReason = notAdoptedReason
        }
    }
}

extension PlanEvent.TopicDecided {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "topic_id", jsonName: "topicId", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "merged_into", jsonName: "mergedInto", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "not_adopted_reason", jsonName: "notAdoptedReason", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, topicId, field: 1)
        n += WireSize.singular(StringCodec.self, mergedInto, field: 2)
        n += WireSize.singular(StringCodec.self, notAdoptedReason, field: 3)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, topicId, field: 1)
        w.singular(StringCodec.self, mergedInto, field: 2)
        w.singular(StringCodec.self, notAdoptedReason, field: 3)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): topicId = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): mergedInto = try StringCodec.read(from: &r)
            case (3, .lengthDelimited): notAdoptedReason = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("topicId", StringCodec.self, topicId)
        j.singular("mergedInto", StringCodec.self, mergedInto)
        j.singular("notAdoptedReason", StringCodec.self, notAdoptedReason)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "topicId", "topic_id": topicId = try StringCodec.readJSON(value, path: p)
            case "mergedInto", "merged_into": mergedInto = try StringCodec.readJSON(value, path: p)
            case "notAdoptedReason", "not_adopted_reason": notAdoptedReason = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension PlanEvent {
    /// Topics are solicited.
    public struct TopicsSolicited: ProtoMessage {
        public static let protoName = "xieshang.v1.PlanEvent.TopicsSolicited"

        /// Last day to propose, "YYYY-MM-DD".
        public var deadline: String = ""
        /// Node ids asked; empty means every body below.
        public var bodies: [String] = []
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            deadline: String = "",
            bodies: [String] = []
        ) {
            self.deadline = deadline
            self.bodies = bodies
        }
    }
}

extension PlanEvent.TopicsSolicited {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "deadline", jsonName: "deadline", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "bodies", jsonName: "bodies", type: .string, label: .repeated, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, deadline, field: 1)
        n += WireSize.repeated(StringCodec.self, bodies, field: 2)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, deadline, field: 1)
        w.repeated(StringCodec.self, bodies, field: 2)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): deadline = try StringCodec.read(from: &r)
            case (2, _): try r.readRepeated(StringCodec.self, tag, into: &bodies, unknown: &unknownFields)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("deadline", StringCodec.self, deadline)
        j.repeated("bodies", StringCodec.self, bodies)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "deadline": deadline = try StringCodec.readJSON(value, path: p)
            case "bodies": bodies = try JSONRead.repeated(StringCodec.self, value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension PlanEvent {
    /// A topic proposed from below.
    public struct TopicProposed: ProtoMessage {
        public static let protoName = "xieshang.v1.PlanEvent.TopicProposed"

        /// Id of the proposed topic, unique within the plan.
        public var topicId: String = ""
        /// Node id of the proposing body.
        public var byBody: String = ""
        /// The topic.
        public var topic: String = ""
        /// Why it matters.
        public var reason: String = ""
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            topicId: String = "",
            byBody: String = "",
            topic: String = "",
            reason: String = ""
        ) {
            self.topicId = topicId
            self.byBody = byBody
            self.topic = topic
            self.reason = reason
        }
    }
}

extension PlanEvent.TopicProposed {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "topic_id", jsonName: "topicId", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "by_body", jsonName: "byBody", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "topic", jsonName: "topic", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "reason", jsonName: "reason", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, topicId, field: 1)
        n += WireSize.singular(StringCodec.self, byBody, field: 2)
        n += WireSize.singular(StringCodec.self, topic, field: 3)
        n += WireSize.singular(StringCodec.self, reason, field: 4)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, topicId, field: 1)
        w.singular(StringCodec.self, byBody, field: 2)
        w.singular(StringCodec.self, topic, field: 3)
        w.singular(StringCodec.self, reason, field: 4)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): topicId = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): byBody = try StringCodec.read(from: &r)
            case (3, .lengthDelimited): topic = try StringCodec.read(from: &r)
            case (4, .lengthDelimited): reason = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("topicId", StringCodec.self, topicId)
        j.singular("byBody", StringCodec.self, byBody)
        j.singular("topic", StringCodec.self, topic)
        j.singular("reason", StringCodec.self, reason)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "topicId", "topic_id": topicId = try StringCodec.readJSON(value, path: p)
            case "byBody", "by_body": byBody = try StringCodec.readJSON(value, path: p)
            case "topic": topic = try StringCodec.readJSON(value, path: p)
            case "reason": reason = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension PlanEvent {
    /// The issuer picks a topic.
    public struct TopicPicked: ProtoMessage {
        public static let protoName = "xieshang.v1.PlanEvent.TopicPicked"

        /// Id of the proposed topic.
        public var topicId: String = ""
        /// The item it becomes.
        public var itemId: String = ""
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            topicId: String = "",
            itemId: String = ""
        ) {
            self.topicId = topicId
            self.itemId = itemId
        }
    }
}

extension PlanEvent.TopicPicked {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "topic_id", jsonName: "topicId", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "item_id", jsonName: "itemId", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, topicId, field: 1)
        n += WireSize.singular(StringCodec.self, itemId, field: 2)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, topicId, field: 1)
        w.singular(StringCodec.self, itemId, field: 2)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): topicId = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): itemId = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("topicId", StringCodec.self, topicId)
        j.singular("itemId", StringCodec.self, itemId)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "topicId", "topic_id": topicId = try StringCodec.readJSON(value, path: p)
            case "itemId", "item_id": itemId = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension PlanEvent {
    /// The plan is drafted.
    public struct Drafted: ProtoMessage {
        public static let protoName = "xieshang.v1.PlanEvent.Drafted"

        /// Year the plan covers.
        public var year: Int32 = 0
        /// Title (e.g. "2026年度政治协商计划").
        public var title: String = ""
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            year: Int32 = 0,
            title: String = ""
        ) {
            self.year = year
            self.title = title
        }
    }
}

extension PlanEvent.Drafted {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "year", jsonName: "year", type: .int32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "title", jsonName: "title", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(Int32Codec.self, year, field: 1)
        n += WireSize.singular(StringCodec.self, title, field: 2)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(Int32Codec.self, year, field: 1)
        w.singular(StringCodec.self, title, field: 2)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .varint): year = try Int32Codec.read(from: &r)
            case (2, .lengthDelimited): title = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("year", Int32Codec.self, year)
        j.singular("title", StringCodec.self, title)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "year": year = try Int32Codec.readJSON(value, path: p)
            case "title": title = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension PlanEvent {
    /// A review or an approval.
    public struct Approval: ProtoMessage {
        public static let protoName = "xieshang.v1.PlanEvent.Approval"

        /// Meeting that reviewed or approved it (e.g. "主席会议 2026-02-10").
        public var meeting: String = ""
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            meeting: String = ""
        ) {
            self.meeting = meeting
        }
    }
}

extension PlanEvent.Approval {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "meeting", jsonName: "meeting", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, meeting, field: 1)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, meeting, field: 1)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): meeting = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("meeting", StringCodec.self, meeting)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "meeting": meeting = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension PlanEvent {
    /// The plan is issued.
    public struct Issued: ProtoMessage {
        public static let protoName = "xieshang.v1.PlanEvent.Issued"

        /// Document number 文号 (e.g. "铜政发〔2026〕3号").
        public var document: String = ""
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            document: String = ""
        ) {
            self.document = document
        }
    }
}

extension PlanEvent.Issued {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "document", jsonName: "document", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, document, field: 1)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, document, field: 1)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): document = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("document", StringCodec.self, document)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "document": document = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension PlanEvent {
    /// An item decomposed into sub-items.
    public struct Decomposed: ProtoMessage {
        public static let protoName = "xieshang.v1.PlanEvent.Decomposed"

        /// Id of the received item (in plan `parent_plan_id` of the issuer `parent_issuer`).
        public var itemId: String = ""
        /// Node id of the body that issued the received item.
        public var parentIssuer: String = ""
        /// The sub-items (their parent_* fields name the received item).
        public var subItems: [PlanItem] = []
        /// Plan id of the received item at `parent_issuer`.
        public var parentPlanId: String = ""
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            itemId: String = "",
            parentIssuer: String = "",
            subItems: [PlanItem] = [],
            parentPlanId: String = ""
        ) {
            self.itemId = itemId
            self.parentIssuer = parentIssuer
            self.subItems = subItems
            self.parentPlanId = parentPlanId
        }
    }
}

extension PlanEvent.Decomposed {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "item_id", jsonName: "itemId", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "parent_issuer", jsonName: "parentIssuer", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "sub_items", jsonName: "subItems", type: .message("xieshang.v1.PlanItem"), label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "parent_plan_id", jsonName: "parentPlanId", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, itemId, field: 1)
        n += WireSize.singular(StringCodec.self, parentIssuer, field: 2)
        n += WireSize.messages(subItems, field: 3)
        n += WireSize.singular(StringCodec.self, parentPlanId, field: 4)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, itemId, field: 1)
        w.singular(StringCodec.self, parentIssuer, field: 2)
        w.messages(subItems, field: 3)
        w.singular(StringCodec.self, parentPlanId, field: 4)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): itemId = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): parentIssuer = try StringCodec.read(from: &r)
            case (3, .lengthDelimited): subItems.append(try r.readMessage(PlanItem.self))
            case (4, .lengthDelimited): parentPlanId = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("itemId", StringCodec.self, itemId)
        j.singular("parentIssuer", StringCodec.self, parentIssuer)
        j.messages("subItems", subItems)
        j.singular("parentPlanId", StringCodec.self, parentPlanId)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "itemId", "item_id": itemId = try StringCodec.readJSON(value, path: p)
            case "parentIssuer", "parent_issuer": parentIssuer = try StringCodec.readJSON(value, path: p)
            case "subItems", "sub_items": subItems = try JSONRead.messages(PlanItem.self, value, path: p)
            case "parentPlanId", "parent_plan_id": parentPlanId = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension PlanEvent {
    /// Progress of an item.
    public struct StageReported: ProtoMessage {
        public static let protoName = "xieshang.v1.PlanEvent.StageReported"

        /// Item id.
        public var itemId: String = ""
        /// Node id of the reporting assignee.
        public var byBody: String = ""
        /// The stage reached.
        public var stage: ItemStage = .unspecified
        /// Note (e.g. what was held, where the results went).
        public var note: String = ""
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            itemId: String = "",
            byBody: String = "",
            stage: ItemStage = .unspecified,
            note: String = ""
        ) {
            self.itemId = itemId
            self.byBody = byBody
            self.stage = stage
            self.note = note
        }
    }
}

extension PlanEvent.StageReported {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "item_id", jsonName: "itemId", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "by_body", jsonName: "byBody", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "stage", jsonName: "stage", type: .enumeration("xieshang.v1.ItemStage"), label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "note", jsonName: "note", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, itemId, field: 1)
        n += WireSize.singular(StringCodec.self, byBody, field: 2)
        n += WireSize.singular(EnumCodec<ItemStage>.self, stage, field: 3)
        n += WireSize.singular(StringCodec.self, note, field: 4)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, itemId, field: 1)
        w.singular(StringCodec.self, byBody, field: 2)
        w.singular(EnumCodec<ItemStage>.self, stage, field: 3)
        w.singular(StringCodec.self, note, field: 4)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): itemId = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): byBody = try StringCodec.read(from: &r)
            case (3, .varint): stage = try EnumCodec<ItemStage>.read(from: &r)
            case (4, .lengthDelimited): note = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("itemId", StringCodec.self, itemId)
        j.singular("byBody", StringCodec.self, byBody)
        j.singular("stage", EnumCodec<ItemStage>.self, stage)
        j.singular("note", StringCodec.self, note)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "itemId", "item_id": itemId = try StringCodec.readJSON(value, path: p)
            case "byBody", "by_body": byBody = try StringCodec.readJSON(value, path: p)
            case "stage": stage = try EnumCodec<ItemStage>.readJSON(value, path: p)
            case "note": note = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}
