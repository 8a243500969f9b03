// DO NOT EDIT — generated from Protos/xieshang/v1/alliance.proto by xieshang-protogen.
// Change the .proto file and run `make generate`; a test fails when this file drifts from Protos/.

/// What a joint activity is.
public enum JointActivityKind: ProtoEnum {
    /// Never sent.
    case unspecified
    /// A joint meeting (联席会议), usually yearly; its host was chosen at the previous meeting.
    case meeting
    /// Joint research (联动调研).
    case research
    /// Joint inspection (联合视察).
    case inspection
    /// A value this schema does not name (sent by a newer schema); kept as its number.
    case unrecognized(Int32)

    public static let protoName = "xieshang.v1.JointActivityKind"
    public static let allKnownValues: [JointActivityKind] = [.unspecified, .meeting, .research, .inspection]

    public init(protoValue: Int32) {
        switch protoValue {
        case 0: self = .unspecified
        case 1: self = .meeting
        case 2: self = .research
        case 3: self = .inspection
        default: self = .unrecognized(protoValue)
        }
    }

    public var protoValue: Int32 {
        switch self {
        case .unspecified: 0
        case .meeting: 1
        case .research: 2
        case .inspection: 3
        case .unrecognized(let value): value
        }
    }

    public var protoValueName: String? {
        switch self {
        case .unspecified: "JOINT_ACTIVITY_KIND_UNSPECIFIED"
        case .meeting: "JOINT_ACTIVITY_KIND_MEETING"
        case .research: "JOINT_ACTIVITY_KIND_RESEARCH"
        case .inspection: "JOINT_ACTIVITY_KIND_INSPECTION"
        case .unrecognized: nil
        }
    }

    public init?(protoValueName: String) {
        switch protoValueName {
        case "JOINT_ACTIVITY_KIND_UNSPECIFIED": self = .unspecified
        case "JOINT_ACTIVITY_KIND_MEETING": self = .meeting
        case "JOINT_ACTIVITY_KIND_RESEARCH": self = .research
        case "JOINT_ACTIVITY_KIND_INSPECTION": self = .inspection
        default: return nil
        }
    }
}

/// What an agenda item of a joint meeting is.
public enum AgendaItemKind: ProtoEnum {
    /// Never sent.
    case unspecified
    /// The follow-up report on the previous meeting's decisions (上次会议落实情况).
    case followUpReport
    /// A change to the charter (章程修改).
    case charterChange
    /// A joint recommendation (联合建议).
    case jointRecommendation
    /// A value this schema does not name (sent by a newer schema); kept as its number.
    case unrecognized(Int32)

    public static let protoName = "xieshang.v1.AgendaItemKind"
    public static let allKnownValues: [AgendaItemKind] = [.unspecified, .followUpReport, .charterChange, .jointRecommendation]

    public init(protoValue: Int32) {
        switch protoValue {
        case 0: self = .unspecified
        case 1: self = .followUpReport
        case 2: self = .charterChange
        case 3: self = .jointRecommendation
        default: self = .unrecognized(protoValue)
        }
    }

    public var protoValue: Int32 {
        switch self {
        case .unspecified: 0
        case .followUpReport: 1
        case .charterChange: 2
        case .jointRecommendation: 3
        case .unrecognized(let value): value
        }
    }

    public var protoValueName: String? {
        switch self {
        case .unspecified: "AGENDA_ITEM_KIND_UNSPECIFIED"
        case .followUpReport: "AGENDA_ITEM_KIND_FOLLOW_UP_REPORT"
        case .charterChange: "AGENDA_ITEM_KIND_CHARTER_CHANGE"
        case .jointRecommendation: "AGENDA_ITEM_KIND_JOINT_RECOMMENDATION"
        case .unrecognized: nil
        }
    }

    public init?(protoValueName: String) {
        switch protoValueName {
        case "AGENDA_ITEM_KIND_UNSPECIFIED": self = .unspecified
        case "AGENDA_ITEM_KIND_FOLLOW_UP_REPORT": self = .followUpReport
        case "AGENDA_ITEM_KIND_CHARTER_CHANGE": self = .charterChange
        case "AGENDA_ITEM_KIND_JOINT_RECOMMENDATION": self = .jointRecommendation
        default: return nil
        }
    }
}

/// Payload of EVENT_KIND_ALLIANCE_CHARTER: one version of an alliance's charter (章程) and its member bodies.
public struct AllianceCharter: ProtoMessage {
    public static let protoName = "xieshang.v1.AllianceCharter"

    /// The alliance id, as in `alliance:<id>` scopes (e.g. "wuling").
    public var allianceId: String = ""
    /// Charter version: 1 for the first, then each change is the previous version + 1.
    public var version: UInt32 = 0
    /// The alliance's display name (e.g. 武陵山片区政协主席联席会).
    public var name: String = ""
    /// Node ids of the member bodies under this version.
    public var members: [String] = []
    /// The charter's text.
    public var text: String = ""
    /// The day this version takes effect.
    public var effective: String = ""
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        allianceId: String = "",
        version: UInt32 = 0,
        name: String = "",
        members: [String] = [],
        text: String = "",
        effective: String = ""
    ) {
        self.allianceId = allianceId
        self.version = version
        self.name = name
        self.members = members
        self.text = text
        self.effective = effective
    }
}

extension AllianceCharter {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "alliance_id", jsonName: "allianceId", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "version", jsonName: "version", type: .uint32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "name", jsonName: "name", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "members", jsonName: "members", type: .string, label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 5, name: "text", jsonName: "text", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 6, name: "effective", jsonName: "effective", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, allianceId, field: 1)
        n += WireSize.singular(UInt32Codec.self, version, field: 2)
        n += WireSize.singular(StringCodec.self, name, field: 3)
        n += WireSize.repeated(StringCodec.self, members, field: 4)
        n += WireSize.singular(StringCodec.self, text, field: 5)
        n += WireSize.singular(StringCodec.self, effective, field: 6)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, allianceId, field: 1)
        w.singular(UInt32Codec.self, version, field: 2)
        w.singular(StringCodec.self, name, field: 3)
        w.repeated(StringCodec.self, members, field: 4)
        w.singular(StringCodec.self, text, field: 5)
        w.singular(StringCodec.self, effective, field: 6)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): allianceId = try StringCodec.read(from: &r)
            case (2, .varint): version = try UInt32Codec.read(from: &r)
            case (3, .lengthDelimited): name = try StringCodec.read(from: &r)
            case (4, _): try r.readRepeated(StringCodec.self, tag, into: &members, unknown: &unknownFields)
            case (5, .lengthDelimited): text = try StringCodec.read(from: &r)
            case (6, .lengthDelimited): effective = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("allianceId", StringCodec.self, allianceId)
        j.singular("version", UInt32Codec.self, version)
        j.singular("name", StringCodec.self, name)
        j.repeated("members", StringCodec.self, members)
        j.singular("text", StringCodec.self, text)
        j.singular("effective", StringCodec.self, effective)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "allianceId", "alliance_id": allianceId = try StringCodec.readJSON(value, path: p)
            case "version": version = try UInt32Codec.readJSON(value, path: p)
            case "name": name = try StringCodec.readJSON(value, path: p)
            case "members": members = try JSONRead.repeated(StringCodec.self, value, path: p)
            case "text": text = try StringCodec.readJSON(value, path: p)
            case "effective": effective = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// One item of a joint meeting's agenda.
public struct AgendaItem: ProtoMessage {
    public static let protoName = "xieshang.v1.AgendaItem"

    /// What kind of item.
    public var kind: AgendaItemKind = .unspecified
    /// Its title.
    public var title: String = ""
    /// Its text (the report, the change, the recommendation).
    public var text: String = ""
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        kind: AgendaItemKind = .unspecified,
        title: String = "",
        text: String = ""
    ) {
        self.kind = kind
        self.title = title
        self.text = text
    }
}

extension AgendaItem {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "kind", jsonName: "kind", type: .enumeration("xieshang.v1.AgendaItemKind"), label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "title", jsonName: "title", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "text", jsonName: "text", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(EnumCodec<AgendaItemKind>.self, kind, field: 1)
        n += WireSize.singular(StringCodec.self, title, field: 2)
        n += WireSize.singular(StringCodec.self, text, field: 3)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(EnumCodec<AgendaItemKind>.self, kind, field: 1)
        w.singular(StringCodec.self, title, field: 2)
        w.singular(StringCodec.self, text, field: 3)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .varint): kind = try EnumCodec<AgendaItemKind>.read(from: &r)
            case (2, .lengthDelimited): title = try StringCodec.read(from: &r)
            case (3, .lengthDelimited): text = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("kind", EnumCodec<AgendaItemKind>.self, kind)
        j.singular("title", StringCodec.self, title)
        j.singular("text", StringCodec.self, text)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "kind": kind = try EnumCodec<AgendaItemKind>.readJSON(value, path: p)
            case "title": title = try StringCodec.readJSON(value, path: p)
            case "text": text = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// Payload of EVENT_KIND_JOINT_ACTIVITY: a joint meeting, joint research or joint inspection of an alliance.
public struct JointActivity: ProtoMessage {
    public static let protoName = "xieshang.v1.JointActivity"

    /// The alliance id.
    public var allianceId: String = ""
    /// The record's id, unique in its alliance (e.g. "wuling/2026-meeting").
    public var id: String = ""
    /// Meeting, research or inspection.
    public var kind: JointActivityKind = .unspecified
    /// The day it took place (research and inspections: the first day).
    public var date: String = ""
    /// Research and inspections: the last day (empty: one day).
    public var endDate: String = ""
    /// Host bodies: a meeting has exactly one (the one chosen at the previous meeting); research and inspections may
    /// have several.
    public var hosts: [String] = []
    /// Member bodies that attended (meetings) or took part (research, inspections).
    public var attendees: [String] = []
    /// Research and inspections: the topic; meetings: an optional theme.
    public var topic: String = ""
    /// Meetings: the agenda.
    public var agenda: [AgendaItem] = []
    /// Meetings: the minutes (纪要).
    public var minutes: String = ""
    /// Meetings: the host chosen for the next meeting.
    public var nextHost: String = ""
    /// Research and inspections: the findings.
    public var findings: String = ""
    /// Number of people who took part (members and staff of all bodies).
    public var participants: UInt32 = 0
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        allianceId: String = "",
        id: String = "",
        kind: JointActivityKind = .unspecified,
        date: String = "",
        endDate: String = "",
        hosts: [String] = [],
        attendees: [String] = [],
        topic: String = "",
        agenda: [AgendaItem] = [],
        minutes: String = "",
        nextHost: String = "",
        findings: String = "",
        participants: UInt32 = 0
    ) {
        self.allianceId = allianceId
        self.id = id
        self.kind = kind
        self.date = date
        self.endDate = endDate
        self.hosts = hosts
        self.attendees = attendees
        self.topic = topic
        self.agenda = agenda
        self.minutes = minutes
        self.nextHost = nextHost
        self.findings = findings
        self.participants = participants
    }
}

extension JointActivity {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "alliance_id", jsonName: "allianceId", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "id", jsonName: "id", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "kind", jsonName: "kind", type: .enumeration("xieshang.v1.JointActivityKind"), label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "date", jsonName: "date", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 5, name: "end_date", jsonName: "endDate", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 6, name: "hosts", jsonName: "hosts", type: .string, label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 7, name: "attendees", jsonName: "attendees", type: .string, label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 8, name: "topic", jsonName: "topic", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 9, name: "agenda", jsonName: "agenda", type: .message("xieshang.v1.AgendaItem"), label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 10, name: "minutes", jsonName: "minutes", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 11, name: "next_host", jsonName: "nextHost", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 12, name: "findings", jsonName: "findings", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 13, name: "participants", jsonName: "participants", type: .uint32, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, allianceId, field: 1)
        n += WireSize.singular(StringCodec.self, id, field: 2)
        n += WireSize.singular(EnumCodec<JointActivityKind>.self, kind, field: 3)
        n += WireSize.singular(StringCodec.self, date, field: 4)
        n += WireSize.singular(StringCodec.self, endDate, field: 5)
        n += WireSize.repeated(StringCodec.self, hosts, field: 6)
        n += WireSize.repeated(StringCodec.self, attendees, field: 7)
        n += WireSize.singular(StringCodec.self, topic, field: 8)
        n += WireSize.messages(agenda, field: 9)
        n += WireSize.singular(StringCodec.self, minutes, field: 10)
        n += WireSize.singular(StringCodec.self, nextHost, field: 11)
        n += WireSize.singular(StringCodec.self, findings, field: 12)
        n += WireSize.singular(UInt32Codec.self, participants, field: 13)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, allianceId, field: 1)
        w.singular(StringCodec.self, id, field: 2)
        w.singular(EnumCodec<JointActivityKind>.self, kind, field: 3)
        w.singular(StringCodec.self, date, field: 4)
        w.singular(StringCodec.self, endDate, field: 5)
        w.repeated(StringCodec.self, hosts, field: 6)
        w.repeated(StringCodec.self, attendees, field: 7)
        w.singular(StringCodec.self, topic, field: 8)
        w.messages(agenda, field: 9)
        w.singular(StringCodec.self, minutes, field: 10)
        w.singular(StringCodec.self, nextHost, field: 11)
        w.singular(StringCodec.self, findings, field: 12)
        w.singular(UInt32Codec.self, participants, field: 13)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): allianceId = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): id = try StringCodec.read(from: &r)
            case (3, .varint): kind = try EnumCodec<JointActivityKind>.read(from: &r)
            case (4, .lengthDelimited): date = try StringCodec.read(from: &r)
            case (5, .lengthDelimited): endDate = try StringCodec.read(from: &r)
            case (6, _): try r.readRepeated(StringCodec.self, tag, into: &hosts, unknown: &unknownFields)
            case (7, _): try r.readRepeated(StringCodec.self, tag, into: &attendees, unknown: &unknownFields)
            case (8, .lengthDelimited): topic = try StringCodec.read(from: &r)
            case (9, .lengthDelimited): agenda.append(try r.readMessage(AgendaItem.self))
            case (10, .lengthDelimited): minutes = try StringCodec.read(from: &r)
            case (11, .lengthDelimited): nextHost = try StringCodec.read(from: &r)
            case (12, .lengthDelimited): findings = try StringCodec.read(from: &r)
            case (13, .varint): participants = try UInt32Codec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("allianceId", StringCodec.self, allianceId)
        j.singular("id", StringCodec.self, id)
        j.singular("kind", EnumCodec<JointActivityKind>.self, kind)
        j.singular("date", StringCodec.self, date)
        j.singular("endDate", StringCodec.self, endDate)
        j.repeated("hosts", StringCodec.self, hosts)
        j.repeated("attendees", StringCodec.self, attendees)
        j.singular("topic", StringCodec.self, topic)
        j.messages("agenda", agenda)
        j.singular("minutes", StringCodec.self, minutes)
        j.singular("nextHost", StringCodec.self, nextHost)
        j.singular("findings", StringCodec.self, findings)
        j.singular("participants", UInt32Codec.self, participants)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "allianceId", "alliance_id": allianceId = try StringCodec.readJSON(value, path: p)
            case "id": id = try StringCodec.readJSON(value, path: p)
            case "kind": kind = try EnumCodec<JointActivityKind>.readJSON(value, path: p)
            case "date": date = try StringCodec.readJSON(value, path: p)
            case "endDate", "end_date": endDate = try StringCodec.readJSON(value, path: p)
            case "hosts": hosts = try JSONRead.repeated(StringCodec.self, value, path: p)
            case "attendees": attendees = try JSONRead.repeated(StringCodec.self, value, path: p)
            case "topic": topic = try StringCodec.readJSON(value, path: p)
            case "agenda": agenda = try JSONRead.messages(AgendaItem.self, value, path: p)
            case "minutes": minutes = try StringCodec.readJSON(value, path: p)
            case "nextHost", "next_host": nextHost = try StringCodec.readJSON(value, path: p)
            case "findings": findings = try StringCodec.readJSON(value, path: p)
            case "participants": participants = try UInt32Codec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// Admin Submit payload for EVENT_KIND_DRAFT: an operator's command on a joint draft. The node checks it against
/// the drafts it holds and originates the DraftEvent(s) that carry it, scope `alliance:<id>`.
public struct DraftAction: ProtoMessage {
    public static let protoName = "xieshang.v1.DraftAction"

    /// The action.
    public var action: Action? = nil
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// The action.
    public enum Action: Sendable, Hashable {
        /// Start a new draft (this node becomes its host).
        case create(DraftNew)
        /// Edit a draft's text.
        case edit(DraftEdit)
    }

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        action: Action? = nil
    ) {
        self.action = action
    }
}

extension DraftAction {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "create", jsonName: "create", type: .message("xieshang.v1.DraftNew"), label: .singular, oneof: "action"),
        ProtoFieldDescriptor(number: 2, name: "edit", jsonName: "edit", type: .message("xieshang.v1.DraftEdit"), label: .singular, oneof: "action"),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        if case .create(let v)? = action { n += WireSize.message(v, field: 1) }
        if case .edit(let v)? = action { n += WireSize.message(v, field: 2) }
        return n
    }

    public func encode(to w: inout WireWriter) {
        if case .create(let v)? = action { w.message(v, field: 1) }
        if case .edit(let v)? = action { w.message(v, field: 2) }
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited):
                var v = DraftNew()
                if case .create(let existing)? = action { v = existing }
                try r.readMessage(into: &v)
                action = .create(v)
            case (2, .lengthDelimited):
                var v = DraftEdit()
                if case .edit(let existing)? = action { v = existing }
                try r.readMessage(into: &v)
                action = .edit(v)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        if case .create(let v)? = action { j.message("create", v) }
        if case .edit(let v)? = action { j.message("edit", v) }
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "create": action = .create(try JSONRead.message(DraftNew.self, value, path: p))
            case "edit": action = .edit(try JSONRead.message(DraftEdit.self, value, path: p))
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// Starts a joint draft.
public struct DraftNew: ProtoMessage {
    public static let protoName = "xieshang.v1.DraftNew"

    /// The alliance the draft belongs to.
    public var allianceId: String = ""
    /// The draft's id, unique in its alliance (e.g. "<alliance>/<host node>/<n>").
    public var draftId: String = ""
    /// The title.
    public var title: String = ""
    /// Node ids of the required co-sponsors (members of the alliance; the host among them).
    public var coSponsors: [String] = []
    /// The initial text (may be empty).
    public var text: String = ""
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        allianceId: String = "",
        draftId: String = "",
        title: String = "",
        coSponsors: [String] = [],
        text: String = ""
    ) {
        self.allianceId = allianceId
        self.draftId = draftId
        self.title = title
        self.coSponsors = coSponsors
        self.text = text
    }
}

extension DraftNew {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "alliance_id", jsonName: "allianceId", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "draft_id", jsonName: "draftId", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "title", jsonName: "title", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "co_sponsors", jsonName: "coSponsors", type: .string, label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 5, name: "text", jsonName: "text", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, allianceId, field: 1)
        n += WireSize.singular(StringCodec.self, draftId, field: 2)
        n += WireSize.singular(StringCodec.self, title, field: 3)
        n += WireSize.repeated(StringCodec.self, coSponsors, field: 4)
        n += WireSize.singular(StringCodec.self, text, field: 5)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, allianceId, field: 1)
        w.singular(StringCodec.self, draftId, field: 2)
        w.singular(StringCodec.self, title, field: 3)
        w.repeated(StringCodec.self, coSponsors, field: 4)
        w.singular(StringCodec.self, text, field: 5)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): allianceId = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): draftId = try StringCodec.read(from: &r)
            case (3, .lengthDelimited): title = try StringCodec.read(from: &r)
            case (4, _): try r.readRepeated(StringCodec.self, tag, into: &coSponsors, unknown: &unknownFields)
            case (5, .lengthDelimited): text = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("allianceId", StringCodec.self, allianceId)
        j.singular("draftId", StringCodec.self, draftId)
        j.singular("title", StringCodec.self, title)
        j.repeated("coSponsors", StringCodec.self, coSponsors)
        j.singular("text", StringCodec.self, text)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "allianceId", "alliance_id": allianceId = try StringCodec.readJSON(value, path: p)
            case "draftId", "draft_id": draftId = try StringCodec.readJSON(value, path: p)
            case "title": title = try StringCodec.readJSON(value, path: p)
            case "coSponsors", "co_sponsors": coSponsors = try JSONRead.repeated(StringCodec.self, value, path: p)
            case "text": text = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// Edits a draft's text by position, as the operator saw it.
public struct DraftEdit: ProtoMessage {
    public static let protoName = "xieshang.v1.DraftEdit"

    /// The draft's id.
    public var draftId: String = ""
    /// The content hash of the text the patches were computed against (empty: apply to the current text).
    public var baseHash: [UInt8] = []
    /// Patches, applied in order, each against the text left by the previous ones.
    public var patches: [DraftPatch] = []
    /// The text version the patches were computed against (replica node id → sequence numbers included). When other
    /// members' edits arrived since, the patches are made on that version and merge with them like any concurrent edit;
    /// without it, an edit whose base_hash is not the current content's is refused.
    public var baseVersion: [String: UInt32] = [:]
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        draftId: String = "",
        baseHash: [UInt8] = [],
        patches: [DraftPatch] = [],
        baseVersion: [String: UInt32] = [:]
    ) {
        self.draftId = draftId
        self.baseHash = baseHash
        self.patches = patches
        self.baseVersion = baseVersion
    }
}

extension DraftEdit {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "draft_id", jsonName: "draftId", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "base_hash", jsonName: "baseHash", type: .bytes, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "patches", jsonName: "patches", type: .message("xieshang.v1.DraftPatch"), label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "base_version", jsonName: "baseVersion", type: .uint32, label: .map(key: .string), oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, draftId, field: 1)
        n += WireSize.singular(BytesCodec.self, baseHash, field: 2)
        n += WireSize.messages(patches, field: 3)
        n += WireSize.map(StringCodec.self, UInt32Codec.self, baseVersion, field: 4)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, draftId, field: 1)
        w.singular(BytesCodec.self, baseHash, field: 2)
        w.messages(patches, field: 3)
        w.map(StringCodec.self, UInt32Codec.self, baseVersion, field: 4)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): draftId = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): baseHash = try BytesCodec.read(from: &r)
            case (3, .lengthDelimited): patches.append(try r.readMessage(DraftPatch.self))
            case (4, .lengthDelimited): try r.readMapEntry(StringCodec.self, UInt32Codec.self, into: &baseVersion)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("draftId", StringCodec.self, draftId)
        j.singular("baseHash", BytesCodec.self, baseHash)
        j.messages("patches", patches)
        j.map("baseVersion", StringCodec.self, UInt32Codec.self, baseVersion)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "draftId", "draft_id": draftId = try StringCodec.readJSON(value, path: p)
            case "baseHash", "base_hash": baseHash = try BytesCodec.readJSON(value, path: p)
            case "patches": patches = try JSONRead.messages(DraftPatch.self, value, path: p)
            case "baseVersion", "base_version": baseVersion = try JSONRead.map(StringCodec.self, UInt32Codec.self, value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// One patch: at `position` (in Unicode scalars), delete `deleted` scalars, then insert `inserted`.
public struct DraftPatch: ProtoMessage {
    public static let protoName = "xieshang.v1.DraftPatch"

    /// Position in Unicode scalars.
    public var position: UInt32 = 0
    /// Number of scalars deleted there.
    public var deleted: UInt32 = 0
    /// Text inserted there.
    public var inserted: String = ""
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        position: UInt32 = 0,
        deleted: UInt32 = 0,
        inserted: String = ""
    ) {
        self.position = position
        self.deleted = deleted
        self.inserted = inserted
    }
}

extension DraftPatch {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "position", jsonName: "position", type: .uint32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "deleted", jsonName: "deleted", type: .uint32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "inserted", jsonName: "inserted", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(UInt32Codec.self, position, field: 1)
        n += WireSize.singular(UInt32Codec.self, deleted, field: 2)
        n += WireSize.singular(StringCodec.self, inserted, field: 3)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(UInt32Codec.self, position, field: 1)
        w.singular(UInt32Codec.self, deleted, field: 2)
        w.singular(StringCodec.self, inserted, field: 3)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .varint): position = try UInt32Codec.read(from: &r)
            case (2, .varint): deleted = try UInt32Codec.read(from: &r)
            case (3, .lengthDelimited): inserted = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("position", UInt32Codec.self, position)
        j.singular("deleted", UInt32Codec.self, deleted)
        j.singular("inserted", StringCodec.self, inserted)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "position": position = try UInt32Codec.readJSON(value, path: p)
            case "deleted": deleted = try UInt32Codec.readJSON(value, path: p)
            case "inserted": inserted = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// Admin Submit payload for EVENT_KIND_DRAFT_SIGN_OFF: this node signs the draft's current content as a co-sponsor.
public struct DraftSign: ProtoMessage {
    public static let protoName = "xieshang.v1.DraftSign"

    /// The draft's id.
    public var draftId: String = ""
    /// The content hash the operator read and approves; the sign-off is refused when the content is not that (empty:
    /// the current content).
    public var contentHash: [UInt8] = []
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        draftId: String = "",
        contentHash: [UInt8] = []
    ) {
        self.draftId = draftId
        self.contentHash = contentHash
    }
}

extension DraftSign {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "draft_id", jsonName: "draftId", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "content_hash", jsonName: "contentHash", type: .bytes, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, draftId, field: 1)
        n += WireSize.singular(BytesCodec.self, contentHash, field: 2)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, draftId, field: 1)
        w.singular(BytesCodec.self, contentHash, field: 2)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): draftId = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): contentHash = try BytesCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("draftId", StringCodec.self, draftId)
        j.singular("contentHash", BytesCodec.self, contentHash)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "draftId", "draft_id": draftId = try StringCodec.readJSON(value, path: p)
            case "contentHash", "content_hash": contentHash = try BytesCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// Payload of EVENT_KIND_JOINT_PROPOSAL: a joint proposal (联名提案) every required co-sponsor signed, forwarded by the
/// host (the draft's creator) to its parent body, scope `up`, once.
public struct JointProposal: ProtoMessage {
    public static let protoName = "xieshang.v1.JointProposal"

    /// The alliance.
    public var allianceId: String = ""
    /// The draft's id.
    public var draftId: String = ""
    /// The host body (the draft's creator).
    public var host: String = ""
    /// The title.
    public var title: String = ""
    /// The required co-sponsors, in byte order.
    public var coSponsors: [String] = []
    /// The signed text.
    public var text: String = ""
    /// SHA-256 of the draft's canonical content bytes (what every sign-off signed).
    public var contentHash: [UInt8] = []
    /// One sign-off per co-sponsor, in the order of co_sponsors.
    public var signOffs: [DraftSignOff] = []
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        allianceId: String = "",
        draftId: String = "",
        host: String = "",
        title: String = "",
        coSponsors: [String] = [],
        text: String = "",
        contentHash: [UInt8] = [],
        signOffs: [DraftSignOff] = []
    ) {
        self.allianceId = allianceId
        self.draftId = draftId
        self.host = host
        self.title = title
        self.coSponsors = coSponsors
        self.text = text
        self.contentHash = contentHash
        self.signOffs = signOffs
    }
}

extension JointProposal {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "alliance_id", jsonName: "allianceId", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "draft_id", jsonName: "draftId", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "host", jsonName: "host", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "title", jsonName: "title", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 5, name: "co_sponsors", jsonName: "coSponsors", type: .string, label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 6, name: "text", jsonName: "text", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 7, name: "content_hash", jsonName: "contentHash", type: .bytes, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 8, name: "sign_offs", jsonName: "signOffs", type: .message("xieshang.v1.DraftSignOff"), label: .repeated, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, allianceId, field: 1)
        n += WireSize.singular(StringCodec.self, draftId, field: 2)
        n += WireSize.singular(StringCodec.self, host, field: 3)
        n += WireSize.singular(StringCodec.self, title, field: 4)
        n += WireSize.repeated(StringCodec.self, coSponsors, field: 5)
        n += WireSize.singular(StringCodec.self, text, field: 6)
        n += WireSize.singular(BytesCodec.self, contentHash, field: 7)
        n += WireSize.messages(signOffs, field: 8)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, allianceId, field: 1)
        w.singular(StringCodec.self, draftId, field: 2)
        w.singular(StringCodec.self, host, field: 3)
        w.singular(StringCodec.self, title, field: 4)
        w.repeated(StringCodec.self, coSponsors, field: 5)
        w.singular(StringCodec.self, text, field: 6)
        w.singular(BytesCodec.self, contentHash, field: 7)
        w.messages(signOffs, field: 8)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): allianceId = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): draftId = try StringCodec.read(from: &r)
            case (3, .lengthDelimited): host = try StringCodec.read(from: &r)
            case (4, .lengthDelimited): title = try StringCodec.read(from: &r)
            case (5, _): try r.readRepeated(StringCodec.self, tag, into: &coSponsors, unknown: &unknownFields)
            case (6, .lengthDelimited): text = try StringCodec.read(from: &r)
            case (7, .lengthDelimited): contentHash = try BytesCodec.read(from: &r)
            case (8, .lengthDelimited): signOffs.append(try r.readMessage(DraftSignOff.self))
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("allianceId", StringCodec.self, allianceId)
        j.singular("draftId", StringCodec.self, draftId)
        j.singular("host", StringCodec.self, host)
        j.singular("title", StringCodec.self, title)
        j.repeated("coSponsors", StringCodec.self, coSponsors)
        j.singular("text", StringCodec.self, text)
        j.singular("contentHash", BytesCodec.self, contentHash)
        j.messages("signOffs", signOffs)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "allianceId", "alliance_id": allianceId = try StringCodec.readJSON(value, path: p)
            case "draftId", "draft_id": draftId = try StringCodec.readJSON(value, path: p)
            case "host": host = try StringCodec.readJSON(value, path: p)
            case "title": title = try StringCodec.readJSON(value, path: p)
            case "coSponsors", "co_sponsors": coSponsors = try JSONRead.repeated(StringCodec.self, value, path: p)
            case "text": text = try StringCodec.readJSON(value, path: p)
            case "contentHash", "content_hash": contentHash = try BytesCodec.readJSON(value, path: p)
            case "signOffs", "sign_offs": signOffs = try JSONRead.messages(DraftSignOff.self, value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}
