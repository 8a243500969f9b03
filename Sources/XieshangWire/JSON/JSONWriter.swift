/// Writes compact JSON text; the generated code calls the field helpers below.
public struct JSONWriter {
    private var bytes: [UInt8] = []
    private var needsComma: [Bool] = []

    public init() {}

    /// The text written so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

    public mutating func string(_ s: String) { Self.appendString(s, to: &bytes) }

    /// Appends `s` as a JSON string literal: `"` and `\` escaped, `\n` `\r` `\t` by name, other control characters
    /// as `\u00XX`, everything else as its UTF-8 bytes; `escapingSlashes` also writes `/` as `\/` (as Foundation's
    /// `JSONSerialization` does by default).
    public static func appendString(_ s: String, to bytes: inout [UInt8], escapingSlashes: Bool = false) {
        bytes.append(0x22)
        for u in s.utf8 {
            switch u {
            case 0x22: bytes += [0x5c, 0x22]
            case 0x5c: bytes += [0x5c, 0x5c]
            case 0x2f where escapingSlashes: bytes += [0x5c, 0x2f]
            case 0x0a: bytes += [0x5c, 0x6e]
            case 0x0d: bytes += [0x5c, 0x72]
            case 0x09: bytes += [0x5c, 0x74]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes += [0x5c, 0x75, 0x30, 0x30, hex[Int(u >> 4)], hex[Int(u & 15)]]
            default: bytes.append(u)
            }
        }
        bytes.append(0x22)
    }

    public mutating func floatingPoint<F: BinaryFloatingPoint & LosslessStringConvertible>(_ v: F) {
        if v.isNaN { string("NaN") }
        else if v == .infinity { string("Infinity") }
        else if v == -.infinity { string("-Infinity") }
        else {
            // Swift prints the shortest text that reads back to the same value; "inf"/"nan" are handled above.
            raw(String(v))
        }
    }

    public mutating func beginObject() {
        bytes.append(UInt8(ascii: "{"))
        needsComma.append(false)
    }

    public mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma.removeLast()
    }

    mutating func beginArray() {
        bytes.append(UInt8(ascii: "["))
        needsComma.append(false)
    }

    mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma.removeLast()
    }

    mutating func separator() {
        if needsComma.last == true { bytes.append(UInt8(ascii: ",")) }
        if !needsComma.isEmpty { needsComma[needsComma.count - 1] = true }
    }

    mutating func key(_ name: String) {
        separator()
        string(name)
        bytes.append(UInt8(ascii: ":"))
    }

    // MARK: Field helpers for generated code

    public mutating func singular<C: ScalarCodec>(_ name: String, _ c: C.Type, _ v: C.Value) {
        if v == C.defaultValue { return }
        key(name)
        C.writeJSON(v, to: &self)
    }

    public mutating func present<C: ScalarCodec>(_ name: String, _ c: C.Type, _ v: C.Value) {
        key(name)
        C.writeJSON(v, to: &self)
    }

    public mutating func repeated<C: ScalarCodec>(_ name: String, _ c: C.Type, _ vs: [C.Value]) {
        if vs.isEmpty { return }
        key(name)
        beginArray()
        for v in vs {
            separator()
            C.writeJSON(v, to: &self)
        }
        endArray()
    }

    public mutating func message<M: ProtoMessage>(_ name: String, _ m: M) {
        key(name)
        m.encodeJSON(to: &self)
    }

    public mutating func messages<M: ProtoMessage>(_ name: String, _ ms: [M]) {
        if ms.isEmpty { return }
        key(name)
        beginArray()
        for m in ms {
            separator()
            m.encodeJSON(to: &self)
        }
        endArray()
    }

    public mutating func map<K: MapKeyCodec, V: ScalarCodec>(_ name: String, _ k: K.Type, _ v: V.Type, _ map: [K.Value: V.Value]) {
        if map.isEmpty { return }
        key(name)
        beginObject()
        for entry in map.keys.sorted(by: K.precedes) {
            key(K.jsonKey(entry))
            V.writeJSON(map[entry]!, to: &self)
        }
        endObject()
    }

    public mutating func messageMap<K: MapKeyCodec, M: ProtoMessage>(_ name: String, _ k: K.Type, _ map: [K.Value: M]) {
        if map.isEmpty { return }
        key(name)
        beginObject()
        for entry in map.keys.sorted(by: K.precedes) {
            key(K.jsonKey(entry))
            map[entry]!.encodeJSON(to: &self)
        }
        endObject()
    }
}

/// Readers for JSON field values, called by the generated `decodeJSON`.
public enum JSONRead {
    public static func repeated<C: ScalarCodec>(_ c: C.Type, _ json: JSONValue, path: String) throws(WireError) -> [C.Value] {
        var out: [C.Value] = []
        for (i, e) in try json.elements(path: path).enumerated() {
            out.append(try C.readJSON(e, path: "\(path)[\(i)]"))
        }
        return out
    }

    public static func message<M: ProtoMessage>(_ m: M.Type, _ json: JSONValue, path: String) throws(WireError) -> M {
        var value = M()
        try value.decodeJSON(from: try json.members(path: path), path: path)
        return value
    }

    public static func messages<M: ProtoMessage>(_ m: M.Type, _ json: JSONValue, path: String) throws(WireError) -> [M] {
        var out: [M] = []
        for (i, e) in try json.elements(path: path).enumerated() {
            out.append(try message(M.self, e, path: "\(path)[\(i)]"))
        }
        return out
    }

    public static func map<K: MapKeyCodec, V: ScalarCodec>(_ k: K.Type, _ v: V.Type, _ json: JSONValue, path: String) throws(WireError) -> [K.Value: V.Value] {
        var out: [K.Value: V.Value] = [:]
        for (key, value) in try json.members(path: path) {
            out[try K.readJSONKey(key, path: "\(path).\(key)")] = try V.readJSON(value, path: "\(path).\(key)")
        }
        return out
    }

    public static func messageMap<K: MapKeyCodec, M: ProtoMessage>(_ k: K.Type, _ m: M.Type, _ json: JSONValue, path: String) throws(WireError) -> [K.Value: M] {
        var out: [K.Value: M] = [:]
        for (key, value) in try json.members(path: path) {
            out[try K.readJSONKey(key, path: "\(path).\(key)")] = try message(M.self, value, path: "\(path).\(key)")
        }
        return out
    }

    /// The error for a member name the message does not define.
    public static func unknownField(_ name: String, in message: String, path: String) -> WireError {
        WireError(.invalidJSON, "\(message) has no field \"\(name)\" (at \(path))")
    }
}
