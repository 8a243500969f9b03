// DO NOT EDIT — generated from Protos/xieshang/v1/members.proto by xieshang-protogen.
// Change the .proto file and run `make generate`; a test fails when this file drifts from Protos/.

/// Who a body is: recorded once by the body itself (and again whenever it changes).
public struct BodyInfo: ProtoMessage {
    public static let protoName = "xieshang.v1.BodyInfo"

    /// Node id of the body (e.g. "cn.gz.tongren.wanshan").
    public var id: String = ""
    /// Display name in Chinese (e.g. "万山区政协").
    public var name: String = ""
    /// Tier as data, not a fixed list: "city" 市/州, "county" 县/区/市, "township" 乡镇/街道 liaison group,
    /// "village" 村(社区)站; a deployment may add others.
    public var tier: String = ""
    /// Node id of the parent body; empty for the root.
    public var parent: String = ""
    /// Zone 片区 the body belongs to (e.g. "东片区"); empty when none.
    public var zone: String = ""
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        id: String = "",
        name: String = "",
        tier: String = "",
        parent: String = "",
        zone: String = ""
    ) {
        self.id = id
        self.name = name
        self.tier = tier
        self.parent = parent
        self.zone = zone
    }
}

extension BodyInfo {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "id", jsonName: "id", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "name", jsonName: "name", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "tier", jsonName: "tier", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "parent", jsonName: "parent", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 5, name: "zone", jsonName: "zone", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, id, field: 1)
        n += WireSize.singular(StringCodec.self, name, field: 2)
        n += WireSize.singular(StringCodec.self, tier, field: 3)
        n += WireSize.singular(StringCodec.self, parent, field: 4)
        n += WireSize.singular(StringCodec.self, zone, field: 5)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, id, field: 1)
        w.singular(StringCodec.self, name, field: 2)
        w.singular(StringCodec.self, tier, field: 3)
        w.singular(StringCodec.self, parent, field: 4)
        w.singular(StringCodec.self, zone, field: 5)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): id = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): name = try StringCodec.read(from: &r)
            case (3, .lengthDelimited): tier = try StringCodec.read(from: &r)
            case (4, .lengthDelimited): parent = try StringCodec.read(from: &r)
            case (5, .lengthDelimited): zone = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("id", StringCodec.self, id)
        j.singular("name", StringCodec.self, name)
        j.singular("tier", StringCodec.self, tier)
        j.singular("parent", StringCodec.self, parent)
        j.singular("zone", StringCodec.self, zone)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "id": id = try StringCodec.readJSON(value, path: p)
            case "name": name = try StringCodec.readJSON(value, path: p)
            case "tier": tier = try StringCodec.readJSON(value, path: p)
            case "parent": parent = try StringCodec.readJSON(value, path: p)
            case "zone": zone = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// A member added or changed. The latest MemberRecorded for a member id replaces earlier ones.
public struct MemberRecorded: ProtoMessage {
    public static let protoName = "xieshang.v1.MemberRecorded"

    /// Member id, unique within the federation (e.g. "wanshan-2021-017").
    public var memberId: String = ""
    /// Full name (Chinese).
    public var name: String = ""
    /// Sector 界别 (e.g. "经济界", "中共").
    public var sector: String = ""
    /// Node id of the body the member belongs to.
    public var body: String = ""
    /// Term 届 number (e.g. 9 for the 9th committee).
    public var term: Int32 = 0
    /// Roles: "standing" 常委, "chair_meeting" 主席会议成员; free text beyond these.
    public var roles: [String] = []
    /// False once the member has left (resigned, term ended, recommended to resign and accepted).
    public var active: Bool = false
    /// True for a special invited member 特邀委员 (township level).
    public var invited: Bool = false
    /// Day the record takes effect, "YYYY-MM-DD".
    public var effective: String = ""
    /// The body's own description, set when the event also (re)states the body (usually on its first member).
    public var bodyInfo: BodyInfo? = nil
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        memberId: String = "",
        name: String = "",
        sector: String = "",
        body: String = "",
        term: Int32 = 0,
        roles: [String] = [],
        active: Bool = false,
        invited: Bool = false,
        effective: String = "",
        bodyInfo: BodyInfo? = nil
    ) {
        self.memberId = memberId
        self.name = name
        self.sector = sector
        self.body = body
        self.term = term
        self.roles = roles
        self.active = active
        self.invited = invited
        self.effective = effective
        self.bodyInfo = bodyInfo
    }
}

extension MemberRecorded {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "member_id", jsonName: "memberId", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "name", jsonName: "name", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "sector", jsonName: "sector", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "body", jsonName: "body", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 5, name: "term", jsonName: "term", type: .int32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 6, name: "roles", jsonName: "roles", type: .string, label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 7, name: "active", jsonName: "active", type: .bool, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 8, name: "invited", jsonName: "invited", type: .bool, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 9, name: "effective", jsonName: "effective", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 10, name: "body_info", jsonName: "bodyInfo", type: .message("xieshang.v1.BodyInfo"), label: .optional, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, memberId, field: 1)
        n += WireSize.singular(StringCodec.self, name, field: 2)
        n += WireSize.singular(StringCodec.self, sector, field: 3)
        n += WireSize.singular(StringCodec.self, body, field: 4)
        n += WireSize.singular(Int32Codec.self, term, field: 5)
        n += WireSize.repeated(StringCodec.self, roles, field: 6)
        n += WireSize.singular(BoolCodec.self, active, field: 7)
        n += WireSize.singular(BoolCodec.self, invited, field: 8)
        n += WireSize.singular(StringCodec.self, effective, field: 9)
        if let v = bodyInfo { n += WireSize.message(v, field: 10) }
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, memberId, field: 1)
        w.singular(StringCodec.self, name, field: 2)
        w.singular(StringCodec.self, sector, field: 3)
        w.singular(StringCodec.self, body, field: 4)
        w.singular(Int32Codec.self, term, field: 5)
        w.repeated(StringCodec.self, roles, field: 6)
        w.singular(BoolCodec.self, active, field: 7)
        w.singular(BoolCodec.self, invited, field: 8)
        w.singular(StringCodec.self, effective, field: 9)
        if let v = bodyInfo { w.message(v, field: 10) }
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): memberId = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): name = try StringCodec.read(from: &r)
            case (3, .lengthDelimited): sector = try StringCodec.read(from: &r)
            case (4, .lengthDelimited): body = try StringCodec.read(from: &r)
            case (5, .varint): term = try Int32Codec.read(from: &r)
            case (6, _): try r.readRepeated(StringCodec.self, tag, into: &roles, unknown: &unknownFields)
            case (7, .varint): active = try BoolCodec.read(from: &r)
            case (8, .varint): invited = try BoolCodec.read(from: &r)
            case (9, .lengthDelimited): effective = try StringCodec.read(from: &r)
            case (10, .lengthDelimited): try r.readMessage(into: &bodyInfo)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("memberId", StringCodec.self, memberId)
        j.singular("name", StringCodec.self, name)
        j.singular("sector", StringCodec.self, sector)
        j.singular("body", StringCodec.self, body)
        j.singular("term", Int32Codec.self, term)
        j.repeated("roles", StringCodec.self, roles)
        j.singular("active", BoolCodec.self, active)
        j.singular("invited", BoolCodec.self, invited)
        j.singular("effective", StringCodec.self, effective)
        if let v = bodyInfo { j.message("bodyInfo", v) }
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "memberId", "member_id": memberId = try StringCodec.readJSON(value, path: p)
            case "name": name = try StringCodec.readJSON(value, path: p)
            case "sector": sector = try StringCodec.readJSON(value, path: p)
            case "body": body = try StringCodec.readJSON(value, path: p)
            case "term": term = try Int32Codec.readJSON(value, path: p)
            case "roles": roles = try JSONRead.repeated(StringCodec.self, value, path: p)
            case "active": active = try BoolCodec.readJSON(value, path: p)
            case "invited": invited = try BoolCodec.readJSON(value, path: p)
            case "effective": effective = try StringCodec.readJSON(value, path: p)
            case "bodyInfo", "body_info": bodyInfo = try JSONRead.message(BodyInfo.self, value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}
