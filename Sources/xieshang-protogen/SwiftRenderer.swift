/// Renders Swift value types and codecs for one .proto file.
///
/// The output is meant to be read: one struct per message with its documented fields, then an extension with the
/// codec, each field one line calling the runtime helpers in XieshangWire/Runtime.
struct SwiftRenderer {
    /// Full proto name → Swift type reference, for every type of every file.
    let swiftNames: [String: String]
    /// Full proto name → enum declaration (for default values and names).
    let enums: [String: EnumDecl]
    /// The module that holds the wire runtime, when generating outside it.
    let importModule: String?
    var out = ""
    var indent = 0

    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "protocol", "public", "rethrows", "static", "struct",
        "subscript", "typealias", "var", "break", "case", "continue", "default", "defer", "do", "else",
        "fallthrough", "for", "guard", "if", "in", "repeat", "return", "switch", "where", "while", "as", "Any",
        "catch", "false", "is", "nil", "super", "self", "Self", "throw", "throws", "true", "try", "Type", "some", "any",
    ]

    static func escaped(_ name: String) -> String { keywords.contains(name) ? "`\(name)`" : name }

    /// `prev_hash` → `prevHash` (protoc's json_name rule).
    static func lowerCamel(_ name: String) -> String {
        var out = ""
        var upperNext = false
        for c in name {
            if c == "_" { upperNext = true; continue }
            out.append(upperNext ? Character(c.uppercased()) : c)
            upperNext = false
        }
        return out
    }

    static func upperCamel(_ name: String) -> String {
        let l = lowerCamel(name)
        return l.prefix(1).uppercased() + l.dropFirst()
    }

    /// `EVENT_KIND_AGGREGATE_REPORT` in enum `EventKind` → `aggregateReport`.
    static func enumCaseName(_ value: String, enumName: String) -> String {
        var prefix = ""
        for (i, c) in enumName.enumerated() {
            if c.isUppercase && i > 0 { prefix += "_" }
            prefix += c.uppercased()
        }
        prefix += "_"
        var stem = value.hasPrefix(prefix) && value.count > prefix.count ? String(value.dropFirst(prefix.count)) : value
        stem = stem.lowercased()
        var name = lowerCamel(stem)
        if let first = name.first, first.isNumber { name = "_" + name }
        return escaped(name)
    }

    static let codecs: [String: (codec: String, swift: String, wire: String, zero: String)] = [
        "double": ("DoubleCodec", "Double", ".fixed64", "0"), "float": ("FloatCodec", "Float", ".fixed32", "0"),
        "int32": ("Int32Codec", "Int32", ".varint", "0"), "int64": ("Int64Codec", "Int64", ".varint", "0"),
        "uint32": ("UInt32Codec", "UInt32", ".varint", "0"), "uint64": ("UInt64Codec", "UInt64", ".varint", "0"),
        "sint32": ("SInt32Codec", "Int32", ".varint", "0"), "sint64": ("SInt64Codec", "Int64", ".varint", "0"),
        "fixed32": ("Fixed32Codec", "UInt32", ".fixed32", "0"), "fixed64": ("Fixed64Codec", "UInt64", ".fixed64", "0"),
        "sfixed32": ("SFixed32Codec", "Int32", ".fixed32", "0"), "sfixed64": ("SFixed64Codec", "Int64", ".fixed64", "0"),
        "bool": ("BoolCodec", "Bool", ".varint", "false"), "string": ("StringCodec", "String", ".lengthDelimited", "\"\""),
        "bytes": ("BytesCodec", "[UInt8]", ".lengthDelimited", "[]"),
    ]

    mutating func line(_ s: String = "") {
        out += s.isEmpty ? "\n" : String(repeating: "    ", count: indent) + s + "\n"
    }

    mutating func doc(_ comment: [String], fallback: String? = nil) {
        let lines = comment.isEmpty ? (fallback.map { [$0] } ?? []) : comment
        for l in lines { line("/// " + l) }
    }

    func swiftType(_ full: String) -> String { swiftNames[full]! }

    /// Codec and value type for a scalar or enum; nil for messages.
    func codec(_ t: ResolvedType) -> (codec: String, swift: String, wire: String, zero: String)? {
        switch t {
        case .scalar(let s): return SwiftRenderer.codecs[s]!
        case .enumeration(let e):
            let zeroCase = SwiftRenderer.enumCaseName(enums[e]!.values[0].name, enumName: enums[e]!.name)
            return ("EnumCodec<\(swiftType(e))>", swiftType(e), ".varint", ".\(zeroCase)")
        case .message: return nil
        }
    }

    func descriptorType(_ t: ResolvedType) -> String {
        switch t {
        case .scalar(let s): return "." + s
        case .message(let m): return ".message(\"\(m)\")"
        case .enumeration(let e): return ".enumeration(\"\(e)\")"
        }
    }

    /// The Swift type of a field as stored in the struct, and its default.
    func storage(_ f: FieldDecl) -> (type: String, initial: String) {
        switch f.label {
        case .map(let key):
            let k = SwiftRenderer.codecs[key]!.swift
            let v: String
            if case .message(let m) = f.resolved { v = swiftType(m) } else { v = codec(f.resolved)!.swift }
            return ("[\(k): \(v)]", "[:]")
        case .repeated:
            if case .message(let m) = f.resolved { return ("[\(swiftType(m))]", "[]") }
            return ("[\(codec(f.resolved)!.swift)]", "[]")
        case .optional:
            if case .message(let m) = f.resolved { return (swiftType(m) + "?", "nil") }
            return (codec(f.resolved)!.swift + "?", "nil")
        case .singular:
            if case .message(let m) = f.resolved { return (swiftType(m) + "?", "nil") }
            let c = codec(f.resolved)!
            return (c.swift, c.zero)
        }
    }

    // MARK: - File

    mutating func render(_ file: ProtoFile) -> String {
        out = ""
        line("// DO NOT EDIT — generated from Protos/\(file.path) by xieshang-protogen.")
        line("// Change the .proto file and run `make generate`; a test fails when this file drifts from Protos/.")
        line()
        if let importModule { line("import \(importModule)"); line() }
        for e in file.enums { renderEnum(e, parent: nil) }
        for m in file.messages { renderMessage(m, parent: nil) }
        for s in file.services { renderService(s) }
        while out.hasSuffix("\n\n") { out.removeLast() }
        return out
    }

    // MARK: - Enums

    mutating func renderEnum(_ e: EnumDecl, parent: String?) {
        if let parent { line("extension \(parent) {"); indent += 1 }
        let name = SwiftRenderer.escaped(e.name)
        let swiftFull = swiftType(e.fullName)
        doc(e.comment, fallback: "The proto enum `\(e.fullName)`.")
        line("public enum \(name): ProtoEnum {")
        indent += 1
        for v in e.values {
            doc(v.comment)
            line("case \(SwiftRenderer.enumCaseName(v.name, enumName: e.name))")
        }
        line("/// A value this schema does not name (sent by a newer schema); kept as its number.")
        line("case unrecognized(Int32)")
        line()
        line("public static let protoName = \"\(e.fullName)\"")
        line("public static let allKnownValues: [\(swiftFull)] = [\(e.values.map { "." + SwiftRenderer.enumCaseName($0.name, enumName: e.name) }.joined(separator: ", "))]")
        line()
        let cases = e.values.map { (value: $0, swift: SwiftRenderer.enumCaseName($0.name, enumName: e.name)) }
        switchMember("public init(protoValue: Int32)", over: "protoValue",
                     cases.map { "case \($0.value.number): self = .\($0.swift)" }, last: "default: self = .unrecognized(protoValue)")
        line()
        switchMember("public var protoValue: Int32", over: "self",
                     cases.map { "case .\($0.swift): \($0.value.number)" }, last: "case .unrecognized(let value): value")
        line()
        switchMember("public var protoValueName: String?", over: "self",
                     cases.map { "case .\($0.swift): \"\($0.value.name)\"" }, last: "case .unrecognized: nil")
        line()
        switchMember("public init?(protoValueName: String)", over: "protoValueName",
                     cases.map { "case \"\($0.value.name)\": self = .\($0.swift)" }, last: "default: return nil")
        indent -= 1
        line("}")
        if parent != nil { indent -= 1; line("}") }
        line()
    }

    /// A member whose body is one `switch`: `header { switch subject { cases…; last } }`.
    mutating func switchMember(_ header: String, over subject: String, _ cases: [String], last: String) {
        line(header + " {")
        indent += 1
        line("switch \(subject) {")
        for c in cases { line(c) }
        line(last)
        line("}")
        indent -= 1
        line("}")
    }

    // MARK: - Messages

    mutating func renderMessage(_ m: MessageDecl, parent: String?) {
        let swiftFull = swiftType(m.fullName)
        let fields = m.fields.sorted { $0.number < $1.number }
        if let parent { line("extension \(parent) {"); indent += 1 }
        doc(m.comment, fallback: "The proto message `\(m.fullName)`.")
        line("public struct \(SwiftRenderer.escaped(m.name)): ProtoMessage {")
        indent += 1
        line("public static let protoName = \"\(m.fullName)\"")
        line()
        var renderedOneofs: Set<String> = []
        for f in m.fields {
            if let oneof = f.oneof {
                if renderedOneofs.insert(oneof).inserted {
                    let decl = m.oneofs.first { $0.name == oneof }!
                    doc(decl.comment, fallback: "The oneof `\(oneof)`: at most one of its cases is set.")
                    line("public var \(SwiftRenderer.escaped(SwiftRenderer.lowerCamel(oneof))): \(SwiftRenderer.upperCamel(oneof))? = nil")
                }
                continue
            }
            let s = storage(f)
            doc(f.comment)
            line("public var \(SwiftRenderer.escaped(SwiftRenderer.lowerCamel(f.name))): \(s.type) = \(s.initial)")
        }
        line("/// Fields this schema does not know, kept as raw bytes and written back after the known fields.")
        line("public var unknownFields: [UInt8] = []")
        line()
        for oneof in m.oneofs {
            doc(oneof.comment, fallback: "The cases of the oneof `\(oneof.name)`.")
            line("public enum \(SwiftRenderer.upperCamel(oneof.name)): Sendable, Hashable {")
            indent += 1
            for f in m.fields where f.oneof == oneof.name {
                let t: String
                if case .message(let msg) = f.resolved { t = swiftType(msg) } else { t = codec(f.resolved)!.swift }
                doc(f.comment)
                line("case \(SwiftRenderer.escaped(SwiftRenderer.lowerCamel(f.name)))(\(t))")
            }
            indent -= 1
            line("}")
            line()
        }
        line("/// A message with every field at its default.")
        line("public init() {}")
        line()
        // Memberwise initializer: fields and oneofs in declaration order, every parameter defaulted.
        var params: [(String, String, String)] = []
        var seenOneofs: Set<String> = []
        for f in m.fields {
            if let oneof = f.oneof {
                if seenOneofs.insert(oneof).inserted {
                    params.append((SwiftRenderer.lowerCamel(oneof), SwiftRenderer.upperCamel(oneof) + "?", "nil"))
                }
                continue
            }
            let s = storage(f)
            params.append((SwiftRenderer.lowerCamel(f.name), s.type, s.initial))
        }
        if !params.isEmpty {
            line("/// A message with the given fields; the others keep their defaults.")
            line("public init(")
            indent += 1
            for (i, p) in params.enumerated() {
                line("\(SwiftRenderer.escaped(p.0)): \(p.1) = \(p.2)\(i == params.count - 1 ? "" : ",")")
            }
            indent -= 1
            line(") {")
            indent += 1
            for p in params { line("self.\(SwiftRenderer.escaped(p.0)) = \(SwiftRenderer.escaped(p.0))") }
            indent -= 1
            line("}")
        }
        indent -= 1
        line("}")
        if parent != nil { indent -= 1; line("}") }
        line()

        renderCodec(m, swiftFull: swiftFull, fields: fields)

        for e in m.enums { renderEnum(e, parent: swiftFull) }
        for nested in m.messages { renderMessage(nested, parent: swiftFull) }
    }

    func fieldName(_ f: FieldDecl) -> String { SwiftRenderer.escaped(SwiftRenderer.lowerCamel(f.name)) }
    func oneofVar(_ f: FieldDecl) -> String { SwiftRenderer.escaped(SwiftRenderer.lowerCamel(f.oneof!)) }

    mutating func renderCodec(_ m: MessageDecl, swiftFull: String, fields: [FieldDecl]) {
        line("extension \(swiftFull) {")
        indent += 1

        // Descriptor table.
        line("public static let protoFields: [ProtoFieldDescriptor] = [")
        indent += 1
        for f in fields {
            let label: String
            switch f.label {
            case .singular: label = ".singular"
            case .optional: label = ".optional"
            case .repeated: label = ".repeated"
            case .map(let key): label = ".map(key: .\(key))"
            }
            let oneof = f.oneof.map { "\"\($0)\"" } ?? "nil"
            line("ProtoFieldDescriptor(number: \(f.number), name: \"\(f.name)\", jsonName: \"\(SwiftRenderer.lowerCamel(f.name))\", type: \(descriptorType(f.resolved)), label: \(label), oneof: \(oneof)),")
        }
        indent -= 1
        line("]")
        line()

        // Size.
        line("public func serializedSize() -> Int {")
        indent += 1
        line("var n = unknownFields.count")
        for f in fields { line(sizeLine(f)) }
        line("return n")
        indent -= 1
        line("}")
        line()

        // Encode.
        line("public func encode(to w: inout WireWriter) {")
        indent += 1
        for f in fields { line(encodeLine(f)) }
        line("w.writeRaw(unknownFields)")
        indent -= 1
        line("}")
        line()

        // Decode.
        line("public mutating func decodeFields(from r: inout WireReader) throws(WireError) {")
        indent += 1
        line("while let tag = try r.nextTag() {")
        indent += 1
        line("switch (tag.field, tag.wireType) {")
        for f in fields { for l in decodeLines(f) { line(l) } }
        line("default: try r.skip(tag, into: &unknownFields)")
        line("}")
        indent -= 1
        line("}")
        indent -= 1
        line("}")
        line()

        // JSON encode.
        line("public func encodeJSON(to j: inout JSONWriter) {")
        indent += 1
        line("j.beginObject()")
        for f in fields { line(jsonEncodeLine(f)) }
        line("j.endObject()")
        indent -= 1
        line("}")
        line()

        // JSON decode.
        line("public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {")
        indent += 1
        line("for (key, value) in object {")
        indent += 1
        line("if case .null = value { continue }")
        line("let p = path + \".\" + key")
        line("switch key {")
        for f in fields {
            let json = SwiftRenderer.lowerCamel(f.name)
            let keys = json == f.name ? "\"\(json)\"" : "\"\(json)\", \"\(f.name)\""
            line("case \(keys): \(jsonDecodeStatement(f))")
        }
        line("default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)")
        line("}")
        indent -= 1
        line("}")
        indent -= 1
        line("}")
        indent -= 1
        line("}")
        line()
    }

    func sizeLine(_ f: FieldDecl) -> String {
        let name = fieldName(f)
        if f.oneof != nil {
            if case .message = f.resolved {
                return "if case .\(name)(let v)? = \(oneofVar(f)) { n += WireSize.message(v, field: \(f.number)) }"
            }
            return "if case .\(name)(let v)? = \(oneofVar(f)) { n += WireSize.present(\(codec(f.resolved)!.codec).self, v, field: \(f.number)) }"
        }
        switch (f.label, f.resolved) {
        case (.map(let key), .message):
            return "n += WireSize.messageMap(\(SwiftRenderer.codecs[key]!.codec).self, \(name), field: \(f.number))"
        case (.map(let key), _):
            return "n += WireSize.map(\(SwiftRenderer.codecs[key]!.codec).self, \(codec(f.resolved)!.codec).self, \(name), field: \(f.number))"
        case (.repeated, .message):
            return "n += WireSize.messages(\(name), field: \(f.number))"
        case (.repeated, _):
            return "n += WireSize.repeated(\(codec(f.resolved)!.codec).self, \(name), field: \(f.number))"
        case (_, .message):
            return "if let v = \(name) { n += WireSize.message(v, field: \(f.number)) }"
        case (.optional, _):
            return "if let v = \(name) { n += WireSize.present(\(codec(f.resolved)!.codec).self, v, field: \(f.number)) }"
        case (.singular, _):
            return "n += WireSize.singular(\(codec(f.resolved)!.codec).self, \(name), field: \(f.number))"
        }
    }

    func encodeLine(_ f: FieldDecl) -> String {
        let name = fieldName(f)
        if f.oneof != nil {
            if case .message = f.resolved {
                return "if case .\(name)(let v)? = \(oneofVar(f)) { w.message(v, field: \(f.number)) }"
            }
            return "if case .\(name)(let v)? = \(oneofVar(f)) { w.present(\(codec(f.resolved)!.codec).self, v, field: \(f.number)) }"
        }
        switch (f.label, f.resolved) {
        case (.map(let key), .message):
            return "w.messageMap(\(SwiftRenderer.codecs[key]!.codec).self, \(name), field: \(f.number))"
        case (.map(let key), _):
            return "w.map(\(SwiftRenderer.codecs[key]!.codec).self, \(codec(f.resolved)!.codec).self, \(name), field: \(f.number))"
        case (.repeated, .message):
            return "w.messages(\(name), field: \(f.number))"
        case (.repeated, _):
            return "w.repeated(\(codec(f.resolved)!.codec).self, \(name), field: \(f.number))"
        case (_, .message):
            return "if let v = \(name) { w.message(v, field: \(f.number)) }"
        case (.optional, _):
            return "if let v = \(name) { w.present(\(codec(f.resolved)!.codec).self, v, field: \(f.number)) }"
        case (.singular, _):
            return "w.singular(\(codec(f.resolved)!.codec).self, \(name), field: \(f.number))"
        }
    }

    func decodeLines(_ f: FieldDecl) -> [String] {
        let name = fieldName(f)
        let n = f.number
        if f.oneof != nil {
            let o = oneofVar(f)
            if case .message(let msg) = f.resolved {
                return ["case (\(n), .lengthDelimited):",
                        "    var v = \(swiftType(msg))()",
                        "    if case .\(name)(let existing)? = \(o) { v = existing }",
                        "    try r.readMessage(into: &v)",
                        "    \(o) = .\(name)(v)"]
            }
            let c = codec(f.resolved)!
            return ["case (\(n), \(c.wire)): \(o) = .\(name)(try \(c.codec).read(from: &r))"]
        }
        switch (f.label, f.resolved) {
        case (.map(let key), .message(let msg)):
            return ["case (\(n), .lengthDelimited): try r.readMapEntry(\(SwiftRenderer.codecs[key]!.codec).self, message: \(swiftType(msg)).self, into: &\(name))"]
        case (.map(let key), _):
            return ["case (\(n), .lengthDelimited): try r.readMapEntry(\(SwiftRenderer.codecs[key]!.codec).self, \(codec(f.resolved)!.codec).self, into: &\(name))"]
        case (.repeated, .message(let msg)):
            return ["case (\(n), .lengthDelimited): \(name).append(try r.readMessage(\(swiftType(msg)).self))"]
        case (.repeated, _):
            return ["case (\(n), _): try r.readRepeated(\(codec(f.resolved)!.codec).self, tag, into: &\(name), unknown: &unknownFields)"]
        case (_, .message):
            return ["case (\(n), .lengthDelimited): try r.readMessage(into: &\(name))"]
        case (_, _):
            let c = codec(f.resolved)!
            return ["case (\(n), \(c.wire)): \(name) = try \(c.codec).read(from: &r)"]
        }
    }

    func jsonEncodeLine(_ f: FieldDecl) -> String {
        let name = fieldName(f)
        let json = "\"\(SwiftRenderer.lowerCamel(f.name))\""
        if f.oneof != nil {
            if case .message = f.resolved {
                return "if case .\(name)(let v)? = \(oneofVar(f)) { j.message(\(json), v) }"
            }
            return "if case .\(name)(let v)? = \(oneofVar(f)) { j.present(\(json), \(codec(f.resolved)!.codec).self, v) }"
        }
        switch (f.label, f.resolved) {
        case (.map(let key), .message):
            return "j.messageMap(\(json), \(SwiftRenderer.codecs[key]!.codec).self, \(name))"
        case (.map(let key), _):
            return "j.map(\(json), \(SwiftRenderer.codecs[key]!.codec).self, \(codec(f.resolved)!.codec).self, \(name))"
        case (.repeated, .message):
            return "j.messages(\(json), \(name))"
        case (.repeated, _):
            return "j.repeated(\(json), \(codec(f.resolved)!.codec).self, \(name))"
        case (_, .message):
            return "if let v = \(name) { j.message(\(json), v) }"
        case (.optional, _):
            return "if let v = \(name) { j.present(\(json), \(codec(f.resolved)!.codec).self, v) }"
        case (.singular, _):
            return "j.singular(\(json), \(codec(f.resolved)!.codec).self, \(name))"
        }
    }

    func jsonDecodeStatement(_ f: FieldDecl) -> String {
        let name = fieldName(f)
        if f.oneof != nil {
            if case .message(let msg) = f.resolved {
                return "\(oneofVar(f)) = .\(name)(try JSONRead.message(\(swiftType(msg)).self, value, path: p))"
            }
            return "\(oneofVar(f)) = .\(name)(try \(codec(f.resolved)!.codec).readJSON(value, path: p))"
        }
        switch (f.label, f.resolved) {
        case (.map(let key), .message(let msg)):
            return "\(name) = try JSONRead.messageMap(\(SwiftRenderer.codecs[key]!.codec).self, \(swiftType(msg)).self, value, path: p)"
        case (.map(let key), _):
            return "\(name) = try JSONRead.map(\(SwiftRenderer.codecs[key]!.codec).self, \(codec(f.resolved)!.codec).self, value, path: p)"
        case (.repeated, .message(let msg)):
            return "\(name) = try JSONRead.messages(\(swiftType(msg)).self, value, path: p)"
        case (.repeated, _):
            return "\(name) = try JSONRead.repeated(\(codec(f.resolved)!.codec).self, value, path: p)"
        case (_, .message(let msg)):
            return "\(name) = try JSONRead.message(\(swiftType(msg)).self, value, path: p)"
        case (_, _):
            return "\(name) = try \(codec(f.resolved)!.codec).readJSON(value, path: p)"
        }
    }

    // MARK: - Services

    mutating func renderService(_ s: ServiceDecl) {
        doc(s.comment, fallback: "The service `\(s.fullName)`.")
        line("public enum \(s.name)Service {")
        indent += 1
        line("/// The service's full name, as it appears in request paths.")
        line("public static let name = \"\(s.fullName)\"")
        for m in s.methods {
            line()
            doc(m.comment)
            let kind = m.clientStreaming ? (m.serverStreaming ? ".bidirectionalStreaming" : ".clientStreaming")
                                         : (m.serverStreaming ? ".serverStreaming" : ".unary")
            line("public static let \(SwiftRenderer.escaped(SwiftRenderer.lowerCamel(m.name.prefix(1).lowercased() + m.name.dropFirst()))) = RPCMethod<\(swiftType(m.resolvedInput)), \(swiftType(m.resolvedOutput))>(")
            line("    service: name, method: \"\(m.name)\", kind: \(kind))")
        }
        indent -= 1
        line("}")
        line()
    }

    // MARK: - Registry

    static func renderRegistry(messages: [String], enums: [String], names: [String: String], importModule: String?, typeName: String) -> String {
        var out = "// DO NOT EDIT — generated from Protos/ by xieshang-protogen.\n\n"
        if let importModule { out += "import \(importModule)\n\n" }
        out += "/// Every message and enum type generated from `Protos/`, by fully qualified proto name.\n"
        out += "public enum \(typeName) {\n"
        out += "    /// Message types by full name, e.g. `xieshang.v1.EventBody`.\n"
        // An empty dictionary literal is `[:]` (a schema without enums, such as the test schema's).
        func entries(_ types: [String]) -> String {
            types.isEmpty ? "[:]\n" : "[\n" + types.sorted().map { "        \"\($0)\": \(names[$0]!).self,\n" }.joined() + "    ]\n"
        }
        out += "    public static let messageTypes: [String: any ProtoMessage.Type] = " + entries(Array(messages)) + "\n"
        out += "    /// Enum types by full name.\n"
        out += "    public static let enumTypes: [String: any ProtoEnum.Type] = " + entries(Array(enums))
        out += "}\n"
        return out
    }
}
