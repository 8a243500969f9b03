/// Parses the proto3 subset: syntax, package, import, option (ignored), message (fields, optional, repeated,
/// map, oneof, nested messages and enums, reserved), enum, service with rpc and streaming.
struct Parser {
    var tokens: [Token]
    var index = 0
    var file: ProtoFile

    init(tokens: [Token], path: String) {
        self.tokens = tokens
        self.file = ProtoFile(path: path)
    }

    var current: Token { tokens[index] }

    mutating func next() -> Token {
        let t = tokens[index]
        if t.kind != .end { index += 1 }
        return t
    }

    func fail(_ message: String, at token: Token? = nil) -> ProtoError {
        ProtoError(location: (token ?? current).location, message: message)
    }

    mutating func expect(_ symbol: String) throws {
        guard current.kind == .symbol || current.kind == .identifier, current.text == symbol else {
            throw fail("expected '\(symbol)' but found '\(current.text)'")
        }
        _ = next()
    }

    mutating func accept(_ symbol: String) -> Bool {
        if (current.kind == .symbol || current.kind == .identifier) && current.text == symbol {
            _ = next()
            return true
        }
        return false
    }

    mutating func identifier(_ what: String) throws -> Token {
        guard current.kind == .identifier else { throw fail("expected \(what) but found '\(current.text)'") }
        return next()
    }

    mutating func integer() throws -> Int {
        let negative = accept("-")
        let token = current
        guard token.kind == .integer else { throw fail("expected a number but found '\(token.text)'") }
        _ = next()
        let text = token.text.lowercased()
        let value: Int?
        if text.hasPrefix("0x") { value = Int(text.dropFirst(2), radix: 16) }
        else if text.count > 1 && text.hasPrefix("0") { value = Int(text.dropFirst(), radix: 8) }
        else { value = Int(text) }
        guard let value else { throw fail("'\(token.text)' is not a valid integer", at: token) }
        return negative ? -value : value
    }

    mutating func parse() throws -> ProtoFile {
        if current.text == "syntax" {
            _ = next()
            try expect("=")
            let syntax = next()
            guard syntax.kind == .string, syntax.text == "proto3" else {
                throw fail("only syntax = \"proto3\" is supported", at: syntax)
            }
            try expect(";")
        } else {
            throw fail("a file must start with syntax = \"proto3\";")
        }
        while current.kind != .end {
            switch current.text {
            case "package":
                _ = next()
                file.package = try identifier("a package name").text
                try expect(";")
            case "import":
                _ = next()
                var isPublic = false
                if accept("public") { isPublic = true } else { _ = accept("weak") }
                let path = next()
                guard path.kind == .string else { throw fail("expected the imported file's path in quotes", at: path) }
                file.imports.append((path.text, isPublic))
                try expect(";")
            case "option":
                try skipOption()
            case "message":
                file.messages.append(try parseMessage(scope: file.package))
            case "enum":
                file.enums.append(try parseEnum(scope: file.package))
            case "service":
                file.services.append(try parseService())
            case ";":
                _ = next()
            default:
                throw fail("unexpected '\(current.text)' at the top level of the file")
            }
        }
        return file
    }

    mutating func skipOption() throws {
        try expect("option")
        while current.kind != .end && current.text != ";" { _ = next() }
        try expect(";")
    }

    /// Skips `[ name = value, ... ]` after a field; the options we meet (deprecated, packed, json_name) change nothing here.
    mutating func skipFieldOptions() throws {
        guard accept("[") else { return }
        var depth = 1
        while depth > 0 {
            if current.kind == .end { throw fail("unterminated field options") }
            if current.text == "[" { depth += 1 }
            if current.text == "]" { depth -= 1 }
            _ = next()
        }
    }

    mutating func skipReserved() throws {
        try expect("reserved")
        while current.kind != .end && current.text != ";" { _ = next() }
        try expect(";")
    }

    static func qualified(_ scope: String, _ name: String) -> String { scope.isEmpty ? name : scope + "." + name }

    mutating func parseMessage(scope: String) throws -> MessageDecl {
        let keyword = next()
        let name = try identifier("a message name")
        var message = MessageDecl(name: name.text, fullName: Parser.qualified(scope, name.text),
                                  comment: keyword.leadingComment, location: name.location)
        try expect("{")
        while !accept("}") {
            if current.kind == .end { throw fail("message \(message.name) is not closed with '}'") }
            switch current.text {
            case "message": message.messages.append(try parseMessage(scope: message.fullName))
            case "enum": message.enums.append(try parseEnum(scope: message.fullName))
            case "option": try skipOption()
            case "reserved": try skipReserved()
            case ";": _ = next()
            case "extensions", "extend", "group":
                throw fail("'\(current.text)' is not part of proto3 as Xieshang uses it")
            case "oneof":
                let keyword = next()
                let oneofName = try identifier("a oneof name")
                message.oneofs.append(OneofDecl(name: oneofName.text, comment: keyword.leadingComment))
                try expect("{")
                while !accept("}") {
                    if current.kind == .end { throw fail("oneof \(oneofName.text) is not closed with '}'") }
                    if current.text == "option" { try skipOption(); continue }
                    if current.text == ";" { _ = next(); continue }
                    if current.text == "repeated" || current.text == "optional" || current.text == "map" {
                        throw fail("a oneof member cannot be '\(current.text)'")
                    }
                    var field = try parseField(label: .singular)
                    field.oneof = oneofName.text
                    message.fields.append(field)
                }
            case "map":
                let first = next()
                try expect("<")
                let key = try identifier("a map key type")
                guard mapKeyTypes.contains(key.text) else {
                    throw fail("'\(key.text)' cannot be a map key (integers, bool or string only)", at: key)
                }
                try expect(",")
                let valueType = try identifier("a map value type")
                try expect(">")
                let fieldName = try identifier("a field name")
                try expect("=")
                let number = try integer()
                try skipFieldOptions()
                try expect(";")
                message.fields.append(FieldDecl(name: fieldName.text, number: number, label: .map(key: key.text),
                                                typeName: valueType.text, comment: first.leadingComment, oneof: nil,
                                                location: fieldName.location))
            case "repeated":
                message.fields.append(try parseField(label: .repeated))
            case "optional":
                message.fields.append(try parseField(label: .optional))
            case "required":
                throw fail("'required' does not exist in proto3")
            default:
                message.fields.append(try parseField(label: .singular))
            }
        }
        try validate(message)
        return message
    }

    mutating func parseField(label: FieldLabel) throws -> FieldDecl {
        let first = current
        if label != .singular { _ = next() }
        let type = try identifier("a field type")
        let name = try identifier("a field name")
        try expect("=")
        let number = try integer()
        try skipFieldOptions()
        try expect(";")
        return FieldDecl(name: name.text, number: number, label: label, typeName: type.text,
                         comment: first.leadingComment, oneof: nil, location: name.location)
    }

    func validate(_ message: MessageDecl) throws {
        var numbers: [Int: String] = [:]
        var names: Set<String> = []
        for field in message.fields {
            guard (1...536_870_911).contains(field.number), !(19000...19999).contains(field.number) else {
                throw ProtoError(location: field.location,
                                 message: "field number \(field.number) of \(message.name).\(field.name) is outside 1–536870911 or in the reserved 19000–19999")
            }
            if let other = numbers[field.number] {
                throw ProtoError(location: field.location,
                                 message: "field number \(field.number) is used by both \(other) and \(field.name) in \(message.name)")
            }
            numbers[field.number] = field.name
            guard names.insert(field.name).inserted else {
                throw ProtoError(location: field.location, message: "field name \(field.name) appears twice in \(message.name)")
            }
        }
    }

    mutating func parseEnum(scope: String) throws -> EnumDecl {
        let keyword = next()
        let name = try identifier("an enum name")
        var decl = EnumDecl(name: name.text, fullName: Parser.qualified(scope, name.text), comment: keyword.leadingComment,
                            location: name.location)
        try expect("{")
        while !accept("}") {
            if current.kind == .end { throw fail("enum \(decl.name) is not closed with '}'") }
            if current.text == "option" { try skipOption(); continue }
            if current.text == "reserved" { try skipReserved(); continue }
            if current.text == ";" { _ = next(); continue }
            let valueName = try identifier("an enum value name")
            try expect("=")
            let number = try integer()
            try skipFieldOptions()
            try expect(";")
            guard Int32(exactly: number) != nil else { throw fail("enum value \(number) does not fit in int32", at: valueName) }
            if let clash = decl.values.first(where: { $0.number == number || $0.name == valueName.text }) {
                throw ProtoError(location: valueName.location,
                                 message: "enum \(decl.name): \(valueName.text) = \(number) clashes with \(clash.name) = \(clash.number)")
            }
            decl.values.append(EnumValueDecl(name: valueName.text, number: number, comment: valueName.leadingComment))
        }
        guard decl.values.first?.number == 0 else {
            throw ProtoError(location: decl.location, message: "the first value of proto3 enum \(decl.name) must be 0")
        }
        return decl
    }

    mutating func parseService() throws -> ServiceDecl {
        let keyword = next()
        let name = try identifier("a service name")
        var service = ServiceDecl(name: name.text, fullName: Parser.qualified(file.package, name.text),
                                  comment: keyword.leadingComment)
        try expect("{")
        while !accept("}") {
            if current.kind == .end { throw fail("service \(service.name) is not closed with '}'") }
            if current.text == "option" { try skipOption(); continue }
            if current.text == ";" { _ = next(); continue }
            let rpc = current
            try expect("rpc")
            let methodName = try identifier("a method name")
            try expect("(")
            let clientStreaming = accept("stream")
            let input = try identifier("a request type")
            try expect(")")
            try expect("returns")
            try expect("(")
            let serverStreaming = accept("stream")
            let output = try identifier("a response type")
            try expect(")")
            if accept("{") {
                while !accept("}") {
                    if current.kind == .end { throw fail("rpc \(methodName.text) options are not closed") }
                    if current.text == "option" { try skipOption() } else { _ = next() }
                }
            } else {
                try expect(";")
            }
            service.methods.append(MethodDecl(name: methodName.text, input: input.text, output: output.text,
                                              clientStreaming: clientStreaming, serverStreaming: serverStreaming,
                                              comment: rpc.leadingComment, location: methodName.location))
        }
        return service
    }
}
