import XieshangDomain

/// A minimal JSON reader over UTF-8 bytes, enough for the editing-traces corpus (objects, arrays, strings,
/// integers, literals). It never crashes on bad input: every failure is a ``DomainError`` with the byte offset.
struct DraftTraceJSONReader {
    let bytes: [UInt8]
    var i = 0
    /// Deepest nesting accepted while skipping values.
    static let maxDepth = 64

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func fail(_ what: String) -> DomainError {
        DomainError(.invalidEncoding, "editing trace JSON: \(what); is the file a trace of the editing-traces corpus?",
                    offset: i)
    }

    mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    mutating func peek() throws(DomainError) -> UInt8 {
        skipSpace()
        guard i < bytes.count else {
            throw DomainError(.truncated, "editing trace JSON ends early", offset: i)
        }
        return bytes[i]
    }

    mutating func expect(_ byte: UInt8) throws(DomainError) {
        guard try peek() == byte else { throw fail("expected '\(Character(Unicode.Scalar(byte)))'") }
        i += 1
    }

    /// Reads `{`, then calls `body` for each key with the reader positioned at its value.
    mutating func object(_ body: (inout DraftTraceJSONReader, String) throws(DomainError) -> Void) throws(DomainError) {
        try expect(UInt8(ascii: "{"))
        if try peek() == UInt8(ascii: "}") { i += 1; return }
        while true {
            let key = try string()
            try expect(UInt8(ascii: ":"))
            try body(&self, key)
            let c = try peek()
            i += 1
            if c == UInt8(ascii: "}") { return }
            if c != UInt8(ascii: ",") { i -= 1; throw fail("expected ',' or '}'") }
        }
    }

    /// Reads `[`, then calls `body` with the reader positioned at each element.
    mutating func array(_ body: (inout DraftTraceJSONReader) throws(DomainError) -> Void) throws(DomainError) {
        try expect(UInt8(ascii: "["))
        if try peek() == UInt8(ascii: "]") { i += 1; return }
        while true {
            try body(&self)
            let c = try peek()
            i += 1
            if c == UInt8(ascii: "]") { return }
            if c != UInt8(ascii: ",") { i -= 1; throw fail("expected ',' or ']'") }
        }
    }

    /// Reads a non-negative or negative integer that fits in an `Int`.
    mutating func integer() throws(DomainError) -> Int {
        _ = try peek()
        var negative = false
        if bytes[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        var value = 0
        var digits = 0
        while i < bytes.count, bytes[i] >= 0x30 && bytes[i] <= 0x39 {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int(bytes[i] - 0x30))
            if o1 || o2 { throw fail("integer too large") }
            value = s
            digits += 1
            i += 1
        }
        if digits == 0 { throw fail("expected an integer") }
        return negative ? -value : value
    }

    /// Reads a string, appending its scalar values to `out`.
    mutating func string(into out: inout [UInt32]) throws(DomainError) {
        try expect(UInt8(ascii: "\""))
        while true {
            guard i < bytes.count else { throw DomainError(.truncated, "editing trace JSON ends in a string", offset: i) }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { i += 1; return }
            if b == UInt8(ascii: "\\") {
                i += 1
                guard i < bytes.count else { throw DomainError(.truncated, "editing trace JSON ends in a string", offset: i) }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(UInt32(e))
                case UInt8(ascii: "u"):
                    var unit = try hex4()
                    if unit >= 0xD800 && unit < 0xDC00 {
                        guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                            throw fail("unpaired surrogate escape")
                        }
                        i += 2
                        let low = try hex4()
                        guard low >= 0xDC00 && low < 0xE000 else { throw fail("unpaired surrogate escape") }
                        unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    } else if unit >= 0xDC00 && unit < 0xE000 {
                        throw fail("unpaired surrogate escape")
                    }
                    out.append(unit)
                default: throw fail("unknown escape")
                }
                continue
            }
            // UTF-8 sequence.
            var value: UInt32
            var extra: Int
            if b < 0x80 { value = UInt32(b); extra = 0 }
            else if b & 0xE0 == 0xC0 { value = UInt32(b & 0x1F); extra = 1 }
            else if b & 0xF0 == 0xE0 { value = UInt32(b & 0x0F); extra = 2 }
            else if b & 0xF8 == 0xF0 { value = UInt32(b & 0x07); extra = 3 }
            else { throw fail("invalid UTF-8") }
            guard i + extra < bytes.count else { throw DomainError(.truncated, "editing trace JSON ends in UTF-8", offset: i) }
            var k = 1
            while k <= extra {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { throw fail("invalid UTF-8") }
                value = value << 6 | UInt32(c & 0x3F)
                k += 1
            }
            guard Unicode.Scalar(value) != nil else { throw fail("invalid UTF-8 scalar") }
            out.append(value)
            i += extra + 1
        }
    }

    mutating func hex4() throws(DomainError) -> UInt32 {
        guard i + 4 <= bytes.count else { throw DomainError(.truncated, "editing trace JSON ends in an escape", offset: i) }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[i]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: throw fail("bad \\u escape")
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }

    /// Reads a string.
    mutating func string() throws(DomainError) -> String {
        var values: [UInt32] = []
        try string(into: &values)
        var view = String.UnicodeScalarView()
        for v in values { if let s = Unicode.Scalar(v) { view.append(s) } }
        return String(view)
    }

    /// Skips any value.
    mutating func skipValue(depth: Int = 0) throws(DomainError) {
        guard depth < Self.maxDepth else { throw fail("nesting too deep") }
        switch try peek() {
        case UInt8(ascii: "{"): try object { (r, _) throws(DomainError) in try r.skipValue(depth: depth + 1) }
        case UInt8(ascii: "["): try array { (r) throws(DomainError) in try r.skipValue(depth: depth + 1) }
        case UInt8(ascii: "\""): var sink: [UInt32] = []; try string(into: &sink)
        default:
            // Number or literal: consume until a delimiter.
            let start = i
            while i < bytes.count, !",]} \n\r\t".utf8.contains(bytes[i]) { i += 1 }
            if i == start { throw fail("expected a value") }
        }
    }
}
