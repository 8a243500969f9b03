// DO NOT EDIT — generated from Protos/xieshang/v1/duty.proto by xieshang-protogen.
// Change the .proto file and run `make generate`; a test fails when this file drifts from Protos/.

/// Attendance at a meeting.
public enum Attendance: ProtoEnum {
    /// Not set; refused.
    case unspecified
    /// Attended 出席.
    case present
    /// Excused absence 请假.
    case excused
    /// Unexcused absence 无故缺席 (penalised).
    case unexcused
    /// A value this schema does not name (sent by a newer schema); kept as its number.
    case unrecognized(Int32)

    public static let protoName = "xieshang.v1.Attendance"
    public static let allKnownValues: [Attendance] = [.unspecified, .present, .excused, .unexcused]

    public init(protoValue: Int32) {
        switch protoValue {
        case 0: self = .unspecified
        case 1: self = .present
        case 2: self = .excused
        case 3: self = .unexcused
        default: self = .unrecognized(protoValue)
        }
    }

    public var protoValue: Int32 {
        switch self {
        case .unspecified: 0
        case .present: 1
        case .excused: 2
        case .unexcused: 3
        case .unrecognized(let value): value
        }
    }

    public var protoValueName: String? {
        switch self {
        case .unspecified: "ATTENDANCE_UNSPECIFIED"
        case .present: "ATTENDANCE_PRESENT"
        case .excused: "ATTENDANCE_EXCUSED"
        case .unexcused: "ATTENDANCE_UNEXCUSED"
        case .unrecognized: nil
        }
    }

    public init?(protoValueName: String) {
        switch protoValueName {
        case "ATTENDANCE_UNSPECIFIED": self = .unspecified
        case "ATTENDANCE_PRESENT": self = .present
        case "ATTENDANCE_EXCUSED": self = .excused
        case "ATTENDANCE_UNEXCUSED": self = .unexcused
        default: return nil
        }
    }
}

/// A duty record.
public struct DutyEvent: ProtoMessage {
    public static let protoName = "xieshang.v1.DutyEvent"

    /// Member id.
    public var memberId: String = ""
    /// Day, "YYYY-MM-DD".
    public var on: String = ""
    /// What is recorded.
    public var record: Record? = nil
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// What is recorded.
    public enum Record: Sendable, Hashable {
        /// Attendance at a meeting.
        case attendance(DutyEvent.AttendanceRecorded)
        /// An explicit adjustment.
        case adjustment(DutyEvent.Adjustment)
    }

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        memberId: String = "",
        on: String = "",
        record: Record? = nil
    ) {
        self.memberId = memberId
        self.on = on
        self.record = record
    }
}

extension DutyEvent {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "member_id", jsonName: "memberId", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "on", jsonName: "on", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 10, name: "attendance", jsonName: "attendance", type: .message("xieshang.v1.DutyEvent.AttendanceRecorded"), label: .singular, oneof: "record"),
        ProtoFieldDescriptor(number: 11, name: "adjustment", jsonName: "adjustment", type: .message("xieshang.v1.DutyEvent.Adjustment"), label: .singular, oneof: "record"),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, memberId, field: 1)
        n += WireSize.singular(StringCodec.self, on, field: 2)
        if case .attendance(let v)? = record { n += WireSize.message(v, field: 10) }
        if case .adjustment(let v)? = record { n += WireSize.message(v, field: 11) }
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, memberId, field: 1)
        w.singular(StringCodec.self, on, field: 2)
        if case .attendance(let v)? = record { w.message(v, field: 10) }
        if case .adjustment(let v)? = record { w.message(v, field: 11) }
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): memberId = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): on = try StringCodec.read(from: &r)
            case (10, .lengthDelimited):
                var v = DutyEvent.AttendanceRecorded()
                if case .attendance(let existing)? = record { v = existing }
                try r.readMessage(into: &v)
                record = .attendance(v)
            case (11, .lengthDelimited):
                var v = DutyEvent.Adjustment()
                if case .adjustment(let existing)? = record { v = existing }
                try r.readMessage(into: &v)
                record = .adjustment(v)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("memberId", StringCodec.self, memberId)
        j.singular("on", StringCodec.self, on)
        if case .attendance(let v)? = record { j.message("attendance", v) }
        if case .adjustment(let v)? = record { j.message("adjustment", v) }
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "memberId", "member_id": memberId = try StringCodec.readJSON(value, path: p)
            case "on": on = try StringCodec.readJSON(value, path: p)
            case "attendance": record = .attendance(try JSONRead.message(DutyEvent.AttendanceRecorded.self, value, path: p))
            case "adjustment": record = .adjustment(try JSONRead.message(DutyEvent.Adjustment.self, value, path: p))
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension DutyEvent {
    /// Attendance at one meeting.
    public struct AttendanceRecorded: ProtoMessage {
        public static let protoName = "xieshang.v1.DutyEvent.AttendanceRecorded"

        /// Id of the meeting (an ActivityRecorded id of kind MEETING, or the meeting's own reference).
        public var meetingId: String = ""
        /// Present, excused or unexcused.
        public var attendance: Attendance = .unspecified
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            meetingId: String = "",
            attendance: Attendance = .unspecified
        ) {
            self.meetingId = meetingId
            self.attendance = attendance
        }
    }
}

extension DutyEvent.AttendanceRecorded {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "meeting_id", jsonName: "meetingId", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "attendance", jsonName: "attendance", type: .enumeration("xieshang.v1.Attendance"), label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, meetingId, field: 1)
        n += WireSize.singular(EnumCodec<Attendance>.self, attendance, field: 2)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, meetingId, field: 1)
        w.singular(EnumCodec<Attendance>.self, attendance, field: 2)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): meetingId = try StringCodec.read(from: &r)
            case (2, .varint): attendance = try EnumCodec<Attendance>.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("meetingId", StringCodec.self, meetingId)
        j.singular("attendance", EnumCodec<Attendance>.self, attendance)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "meetingId", "meeting_id": meetingId = try StringCodec.readJSON(value, path: p)
            case "attendance": attendance = try EnumCodec<Attendance>.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension DutyEvent {
    /// An adjustment decided by the body (e.g. an award), in tenths of a point.
    public struct Adjustment: ProtoMessage {
        public static let protoName = "xieshang.v1.DutyEvent.Adjustment"

        /// Category: "meetings", "proposals", "opinions", "research", "welfare".
        public var category: String = ""
        /// Points in tenths (may be negative).
        public var tenths: Int64 = 0
        /// Why, citing the decision.
        public var reason: String = ""
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            category: String = "",
            tenths: Int64 = 0,
            reason: String = ""
        ) {
            self.category = category
            self.tenths = tenths
            self.reason = reason
        }
    }
}

extension DutyEvent.Adjustment {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "category", jsonName: "category", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "tenths", jsonName: "tenths", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "reason", jsonName: "reason", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, category, field: 1)
        n += WireSize.singular(Int64Codec.self, tenths, field: 2)
        n += WireSize.singular(StringCodec.self, reason, field: 3)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, category, field: 1)
        w.singular(Int64Codec.self, tenths, field: 2)
        w.singular(StringCodec.self, reason, field: 3)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): category = try StringCodec.read(from: &r)
            case (2, .varint): tenths = try Int64Codec.read(from: &r)
            case (3, .lengthDelimited): reason = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("category", StringCodec.self, category)
        j.singular("tenths", Int64Codec.self, tenths)
        j.singular("reason", StringCodec.self, reason)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "category": category = try StringCodec.readJSON(value, path: p)
            case "tenths": tenths = try Int64Codec.readJSON(value, path: p)
            case "reason": reason = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}
