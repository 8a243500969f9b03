// DO NOT EDIT — generated from Protos/xieshang/v1/stations.proto by xieshang-protogen.
// Change the .proto file and run `make generate`; a test fails when this file drifts from Protos/.

/// What kind of unit, and so where it may sit.
public enum StationKind: ProtoEnum {
    /// Not set; refused.
    case unspecified
    /// 村(社区)民主协商中心站: directly under the body.
    case village
    /// 组民主协商中心点: under a village station.
    case group
    /// 民主协商中心户: under a group point.
    case household
    /// 政协联络站 / 委员工作站 in a community or a park: directly under the body.
    case liaison
    /// A value this schema does not name (sent by a newer schema); kept as its number.
    case unrecognized(Int32)

    public static let protoName = "xieshang.v1.StationKind"
    public static let allKnownValues: [StationKind] = [.unspecified, .village, .group, .household, .liaison]

    public init(protoValue: Int32) {
        switch protoValue {
        case 0: self = .unspecified
        case 1: self = .village
        case 2: self = .group
        case 3: self = .household
        case 4: self = .liaison
        default: self = .unrecognized(protoValue)
        }
    }

    public var protoValue: Int32 {
        switch self {
        case .unspecified: 0
        case .village: 1
        case .group: 2
        case .household: 3
        case .liaison: 4
        case .unrecognized(let value): value
        }
    }

    public var protoValueName: String? {
        switch self {
        case .unspecified: "STATION_KIND_UNSPECIFIED"
        case .village: "STATION_KIND_VILLAGE"
        case .group: "STATION_KIND_GROUP"
        case .household: "STATION_KIND_HOUSEHOLD"
        case .liaison: "STATION_KIND_LIAISON"
        case .unrecognized: nil
        }
    }

    public init?(protoValueName: String) {
        switch protoValueName {
        case "STATION_KIND_UNSPECIFIED": self = .unspecified
        case "STATION_KIND_VILLAGE": self = .village
        case "STATION_KIND_GROUP": self = .group
        case "STATION_KIND_HOUSEHOLD": self = .household
        case "STATION_KIND_LIAISON": self = .liaison
        default: return nil
        }
    }
}

/// A step of one unit: registered, then perhaps retired. Ids are unique within the body, forever.
public struct StationEvent: ProtoMessage {
    public static let protoName = "xieshang.v1.StationEvent"

    /// Unit id, unique within the body (ASCII letters, digits, '-', '_', '.').
    public var stationId: String = ""
    /// Day of the step, "YYYY-MM-DD": the day it was set up, or the last day it worked.
    public var on: String = ""
    /// The step.
    public var step: Step? = nil
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// The step.
    public enum Step: Sendable, Hashable {
        /// Registered 登记 (备案).
        case registered(StationEvent.Registered)
        /// Retired 撤销: keeps its history, takes no activity dated after `on`.
        case retired(StationEvent.Retired)
    }

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        stationId: String = "",
        on: String = "",
        step: Step? = nil
    ) {
        self.stationId = stationId
        self.on = on
        self.step = step
    }
}

extension StationEvent {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "station_id", jsonName: "stationId", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "on", jsonName: "on", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 10, name: "registered", jsonName: "registered", type: .message("xieshang.v1.StationEvent.Registered"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 11, name: "retired", jsonName: "retired", type: .message("xieshang.v1.StationEvent.Retired"), label: .singular, oneof: "step"),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, stationId, field: 1)
        n += WireSize.singular(StringCodec.self, on, field: 2)
        if case .registered(let v)? = step { n += WireSize.message(v, field: 10) }
        if case .retired(let v)? = step { n += WireSize.message(v, field: 11) }
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, stationId, field: 1)
        w.singular(StringCodec.self, on, field: 2)
        if case .registered(let v)? = step { w.message(v, field: 10) }
        if case .retired(let v)? = step { w.message(v, field: 11) }
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): stationId = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): on = try StringCodec.read(from: &r)
            case (10, .lengthDelimited):
                var v = StationEvent.Registered()
                if case .registered(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .registered(v)
            case (11, .lengthDelimited):
                var v = StationEvent.Retired()
                if case .retired(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .retired(v)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("stationId", StringCodec.self, stationId)
        j.singular("on", StringCodec.self, on)
        if case .registered(let v)? = step { j.message("registered", v) }
        if case .retired(let v)? = step { j.message("retired", v) }
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "stationId", "station_id": stationId = try StringCodec.readJSON(value, path: p)
            case "on": on = try StringCodec.readJSON(value, path: p)
            case "registered": step = .registered(try JSONRead.message(StationEvent.Registered.self, value, path: p))
            case "retired": step = .retired(try JSONRead.message(StationEvent.Retired.self, value, path: p))
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension StationEvent {
    /// The unit is registered.
    public struct Registered: ProtoMessage {
        public static let protoName = "xieshang.v1.StationEvent.Registered"

        /// Display name, e.g. "高竹村民主协商中心站".
        public var name: String = ""
        /// Kind.
        public var kind: StationKind = .unspecified
        /// Id of the unit it sits under; empty for a unit directly under the body.
        public var parent: String = ""
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            name: String = "",
            kind: StationKind = .unspecified,
            parent: String = ""
        ) {
            self.name = name
            self.kind = kind
            self.parent = parent
        }
    }
}

extension StationEvent.Registered {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "name", jsonName: "name", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "kind", jsonName: "kind", type: .enumeration("xieshang.v1.StationKind"), label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "parent", jsonName: "parent", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, name, field: 1)
        n += WireSize.singular(EnumCodec<StationKind>.self, kind, field: 2)
        n += WireSize.singular(StringCodec.self, parent, field: 3)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, name, field: 1)
        w.singular(EnumCodec<StationKind>.self, kind, field: 2)
        w.singular(StringCodec.self, parent, field: 3)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): name = try StringCodec.read(from: &r)
            case (2, .varint): kind = try EnumCodec<StationKind>.read(from: &r)
            case (3, .lengthDelimited): parent = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("name", StringCodec.self, name)
        j.singular("kind", EnumCodec<StationKind>.self, kind)
        j.singular("parent", StringCodec.self, parent)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "name": name = try StringCodec.readJSON(value, path: p)
            case "kind": kind = try EnumCodec<StationKind>.readJSON(value, path: p)
            case "parent": parent = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension StationEvent {
    /// The unit is retired.
    public struct Retired: ProtoMessage {
        public static let protoName = "xieshang.v1.StationEvent.Retired"

        /// Why (merged villages, …); may be empty.
        public var reason: String = ""
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            reason: String = ""
        ) {
            self.reason = reason
        }
    }
}

extension StationEvent.Retired {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "reason", jsonName: "reason", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, reason, field: 1)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, reason, field: 1)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): reason = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("reason", StringCodec.self, reason)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "reason": reason = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}
