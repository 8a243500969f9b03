// DO NOT EDIT — generated from Protos/xieshang/v1/activities.proto by xieshang-protogen.
// Change the .proto file and run `make generate`; a test fails when this file drifts from Protos/.

/// What kind of activity.
public enum ActivityKind: ProtoEnum {
    /// Not set; refused.
    case unspecified
    /// Consultation meeting 协商 (see ConsultationForm).
    case consultation
    /// Research visit 调研.
    case research
    /// Inspection 视察.
    case inspection
    /// Democratic appraisal 民主评议.
    case appraisal
    /// Training 培训.
    case training
    /// Public welfare 公益.
    case welfare
    /// A meeting members are called to (plenary, standing committee…): attendance is recorded as DutyEvent.
    case meeting
    /// A value this schema does not name (sent by a newer schema); kept as its number.
    case unrecognized(Int32)

    public static let protoName = "xieshang.v1.ActivityKind"
    public static let allKnownValues: [ActivityKind] = [.unspecified, .consultation, .research, .inspection, .appraisal, .training, .welfare, .meeting]

    public init(protoValue: Int32) {
        switch protoValue {
        case 0: self = .unspecified
        case 1: self = .consultation
        case 2: self = .research
        case 3: self = .inspection
        case 4: self = .appraisal
        case 5: self = .training
        case 6: self = .welfare
        case 7: self = .meeting
        default: self = .unrecognized(protoValue)
        }
    }

    public var protoValue: Int32 {
        switch self {
        case .unspecified: 0
        case .consultation: 1
        case .research: 2
        case .inspection: 3
        case .appraisal: 4
        case .training: 5
        case .welfare: 6
        case .meeting: 7
        case .unrecognized(let value): value
        }
    }

    public var protoValueName: String? {
        switch self {
        case .unspecified: "ACTIVITY_KIND_UNSPECIFIED"
        case .consultation: "ACTIVITY_KIND_CONSULTATION"
        case .research: "ACTIVITY_KIND_RESEARCH"
        case .inspection: "ACTIVITY_KIND_INSPECTION"
        case .appraisal: "ACTIVITY_KIND_APPRAISAL"
        case .training: "ACTIVITY_KIND_TRAINING"
        case .welfare: "ACTIVITY_KIND_WELFARE"
        case .meeting: "ACTIVITY_KIND_MEETING"
        case .unrecognized: nil
        }
    }

    public init?(protoValueName: String) {
        switch protoValueName {
        case "ACTIVITY_KIND_UNSPECIFIED": self = .unspecified
        case "ACTIVITY_KIND_CONSULTATION": self = .consultation
        case "ACTIVITY_KIND_RESEARCH": self = .research
        case "ACTIVITY_KIND_INSPECTION": self = .inspection
        case "ACTIVITY_KIND_APPRAISAL": self = .appraisal
        case "ACTIVITY_KIND_TRAINING": self = .training
        case "ACTIVITY_KIND_WELFARE": self = .welfare
        case "ACTIVITY_KIND_MEETING": self = .meeting
        default: return nil
        }
    }
}

/// The form of a consultation 协商形式.
public enum ConsultationForm: ProtoEnum {
    /// Not a consultation, or not stated.
    case unspecified
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
    /// 常委会视察 / 常委会议协商.
    case standingCommittee
    /// Any other form (named in `form_other`).
    case other
    /// A value this schema does not name (sent by a newer schema); kept as its number.
    case unrecognized(Int32)

    public static let protoName = "xieshang.v1.ConsultationForm"
    public static let allKnownValues: [ConsultationForm] = [.unspecified, .topical, .counterpart, .sector, .proposalHandling, .chairTalk, .pleaseCome, .online, .quarterly, .standingCommittee, .other]

    public init(protoValue: Int32) {
        switch protoValue {
        case 0: self = .unspecified
        case 1: self = .topical
        case 2: self = .counterpart
        case 3: self = .sector
        case 4: self = .proposalHandling
        case 5: self = .chairTalk
        case 6: self = .pleaseCome
        case 7: self = .online
        case 8: self = .quarterly
        case 9: self = .standingCommittee
        case 10: self = .other
        default: self = .unrecognized(protoValue)
        }
    }

    public var protoValue: Int32 {
        switch self {
        case .unspecified: 0
        case .topical: 1
        case .counterpart: 2
        case .sector: 3
        case .proposalHandling: 4
        case .chairTalk: 5
        case .pleaseCome: 6
        case .online: 7
        case .quarterly: 8
        case .standingCommittee: 9
        case .other: 10
        case .unrecognized(let value): value
        }
    }

    public var protoValueName: String? {
        switch self {
        case .unspecified: "CONSULTATION_FORM_UNSPECIFIED"
        case .topical: "CONSULTATION_FORM_TOPICAL"
        case .counterpart: "CONSULTATION_FORM_COUNTERPART"
        case .sector: "CONSULTATION_FORM_SECTOR"
        case .proposalHandling: "CONSULTATION_FORM_PROPOSAL_HANDLING"
        case .chairTalk: "CONSULTATION_FORM_CHAIR_TALK"
        case .pleaseCome: "CONSULTATION_FORM_PLEASE_COME"
        case .online: "CONSULTATION_FORM_ONLINE"
        case .quarterly: "CONSULTATION_FORM_QUARTERLY"
        case .standingCommittee: "CONSULTATION_FORM_STANDING_COMMITTEE"
        case .other: "CONSULTATION_FORM_OTHER"
        case .unrecognized: nil
        }
    }

    public init?(protoValueName: String) {
        switch protoValueName {
        case "CONSULTATION_FORM_UNSPECIFIED": self = .unspecified
        case "CONSULTATION_FORM_TOPICAL": self = .topical
        case "CONSULTATION_FORM_COUNTERPART": self = .counterpart
        case "CONSULTATION_FORM_SECTOR": self = .sector
        case "CONSULTATION_FORM_PROPOSAL_HANDLING": self = .proposalHandling
        case "CONSULTATION_FORM_CHAIR_TALK": self = .chairTalk
        case "CONSULTATION_FORM_PLEASE_COME": self = .pleaseCome
        case "CONSULTATION_FORM_ONLINE": self = .online
        case "CONSULTATION_FORM_QUARTERLY": self = .quarterly
        case "CONSULTATION_FORM_STANDING_COMMITTEE": self = .standingCommittee
        case "CONSULTATION_FORM_OTHER": self = .other
        default: return nil
        }
    }
}

/// An activity held. Counted once, at the body that records it, even when it has several host bodies.
public struct ActivityRecorded: ProtoMessage {
    public static let protoName = "xieshang.v1.ActivityRecorded"

    /// Activity id, unique within the recording body.
    public var activityId: String = ""
    /// Kind of activity.
    public var kind: ActivityKind = .unspecified
    /// Consultation form (consultations only).
    public var form: ConsultationForm = .unspecified
    /// Name of the form when `form` is CONSULTATION_FORM_OTHER.
    public var formOther: String = ""
    /// Day held, "YYYY-MM-DD".
    public var date: String = ""
    /// Topic 议题.
    public var topic: String = ""
    /// Node ids of the host bodies; joint activities have several; the recording body is one of them.
    public var hostBodies: [String] = []
    /// Participants 人次 (person-times), members and others.
    public var participants: Int64 = 0
    /// Member ids of the members who took part (for duty scoring).
    public var members: [String] = []
    /// Ids of suggestions made at the activity.
    public var suggestionIds: [String] = []
    /// Ids of opinion reports that came out of the activity.
    public var reportIds: [String] = []
    /// Plan item the activity carries out, if any (plan id / item id).
    public var planItem: String = ""
    /// Members of other bodies who took part (a county member at a township's consultation), each named with their
    /// body: the activity counts in that member's 履职档案 at their body when it reaches it (a body above this one),
    /// and never in that body's figures.
    public var guests: [GuestMember] = []
    /// The 界别 (sectors, as members' `sector`: "经济界", "农业界") the activity was organised by or for; a 界别协商
    /// names at least one. Each counts the activity and its 人次 in the body's figures per sector. Empty in events
    /// recorded before sectors were.
    public var sectors: [String] = []
    /// A democratic appraisal's (民主评议, ACTIVITY_KIND_APPRAISAL) target unit and result; unset for other kinds and
    /// for appraisals recorded before they were.
    public var appraisal: AppraisalOutcome? = nil
    /// The sub-body unit (StationEvent's station_id: a village station, a group point) it was held at; empty: at the
    /// body itself (and in every event recorded before units were). It still counts once, in the body's figures.
    public var station: String = ""
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        activityId: String = "",
        kind: ActivityKind = .unspecified,
        form: ConsultationForm = .unspecified,
        formOther: String = "",
        date: String = "",
        topic: String = "",
        hostBodies: [String] = [],
        participants: Int64 = 0,
        members: [String] = [],
        suggestionIds: [String] = [],
        reportIds: [String] = [],
        planItem: String = "",
        guests: [GuestMember] = [],
        sectors: [String] = [],
        appraisal: AppraisalOutcome? = nil,
        station: String = ""
    ) {
        self.activityId = activityId
        self.kind = kind
        self.form = form
        self.formOther = formOther
        self.date = date
        self.topic = topic
        self.hostBodies = hostBodies
        self.participants = participants
        self.members = members
        self.suggestionIds = suggestionIds
        self.reportIds = reportIds
        self.planItem = planItem
        self.guests = guests
        self.sectors = sectors
        self.appraisal = appraisal
        self.station = station
    }
}

extension ActivityRecorded {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "activity_id", jsonName: "activityId", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "kind", jsonName: "kind", type: .enumeration("xieshang.v1.ActivityKind"), label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "form", jsonName: "form", type: .enumeration("xieshang.v1.ConsultationForm"), label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "form_other", jsonName: "formOther", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 5, name: "date", jsonName: "date", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 6, name: "topic", jsonName: "topic", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 7, name: "host_bodies", jsonName: "hostBodies", type: .string, label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 8, name: "participants", jsonName: "participants", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 9, name: "members", jsonName: "members", type: .string, label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 10, name: "suggestion_ids", jsonName: "suggestionIds", type: .string, label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 11, name: "report_ids", jsonName: "reportIds", type: .string, label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 12, name: "plan_item", jsonName: "planItem", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 13, name: "guests", jsonName: "guests", type: .message("xieshang.v1.GuestMember"), label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 14, name: "sectors", jsonName: "sectors", type: .string, label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 15, name: "appraisal", jsonName: "appraisal", type: .message("xieshang.v1.AppraisalOutcome"), label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 16, name: "station", jsonName: "station", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, activityId, field: 1)
        n += WireSize.singular(EnumCodec<ActivityKind>.self, kind, field: 2)
        n += WireSize.singular(EnumCodec<ConsultationForm>.self, form, field: 3)
        n += WireSize.singular(StringCodec.self, formOther, field: 4)
        n += WireSize.singular(StringCodec.self, date, field: 5)
        n += WireSize.singular(StringCodec.self, topic, field: 6)
        n += WireSize.repeated(StringCodec.self, hostBodies, field: 7)
        n += WireSize.singular(Int64Codec.self, participants, field: 8)
        n += WireSize.repeated(StringCodec.self, members, field: 9)
        n += WireSize.repeated(StringCodec.self, suggestionIds, field: 10)
        n += WireSize.repeated(StringCodec.self, reportIds, field: 11)
        n += WireSize.singular(StringCodec.self, planItem, field: 12)
        n += WireSize.messages(guests, field: 13)
        n += WireSize.repeated(StringCodec.self, sectors, field: 14)
        if let v = appraisal { n += WireSize.message(v, field: 15) }
        n += WireSize.singular(StringCodec.self, station, field: 16)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, activityId, field: 1)
        w.singular(EnumCodec<ActivityKind>.self, kind, field: 2)
        w.singular(EnumCodec<ConsultationForm>.self, form, field: 3)
        w.singular(StringCodec.self, formOther, field: 4)
        w.singular(StringCodec.self, date, field: 5)
        w.singular(StringCodec.self, topic, field: 6)
        w.repeated(StringCodec.self, hostBodies, field: 7)
        w.singular(Int64Codec.self, participants, field: 8)
        w.repeated(StringCodec.self, members, field: 9)
        w.repeated(StringCodec.self, suggestionIds, field: 10)
        w.repeated(StringCodec.self, reportIds, field: 11)
        w.singular(StringCodec.self, planItem, field: 12)
        w.messages(guests, field: 13)
        w.repeated(StringCodec.self, sectors, field: 14)
        if let v = appraisal { w.message(v, field: 15) }
        w.singular(StringCodec.self, station, field: 16)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): activityId = try StringCodec.read(from: &r)
            case (2, .varint): kind = try EnumCodec<ActivityKind>.read(from: &r)
            case (3, .varint): form = try EnumCodec<ConsultationForm>.read(from: &r)
            case (4, .lengthDelimited): formOther = try StringCodec.read(from: &r)
            case (5, .lengthDelimited): date = try StringCodec.read(from: &r)
            case (6, .lengthDelimited): topic = try StringCodec.read(from: &r)
            case (7, _): try r.readRepeated(StringCodec.self, tag, into: &hostBodies, unknown: &unknownFields)
            case (8, .varint): participants = try Int64Codec.read(from: &r)
            case (9, _): try r.readRepeated(StringCodec.self, tag, into: &members, unknown: &unknownFields)
            case (10, _): try r.readRepeated(StringCodec.self, tag, into: &suggestionIds, unknown: &unknownFields)
            case (11, _): try r.readRepeated(StringCodec.self, tag, into: &reportIds, unknown: &unknownFields)
            case (12, .lengthDelimited): planItem = try StringCodec.read(from: &r)
            case (13, .lengthDelimited): guests.append(try r.readMessage(GuestMember.self))
            case (14, _): try r.readRepeated(StringCodec.self, tag, into: &sectors, unknown: &unknownFields)
            case (15, .lengthDelimited): try r.readMessage(into: &appraisal)
            case (16, .lengthDelimited): station = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("activityId", StringCodec.self, activityId)
        j.singular("kind", EnumCodec<ActivityKind>.self, kind)
        j.singular("form", EnumCodec<ConsultationForm>.self, form)
        j.singular("formOther", StringCodec.self, formOther)
        j.singular("date", StringCodec.self, date)
        j.singular("topic", StringCodec.self, topic)
        j.repeated("hostBodies", StringCodec.self, hostBodies)
        j.singular("participants", Int64Codec.self, participants)
        j.repeated("members", StringCodec.self, members)
        j.repeated("suggestionIds", StringCodec.self, suggestionIds)
        j.repeated("reportIds", StringCodec.self, reportIds)
        j.singular("planItem", StringCodec.self, planItem)
        j.messages("guests", guests)
        j.repeated("sectors", StringCodec.self, sectors)
        if let v = appraisal { j.message("appraisal", v) }
        j.singular("station", StringCodec.self, station)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "activityId", "activity_id": activityId = try StringCodec.readJSON(value, path: p)
            case "kind": kind = try EnumCodec<ActivityKind>.readJSON(value, path: p)
            case "form": form = try EnumCodec<ConsultationForm>.readJSON(value, path: p)
            case "formOther", "form_other": formOther = try StringCodec.readJSON(value, path: p)
            case "date": date = try StringCodec.readJSON(value, path: p)
            case "topic": topic = try StringCodec.readJSON(value, path: p)
            case "hostBodies", "host_bodies": hostBodies = try JSONRead.repeated(StringCodec.self, value, path: p)
            case "participants": participants = try Int64Codec.readJSON(value, path: p)
            case "members": members = try JSONRead.repeated(StringCodec.self, value, path: p)
            case "suggestionIds", "suggestion_ids": suggestionIds = try JSONRead.repeated(StringCodec.self, value, path: p)
            case "reportIds", "report_ids": reportIds = try JSONRead.repeated(StringCodec.self, value, path: p)
            case "planItem", "plan_item": planItem = try StringCodec.readJSON(value, path: p)
            case "guests": guests = try JSONRead.messages(GuestMember.self, value, path: p)
            case "sectors": sectors = try JSONRead.repeated(StringCodec.self, value, path: p)
            case "appraisal": appraisal = try JSONRead.message(AppraisalOutcome.self, value, path: p)
            case "station": station = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// What a democratic appraisal 民主评议 appraised and how it came out.
public struct AppraisalOutcome: ProtoMessage {
    public static let protoName = "xieshang.v1.AppraisalOutcome"

    /// The unit (department) appraised 被评议单位, e.g. "县交通运输局".
    public var targetUnit: String = ""
    /// The result 评议结果 (满意 / 基本满意 / 不满意); RATING_UNSPECIFIED when not yet known.
    public var result: Rating = .unspecified
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        targetUnit: String = "",
        result: Rating = .unspecified
    ) {
        self.targetUnit = targetUnit
        self.result = result
    }
}

extension AppraisalOutcome {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "target_unit", jsonName: "targetUnit", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "result", jsonName: "result", type: .enumeration("xieshang.v1.Rating"), label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, targetUnit, field: 1)
        n += WireSize.singular(EnumCodec<Rating>.self, result, field: 2)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, targetUnit, field: 1)
        w.singular(EnumCodec<Rating>.self, result, field: 2)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): targetUnit = try StringCodec.read(from: &r)
            case (2, .varint): result = try EnumCodec<Rating>.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("targetUnit", StringCodec.self, targetUnit)
        j.singular("result", EnumCodec<Rating>.self, result)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "targetUnit", "target_unit": targetUnit = try StringCodec.readJSON(value, path: p)
            case "result": result = try EnumCodec<Rating>.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// A member of another body who took part in an activity.
public struct GuestMember: ProtoMessage {
    public static let protoName = "xieshang.v1.GuestMember"

    /// Node id of the member's body.
    public var body: String = ""
    /// Member id at that body.
    public var member: String = ""
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        body: String = "",
        member: String = ""
    ) {
        self.body = body
        self.member = member
    }
}

extension GuestMember {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "body", jsonName: "body", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "member", jsonName: "member", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, body, field: 1)
        n += WireSize.singular(StringCodec.self, member, field: 2)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, body, field: 1)
        w.singular(StringCodec.self, member, field: 2)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): body = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): member = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("body", StringCodec.self, body)
        j.singular("member", StringCodec.self, member)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "body": body = try StringCodec.readJSON(value, path: p)
            case "member": member = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// A suggestion to the local party committee or government: made → adopted 批示采纳 → closed 办结.
public struct SuggestionEvent: ProtoMessage {
    public static let protoName = "xieshang.v1.SuggestionEvent"

    /// Suggestion id, unique within the body.
    public var suggestionId: String = ""
    /// Day of the step, "YYYY-MM-DD".
    public var on: String = ""
    /// The step.
    public var step: Step? = nil
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// The step.
    public enum Step: Sendable, Hashable {
        /// Made (usually at an activity).
        case made(SuggestionEvent.Made)
        /// Adopted by a leader's instruction.
        case adopted(SuggestionEvent.Adopted)
        /// Closed: the matter was dealt with.
        case closed(SuggestionEvent.Closed)
    }

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        suggestionId: String = "",
        on: String = "",
        step: Step? = nil
    ) {
        self.suggestionId = suggestionId
        self.on = on
        self.step = step
    }
}

extension SuggestionEvent {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "suggestion_id", jsonName: "suggestionId", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "on", jsonName: "on", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 10, name: "made", jsonName: "made", type: .message("xieshang.v1.SuggestionEvent.Made"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 11, name: "adopted", jsonName: "adopted", type: .message("xieshang.v1.SuggestionEvent.Adopted"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 12, name: "closed", jsonName: "closed", type: .message("xieshang.v1.SuggestionEvent.Closed"), label: .singular, oneof: "step"),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, suggestionId, field: 1)
        n += WireSize.singular(StringCodec.self, on, field: 2)
        if case .made(let v)? = step { n += WireSize.message(v, field: 10) }
        if case .adopted(let v)? = step { n += WireSize.message(v, field: 11) }
        if case .closed(let v)? = step { n += WireSize.message(v, field: 12) }
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, suggestionId, field: 1)
        w.singular(StringCodec.self, on, field: 2)
        if case .made(let v)? = step { w.message(v, field: 10) }
        if case .adopted(let v)? = step { w.message(v, field: 11) }
        if case .closed(let v)? = step { w.message(v, field: 12) }
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): suggestionId = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): on = try StringCodec.read(from: &r)
            case (10, .lengthDelimited):
                var v = SuggestionEvent.Made()
                if case .made(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .made(v)
            case (11, .lengthDelimited):
                var v = SuggestionEvent.Adopted()
                if case .adopted(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .adopted(v)
            case (12, .lengthDelimited):
                var v = SuggestionEvent.Closed()
                if case .closed(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .closed(v)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("suggestionId", StringCodec.self, suggestionId)
        j.singular("on", StringCodec.self, on)
        if case .made(let v)? = step { j.message("made", v) }
        if case .adopted(let v)? = step { j.message("adopted", v) }
        if case .closed(let v)? = step { j.message("closed", v) }
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "suggestionId", "suggestion_id": suggestionId = try StringCodec.readJSON(value, path: p)
            case "on": on = try StringCodec.readJSON(value, path: p)
            case "made": step = .made(try JSONRead.message(SuggestionEvent.Made.self, value, path: p))
            case "adopted": step = .adopted(try JSONRead.message(SuggestionEvent.Adopted.self, value, path: p))
            case "closed": step = .closed(try JSONRead.message(SuggestionEvent.Closed.self, value, path: p))
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension SuggestionEvent {
    /// The suggestion is made.
    public struct Made: ProtoMessage {
        public static let protoName = "xieshang.v1.SuggestionEvent.Made"

        /// Text of the suggestion.
        public var text: String = ""
        /// To whom ("镇党委", "县政府"…).
        public var addressee: String = ""
        /// The activity it came from, if any.
        public var activityId: String = ""
        /// Member ids of its authors, if any.
        public var members: [String] = []
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            text: String = "",
            addressee: String = "",
            activityId: String = "",
            members: [String] = []
        ) {
            self.text = text
            self.addressee = addressee
            self.activityId = activityId
            self.members = members
        }
    }
}

extension SuggestionEvent.Made {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "text", jsonName: "text", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "addressee", jsonName: "addressee", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "activity_id", jsonName: "activityId", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "members", jsonName: "members", type: .string, label: .repeated, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, text, field: 1)
        n += WireSize.singular(StringCodec.self, addressee, field: 2)
        n += WireSize.singular(StringCodec.self, activityId, field: 3)
        n += WireSize.repeated(StringCodec.self, members, field: 4)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, text, field: 1)
        w.singular(StringCodec.self, addressee, field: 2)
        w.singular(StringCodec.self, activityId, field: 3)
        w.repeated(StringCodec.self, members, field: 4)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): text = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): addressee = try StringCodec.read(from: &r)
            case (3, .lengthDelimited): activityId = try StringCodec.read(from: &r)
            case (4, _): try r.readRepeated(StringCodec.self, tag, into: &members, unknown: &unknownFields)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("text", StringCodec.self, text)
        j.singular("addressee", StringCodec.self, addressee)
        j.singular("activityId", StringCodec.self, activityId)
        j.repeated("members", StringCodec.self, members)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "text": text = try StringCodec.readJSON(value, path: p)
            case "addressee": addressee = try StringCodec.readJSON(value, path: p)
            case "activityId", "activity_id": activityId = try StringCodec.readJSON(value, path: p)
            case "members": members = try JSONRead.repeated(StringCodec.self, value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension SuggestionEvent {
    /// A leader adopts it.
    public struct Adopted: ProtoMessage {
        public static let protoName = "xieshang.v1.SuggestionEvent.Adopted"

        /// Who adopted it (leader's name and title).
        public var by: String = ""
        /// The instruction text.
        public var note: String = ""
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            by: String = "",
            note: String = ""
        ) {
            self.by = by
            self.note = note
        }
    }
}

extension SuggestionEvent.Adopted {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "by", jsonName: "by", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "note", jsonName: "note", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, by, field: 1)
        n += WireSize.singular(StringCodec.self, note, field: 2)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, by, field: 1)
        w.singular(StringCodec.self, note, field: 2)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): by = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): note = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("by", StringCodec.self, by)
        j.singular("note", StringCodec.self, note)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "by": by = try StringCodec.readJSON(value, path: p)
            case "note": note = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension SuggestionEvent {
    /// It is closed.
    public struct Closed: ProtoMessage {
        public static let protoName = "xieshang.v1.SuggestionEvent.Closed"

        /// What was done.
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

extension SuggestionEvent.Closed {
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
