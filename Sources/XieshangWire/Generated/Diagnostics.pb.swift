// DO NOT EDIT — generated from Protos/xieshang/v1/diagnostics.proto by xieshang-protogen.
// Change the .proto file and run `make generate`; a test fails when this file drifts from Protos/.

/// A payload to echo, and optionally a status the server should answer with instead.
public struct EchoRequest: ProtoMessage {
    public static let protoName = "xieshang.v1.EchoRequest"

    /// Bytes echoed back unchanged.
    public var payload: [UInt8] = []
    /// Text echoed back unchanged (exercises UTF-8, e.g. Chinese text, end to end).
    public var text: String = ""
    /// When non-zero, the server ends the call with this gRPC status code instead of answering.
    public var requestedStatus: UInt32 = 0
    /// The grpc-message to send with requested_status.
    public var requestedMessage: String = ""
    /// When non-zero, the server waits this long (milliseconds) before answering: for deadline tests.
    public var delayMs: UInt32 = 0
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        payload: [UInt8] = [],
        text: String = "",
        requestedStatus: UInt32 = 0,
        requestedMessage: String = "",
        delayMs: UInt32 = 0
    ) {
        self.payload = payload
        self.text = text
        self.requestedStatus = requestedStatus
        self.requestedMessage = requestedMessage
        self.delayMs = delayMs
    }
}

extension EchoRequest {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "payload", jsonName: "payload", type: .bytes, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "text", jsonName: "text", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "requested_status", jsonName: "requestedStatus", type: .uint32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "requested_message", jsonName: "requestedMessage", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 5, name: "delay_ms", jsonName: "delayMs", type: .uint32, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(BytesCodec.self, payload, field: 1)
        n += WireSize.singular(StringCodec.self, text, field: 2)
        n += WireSize.singular(UInt32Codec.self, requestedStatus, field: 3)
        n += WireSize.singular(StringCodec.self, requestedMessage, field: 4)
        n += WireSize.singular(UInt32Codec.self, delayMs, field: 5)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(BytesCodec.self, payload, field: 1)
        w.singular(StringCodec.self, text, field: 2)
        w.singular(UInt32Codec.self, requestedStatus, field: 3)
        w.singular(StringCodec.self, requestedMessage, field: 4)
        w.singular(UInt32Codec.self, delayMs, field: 5)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): payload = try BytesCodec.read(from: &r)
            case (2, .lengthDelimited): text = try StringCodec.read(from: &r)
            case (3, .varint): requestedStatus = try UInt32Codec.read(from: &r)
            case (4, .lengthDelimited): requestedMessage = try StringCodec.read(from: &r)
            case (5, .varint): delayMs = try UInt32Codec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("payload", BytesCodec.self, payload)
        j.singular("text", StringCodec.self, text)
        j.singular("requestedStatus", UInt32Codec.self, requestedStatus)
        j.singular("requestedMessage", StringCodec.self, requestedMessage)
        j.singular("delayMs", UInt32Codec.self, delayMs)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "payload": payload = try BytesCodec.readJSON(value, path: p)
            case "text": text = try StringCodec.readJSON(value, path: p)
            case "requestedStatus", "requested_status": requestedStatus = try UInt32Codec.readJSON(value, path: p)
            case "requestedMessage", "requested_message": requestedMessage = try StringCodec.readJSON(value, path: p)
            case "delayMs", "delay_ms": delayMs = try UInt32Codec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// The echoed payload.
public struct EchoResponse: ProtoMessage {
    public static let protoName = "xieshang.v1.EchoResponse"

    /// The request's payload.
    public var payload: [UInt8] = []
    /// The request's text.
    public var text: String = ""
    /// Which message of the stream this answers, counting from 1 (1 for unary calls).
    public var sequence: UInt64 = 0
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        payload: [UInt8] = [],
        text: String = "",
        sequence: UInt64 = 0
    ) {
        self.payload = payload
        self.text = text
        self.sequence = sequence
    }
}

extension EchoResponse {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "payload", jsonName: "payload", type: .bytes, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "text", jsonName: "text", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "sequence", jsonName: "sequence", type: .uint64, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(BytesCodec.self, payload, field: 1)
        n += WireSize.singular(StringCodec.self, text, field: 2)
        n += WireSize.singular(UInt64Codec.self, sequence, field: 3)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(BytesCodec.self, payload, field: 1)
        w.singular(StringCodec.self, text, field: 2)
        w.singular(UInt64Codec.self, sequence, field: 3)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): payload = try BytesCodec.read(from: &r)
            case (2, .lengthDelimited): text = try StringCodec.read(from: &r)
            case (3, .varint): sequence = try UInt64Codec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("payload", BytesCodec.self, payload)
        j.singular("text", StringCodec.self, text)
        j.singular("sequence", UInt64Codec.self, sequence)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "payload": payload = try BytesCodec.readJSON(value, path: p)
            case "text": text = try StringCodec.readJSON(value, path: p)
            case "sequence": sequence = try UInt64Codec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// Health and benchmark service.
public enum DiagnosticsService {
    /// The service's full name, as it appears in request paths.
    public static let name = "xieshang.v1.Diagnostics"

    /// Answers one request with its payload.
    public static let echo = RPCMethod<EchoRequest, EchoResponse>(
        service: name, method: "Echo", kind: .unary)

    /// Answers each request of the stream with its payload, in order.
    public static let echoStream = RPCMethod<EchoRequest, EchoResponse>(
        service: name, method: "EchoStream", kind: .bidirectionalStreaming)
}
