// Field-level helpers that the generated code calls: one line per field keeps the generated files readable.

/// Orders map keys so that encoding is deterministic.
public protocol MapKeyCodec: ScalarCodec {
    static func precedes(_ a: Value, _ b: Value) -> Bool
}
extension MapKeyCodec where Value: Comparable {
    public static func precedes(_ a: Value, _ b: Value) -> Bool { a < b }
}
extension Int32Codec: MapKeyCodec {}
extension Int64Codec: MapKeyCodec {}
extension UInt32Codec: MapKeyCodec {}
extension UInt64Codec: MapKeyCodec {}
extension SInt32Codec: MapKeyCodec {}
extension SInt64Codec: MapKeyCodec {}
extension Fixed32Codec: MapKeyCodec {}
extension Fixed64Codec: MapKeyCodec {}
extension SFixed32Codec: MapKeyCodec {}
extension SFixed64Codec: MapKeyCodec {}
extension StringCodec: MapKeyCodec {}
extension BoolCodec: MapKeyCodec {
    public static func precedes(_ a: Bool, _ b: Bool) -> Bool { !a && b }
}

@inline(__always) func tagValue(_ field: Int, _ type: WireType) -> UInt64 { UInt64(field << 3) | UInt64(type.rawValue) }
@inline(__always) func tagSize(_ field: Int) -> Int { WireSize.varint(UInt64(field << 3)) }

extension WireSize {
    /// A proto3 implicit-presence scalar: nothing when it holds the default.
    @inline(__always)
    public static func singular<C: ScalarCodec>(_ c: C.Type, _ v: C.Value, field: Int) -> Int {
        v == C.defaultValue ? 0 : varint(UInt64(field << 3)) + C.size(v)
    }

    /// An explicit-presence scalar (`optional`, or a oneof member): written whenever set.
    @inline(__always)
    public static func present<C: ScalarCodec>(_ c: C.Type, _ v: C.Value, field: Int) -> Int {
        varint(UInt64(field << 3)) + C.size(v)
    }

    /// A repeated scalar: packed into one length-delimited run when the type is packable.
    public static func repeated<C: ScalarCodec>(_ c: C.Type, _ vs: [C.Value], field: Int) -> Int {
        if vs.isEmpty { return 0 }
        var payload = 0
        for v in vs { payload += C.size(v) }
        if C.isPackable { return varint(UInt64(field << 3)) + varint(UInt64(payload)) + payload }
        return vs.count * varint(UInt64(field << 3)) + payload
    }

    /// A present nested message.
    @inline(__always)
    public static func message<M: ProtoMessage>(_ m: M, field: Int) -> Int {
        varint(UInt64(field << 3)) + message(m)
    }

    /// A repeated nested message.
    public static func messages<M: ProtoMessage>(_ ms: [M], field: Int) -> Int {
        var n = ms.count * varint(UInt64(field << 3))
        for m in ms { n += message(m) }
        return n
    }

    /// A map of scalars: one entry message per key, key and value always written.
    public static func map<K: MapKeyCodec, V: ScalarCodec>(_ k: K.Type, _ v: V.Type, _ map: [K.Value: V.Value], field: Int) -> Int {
        var n = 0
        let tag = varint(UInt64(field << 3))
        for (key, value) in map {
            let entry = 1 + K.size(key) + 1 + V.size(value)
            n += tag + varint(UInt64(entry)) + entry
        }
        return n
    }

    /// A map whose values are messages.
    public static func messageMap<K: MapKeyCodec, M: ProtoMessage>(_ k: K.Type, _ map: [K.Value: M], field: Int) -> Int {
        var n = 0
        let tag = varint(UInt64(field << 3))
        for (key, value) in map {
            let entry = 1 + K.size(key) + 1 + message(value)
            n += tag + varint(UInt64(entry)) + entry
        }
        return n
    }
}

extension WireWriter {
    @inline(__always)
    public mutating func singular<C: ScalarCodec>(_ c: C.Type, _ v: C.Value, field: Int) {
        if v == C.defaultValue { return }
        writeVarint(UInt64(field << 3) | UInt64(C.wireType.rawValue))
        C.write(v, to: &self)
    }

    @inline(__always)
    public mutating func present<C: ScalarCodec>(_ c: C.Type, _ v: C.Value, field: Int) {
        writeVarint(UInt64(field << 3) | UInt64(C.wireType.rawValue))
        C.write(v, to: &self)
    }


    public mutating func repeated<C: ScalarCodec>(_ c: C.Type, _ vs: [C.Value], field: Int) {
        if vs.isEmpty { return }
        if C.isPackable {
            writeVarint(UInt64(field << 3) | 2)
            var payload = 0
            for v in vs { payload += C.size(v) }
            writeVarint(UInt64(payload))
            for v in vs { C.write(v, to: &self) }
        } else {
            let tag = UInt64(field << 3) | UInt64(C.wireType.rawValue)
            for v in vs {
                writeVarint(tag)
                C.write(v, to: &self)
            }
        }
    }

    @inline(__always)
    public mutating func message<M: ProtoMessage>(_ m: M, field: Int) {
        writeVarint(UInt64(field << 3) | 2)
        writeMessage(m)
    }


    public mutating func messages<M: ProtoMessage>(_ ms: [M], field: Int) {
        for m in ms { message(m, field: field) }
    }


    public mutating func map<K: MapKeyCodec, V: ScalarCodec>(_ k: K.Type, _ v: V.Type, _ map: [K.Value: V.Value], field: Int) {
        for key in map.keys.sorted(by: K.precedes) {
            let value = map[key]!
            writeVarint(UInt64(field << 3) | 2)
            writeVarint(UInt64(1 + K.size(key) + 1 + V.size(value)))
            writeByte(UInt8(1 << 3) | K.wireType.rawValue)
            K.write(key, to: &self)
            writeByte(UInt8(2 << 3) | V.wireType.rawValue)
            V.write(value, to: &self)
        }
    }


    public mutating func messageMap<K: MapKeyCodec, M: ProtoMessage>(_ k: K.Type, _ map: [K.Value: M], field: Int) {
        for key in map.keys.sorted(by: K.precedes) {
            let value = map[key]!
            writeVarint(UInt64(field << 3) | 2)
            writeVarint(UInt64(1 + K.size(key) + 1 + WireSize.message(value)))
            writeByte(UInt8(1 << 3) | K.wireType.rawValue)
            K.write(key, to: &self)
            writeByte(UInt8(2 << 3) | 2)
            writeMessage(value)
        }
    }
}

extension WireReader {
    /// Reads one occurrence of a repeated scalar field: packed or not, as the tag says.
    @inline(__always)
    public mutating func readRepeated<C: ScalarCodec>(_ c: C.Type, _ tag: WireTag, into values: inout [C.Value],
                                                      unknown: inout [UInt8]) throws(WireError) {
        if tag.wireType == C.wireType {
            values.append(try C.read(from: &self))
        } else if tag.wireType == .lengthDelimited && C.isPackable {
            try readPacked { (r: inout WireReader) throws(WireError) in values.append(try C.read(from: &r)) }
        } else {
            try skip(tag, into: &unknown)
        }
    }
}
