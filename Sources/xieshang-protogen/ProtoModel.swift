/// The parsed form of the proto3 subset that `Protos/` uses.

/// A position in a .proto file, for error messages.
struct SourceLocation: CustomStringConvertible {
    var file: String
    var line: Int
    var column: Int
    var description: String { "\(file):\(line):\(column)" }
}

/// A schema error: what is wrong and where.
struct ProtoError: Error, CustomStringConvertible {
    var location: SourceLocation?
    var message: String
    var description: String { location.map { "\($0): \(message)" } ?? message }
}

struct ProtoFile {
    var path: String          // relative to the proto root, e.g. "xieshang/v1/envelope.proto"
    var package = ""
    var imports: [(path: String, isPublic: Bool)] = []
    var messages: [MessageDecl] = []
    var enums: [EnumDecl] = []
    var services: [ServiceDecl] = []
}

enum FieldLabel: Equatable {
    case singular, optional, repeated
    case map(key: String)
}

enum ResolvedType: Equatable {
    case scalar(String)
    case message(String)      // fully qualified, without leading dot
    case enumeration(String)
}

struct FieldDecl {
    var name: String
    var number: Int
    var label: FieldLabel
    var typeName: String
    var comment: [String]
    var oneof: String?
    var location: SourceLocation
    var resolved: ResolvedType = .scalar("")
}

struct OneofDecl {
    var name: String
    var comment: [String]
}

struct MessageDecl {
    var name: String
    var fullName: String
    var comment: [String]
    var fields: [FieldDecl] = []
    var oneofs: [OneofDecl] = []
    var messages: [MessageDecl] = []
    var enums: [EnumDecl] = []
    var location: SourceLocation
}

struct EnumValueDecl {
    var name: String
    var number: Int
    var comment: [String]
}

struct EnumDecl {
    var name: String
    var fullName: String
    var comment: [String]
    var values: [EnumValueDecl] = []
    var location: SourceLocation
}

struct MethodDecl {
    var name: String
    var input: String
    var output: String
    var clientStreaming: Bool
    var serverStreaming: Bool
    var comment: [String]
    var location: SourceLocation
    var resolvedInput = ""
    var resolvedOutput = ""
}

struct ServiceDecl {
    var name: String
    var fullName: String
    var comment: [String]
    var methods: [MethodDecl] = []
}

let scalarTypes: Set<String> = ["double", "float", "int32", "int64", "uint32", "uint64", "sint32", "sint64",
                                "fixed32", "fixed64", "sfixed32", "sfixed64", "bool", "string", "bytes"]
let mapKeyTypes: Set<String> = ["int32", "int64", "uint32", "uint64", "sint32", "sint64", "fixed32", "fixed64",
                                "sfixed32", "sfixed64", "bool", "string"]
