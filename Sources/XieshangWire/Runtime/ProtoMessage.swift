/// A protobuf message type generated from `Protos/` by `xieshang-protogen`.
///
/// Conforming types are plain value types. The requirements below are the hooks the generated code fills in;
/// callers use the extension methods: ``serializedBytes()``, ``init(serializedBytes:limits:)``,
/// ``jsonString()`` and ``init(jsonString:)``.
public protocol ProtoMessage: Sendable, Hashable {
    /// An instance with every field at its proto3 default.
    init()
    /// The fully qualified proto name, e.g. `xieshang.v1.EventBody`.
    static var protoName: String { get }
    /// The schema of the message's fields, for tools and tests that walk any message.
    static var protoFields: [ProtoFieldDescriptor] { get }
    /// Fields the decoder did not know, kept as their raw bytes and written back after the known fields.
    var unknownFields: [UInt8] { get set }
    /// Exact number of bytes ``encode(to:)`` writes.
    func serializedSize() -> Int
    /// Writes the fields in ascending field-number order, defaults omitted, then the unknown fields.
    func encode(to writer: inout WireWriter)
    /// Reads fields until the reader's end, merging into `self` as protobuf does.
    mutating func decodeFields(from reader: inout WireReader) throws(WireError)
    /// Writes the proto3 canonical JSON object.
    func encodeJSON(to writer: inout JSONWriter)
    /// Reads the fields of a proto3 JSON object.
    mutating func decodeJSON(from object: [(String, JSONValue)], path: String) throws(WireError)
}

/// Limits that keep decoding bounded whatever the input.
public struct DecodeLimits: Sendable, Hashable {
    /// Largest message (and largest length-delimited field) accepted, in bytes. Default 4 MiB.
    public var maxMessageBytes: Int
    /// Deepest nesting of messages accepted. Default 64.
    public var maxDepth: Int

    public init(maxMessageBytes: Int = 4 << 20, maxDepth: Int = 64) {
        self.maxMessageBytes = maxMessageBytes
        self.maxDepth = maxDepth
    }

    /// 4 MiB per message, 64 levels of nesting.
    public static let `default` = DecodeLimits()
}

extension ProtoMessage {
    /// The deterministic protobuf encoding: ascending field numbers, packed repeated scalars, defaults omitted,
    /// map entries sorted by key.
    public func serializedBytes() -> [UInt8] {
        let size = serializedSize()
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var writer = WireWriter(buffer.baseAddress!)
            encode(to: &writer)
            precondition(writer.offset == size, "\(Self.protoName): serializedSize() disagrees with encode(to:)")
            count = size
        }
    }

    /// Decodes a message from its protobuf encoding.
    /// - Throws: ``WireError`` for any input that is not a valid encoding of this message within `limits`;
    ///   the error names the byte offset and field number.
    public init<Bytes: Collection>(serializedBytes bytes: Bytes, limits: DecodeLimits = .default) throws(WireError)
    where Bytes.Element == UInt8 {
        self.init()
        if bytes.count > limits.maxMessageBytes {
            throw WireError(.lengthOverLimit,
                            "message of \(bytes.count) bytes is over the limit of \(limits.maxMessageBytes) bytes",
                            offset: 0)
        }
        let result: Result<Self, WireError> = withContiguousBytes(bytes) { buffer in
            var message = Self()
            var reader = WireReader(buffer, limits: limits)
            do throws(WireError) {
                try message.decodeFields(from: &reader)
            } catch {
                return .failure(error)
            }
            return .success(message)
        }
        self = try result.get()
    }

    /// The proto3 canonical JSON form (lowerCamelCase names, 64-bit integers as strings, bytes as base64,
    /// enums by name), as `google.protobuf.json_format` writes it.
    public func jsonString() -> String {
        var writer = JSONWriter()
        encodeJSON(to: &writer)
        return writer.text
    }

    /// Reads a message from proto3 JSON (either field-name form; numbers or strings for integers).
    /// - Throws: ``WireError`` `.invalidJSON` naming the JSON path that is wrong.
    public init(jsonString text: String) throws(WireError) {
        let value = try JSONValue.parse(text)
        self.init()
        guard case .object(let members) = value else {
            throw WireError(.invalidJSON, "expected a JSON object for \(Self.protoName)")
        }
        try decodeJSON(from: members, path: "$")
    }
}

/// A proto3 enum generated from `Protos/`: known cases plus `unrecognized(Int32)` for values from newer schemas.
public protocol ProtoEnum: Sendable, Hashable {
    /// The value for a wire number; unknown numbers become `unrecognized`.
    init(protoValue: Int32)
    /// The wire number.
    var protoValue: Int32 { get }
    /// The value's name as written in the .proto file, or nil for an unrecognized number.
    var protoValueName: String? { get }
    /// The value with this .proto name, or nil.
    init?(protoValueName: String)
    /// The fully qualified proto name of the enum type.
    static var protoName: String { get }
    /// Every value the schema defines, in declaration order.
    static var allKnownValues: [Self] { get }
}

/// The kind of a field as the .proto file declares it.
public enum ProtoFieldType: Sendable, Hashable {
    case double, float, int64, uint64, int32, fixed64, fixed32, bool, string, bytes, uint32, sfixed32, sfixed64
    case sint32, sint64
    /// A message type, by its fully qualified proto name.
    case message(String)
    /// An enum type, by its fully qualified proto name.
    case enumeration(String)
}

/// One field of a message schema, as ``ProtoMessage/protoFields`` lists them.
public struct ProtoFieldDescriptor: Sendable, Hashable {
    /// How the field repeats.
    public enum Label: Sendable, Hashable {
        /// Implicit presence (proto3 default).
        case singular
        /// Explicit presence (`optional`).
        case optional
        case repeated
        /// A map field with this key type; ``ProtoFieldDescriptor/type`` is the value type.
        case map(key: ProtoFieldType)
    }

    public let number: Int
    /// Name as written in the .proto file (snake_case).
    public let name: String
    /// lowerCamelCase name used in JSON.
    public let jsonName: String
    public let type: ProtoFieldType
    public let label: Label
    /// The oneof this field belongs to, if any.
    public let oneof: String?

    public init(number: Int, name: String, jsonName: String, type: ProtoFieldType, label: Label, oneof: String? = nil) {
        self.number = number
        self.name = name
        self.jsonName = jsonName
        self.type = type
        self.label = label
        self.oneof = oneof
    }
}
