/// A parsed JSON value. Numbers keep their text so that 64-bit integers are read exactly.
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// The number exactly as written.
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members in document order.
    case object([JSONMember])

    /// Parses JSON text (RFC 8259), nesting at most 128 levels.
    /// - Throws: ``WireError`` `.invalidJSON` naming the byte offset of the problem.
    public static func parse(_ text: String) throws(WireError) -> JSONValue {
        var parser = JSONParser(Array(text.utf8))
        let value = try parser.parseValue(depth: 0)
        parser.skipSpace()
        if parser.offset != parser.bytes.count {
            throw WireError(.invalidJSON, "unexpected text after the JSON value", offset: parser.offset)
        }
        return value
    }

    /// The value as an integer of type `T`, from a JSON number or a string holding one (as proto3 JSON allows).
    public func integer<T: FixedWidthInteger>(_ type: T.Type, path: String) throws(WireError) -> T {
        let text: String
        switch self {
        case .number(let t), .string(let t): text = t
        default: throw WireError(.invalidJSON, "expected an integer at \(path)")
        }
        if let v = T(text) { return v }
        // proto3 JSON accepts integral numbers written with an exponent or a fraction of zero, e.g. 1e3 or 5.0.
        if let d = Double(text), d.rounded() == d, let v = T(exactly: d) { return v }
        throw WireError(.invalidJSON, "\"\(text)\" is not a \(T.self) at \(path)")
    }

    /// The value as a double: a number, or the strings "NaN", "Infinity", "-Infinity" or a number in a string.
    public func floatingPoint(path: String) throws(WireError) -> Double {
        switch self {
        case .number(let t):
            if let d = Double(t) { return d }
        case .string("NaN"): return .nan
        case .string("Infinity"): return .infinity
        case .string("-Infinity"): return -.infinity
        case .string(let t):
            if let d = Double(t), d.isFinite { return d }
        default: break
        }
        throw WireError(.invalidJSON, "expected a number at \(path)")
    }

    /// The elements of an array (`null` reads as empty).
    public func elements(path: String) throws(WireError) -> [JSONValue] {
        switch self {
        case .array(let a): return a
        case .null: return []
        default: throw WireError(.invalidJSON, "expected an array at \(path)")
        }
    }

    /// The members of an object (`null` reads as empty).
    public func members(path: String) throws(WireError) -> [JSONMember] {
        switch self {
        case .object(let o): return o
        case .null: return []
        default: throw WireError(.invalidJSON, "expected an object at \(path)")
        }
    }
}

/// One `"name": value` member of a JSON object.
public typealias JSONMember = (String, JSONValue)

extension JSONValue {
    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let b): hasher.combine(b)
        case .number(let t), .string(let t): hasher.combine(t)
        case .array(let a): hasher.combine(a)
        case .object(let o):
            for (k, v) in o {
                hasher.combine(k)
                hasher.combine(v)
            }
        }
    }
}

/// A strict recursive-descent JSON parser over UTF-8 bytes.
struct JSONParser {
    let bytes: [UInt8]
    var offset = 0
    static let maxDepth = 128

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func skipSpace() {
        while offset < bytes.count, bytes[offset] == 0x20 || bytes[offset] == 0x0a || bytes[offset] == 0x0d || bytes[offset] == 0x09 {
            offset += 1
        }
    }

    func fail(_ what: String) -> WireError { WireError(.invalidJSON, what, offset: offset) }

    mutating func parseValue(depth: Int) throws(WireError) -> JSONValue {
        if depth > JSONParser.maxDepth { throw fail("JSON nested deeper than \(JSONParser.maxDepth) levels") }
        skipSpace()
        guard offset < bytes.count else { throw fail("JSON text ends where a value was expected") }
        switch bytes[offset] {
        case UInt8(ascii: "{"):
            offset += 1
            var members: [JSONMember] = []
            var names: Set<String> = []
            skipSpace()
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") { offset += 1; return .object(members) }
            while true {
                skipSpace()
                guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw fail("expected a member name") }
                let keyOffset = offset
                let key = try parseString()
                guard names.insert(key).inserted else {
                    throw WireError(.invalidJSON, "member \"\(key)\" appears twice in one object", offset: keyOffset)
                }
                skipSpace()
                guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else { throw fail("expected ':' after a member name") }
                offset += 1
                members.append((key, try parseValue(depth: depth + 1)))
                skipSpace()
                guard offset < bytes.count else { throw fail("JSON text ends inside an object") }
                if bytes[offset] == UInt8(ascii: ",") { offset += 1; continue }
                if bytes[offset] == UInt8(ascii: "}") { offset += 1; return .object(members) }
                throw fail("expected ',' or '}' in an object")
            }
        case UInt8(ascii: "["):
            offset += 1
            var elements: [JSONValue] = []
            skipSpace()
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") { offset += 1; return .array(elements) }
            while true {
                elements.append(try parseValue(depth: depth + 1))
                skipSpace()
                guard offset < bytes.count else { throw fail("JSON text ends inside an array") }
                if bytes[offset] == UInt8(ascii: ",") { offset += 1; continue }
                if bytes[offset] == UInt8(ascii: "]") { offset += 1; return .array(elements) }
                throw fail("expected ',' or ']' in an array")
            }
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default:
            return .number(try parseNumber())
        }
    }

    mutating func literal(_ word: String) throws(WireError) {
        let w = Array(word.utf8)
        guard offset + w.count <= bytes.count, Array(bytes[offset..<offset + w.count]) == w else {
            throw fail("invalid JSON literal")
        }
        offset += w.count
    }

    mutating func parseNumber() throws(WireError) -> String {
        let start = offset
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        guard offset < bytes.count, isDigit(bytes[offset]) else { throw fail("invalid JSON value") }
        if bytes[offset] == UInt8(ascii: "0") {
            offset += 1
        } else {
            while offset < bytes.count, isDigit(bytes[offset]) { offset += 1 }
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            guard offset < bytes.count, isDigit(bytes[offset]) else { throw fail("digits expected after '.'") }
            while offset < bytes.count, isDigit(bytes[offset]) { offset += 1 }
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
            offset += 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") { offset += 1 }
            guard offset < bytes.count, isDigit(bytes[offset]) else { throw fail("digits expected in an exponent") }
            while offset < bytes.count, isDigit(bytes[offset]) { offset += 1 }
        }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    mutating func parseString() throws(WireError) -> String {
        offset += 1  // opening quote
        var out: [UInt8] = []
        while true {
            guard offset < bytes.count else { throw fail("JSON text ends inside a string") }
            let b = bytes[offset]
            offset += 1
            switch b {
            case UInt8(ascii: "\""):
                guard let s = String(validating: out, as: UTF8.self) else { throw fail("string is not valid UTF-8") }
                return s
            case UInt8(ascii: "\\"):
                guard offset < bytes.count else { throw fail("JSON text ends inside an escape") }
                let e = bytes[offset]
                offset += 1
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5c)
                case UInt8(ascii: "/"): out.append(0x2f)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0c)
                case UInt8(ascii: "n"): out.append(0x0a)
                case UInt8(ascii: "r"): out.append(0x0d)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if scalar >= 0xD800 && scalar < 0xDC00 {
                        guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else {
                            throw fail("unpaired UTF-16 surrogate in a string")
                        }
                        offset += 2
                        let low = try hex4()
                        guard low >= 0xDC00 && low < 0xE000 else { throw fail("invalid UTF-16 surrogate pair") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if scalar >= 0xDC00 && scalar < 0xE000 {
                        throw fail("unpaired UTF-16 surrogate in a string")
                    }
                    out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
                default:
                    throw fail("invalid escape in a string")
                }
            default:
                if b < 0x20 { throw fail("control character inside a string") }
                out.append(b)
            }
        }
    }

    mutating func hex4() throws(WireError) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw fail("JSON text ends inside \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[offset]
            offset += 1
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: throw fail("invalid hex digit in \\u escape")
            }
            v = v << 4 | d
        }
        return v
    }
}
