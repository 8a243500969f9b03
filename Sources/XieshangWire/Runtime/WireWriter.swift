/// Writes protobuf wire format into a buffer that the caller has sized with `serializedSize()`.
///
/// Invariant: the buffer has room for everything written; ``ProtoMessage/serializedBytes()`` sizes it exactly and
/// checks afterwards that the sizes agreed.
public struct WireWriter {
    let base: UnsafeMutablePointer<UInt8>
    /// Bytes written so far.
    public private(set) var offset: Int = 0

    public init(_ base: UnsafeMutablePointer<UInt8>) { self.base = base }

    @inline(__always)
    public mutating func writeByte(_ byte: UInt8) {
        base[offset] = byte
        offset += 1
    }

    @inline(__always)
    public mutating func writeVarint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            base[offset] = UInt8(truncatingIfNeeded: v) | 0x80
            offset += 1
            v >>= 7
        }
        base[offset] = UInt8(v)
        offset += 1
    }

    /// Writes a precomputed tag (field number << 3 | wire type) as a varint.
    @inline(__always)
    public mutating func writeTag(_ tag: UInt32) { writeVarint(UInt64(tag)) }

    @inline(__always)
    public mutating func writeFixed32(_ value: UInt32) {
        var v = value.littleEndian
        withUnsafeBytes(of: &v) { (base + offset).update(from: $0.baseAddress!.assumingMemoryBound(to: UInt8.self), count: 4) }
        offset += 4
    }

    @inline(__always)
    public mutating func writeFixed64(_ value: UInt64) {
        var v = value.littleEndian
        withUnsafeBytes(of: &v) { (base + offset).update(from: $0.baseAddress!.assumingMemoryBound(to: UInt8.self), count: 8) }
        offset += 8
    }

    @inline(__always)
    public mutating func writeRaw(_ bytes: [UInt8]) {
        let count = bytes.count
        if count == 0 { return }
        bytes.withUnsafeBufferPointer { (base + offset).update(from: $0.baseAddress!, count: count) }
        offset += count
    }

    @inline(__always)
    public mutating func writeString(_ string: String) {
        var s = string
        let count = s.utf8.count
        writeVarint(UInt64(count))
        s.withUTF8 { utf8 in
            if count > 0 { (base + offset).update(from: utf8.baseAddress!, count: count) }
        }
        offset += count
    }

    @inline(__always)
    public mutating func writeLengthDelimited(_ bytes: [UInt8]) {
        writeVarint(UInt64(bytes.count))
        writeRaw(bytes)
    }

    /// Writes a nested message: its length, then its fields.
    public mutating func writeMessage<M: ProtoMessage>(_ message: M) {
        writeVarint(UInt64(message.serializedSize()))
        message.encode(to: &self)
    }
}

/// Sizes of encoded values.
public enum WireSize {
    /// Bytes a varint of `value` takes (1–10).
    @inline(__always)
    public static func varint(_ value: UInt64) -> Int {
        // 1 byte per 7 significant bits, at least 1.
        let bits = 64 - value.leadingZeroBitCount
        return bits == 0 ? 1 : (bits + 6) / 7
    }

    /// Bytes a string takes with its length prefix.
    @inline(__always)
    public static func string(_ s: String) -> Int {
        let n = s.utf8.count
        return varint(UInt64(n)) + n
    }

    /// Bytes a `bytes` value takes with its length prefix.
    @inline(__always)
    public static func bytes(_ b: [UInt8]) -> Int { varint(UInt64(b.count)) + b.count }

    /// Bytes a nested message takes with its length prefix.
    @inline(__always)
    public static func message<M: ProtoMessage>(_ m: M) -> Int {
        let n = m.serializedSize()
        return varint(UInt64(n)) + n
    }
}
