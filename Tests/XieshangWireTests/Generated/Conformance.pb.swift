// DO NOT EDIT — generated from Protos/xieshang/test/v1/conformance.proto by xieshang-protogen.
// Change the .proto file and run `make generate`; a test fails when this file drifts from Protos/.

import XieshangWire

/// A colour, to test enums.
public enum ConformanceColour: ProtoEnum {
    /// The zero value.
    case unspecified
    /// 红.
    case red
    /// 绿.
    case green
    /// A negative value, legal in proto3.
    case negative
    /// A value this schema does not name (sent by a newer schema); kept as its number.
    case unrecognized(Int32)

    public static let protoName = "xieshang.test.v1.ConformanceColour"
    public static let allKnownValues: [ConformanceColour] = [.unspecified, .red, .green, .negative]

    public init(protoValue: Int32) {
        switch protoValue {
        case 0: self = .unspecified
        case 1: self = .red
        case 2: self = .green
        case -3: self = .negative
        default: self = .unrecognized(protoValue)
        }
    }

    public var protoValue: Int32 {
        switch self {
        case .unspecified: 0
        case .red: 1
        case .green: 2
        case .negative: -3
        case .unrecognized(let value): value
        }
    }

    public var protoValueName: String? {
        switch self {
        case .unspecified: "CONFORMANCE_COLOUR_UNSPECIFIED"
        case .red: "CONFORMANCE_COLOUR_RED"
        case .green: "CONFORMANCE_COLOUR_GREEN"
        case .negative: "CONFORMANCE_COLOUR_NEGATIVE"
        case .unrecognized: nil
        }
    }

    public init?(protoValueName: String) {
        switch protoValueName {
        case "CONFORMANCE_COLOUR_UNSPECIFIED": self = .unspecified
        case "CONFORMANCE_COLOUR_RED": self = .red
        case "CONFORMANCE_COLOUR_GREEN": self = .green
        case "CONFORMANCE_COLOUR_NEGATIVE": self = .negative
        default: return nil
        }
    }
}

/// Every scalar type, singular, optional and repeated.
public struct ConformanceScalars: ProtoMessage {
    public static let protoName = "xieshang.test.v1.ConformanceScalars"

    /// double.
    public var fDouble: Double = 0
    /// float.
    public var fFloat: Float = 0
    /// int32.
    public var fInt32: Int32 = 0
    /// int64.
    public var fInt64: Int64 = 0
    /// uint32.
    public var fUint32: UInt32 = 0
    /// uint64.
    public var fUint64: UInt64 = 0
    /// sint32.
    public var fSint32: Int32 = 0
    /// sint64.
    public var fSint64: Int64 = 0
    /// fixed32.
    public var fFixed32: UInt32 = 0
    /// fixed64.
    public var fFixed64: UInt64 = 0
    /// sfixed32.
    public var fSfixed32: Int32 = 0
    /// sfixed64.
    public var fSfixed64: Int64 = 0
    /// bool.
    public var fBool: Bool = false
    /// string.
    public var fString: String = ""
    /// bytes.
    public var fBytes: [UInt8] = []
    /// enum.
    public var fEnum: ConformanceColour = .unspecified
    /// Repeated double (packed).
    public var rDouble: [Double] = []
    /// Repeated float (packed).
    public var rFloat: [Float] = []
    /// Repeated int32 (packed).
    public var rInt32: [Int32] = []
    /// Repeated int64 (packed).
    public var rInt64: [Int64] = []
    /// Repeated uint32 (packed).
    public var rUint32: [UInt32] = []
    /// Repeated uint64 (packed).
    public var rUint64: [UInt64] = []
    /// Repeated sint32 (packed).
    public var rSint32: [Int32] = []
    /// Repeated sint64 (packed).
    public var rSint64: [Int64] = []
    /// Repeated fixed32 (packed).
    public var rFixed32: [UInt32] = []
    /// Repeated fixed64 (packed).
    public var rFixed64: [UInt64] = []
    /// Repeated sfixed32 (packed).
    public var rSfixed32: [Int32] = []
    /// Repeated sfixed64 (packed).
    public var rSfixed64: [Int64] = []
    /// Repeated bool (packed).
    public var rBool: [Bool] = []
    /// Repeated string (never packed).
    public var rString: [String] = []
    /// Repeated bytes (never packed).
    public var rBytes: [[UInt8]] = []
    /// Repeated enum (packed).
    public var rEnum: [ConformanceColour] = []
    /// Explicit presence: written even when zero.
    public var oInt32: Int32? = nil
    /// Explicit presence string.
    public var oString: String? = nil
    /// Explicit presence enum.
    public var oEnum: ConformanceColour? = nil
    /// Explicit presence double.
    public var oDouble: Double? = nil
    /// A field number that needs a multi-byte tag.
    public var fFar: String = ""
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        fDouble: Double = 0,
        fFloat: Float = 0,
        fInt32: Int32 = 0,
        fInt64: Int64 = 0,
        fUint32: UInt32 = 0,
        fUint64: UInt64 = 0,
        fSint32: Int32 = 0,
        fSint64: Int64 = 0,
        fFixed32: UInt32 = 0,
        fFixed64: UInt64 = 0,
        fSfixed32: Int32 = 0,
        fSfixed64: Int64 = 0,
        fBool: Bool = false,
        fString: String = "",
        fBytes: [UInt8] = [],
        fEnum: ConformanceColour = .unspecified,
        rDouble: [Double] = [],
        rFloat: [Float] = [],
        rInt32: [Int32] = [],
        rInt64: [Int64] = [],
        rUint32: [UInt32] = [],
        rUint64: [UInt64] = [],
        rSint32: [Int32] = [],
        rSint64: [Int64] = [],
        rFixed32: [UInt32] = [],
        rFixed64: [UInt64] = [],
        rSfixed32: [Int32] = [],
        rSfixed64: [Int64] = [],
        rBool: [Bool] = [],
        rString: [String] = [],
        rBytes: [[UInt8]] = [],
        rEnum: [ConformanceColour] = [],
        oInt32: Int32? = nil,
        oString: String? = nil,
        oEnum: ConformanceColour? = nil,
        oDouble: Double? = nil,
        fFar: String = ""
    ) {
        self.fDouble = fDouble
        self.fFloat = fFloat
        self.fInt32 = fInt32
        self.fInt64 = fInt64
        self.fUint32 = fUint32
        self.fUint64 = fUint64
        self.fSint32 = fSint32
        self.fSint64 = fSint64
        self.fFixed32 = fFixed32
        self.fFixed64 = fFixed64
        self.fSfixed32 = fSfixed32
        self.fSfixed64 = fSfixed64
        self.fBool = fBool
        self.fString = fString
        self.fBytes = fBytes
        self.fEnum = fEnum
        self.rDouble = rDouble
        self.rFloat = rFloat
        self.rInt32 = rInt32
        self.rInt64 = rInt64
        self.rUint32 = rUint32
        self.rUint64 = rUint64
        self.rSint32 = rSint32
        self.rSint64 = rSint64
        self.rFixed32 = rFixed32
        self.rFixed64 = rFixed64
        self.rSfixed32 = rSfixed32
        self.rSfixed64 = rSfixed64
        self.rBool = rBool
        self.rString = rString
        self.rBytes = rBytes
        self.rEnum = rEnum
        self.oInt32 = oInt32
        self.oString = oString
        self.oEnum = oEnum
        self.oDouble = oDouble
        self.fFar = fFar
    }
}

extension ConformanceScalars {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "f_double", jsonName: "fDouble", type: .double, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "f_float", jsonName: "fFloat", type: .float, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "f_int32", jsonName: "fInt32", type: .int32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "f_int64", jsonName: "fInt64", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 5, name: "f_uint32", jsonName: "fUint32", type: .uint32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 6, name: "f_uint64", jsonName: "fUint64", type: .uint64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 7, name: "f_sint32", jsonName: "fSint32", type: .sint32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 8, name: "f_sint64", jsonName: "fSint64", type: .sint64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 9, name: "f_fixed32", jsonName: "fFixed32", type: .fixed32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 10, name: "f_fixed64", jsonName: "fFixed64", type: .fixed64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 11, name: "f_sfixed32", jsonName: "fSfixed32", type: .sfixed32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 12, name: "f_sfixed64", jsonName: "fSfixed64", type: .sfixed64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 13, name: "f_bool", jsonName: "fBool", type: .bool, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 14, name: "f_string", jsonName: "fString", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 15, name: "f_bytes", jsonName: "fBytes", type: .bytes, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 16, name: "f_enum", jsonName: "fEnum", type: .enumeration("xieshang.test.v1.ConformanceColour"), label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 21, name: "r_double", jsonName: "rDouble", type: .double, label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 22, name: "r_float", jsonName: "rFloat", type: .float, label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 23, name: "r_int32", jsonName: "rInt32", type: .int32, label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 24, name: "r_int64", jsonName: "rInt64", type: .int64, label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 25, name: "r_uint32", jsonName: "rUint32", type: .uint32, label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 26, name: "r_uint64", jsonName: "rUint64", type: .uint64, label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 27, name: "r_sint32", jsonName: "rSint32", type: .sint32, label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 28, name: "r_sint64", jsonName: "rSint64", type: .sint64, label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 29, name: "r_fixed32", jsonName: "rFixed32", type: .fixed32, label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 30, name: "r_fixed64", jsonName: "rFixed64", type: .fixed64, label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 31, name: "r_sfixed32", jsonName: "rSfixed32", type: .sfixed32, label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 32, name: "r_sfixed64", jsonName: "rSfixed64", type: .sfixed64, label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 33, name: "r_bool", jsonName: "rBool", type: .bool, label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 34, name: "r_string", jsonName: "rString", type: .string, label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 35, name: "r_bytes", jsonName: "rBytes", type: .bytes, label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 36, name: "r_enum", jsonName: "rEnum", type: .enumeration("xieshang.test.v1.ConformanceColour"), label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 41, name: "o_int32", jsonName: "oInt32", type: .int32, label: .optional, oneof: nil),
        ProtoFieldDescriptor(number: 42, name: "o_string", jsonName: "oString", type: .string, label: .optional, oneof: nil),
        ProtoFieldDescriptor(number: 43, name: "o_enum", jsonName: "oEnum", type: .enumeration("xieshang.test.v1.ConformanceColour"), label: .optional, oneof: nil),
        ProtoFieldDescriptor(number: 44, name: "o_double", jsonName: "oDouble", type: .double, label: .optional, oneof: nil),
        ProtoFieldDescriptor(number: 536870911, name: "f_far", jsonName: "fFar", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(DoubleCodec.self, fDouble, field: 1)
        n += WireSize.singular(FloatCodec.self, fFloat, field: 2)
        n += WireSize.singular(Int32Codec.self, fInt32, field: 3)
        n += WireSize.singular(Int64Codec.self, fInt64, field: 4)
        n += WireSize.singular(UInt32Codec.self, fUint32, field: 5)
        n += WireSize.singular(UInt64Codec.self, fUint64, field: 6)
        n += WireSize.singular(SInt32Codec.self, fSint32, field: 7)
        n += WireSize.singular(SInt64Codec.self, fSint64, field: 8)
        n += WireSize.singular(Fixed32Codec.self, fFixed32, field: 9)
        n += WireSize.singular(Fixed64Codec.self, fFixed64, field: 10)
        n += WireSize.singular(SFixed32Codec.self, fSfixed32, field: 11)
        n += WireSize.singular(SFixed64Codec.self, fSfixed64, field: 12)
        n += WireSize.singular(BoolCodec.self, fBool, field: 13)
        n += WireSize.singular(StringCodec.self, fString, field: 14)
        n += WireSize.singular(BytesCodec.self, fBytes, field: 15)
        n += WireSize.singular(EnumCodec<ConformanceColour>.self, fEnum, field: 16)
        n += WireSize.repeated(DoubleCodec.self, rDouble, field: 21)
        n += WireSize.repeated(FloatCodec.self, rFloat, field: 22)
        n += WireSize.repeated(Int32Codec.self, rInt32, field: 23)
        n += WireSize.repeated(Int64Codec.self, rInt64, field: 24)
        n += WireSize.repeated(UInt32Codec.self, rUint32, field: 25)
        n += WireSize.repeated(UInt64Codec.self, rUint64, field: 26)
        n += WireSize.repeated(SInt32Codec.self, rSint32, field: 27)
        n += WireSize.repeated(SInt64Codec.self, rSint64, field: 28)
        n += WireSize.repeated(Fixed32Codec.self, rFixed32, field: 29)
        n += WireSize.repeated(Fixed64Codec.self, rFixed64, field: 30)
        n += WireSize.repeated(SFixed32Codec.self, rSfixed32, field: 31)
        n += WireSize.repeated(SFixed64Codec.self, rSfixed64, field: 32)
        n += WireSize.repeated(BoolCodec.self, rBool, field: 33)
        n += WireSize.repeated(StringCodec.self, rString, field: 34)
        n += WireSize.repeated(BytesCodec.self, rBytes, field: 35)
        n += WireSize.repeated(EnumCodec<ConformanceColour>.self, rEnum, field: 36)
        if let v = oInt32 { n += WireSize.present(Int32Codec.self, v, field: 41) }
        if let v = oString { n += WireSize.present(StringCodec.self, v, field: 42) }
        if let v = oEnum { n += WireSize.present(EnumCodec<ConformanceColour>.self, v, field: 43) }
        if let v = oDouble { n += WireSize.present(DoubleCodec.self, v, field: 44) }
        n += WireSize.singular(StringCodec.self, fFar, field: 536870911)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(DoubleCodec.self, fDouble, field: 1)
        w.singular(FloatCodec.self, fFloat, field: 2)
        w.singular(Int32Codec.self, fInt32, field: 3)
        w.singular(Int64Codec.self, fInt64, field: 4)
        w.singular(UInt32Codec.self, fUint32, field: 5)
        w.singular(UInt64Codec.self, fUint64, field: 6)
        w.singular(SInt32Codec.self, fSint32, field: 7)
        w.singular(SInt64Codec.self, fSint64, field: 8)
        w.singular(Fixed32Codec.self, fFixed32, field: 9)
        w.singular(Fixed64Codec.self, fFixed64, field: 10)
        w.singular(SFixed32Codec.self, fSfixed32, field: 11)
        w.singular(SFixed64Codec.self, fSfixed64, field: 12)
        w.singular(BoolCodec.self, fBool, field: 13)
        w.singular(StringCodec.self, fString, field: 14)
        w.singular(BytesCodec.self, fBytes, field: 15)
        w.singular(EnumCodec<ConformanceColour>.self, fEnum, field: 16)
        w.repeated(DoubleCodec.self, rDouble, field: 21)
        w.repeated(FloatCodec.self, rFloat, field: 22)
        w.repeated(Int32Codec.self, rInt32, field: 23)
        w.repeated(Int64Codec.self, rInt64, field: 24)
        w.repeated(UInt32Codec.self, rUint32, field: 25)
        w.repeated(UInt64Codec.self, rUint64, field: 26)
        w.repeated(SInt32Codec.self, rSint32, field: 27)
        w.repeated(SInt64Codec.self, rSint64, field: 28)
        w.repeated(Fixed32Codec.self, rFixed32, field: 29)
        w.repeated(Fixed64Codec.self, rFixed64, field: 30)
        w.repeated(SFixed32Codec.self, rSfixed32, field: 31)
        w.repeated(SFixed64Codec.self, rSfixed64, field: 32)
        w.repeated(BoolCodec.self, rBool, field: 33)
        w.repeated(StringCodec.self, rString, field: 34)
        w.repeated(BytesCodec.self, rBytes, field: 35)
        w.repeated(EnumCodec<ConformanceColour>.self, rEnum, field: 36)
        if let v = oInt32 { w.present(Int32Codec.self, v, field: 41) }
        if let v = oString { w.present(StringCodec.self, v, field: 42) }
        if let v = oEnum { w.present(EnumCodec<ConformanceColour>.self, v, field: 43) }
        if let v = oDouble { w.present(DoubleCodec.self, v, field: 44) }
        w.singular(StringCodec.self, fFar, field: 536870911)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .fixed64): fDouble = try DoubleCodec.read(from: &r)
            case (2, .fixed32): fFloat = try FloatCodec.read(from: &r)
            case (3, .varint): fInt32 = try Int32Codec.read(from: &r)
            case (4, .varint): fInt64 = try Int64Codec.read(from: &r)
            case (5, .varint): fUint32 = try UInt32Codec.read(from: &r)
            case (6, .varint): fUint64 = try UInt64Codec.read(from: &r)
            case (7, .varint): fSint32 = try SInt32Codec.read(from: &r)
            case (8, .varint): fSint64 = try SInt64Codec.read(from: &r)
            case (9, .fixed32): fFixed32 = try Fixed32Codec.read(from: &r)
            case (10, .fixed64): fFixed64 = try Fixed64Codec.read(from: &r)
            case (11, .fixed32): fSfixed32 = try SFixed32Codec.read(from: &r)
            case (12, .fixed64): fSfixed64 = try SFixed64Codec.read(from: &r)
            case (13, .varint): fBool = try BoolCodec.read(from: &r)
            case (14, .lengthDelimited): fString = try StringCodec.read(from: &r)
            case (15, .lengthDelimited): fBytes = try BytesCodec.read(from: &r)
            case (16, .varint): fEnum = try EnumCodec<ConformanceColour>.read(from: &r)
            case (21, _): try r.readRepeated(DoubleCodec.self, tag, into: &rDouble, unknown: &unknownFields)
            case (22, _): try r.readRepeated(FloatCodec.self, tag, into: &rFloat, unknown: &unknownFields)
            case (23, _): try r.readRepeated(Int32Codec.self, tag, into: &rInt32, unknown: &unknownFields)
            case (24, _): try r.readRepeated(Int64Codec.self, tag, into: &rInt64, unknown: &unknownFields)
            case (25, _): try r.readRepeated(UInt32Codec.self, tag, into: &rUint32, unknown: &unknownFields)
            case (26, _): try r.readRepeated(UInt64Codec.self, tag, into: &rUint64, unknown: &unknownFields)
            case (27, _): try r.readRepeated(SInt32Codec.self, tag, into: &rSint32, unknown: &unknownFields)
            case (28, _): try r.readRepeated(SInt64Codec.self, tag, into: &rSint64, unknown: &unknownFields)
            case (29, _): try r.readRepeated(Fixed32Codec.self, tag, into: &rFixed32, unknown: &unknownFields)
            case (30, _): try r.readRepeated(Fixed64Codec.self, tag, into: &rFixed64, unknown: &unknownFields)
            case (31, _): try r.readRepeated(SFixed32Codec.self, tag, into: &rSfixed32, unknown: &unknownFields)
            case (32, _): try r.readRepeated(SFixed64Codec.self, tag, into: &rSfixed64, unknown: &unknownFields)
            case (33, _): try r.readRepeated(BoolCodec.self, tag, into: &rBool, unknown: &unknownFields)
            case (34, _): try r.readRepeated(StringCodec.self, tag, into: &rString, unknown: &unknownFields)
            case (35, _): try r.readRepeated(BytesCodec.self, tag, into: &rBytes, unknown: &unknownFields)
            case (36, _): try r.readRepeated(EnumCodec<ConformanceColour>.self, tag, into: &rEnum, unknown: &unknownFields)
            case (41, .varint): oInt32 = try Int32Codec.read(from: &r)
            case (42, .lengthDelimited): oString = try StringCodec.read(from: &r)
            case (43, .varint): oEnum = try EnumCodec<ConformanceColour>.read(from: &r)
            case (44, .fixed64): oDouble = try DoubleCodec.read(from: &r)
            case (536870911, .lengthDelimited): fFar = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("fDouble", DoubleCodec.self, fDouble)
        j.singular("fFloat", FloatCodec.self, fFloat)
        j.singular("fInt32", Int32Codec.self, fInt32)
        j.singular("fInt64", Int64Codec.self, fInt64)
        j.singular("fUint32", UInt32Codec.self, fUint32)
        j.singular("fUint64", UInt64Codec.self, fUint64)
        j.singular("fSint32", SInt32Codec.self, fSint32)
        j.singular("fSint64", SInt64Codec.self, fSint64)
        j.singular("fFixed32", Fixed32Codec.self, fFixed32)
        j.singular("fFixed64", Fixed64Codec.self, fFixed64)
        j.singular("fSfixed32", SFixed32Codec.self, fSfixed32)
        j.singular("fSfixed64", SFixed64Codec.self, fSfixed64)
        j.singular("fBool", BoolCodec.self, fBool)
        j.singular("fString", StringCodec.self, fString)
        j.singular("fBytes", BytesCodec.self, fBytes)
        j.singular("fEnum", EnumCodec<ConformanceColour>.self, fEnum)
        j.repeated("rDouble", DoubleCodec.self, rDouble)
        j.repeated("rFloat", FloatCodec.self, rFloat)
        j.repeated("rInt32", Int32Codec.self, rInt32)
        j.repeated("rInt64", Int64Codec.self, rInt64)
        j.repeated("rUint32", UInt32Codec.self, rUint32)
        j.repeated("rUint64", UInt64Codec.self, rUint64)
        j.repeated("rSint32", SInt32Codec.self, rSint32)
        j.repeated("rSint64", SInt64Codec.self, rSint64)
        j.repeated("rFixed32", Fixed32Codec.self, rFixed32)
        j.repeated("rFixed64", Fixed64Codec.self, rFixed64)
        j.repeated("rSfixed32", SFixed32Codec.self, rSfixed32)
        j.repeated("rSfixed64", SFixed64Codec.self, rSfixed64)
        j.repeated("rBool", BoolCodec.self, rBool)
        j.repeated("rString", StringCodec.self, rString)
        j.repeated("rBytes", BytesCodec.self, rBytes)
        j.repeated("rEnum", EnumCodec<ConformanceColour>.self, rEnum)
        if let v = oInt32 { j.present("oInt32", Int32Codec.self, v) }
        if let v = oString { j.present("oString", StringCodec.self, v) }
        if let v = oEnum { j.present("oEnum", EnumCodec<ConformanceColour>.self, v) }
        if let v = oDouble { j.present("oDouble", DoubleCodec.self, v) }
        j.singular("fFar", StringCodec.self, fFar)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "fDouble", "f_double": fDouble = try DoubleCodec.readJSON(value, path: p)
            case "fFloat", "f_float": fFloat = try FloatCodec.readJSON(value, path: p)
            case "fInt32", "f_int32": fInt32 = try Int32Codec.readJSON(value, path: p)
            case "fInt64", "f_int64": fInt64 = try Int64Codec.readJSON(value, path: p)
            case "fUint32", "f_uint32": fUint32 = try UInt32Codec.readJSON(value, path: p)
            case "fUint64", "f_uint64": fUint64 = try UInt64Codec.readJSON(value, path: p)
            case "fSint32", "f_sint32": fSint32 = try SInt32Codec.readJSON(value, path: p)
            case "fSint64", "f_sint64": fSint64 = try SInt64Codec.readJSON(value, path: p)
            case "fFixed32", "f_fixed32": fFixed32 = try Fixed32Codec.readJSON(value, path: p)
            case "fFixed64", "f_fixed64": fFixed64 = try Fixed64Codec.readJSON(value, path: p)
            case "fSfixed32", "f_sfixed32": fSfixed32 = try SFixed32Codec.readJSON(value, path: p)
            case "fSfixed64", "f_sfixed64": fSfixed64 = try SFixed64Codec.readJSON(value, path: p)
            case "fBool", "f_bool": fBool = try BoolCodec.readJSON(value, path: p)
            case "fString", "f_string": fString = try StringCodec.readJSON(value, path: p)
            case "fBytes", "f_bytes": fBytes = try BytesCodec.readJSON(value, path: p)
            case "fEnum", "f_enum": fEnum = try EnumCodec<ConformanceColour>.readJSON(value, path: p)
            case "rDouble", "r_double": rDouble = try JSONRead.repeated(DoubleCodec.self, value, path: p)
            case "rFloat", "r_float": rFloat = try JSONRead.repeated(FloatCodec.self, value, path: p)
            case "rInt32", "r_int32": rInt32 = try JSONRead.repeated(Int32Codec.self, value, path: p)
            case "rInt64", "r_int64": rInt64 = try JSONRead.repeated(Int64Codec.self, value, path: p)
            case "rUint32", "r_uint32": rUint32 = try JSONRead.repeated(UInt32Codec.self, value, path: p)
            case "rUint64", "r_uint64": rUint64 = try JSONRead.repeated(UInt64Codec.self, value, path: p)
            case "rSint32", "r_sint32": rSint32 = try JSONRead.repeated(SInt32Codec.self, value, path: p)
            case "rSint64", "r_sint64": rSint64 = try JSONRead.repeated(SInt64Codec.self, value, path: p)
            case "rFixed32", "r_fixed32": rFixed32 = try JSONRead.repeated(Fixed32Codec.self, value, path: p)
            case "rFixed64", "r_fixed64": rFixed64 = try JSONRead.repeated(Fixed64Codec.self, value, path: p)
            case "rSfixed32", "r_sfixed32": rSfixed32 = try JSONRead.repeated(SFixed32Codec.self, value, path: p)
            case "rSfixed64", "r_sfixed64": rSfixed64 = try JSONRead.repeated(SFixed64Codec.self, value, path: p)
            case "rBool", "r_bool": rBool = try JSONRead.repeated(BoolCodec.self, value, path: p)
            case "rString", "r_string": rString = try JSONRead.repeated(StringCodec.self, value, path: p)
            case "rBytes", "r_bytes": rBytes = try JSONRead.repeated(BytesCodec.self, value, path: p)
            case "rEnum", "r_enum": rEnum = try JSONRead.repeated(EnumCodec<ConformanceColour>.self, value, path: p)
            case "oInt32", "o_int32": oInt32 = try Int32Codec.readJSON(value, path: p)
            case "oString", "o_string": oString = try StringCodec.readJSON(value, path: p)
            case "oEnum", "o_enum": oEnum = try EnumCodec<ConformanceColour>.readJSON(value, path: p)
            case "oDouble", "o_double": oDouble = try DoubleCodec.readJSON(value, path: p)
            case "fFar", "f_far": fFar = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// Nested messages, maps, oneofs.
public struct ConformanceTree: ProtoMessage {
    public static let protoName = "xieshang.test.v1.ConformanceTree"

    /// A singular message.
    public var scalars: ConformanceScalars? = nil
    /// A repeated message.
    public var leaves: [ConformanceTree.Leaf] = []
    /// A map of string to int64.
    public var counts: [String: Int64] = [:]
    /// A map of int32 to string.
    public var names: [Int32: String] = [:]
    /// A map of string to message.
    public var leafByName: [String: ConformanceTree.Leaf] = [:]
    /// A map with bool keys.
    public var flags: [Bool: String] = [:]
    /// A map with uint64 keys and bytes values.
    public var blobs: [UInt64: [UInt8]] = [:]
    /// A oneof with scalar and message members.
    public var choice: Choice? = nil
    /// A deeper tree (repeated, so recursion is allowed).
    public var children: [ConformanceTree] = []
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A oneof with scalar and message members.
    public enum Choice: Sendable, Hashable {
        /// A string member.
        case choiceText(String)
        /// An integer member.
        case choiceNumber(Int64)
        /// A message member.
        case choiceLeaf(ConformanceTree.Leaf)
    }

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        scalars: ConformanceScalars? = nil,
        leaves: [ConformanceTree.Leaf] = [],
        counts: [String: Int64] = [:],
        names: [Int32: String] = [:],
        leafByName: [String: ConformanceTree.Leaf] = [:],
        flags: [Bool: String] = [:],
        blobs: [UInt64: [UInt8]] = [:],
        choice: Choice? = nil,
        children: [ConformanceTree] = []
    ) {
        self.scalars = scalars
        self.leaves = leaves
        self.counts = counts
        self.names = names
        self.leafByName = leafByName
        self.flags = flags
        self.blobs = blobs
        self.choice = choice
        self.children = children
    }
}

extension ConformanceTree {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "scalars", jsonName: "scalars", type: .message("xieshang.test.v1.ConformanceScalars"), label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "leaves", jsonName: "leaves", type: .message("xieshang.test.v1.ConformanceTree.Leaf"), label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "counts", jsonName: "counts", type: .int64, label: .map(key: .string), oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "names", jsonName: "names", type: .string, label: .map(key: .int32), oneof: nil),
        ProtoFieldDescriptor(number: 5, name: "leaf_by_name", jsonName: "leafByName", type: .message("xieshang.test.v1.ConformanceTree.Leaf"), label: .map(key: .string), oneof: nil),
        ProtoFieldDescriptor(number: 6, name: "flags", jsonName: "flags", type: .string, label: .map(key: .bool), oneof: nil),
        ProtoFieldDescriptor(number: 7, name: "blobs", jsonName: "blobs", type: .bytes, label: .map(key: .uint64), oneof: nil),
        ProtoFieldDescriptor(number: 10, name: "choice_text", jsonName: "choiceText", type: .string, label: .singular, oneof: "choice"),
        ProtoFieldDescriptor(number: 11, name: "choice_number", jsonName: "choiceNumber", type: .int64, label: .singular, oneof: "choice"),
        ProtoFieldDescriptor(number: 12, name: "choice_leaf", jsonName: "choiceLeaf", type: .message("xieshang.test.v1.ConformanceTree.Leaf"), label: .singular, oneof: "choice"),
        ProtoFieldDescriptor(number: 13, name: "children", jsonName: "children", type: .message("xieshang.test.v1.ConformanceTree"), label: .repeated, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        if let v = scalars { n += WireSize.message(v, field: 1) }
        n += WireSize.messages(leaves, field: 2)
        n += WireSize.map(StringCodec.self, Int64Codec.self, counts, field: 3)
        n += WireSize.map(Int32Codec.self, StringCodec.self, names, field: 4)
        n += WireSize.messageMap(StringCodec.self, leafByName, field: 5)
        n += WireSize.map(BoolCodec.self, StringCodec.self, flags, field: 6)
        n += WireSize.map(UInt64Codec.self, BytesCodec.self, blobs, field: 7)
        if case .choiceText(let v)? = choice { n += WireSize.present(StringCodec.self, v, field: 10) }
        if case .choiceNumber(let v)? = choice { n += WireSize.present(Int64Codec.self, v, field: 11) }
        if case .choiceLeaf(let v)? = choice { n += WireSize.message(v, field: 12) }
        n += WireSize.messages(children, field: 13)
        return n
    }

    public func encode(to w: inout WireWriter) {
        if let v = scalars { w.message(v, field: 1) }
        w.messages(leaves, field: 2)
        w.map(StringCodec.self, Int64Codec.self, counts, field: 3)
        w.map(Int32Codec.self, StringCodec.self, names, field: 4)
        w.messageMap(StringCodec.self, leafByName, field: 5)
        w.map(BoolCodec.self, StringCodec.self, flags, field: 6)
        w.map(UInt64Codec.self, BytesCodec.self, blobs, field: 7)
        if case .choiceText(let v)? = choice { w.present(StringCodec.self, v, field: 10) }
        if case .choiceNumber(let v)? = choice { w.present(Int64Codec.self, v, field: 11) }
        if case .choiceLeaf(let v)? = choice { w.message(v, field: 12) }
        w.messages(children, field: 13)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): try r.readMessage(into: &scalars)
            case (2, .lengthDelimited): leaves.append(try r.readMessage(ConformanceTree.Leaf.self))
            case (3, .lengthDelimited): try r.readMapEntry(StringCodec.self, Int64Codec.self, into: &counts)
            case (4, .lengthDelimited): try r.readMapEntry(Int32Codec.self, StringCodec.self, into: &names)
            case (5, .lengthDelimited): try r.readMapEntry(StringCodec.self, message: ConformanceTree.Leaf.self, into: &leafByName)
            case (6, .lengthDelimited): try r.readMapEntry(BoolCodec.self, StringCodec.self, into: &flags)
            case (7, .lengthDelimited): try r.readMapEntry(UInt64Codec.self, BytesCodec.self, into: &blobs)
            case (10, .lengthDelimited): choice = .choiceText(try StringCodec.read(from: &r))
            case (11, .varint): choice = .choiceNumber(try Int64Codec.read(from: &r))
            case (12, .lengthDelimited):
                var v = ConformanceTree.Leaf()
                if case .choiceLeaf(let existing)? = choice { v = existing }
                try r.readMessage(into: &v)
                choice = .choiceLeaf(v)
            case (13, .lengthDelimited): children.append(try r.readMessage(ConformanceTree.self))
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        if let v = scalars { j.message("scalars", v) }
        j.messages("leaves", leaves)
        j.map("counts", StringCodec.self, Int64Codec.self, counts)
        j.map("names", Int32Codec.self, StringCodec.self, names)
        j.messageMap("leafByName", StringCodec.self, leafByName)
        j.map("flags", BoolCodec.self, StringCodec.self, flags)
        j.map("blobs", UInt64Codec.self, BytesCodec.self, blobs)
        if case .choiceText(let v)? = choice { j.present("choiceText", StringCodec.self, v) }
        if case .choiceNumber(let v)? = choice { j.present("choiceNumber", Int64Codec.self, v) }
        if case .choiceLeaf(let v)? = choice { j.message("choiceLeaf", v) }
        j.messages("children", children)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "scalars": scalars = try JSONRead.message(ConformanceScalars.self, value, path: p)
            case "leaves": leaves = try JSONRead.messages(ConformanceTree.Leaf.self, value, path: p)
            case "counts": counts = try JSONRead.map(StringCodec.self, Int64Codec.self, value, path: p)
            case "names": names = try JSONRead.map(Int32Codec.self, StringCodec.self, value, path: p)
            case "leafByName", "leaf_by_name": leafByName = try JSONRead.messageMap(StringCodec.self, ConformanceTree.Leaf.self, value, path: p)
            case "flags": flags = try JSONRead.map(BoolCodec.self, StringCodec.self, value, path: p)
            case "blobs": blobs = try JSONRead.map(UInt64Codec.self, BytesCodec.self, value, path: p)
            case "choiceText", "choice_text": choice = .choiceText(try StringCodec.readJSON(value, path: p))
            case "choiceNumber", "choice_number": choice = .choiceNumber(try Int64Codec.readJSON(value, path: p))
            case "choiceLeaf", "choice_leaf": choice = .choiceLeaf(try JSONRead.message(ConformanceTree.Leaf.self, value, path: p))
            case "children": children = try JSONRead.messages(ConformanceTree.self, value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension ConformanceTree {
    /// A nested message type.
    public struct Leaf: ProtoMessage {
        public static let protoName = "xieshang.test.v1.ConformanceTree.Leaf"

        /// The leaf's name (中文 allowed).
        public var name: String = ""
        /// The leaf's weight.
        public var weight: Int64 = 0
        /// The leaf's shape.
        public var shape: ConformanceTree.Leaf.Shape = .unspecified
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            name: String = "",
            weight: Int64 = 0,
            shape: ConformanceTree.Leaf.Shape = .unspecified
        ) {
            self.name = name
            self.weight = weight
            self.shape = shape
        }
    }
}

extension ConformanceTree.Leaf {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "name", jsonName: "name", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "weight", jsonName: "weight", type: .sint64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "shape", jsonName: "shape", type: .enumeration("xieshang.test.v1.ConformanceTree.Leaf.Shape"), label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, name, field: 1)
        n += WireSize.singular(SInt64Codec.self, weight, field: 2)
        n += WireSize.singular(EnumCodec<ConformanceTree.Leaf.Shape>.self, shape, field: 3)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, name, field: 1)
        w.singular(SInt64Codec.self, weight, field: 2)
        w.singular(EnumCodec<ConformanceTree.Leaf.Shape>.self, shape, field: 3)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): name = try StringCodec.read(from: &r)
            case (2, .varint): weight = try SInt64Codec.read(from: &r)
            case (3, .varint): shape = try EnumCodec<ConformanceTree.Leaf.Shape>.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("name", StringCodec.self, name)
        j.singular("weight", SInt64Codec.self, weight)
        j.singular("shape", EnumCodec<ConformanceTree.Leaf.Shape>.self, shape)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "name": name = try StringCodec.readJSON(value, path: p)
            case "weight": weight = try SInt64Codec.readJSON(value, path: p)
            case "shape": shape = try EnumCodec<ConformanceTree.Leaf.Shape>.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension ConformanceTree.Leaf {
    /// A nested enum.
    public enum Shape: ProtoEnum {
        /// The zero value.
        case unspecified
        /// Round.
        case round
        /// A value this schema does not name (sent by a newer schema); kept as its number.
        case unrecognized(Int32)

        public static let protoName = "xieshang.test.v1.ConformanceTree.Leaf.Shape"
        public static let allKnownValues: [ConformanceTree.Leaf.Shape] = [.unspecified, .round]

        public init(protoValue: Int32) {
            switch protoValue {
            case 0: self = .unspecified
            case 1: self = .round
            default: self = .unrecognized(protoValue)
            }
        }

        public var protoValue: Int32 {
            switch self {
            case .unspecified: 0
            case .round: 1
            case .unrecognized(let value): value
            }
        }

        public var protoValueName: String? {
            switch self {
            case .unspecified: "SHAPE_UNSPECIFIED"
            case .round: "SHAPE_ROUND"
            case .unrecognized: nil
            }
        }

        public init?(protoValueName: String) {
            switch protoValueName {
            case "SHAPE_UNSPECIFIED": self = .unspecified
            case "SHAPE_ROUND": self = .round
            default: return nil
            }
        }
    }
}
