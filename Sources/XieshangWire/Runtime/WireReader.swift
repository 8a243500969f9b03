/// The four wire types proto3 uses (groups, 3 and 4, are refused).
public enum WireType: UInt8, Sendable {
    case varint = 0
    case fixed64 = 1
    case lengthDelimited = 2
    case fixed32 = 5
}

/// A field's tag as read from the wire.
public struct WireTag: Sendable {
    public let field: Int
    public let wireType: WireType
    /// Offset of the tag's first byte (for errors and for keeping unknown fields).
    public let start: Int
}

/// Reads protobuf wire format from a buffer with strict bounds.
///
/// Every read checks the remaining length first, so no input can make it read out of bounds or allocate more than
/// the input length justifies. Offsets in errors are absolute offsets into the top-level input.
public struct WireReader {
    let base: UnsafePointer<UInt8>?
    /// Absolute offset of the next byte.
    public private(set) var offset: Int
    let end: Int
    public let limits: DecodeLimits
    /// Current nesting depth (0 for the top-level message).
    public let depth: Int

    public init(_ buffer: UnsafeBufferPointer<UInt8>, limits: DecodeLimits = .default) {
        base = buffer.baseAddress
        offset = 0
        end = buffer.count
        self.limits = limits
        depth = 0
    }

    init(base: UnsafePointer<UInt8>?, offset: Int, end: Int, limits: DecodeLimits, depth: Int) {
        self.base = base
        self.offset = offset
        self.end = end
        self.limits = limits
        self.depth = depth
    }

    /// Whether every byte has been read.
    public var isAtEnd: Bool { offset >= end }

    /// Reads the next tag, or returns nil at the end of the message.
    @inline(__always)
    public mutating func nextTag() throws(WireError) -> WireTag? {
        if offset >= end { return nil }
        let start = offset
        let raw: UInt64
        // Fast path: one-byte tags (fields 1–15).
        let first = base![offset]
        if first < 0x80 {
            raw = UInt64(first)
            offset += 1
        } else {
            raw = try readVarint()
            if raw > UInt64(UInt32.max) {
                throw WireError(.varintTooLong, "tag varint does not fit in 32 bits", offset: start)
            }
        }
        let field = Int(raw >> 3)
        if field == 0 {
            throw WireError(.fieldNumberZero, "field number 0 is reserved and never valid", offset: start)
        }
        guard let wireType = WireType(rawValue: UInt8(raw & 7)) else {
            throw WireError(.invalidWireType, "wire type \(raw & 7) is not valid in proto3 (groups are not supported)",
                            offset: start, fieldNumber: field)
        }
        return WireTag(field: field, wireType: wireType, start: start)
    }

    @inline(__always)
    public mutating func readVarint() throws(WireError) -> UInt64 {
        let start = offset
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            if offset >= end {
                throw WireError(.truncated, "input ends inside a varint", offset: start)
            }
            let byte = base![offset]
            offset += 1
            if shift == 63 && byte > 1 {
                throw WireError(.varintTooLong, "varint longer than 10 bytes", offset: start)
            }
            result |= UInt64(byte & 0x7f) << shift
            if byte < 0x80 { return result }
            shift += 7
            if shift > 63 {
                throw WireError(.varintTooLong, "varint longer than 10 bytes", offset: start)
            }
        }
    }

    @inline(__always)
    public mutating func readFixed32() throws(WireError) -> UInt32 {
        guard end - offset >= 4 else {
            throw WireError(.truncated, "input ends inside a 4-byte fixed value", offset: offset)
        }
        var v: UInt32 = 0
        withUnsafeMutableBytes(of: &v) { $0.copyMemory(from: UnsafeRawBufferPointer(start: base! + offset, count: 4)) }
        offset += 4
        return UInt32(littleEndian: v)
    }

    @inline(__always)
    public mutating func readFixed64() throws(WireError) -> UInt64 {
        guard end - offset >= 8 else {
            throw WireError(.truncated, "input ends inside an 8-byte fixed value", offset: offset)
        }
        var v: UInt64 = 0
        withUnsafeMutableBytes(of: &v) { $0.copyMemory(from: UnsafeRawBufferPointer(start: base! + offset, count: 8)) }
        offset += 8
        return UInt64(littleEndian: v)
    }

    /// Reads a length prefix and checks it against the limit and the bytes that remain.
    @inline(__always)
    public mutating func readLength() throws(WireError) -> Int {
        let start = offset
        let length = try readVarint()
        if length > UInt64(limits.maxMessageBytes) {
            throw WireError(.lengthOverLimit,
                            "length \(length) is over the limit of \(limits.maxMessageBytes) bytes", offset: start)
        }
        if Int(length) > end - offset {
            throw WireError(.lengthPastEnd,
                            "length \(length) runs past the end of the input (\(end - offset) bytes remain)",
                            offset: start)
        }
        return Int(length)
    }

    public mutating func readBytes() throws(WireError) -> [UInt8] {
        let length = try readLength()
        defer { offset += length }
        if length == 0 { return [] }
        return Array(UnsafeBufferPointer(start: base! + offset, count: length))
    }

    public mutating func readString() throws(WireError) -> String {
        let start = offset
        let length = try readLength()
        if length == 0 { return "" }
        let bytes = UnsafeBufferPointer(start: base! + offset, count: length)
        guard let string = String(validating: bytes, as: UTF8.self) else {
            throw WireError(.invalidUTF8, "string field holds bytes that are not valid UTF-8", offset: start)
        }
        offset += length
        return string
    }

    /// Decodes a nested message into `message` (merging, as protobuf does for repeated occurrences).
    public mutating func readMessage<M: ProtoMessage>(into message: inout M) throws(WireError) {
        let start = offset
        let length = try readLength()
        if depth + 1 > limits.maxDepth {
            throw WireError(.nestingTooDeep, "messages nested deeper than the limit of \(limits.maxDepth)",
                            offset: start)
        }
        var sub = WireReader(base: base, offset: offset, end: offset + length, limits: limits, depth: depth + 1)
        try message.decodeFields(from: &sub)
        offset += length
    }

    /// Decodes a nested message into an optional field, merging into an existing value.
    @inline(__always)
    public mutating func readMessage<M: ProtoMessage>(into field: inout M?) throws(WireError) {
        var value = field ?? M()
        try readMessage(into: &value)
        field = value
    }

    /// Decodes a nested message to append to a repeated field.
    @inline(__always)
    public mutating func readMessage<M: ProtoMessage>(_ type: M.Type) throws(WireError) -> M {
        var value = M()
        try readMessage(into: &value)
        return value
    }

    /// Reads a packed run of scalars, calling `element` until the run's end.
    public mutating func readPacked(_ element: (inout WireReader) throws(WireError) -> Void) throws(WireError) {
        let length = try readLength()
        var sub = WireReader(base: base, offset: offset, end: offset + length, limits: limits, depth: depth)
        while !sub.isAtEnd { try element(&sub) }
        offset += length
    }

    /// Skips the value of `tag` and appends its raw bytes (tag included) to `unknown`.
    public mutating func skip(_ tag: WireTag, into unknown: inout [UInt8]) throws(WireError) {
        switch tag.wireType {
        case .varint: _ = try readVarint()
        case .fixed64: _ = try readFixed64()
        case .fixed32: _ = try readFixed32()
        case .lengthDelimited:
            let length = try readLength()
            offset += length
        }
        unknown.append(contentsOf: UnsafeBufferPointer(start: base! + tag.start, count: offset - tag.start))
    }

    /// Reads the key and value of one map entry (a nested message with fields 1 and 2).
    public mutating func readMapEntry<K: ScalarCodec, V: ScalarCodec>(
        _ key: K.Type, _ value: V.Type, into map: inout [K.Value: V.Value]
    ) throws(WireError) where K.Value: Hashable {
        let length = try readLength()
        var sub = WireReader(base: base, offset: offset, end: offset + length, limits: limits, depth: depth + 1)
        var k = K.defaultValue
        var v = V.defaultValue
        var ignored: [UInt8] = []
        while let tag = try sub.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, K.wireType): k = try K.read(from: &sub)
            case (2, V.wireType): v = try V.read(from: &sub)
            default: try sub.skip(tag, into: &ignored)
            }
        }
        map[k] = v
        offset += length
    }

    /// Reads one map entry whose value is a message.
    public mutating func readMapEntry<K: ScalarCodec, M: ProtoMessage>(
        _ key: K.Type, message: M.Type, into map: inout [K.Value: M]
    ) throws(WireError) where K.Value: Hashable {
        let length = try readLength()
        if depth + 2 > limits.maxDepth {
            throw WireError(.nestingTooDeep, "messages nested deeper than the limit of \(limits.maxDepth)", offset: offset)
        }
        var sub = WireReader(base: base, offset: offset, end: offset + length, limits: limits, depth: depth + 1)
        var k = K.defaultValue
        var v = M()
        var ignored: [UInt8] = []
        while let tag = try sub.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, K.wireType): k = try K.read(from: &sub)
            case (2, .lengthDelimited): try sub.readMessage(into: &v)
            default: try sub.skip(tag, into: &ignored)
            }
        }
        map[k] = v
        offset += length
    }
}
