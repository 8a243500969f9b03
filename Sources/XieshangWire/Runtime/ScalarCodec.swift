/// How one proto scalar type (or enum) is written on the wire and in JSON.
///
/// Several proto types share a Swift type (`int32`, `sint32`, `sfixed32` are all `Int32`), so the generated code
/// names the codec, not just the Swift type.
public protocol ScalarCodec {
    associatedtype Value: Hashable & Sendable
    static var wireType: WireType { get }
    static var defaultValue: Value { get }
    /// Whether repeated fields of this type are packed (every scalar but string and bytes).
    static var isPackable: Bool { get }
    /// Encoded size of `value`, including the length prefix of length-delimited types.
    static func size(_ value: Value) -> Int
    static func write(_ value: Value, to writer: inout WireWriter)
    static func read(from reader: inout WireReader) throws(WireError) -> Value
    static func writeJSON(_ value: Value, to writer: inout JSONWriter)
    static func readJSON(_ json: JSONValue, path: String) throws(WireError) -> Value
    /// A map key's JSON text (JSON object keys are always strings).
    static func jsonKey(_ value: Value) -> String
    static func readJSONKey(_ key: String, path: String) throws(WireError) -> Value
}

extension ScalarCodec {
    public static var isPackable: Bool { true }
    public static func jsonKey(_ value: Value) -> String {
        var w = JSONWriter()
        writeJSON(value, to: &w)
        let text = w.text
        return text.hasPrefix("\"") ? String(text.dropFirst().dropLast()) : text
    }
    public static func readJSONKey(_ key: String, path: String) throws(WireError) -> Value {
        try readJSON(.string(key), path: path)
    }
}

// MARK: - Integer codecs

/// `int32`: varint, negative values sign-extended to 10 bytes.
public enum Int32Codec: ScalarCodec {
    public static var wireType: WireType { .varint }
    public static var defaultValue: Int32 { 0 }
    @inline(__always) public static func size(_ v: Int32) -> Int { WireSize.varint(UInt64(bitPattern: Int64(v))) }
    @inline(__always) public static func write(_ v: Int32, to w: inout WireWriter) { w.writeVarint(UInt64(bitPattern: Int64(v))) }
    @inline(__always) public static func read(from r: inout WireReader) throws(WireError) -> Int32 {
        Int32(truncatingIfNeeded: try r.readVarint())
    }
    public static func writeJSON(_ v: Int32, to w: inout JSONWriter) { w.raw(String(v)) }
    public static func readJSON(_ j: JSONValue, path: String) throws(WireError) -> Int32 { try j.integer(Int32.self, path: path) }
}

/// `int64`: varint of the two's-complement bits.
public enum Int64Codec: ScalarCodec {
    public static var wireType: WireType { .varint }
    public static var defaultValue: Int64 { 0 }
    @inline(__always) public static func size(_ v: Int64) -> Int { WireSize.varint(UInt64(bitPattern: v)) }
    @inline(__always) public static func write(_ v: Int64, to w: inout WireWriter) { w.writeVarint(UInt64(bitPattern: v)) }
    @inline(__always) public static func read(from r: inout WireReader) throws(WireError) -> Int64 {
        Int64(bitPattern: try r.readVarint())
    }
    public static func writeJSON(_ v: Int64, to w: inout JSONWriter) { w.string(String(v)) }
    public static func readJSON(_ j: JSONValue, path: String) throws(WireError) -> Int64 { try j.integer(Int64.self, path: path) }
}

/// `uint32`: varint.
public enum UInt32Codec: ScalarCodec {
    public static var wireType: WireType { .varint }
    public static var defaultValue: UInt32 { 0 }
    @inline(__always) public static func size(_ v: UInt32) -> Int { WireSize.varint(UInt64(v)) }
    @inline(__always) public static func write(_ v: UInt32, to w: inout WireWriter) { w.writeVarint(UInt64(v)) }
    @inline(__always) public static func read(from r: inout WireReader) throws(WireError) -> UInt32 {
        UInt32(truncatingIfNeeded: try r.readVarint())
    }
    public static func writeJSON(_ v: UInt32, to w: inout JSONWriter) { w.raw(String(v)) }
    public static func readJSON(_ j: JSONValue, path: String) throws(WireError) -> UInt32 { try j.integer(UInt32.self, path: path) }
}

/// `uint64`: varint.
public enum UInt64Codec: ScalarCodec {
    public static var wireType: WireType { .varint }
    public static var defaultValue: UInt64 { 0 }
    @inline(__always) public static func size(_ v: UInt64) -> Int { WireSize.varint(v) }
    @inline(__always) public static func write(_ v: UInt64, to w: inout WireWriter) { w.writeVarint(v) }
    @inline(__always) public static func read(from r: inout WireReader) throws(WireError) -> UInt64 { try r.readVarint() }
    public static func writeJSON(_ v: UInt64, to w: inout JSONWriter) { w.string(String(v)) }
    public static func readJSON(_ j: JSONValue, path: String) throws(WireError) -> UInt64 { try j.integer(UInt64.self, path: path) }
}

/// `sint32`: ZigZag varint.
public enum SInt32Codec: ScalarCodec {
    public static var wireType: WireType { .varint }
    public static var defaultValue: Int32 { 0 }
    @inline(__always) static func zigzag(_ v: Int32) -> UInt64 { UInt64(UInt32(bitPattern: (v << 1) ^ (v >> 31))) }
    @inline(__always) public static func size(_ v: Int32) -> Int { WireSize.varint(zigzag(v)) }
    @inline(__always) public static func write(_ v: Int32, to w: inout WireWriter) { w.writeVarint(zigzag(v)) }
    @inline(__always) public static func read(from r: inout WireReader) throws(WireError) -> Int32 {
        let u = UInt32(truncatingIfNeeded: try r.readVarint())
        return Int32(bitPattern: (u >> 1) ^ (0 &- (u & 1)))
    }
    public static func writeJSON(_ v: Int32, to w: inout JSONWriter) { w.raw(String(v)) }
    public static func readJSON(_ j: JSONValue, path: String) throws(WireError) -> Int32 { try j.integer(Int32.self, path: path) }
}

/// `sint64`: ZigZag varint.
public enum SInt64Codec: ScalarCodec {
    public static var wireType: WireType { .varint }
    public static var defaultValue: Int64 { 0 }
    @inline(__always) static func zigzag(_ v: Int64) -> UInt64 { UInt64(bitPattern: (v << 1) ^ (v >> 63)) }
    @inline(__always) public static func size(_ v: Int64) -> Int { WireSize.varint(zigzag(v)) }
    @inline(__always) public static func write(_ v: Int64, to w: inout WireWriter) { w.writeVarint(zigzag(v)) }
    @inline(__always) public static func read(from r: inout WireReader) throws(WireError) -> Int64 {
        let u = try r.readVarint()
        return Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1)))
    }
    public static func writeJSON(_ v: Int64, to w: inout JSONWriter) { w.string(String(v)) }
    public static func readJSON(_ j: JSONValue, path: String) throws(WireError) -> Int64 { try j.integer(Int64.self, path: path) }
}

/// `fixed32`: 4 bytes little-endian.
public enum Fixed32Codec: ScalarCodec {
    public static var wireType: WireType { .fixed32 }
    public static var defaultValue: UInt32 { 0 }
    @inline(__always) public static func size(_ v: UInt32) -> Int { 4 }
    @inline(__always) public static func write(_ v: UInt32, to w: inout WireWriter) { w.writeFixed32(v) }
    @inline(__always) public static func read(from r: inout WireReader) throws(WireError) -> UInt32 { try r.readFixed32() }
    public static func writeJSON(_ v: UInt32, to w: inout JSONWriter) { w.raw(String(v)) }
    public static func readJSON(_ j: JSONValue, path: String) throws(WireError) -> UInt32 { try j.integer(UInt32.self, path: path) }
}

/// `fixed64`: 8 bytes little-endian.
public enum Fixed64Codec: ScalarCodec {
    public static var wireType: WireType { .fixed64 }
    public static var defaultValue: UInt64 { 0 }
    @inline(__always) public static func size(_ v: UInt64) -> Int { 8 }
    @inline(__always) public static func write(_ v: UInt64, to w: inout WireWriter) { w.writeFixed64(v) }
    @inline(__always) public static func read(from r: inout WireReader) throws(WireError) -> UInt64 { try r.readFixed64() }
    public static func writeJSON(_ v: UInt64, to w: inout JSONWriter) { w.string(String(v)) }
    public static func readJSON(_ j: JSONValue, path: String) throws(WireError) -> UInt64 { try j.integer(UInt64.self, path: path) }
}

/// `sfixed32`: 4 bytes little-endian, two's complement.
public enum SFixed32Codec: ScalarCodec {
    public static var wireType: WireType { .fixed32 }
    public static var defaultValue: Int32 { 0 }
    @inline(__always) public static func size(_ v: Int32) -> Int { 4 }
    @inline(__always) public static func write(_ v: Int32, to w: inout WireWriter) { w.writeFixed32(UInt32(bitPattern: v)) }
    @inline(__always) public static func read(from r: inout WireReader) throws(WireError) -> Int32 {
        Int32(bitPattern: try r.readFixed32())
    }
    public static func writeJSON(_ v: Int32, to w: inout JSONWriter) { w.raw(String(v)) }
    public static func readJSON(_ j: JSONValue, path: String) throws(WireError) -> Int32 { try j.integer(Int32.self, path: path) }
}

/// `sfixed64`: 8 bytes little-endian, two's complement.
public enum SFixed64Codec: ScalarCodec {
    public static var wireType: WireType { .fixed64 }
    public static var defaultValue: Int64 { 0 }
    @inline(__always) public static func size(_ v: Int64) -> Int { 8 }
    @inline(__always) public static func write(_ v: Int64, to w: inout WireWriter) { w.writeFixed64(UInt64(bitPattern: v)) }
    @inline(__always) public static func read(from r: inout WireReader) throws(WireError) -> Int64 {
        Int64(bitPattern: try r.readFixed64())
    }
    public static func writeJSON(_ v: Int64, to w: inout JSONWriter) { w.string(String(v)) }
    public static func readJSON(_ j: JSONValue, path: String) throws(WireError) -> Int64 { try j.integer(Int64.self, path: path) }
}

// MARK: - Other scalars

/// `bool`: varint 0 or 1 (any non-zero varint reads as true).
public enum BoolCodec: ScalarCodec {
    public static var wireType: WireType { .varint }
    public static var defaultValue: Bool { false }
    @inline(__always) public static func size(_ v: Bool) -> Int { 1 }
    @inline(__always) public static func write(_ v: Bool, to w: inout WireWriter) { w.writeByte(v ? 1 : 0) }
    @inline(__always) public static func read(from r: inout WireReader) throws(WireError) -> Bool { try r.readVarint() != 0 }
    public static func writeJSON(_ v: Bool, to w: inout JSONWriter) { w.raw(v ? "true" : "false") }
    public static func readJSON(_ j: JSONValue, path: String) throws(WireError) -> Bool {
        switch j {
        case .bool(let b): return b
        case .string("true"): return true   // only legal for map keys, harmless elsewhere
        case .string("false"): return false
        default: throw WireError(.invalidJSON, "expected true or false at \(path)")
        }
    }
}

/// `double`: 8 bytes IEEE 754; JSON "NaN", "Infinity", "-Infinity" for the special values.
public enum DoubleCodec: ScalarCodec {
    public static var wireType: WireType { .fixed64 }
    public static var defaultValue: Double { 0 }
    @inline(__always) public static func size(_ v: Double) -> Int { 8 }
    @inline(__always) public static func write(_ v: Double, to w: inout WireWriter) { w.writeFixed64(v.bitPattern) }
    @inline(__always) public static func read(from r: inout WireReader) throws(WireError) -> Double {
        Double(bitPattern: try r.readFixed64())
    }
    public static func writeJSON(_ v: Double, to w: inout JSONWriter) { w.floatingPoint(v) }
    public static func readJSON(_ j: JSONValue, path: String) throws(WireError) -> Double { try j.floatingPoint(path: path) }
}

/// `float`: 4 bytes IEEE 754.
public enum FloatCodec: ScalarCodec {
    public static var wireType: WireType { .fixed32 }
    public static var defaultValue: Float { 0 }
    @inline(__always) public static func size(_ v: Float) -> Int { 4 }
    @inline(__always) public static func write(_ v: Float, to w: inout WireWriter) { w.writeFixed32(v.bitPattern) }
    @inline(__always) public static func read(from r: inout WireReader) throws(WireError) -> Float {
        Float(bitPattern: try r.readFixed32())
    }
    public static func writeJSON(_ v: Float, to w: inout JSONWriter) { w.floatingPoint(v) }
    public static func readJSON(_ j: JSONValue, path: String) throws(WireError) -> Float {
        let d = try j.floatingPoint(path: path)
        guard d.isFinite else { return Float(d) }
        // Parse the text as a Float directly: it rounds correctly, so the shortest text of Float.greatestFiniteMagnitude
        // ("3.4028235e+38", a little above it as a Double) reads back, while a value beyond float range does not.
        if case .number(let text) = j, let f = Float(text), f.isFinite { return f }
        if case .string(let text) = j, let f = Float(text), f.isFinite { return f }
        throw WireError(.invalidJSON, "value \(d) is out of range for a float at \(path)")
    }
}

/// `string`: length-delimited UTF-8, validated when read.
public enum StringCodec: ScalarCodec {
    public static var wireType: WireType { .lengthDelimited }
    public static var defaultValue: String { "" }
    public static var isPackable: Bool { false }
    @inline(__always) public static func size(_ v: String) -> Int { WireSize.string(v) }
    @inline(__always) public static func write(_ v: String, to w: inout WireWriter) { w.writeString(v) }
    @inline(__always) public static func read(from r: inout WireReader) throws(WireError) -> String { try r.readString() }
    public static func writeJSON(_ v: String, to w: inout JSONWriter) { w.string(v) }
    public static func readJSON(_ j: JSONValue, path: String) throws(WireError) -> String {
        guard case .string(let s) = j else { throw WireError(.invalidJSON, "expected a string at \(path)") }
        return s
    }
    public static func jsonKey(_ v: String) -> String { v }
}

/// `bytes`: length-delimited raw bytes; JSON base64.
public enum BytesCodec: ScalarCodec {
    public static var wireType: WireType { .lengthDelimited }
    public static var defaultValue: [UInt8] { [] }
    public static var isPackable: Bool { false }
    @inline(__always) public static func size(_ v: [UInt8]) -> Int { WireSize.bytes(v) }
    @inline(__always) public static func write(_ v: [UInt8], to w: inout WireWriter) { w.writeLengthDelimited(v) }
    @inline(__always) public static func read(from r: inout WireReader) throws(WireError) -> [UInt8] { try r.readBytes() }
    public static func writeJSON(_ v: [UInt8], to w: inout JSONWriter) { w.string(Base64.encode(v)) }
    public static func readJSON(_ j: JSONValue, path: String) throws(WireError) -> [UInt8] {
        guard case .string(let s) = j, let b = Base64.decode(s) else {
            throw WireError(.invalidJSON, "expected base64 text at \(path)")
        }
        return b
    }
}

/// A proto enum: varint of the value's number; JSON by name (numbers for values the schema does not name).
public enum EnumCodec<E: ProtoEnum>: ScalarCodec {
    public static var wireType: WireType { .varint }
    public static var defaultValue: E { E(protoValue: 0) }
    @inline(__always) public static func size(_ v: E) -> Int { Int32Codec.size(v.protoValue) }
    @inline(__always) public static func write(_ v: E, to w: inout WireWriter) { Int32Codec.write(v.protoValue, to: &w) }
    @inline(__always) public static func read(from r: inout WireReader) throws(WireError) -> E {
        E(protoValue: try Int32Codec.read(from: &r))
    }
    public static func writeJSON(_ v: E, to w: inout JSONWriter) {
        if let name = v.protoValueName { w.string(name) } else { w.raw(String(v.protoValue)) }
    }
    public static func readJSON(_ j: JSONValue, path: String) throws(WireError) -> E {
        switch j {
        case .string(let name):
            guard let e = E(protoValueName: name) else {
                throw WireError(.invalidEnumValue, "\"\(name)\" is not a value of \(E.protoName) at \(path)")
            }
            return e
        case .number:
            return E(protoValue: try j.integer(Int32.self, path: path))
        default:
            throw WireError(.invalidJSON, "expected an enum name or number at \(path)")
        }
    }
}
