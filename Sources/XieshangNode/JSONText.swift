import XieshangWire

/// JSON text to and from loosely typed trees: `[String: Any]` objects, `[Any]` arrays, `String`, `Bool`, integers,
/// `Double`, ``JSONNull`` (and `nil` Optionals, written as `null`).
///
/// The node's query rows, projections and node.json are built this way; this replaces Foundation's
/// `JSONSerialization` (not in FoundationEssentials) with the same output: keys sorted, `/` escaped as `\/` in compact
/// text, integers as integers.
enum JSONText {
    /// Compact text with sorted keys, or nil when the tree holds something JSON cannot represent (a non-finite
    /// number, a value of another type).
    static func compact(_ value: Any) -> String? {
        var out: [UInt8] = []
        guard write(value, into: &out, indent: nil, escapeSlashes: true, blankInEmpty: false) else { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    /// Indented text (two spaces, `"key" : value`) with sorted keys and slashes as they are, or nil as ``compact(_:)``.
    /// `asFoundation` writes the text `JSONSerialization`'s `.prettyPrinted` wrote, for the outputs that it wrote
    /// before (`stats --json`): `/` escaped as `\/`, and a blank line inside an empty array or object (`[`, an empty
    /// line, `]` at the container's indent).
    static func pretty(_ value: Any, asFoundation: Bool = false) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        guard write(value, into: &out, indent: 0, escapeSlashes: asFoundation, blankInEmpty: asFoundation) else { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    /// Parses JSON text into a tree (integers that fit as `Int`, other numbers as `Double`), or nil when it is not
    /// valid JSON.
    static func parse(_ text: String) -> Any? {
        guard let value = try? JSONValue.parse(text) else { return nil }
        return tree(value)
    }

    /// The loosely typed tree of a parsed value (as ``parse(_:)`` returns).
    static func tree(_ value: JSONValue) -> Any {
        switch value {
        case .null: return JSONNull()
        case .bool(let b): return b
        case .number(let t):
            if let i = Int(t) { return i }
            return Double(t) ?? 0
        case .string(let s): return s
        case .array(let a): return a.map(tree)
        case .object(let members):
            var o: [String: Any] = [:]
            for (k, v) in members { o[k] = tree(v) }
            return o
        }
    }

    private static func newline(_ indent: Int?, into out: inout [UInt8]) {
        guard let indent else { return }
        out.append(0x0a)
        out.append(contentsOf: repeatElement(0x20, count: indent))
    }

    private static func write(_ value: Any, into out: inout [UInt8], indent: Int?, escapeSlashes: Bool, blankInEmpty: Bool) -> Bool {
        switch value {
        case let s as String: JSONWriter.appendString(s, to: &out, escapingSlashes: escapeSlashes)
        case let b as Bool: out.append(contentsOf: (b ? "true" : "false").utf8)
        case let i as Int: out.append(contentsOf: String(i).utf8)
        case let i as Int64: out.append(contentsOf: String(i).utf8)
        case let i as Int32: out.append(contentsOf: String(i).utf8)
        case let i as UInt64: out.append(contentsOf: String(i).utf8)
        case let i as UInt32: out.append(contentsOf: String(i).utf8)
        case let d as Double:
            guard d.isFinite else { return false }
            if d == d.rounded(), abs(d) < 1e15 { out.append(contentsOf: String(Int64(d)).utf8) }
            else { out.append(contentsOf: String(d).utf8) }
        case is JSONNull: out.append(contentsOf: "null".utf8)
        case let a as [Any]:
            out.append(UInt8(ascii: "["))
            for (n, element) in a.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent.map { $0 + 2 }, into: &out)
                guard write(element, into: &out, indent: indent.map { $0 + 2 }, escapeSlashes: escapeSlashes, blankInEmpty: blankInEmpty) else { return false }
            }
            if !a.isEmpty { newline(indent, into: &out) } else if blankInEmpty, indent != nil { out.append(0x0a); newline(indent, into: &out) }
            out.append(UInt8(ascii: "]"))
        case let o as [String: Any]:
            out.append(UInt8(ascii: "{"))
            for (n, key) in o.keys.sorted().enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent.map { $0 + 2 }, into: &out)
                JSONWriter.appendString(key, to: &out, escapingSlashes: escapeSlashes)
                out.append(contentsOf: (indent == nil ? ":" : " : ").utf8)
                guard write(o[key]!, into: &out, indent: indent.map { $0 + 2 }, escapeSlashes: escapeSlashes, blankInEmpty: blankInEmpty) else { return false }
            }
            if !o.isEmpty { newline(indent, into: &out) } else if blankInEmpty, indent != nil { out.append(0x0a); newline(indent, into: &out) }
            out.append(UInt8(ascii: "}"))
        default:
            // A nil Optional boxed in Any is null; anything else has no JSON form.
            let mirror = Mirror(reflecting: value)
            guard mirror.displayStyle == .optional else { return false }
            guard let wrapped = mirror.children.first?.value else {
                out.append(contentsOf: "null".utf8)
                return true
            }
            return write(wrapped, into: &out, indent: indent, escapeSlashes: escapeSlashes, blankInEmpty: blankInEmpty)
        }
        return true
    }
}
