// DO NOT EDIT — generated from Protos/xieshang/v1/federation.proto by xieshang-protogen.
// Change the .proto file and run `make generate`; a test fails when this file drifts from Protos/.

/// The opening of a handshake.
public struct HelloRequest: ProtoMessage {
    public static let protoName = "xieshang.v1.HelloRequest"

    /// The caller's node id.
    public var nodeId: String = ""
    /// The caller's Ed25519 public key (32 bytes); the callee compares it with its pin for node_id.
    public var publicKey: [UInt8] = []
    /// The caller's store incarnation (random, per store); a second live copy of a node has another one.
    public var incarnation: [UInt8] = []
    /// 32 random bytes the callee must sign.
    public var challenge: [UInt8] = []
    /// Protocol version the caller speaks (1).
    public var protocolVersion: UInt32 = 0
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        nodeId: String = "",
        publicKey: [UInt8] = [],
        incarnation: [UInt8] = [],
        challenge: [UInt8] = [],
        protocolVersion: UInt32 = 0
    ) {
        self.nodeId = nodeId
        self.publicKey = publicKey
        self.incarnation = incarnation
        self.challenge = challenge
        self.protocolVersion = protocolVersion
    }
}

extension HelloRequest {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "node_id", jsonName: "nodeId", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "public_key", jsonName: "publicKey", type: .bytes, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "incarnation", jsonName: "incarnation", type: .bytes, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "challenge", jsonName: "challenge", type: .bytes, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 5, name: "protocol_version", jsonName: "protocolVersion", type: .uint32, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, nodeId, field: 1)
        n += WireSize.singular(BytesCodec.self, publicKey, field: 2)
        n += WireSize.singular(BytesCodec.self, incarnation, field: 3)
        n += WireSize.singular(BytesCodec.self, challenge, field: 4)
        n += WireSize.singular(UInt32Codec.self, protocolVersion, field: 5)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, nodeId, field: 1)
        w.singular(BytesCodec.self, publicKey, field: 2)
        w.singular(BytesCodec.self, incarnation, field: 3)
        w.singular(BytesCodec.self, challenge, field: 4)
        w.singular(UInt32Codec.self, protocolVersion, field: 5)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): nodeId = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): publicKey = try BytesCodec.read(from: &r)
            case (3, .lengthDelimited): incarnation = try BytesCodec.read(from: &r)
            case (4, .lengthDelimited): challenge = try BytesCodec.read(from: &r)
            case (5, .varint): protocolVersion = try UInt32Codec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("nodeId", StringCodec.self, nodeId)
        j.singular("publicKey", BytesCodec.self, publicKey)
        j.singular("incarnation", BytesCodec.self, incarnation)
        j.singular("challenge", BytesCodec.self, challenge)
        j.singular("protocolVersion", UInt32Codec.self, protocolVersion)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "nodeId", "node_id": nodeId = try StringCodec.readJSON(value, path: p)
            case "publicKey", "public_key": publicKey = try BytesCodec.readJSON(value, path: p)
            case "incarnation": incarnation = try BytesCodec.readJSON(value, path: p)
            case "challenge": challenge = try BytesCodec.readJSON(value, path: p)
            case "protocolVersion", "protocol_version": protocolVersion = try UInt32Codec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// The callee's half of the handshake.
public struct HelloResponse: ProtoMessage {
    public static let protoName = "xieshang.v1.HelloResponse"

    /// The callee's node id.
    public var nodeId: String = ""
    /// The callee's Ed25519 public key.
    public var publicKey: [UInt8] = []
    /// The callee's store incarnation.
    public var incarnation: [UInt8] = []
    /// Signature by the callee's key over HandshakeTranscript for the caller's challenge.
    public var challengeSignature: [UInt8] = []
    /// 32 random bytes the caller must sign in Prove.
    public var challenge: [UInt8] = []
    /// Identifies this handshake in Prove.
    public var session: [UInt8] = []
    /// Highest seq of the caller's own events the callee holds: a restored caller pulls these back first.
    public var yourHighestSeq: UInt64 = 0
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        nodeId: String = "",
        publicKey: [UInt8] = [],
        incarnation: [UInt8] = [],
        challengeSignature: [UInt8] = [],
        challenge: [UInt8] = [],
        session: [UInt8] = [],
        yourHighestSeq: UInt64 = 0
    ) {
        self.nodeId = nodeId
        self.publicKey = publicKey
        self.incarnation = incarnation
        self.challengeSignature = challengeSignature
        self.challenge = challenge
        self.session = session
        self.yourHighestSeq = yourHighestSeq
    }
}

extension HelloResponse {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "node_id", jsonName: "nodeId", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "public_key", jsonName: "publicKey", type: .bytes, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "incarnation", jsonName: "incarnation", type: .bytes, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "challenge_signature", jsonName: "challengeSignature", type: .bytes, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 5, name: "challenge", jsonName: "challenge", type: .bytes, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 6, name: "session", jsonName: "session", type: .bytes, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 7, name: "your_highest_seq", jsonName: "yourHighestSeq", type: .uint64, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, nodeId, field: 1)
        n += WireSize.singular(BytesCodec.self, publicKey, field: 2)
        n += WireSize.singular(BytesCodec.self, incarnation, field: 3)
        n += WireSize.singular(BytesCodec.self, challengeSignature, field: 4)
        n += WireSize.singular(BytesCodec.self, challenge, field: 5)
        n += WireSize.singular(BytesCodec.self, session, field: 6)
        n += WireSize.singular(UInt64Codec.self, yourHighestSeq, field: 7)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, nodeId, field: 1)
        w.singular(BytesCodec.self, publicKey, field: 2)
        w.singular(BytesCodec.self, incarnation, field: 3)
        w.singular(BytesCodec.self, challengeSignature, field: 4)
        w.singular(BytesCodec.self, challenge, field: 5)
        w.singular(BytesCodec.self, session, field: 6)
        w.singular(UInt64Codec.self, yourHighestSeq, field: 7)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): nodeId = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): publicKey = try BytesCodec.read(from: &r)
            case (3, .lengthDelimited): incarnation = try BytesCodec.read(from: &r)
            case (4, .lengthDelimited): challengeSignature = try BytesCodec.read(from: &r)
            case (5, .lengthDelimited): challenge = try BytesCodec.read(from: &r)
            case (6, .lengthDelimited): session = try BytesCodec.read(from: &r)
            case (7, .varint): yourHighestSeq = try UInt64Codec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("nodeId", StringCodec.self, nodeId)
        j.singular("publicKey", BytesCodec.self, publicKey)
        j.singular("incarnation", BytesCodec.self, incarnation)
        j.singular("challengeSignature", BytesCodec.self, challengeSignature)
        j.singular("challenge", BytesCodec.self, challenge)
        j.singular("session", BytesCodec.self, session)
        j.singular("yourHighestSeq", UInt64Codec.self, yourHighestSeq)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "nodeId", "node_id": nodeId = try StringCodec.readJSON(value, path: p)
            case "publicKey", "public_key": publicKey = try BytesCodec.readJSON(value, path: p)
            case "incarnation": incarnation = try BytesCodec.readJSON(value, path: p)
            case "challengeSignature", "challenge_signature": challengeSignature = try BytesCodec.readJSON(value, path: p)
            case "challenge": challenge = try BytesCodec.readJSON(value, path: p)
            case "session": session = try BytesCodec.readJSON(value, path: p)
            case "yourHighestSeq", "your_highest_seq": yourHighestSeq = try UInt64Codec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// What a handshake signature covers, encoded with this schema: binds the challenge to both node ids.
public struct HandshakeTranscript: ProtoMessage {
    public static let protoName = "xieshang.v1.HandshakeTranscript"

    /// Fixed text "xieshang-hello-v1" (domain separation).
    public var context: String = ""
    /// The node that signs.
    public var signer: String = ""
    /// The node that sent the challenge.
    public var challenger: String = ""
    /// The challenge being signed.
    public var challenge: [UInt8] = []
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        context: String = "",
        signer: String = "",
        challenger: String = "",
        challenge: [UInt8] = []
    ) {
        self.context = context
        self.signer = signer
        self.challenger = challenger
        self.challenge = challenge
    }
}

extension HandshakeTranscript {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "context", jsonName: "context", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "signer", jsonName: "signer", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "challenger", jsonName: "challenger", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "challenge", jsonName: "challenge", type: .bytes, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, context, field: 1)
        n += WireSize.singular(StringCodec.self, signer, field: 2)
        n += WireSize.singular(StringCodec.self, challenger, field: 3)
        n += WireSize.singular(BytesCodec.self, challenge, field: 4)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, context, field: 1)
        w.singular(StringCodec.self, signer, field: 2)
        w.singular(StringCodec.self, challenger, field: 3)
        w.singular(BytesCodec.self, challenge, field: 4)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): context = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): signer = try StringCodec.read(from: &r)
            case (3, .lengthDelimited): challenger = try StringCodec.read(from: &r)
            case (4, .lengthDelimited): challenge = try BytesCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("context", StringCodec.self, context)
        j.singular("signer", StringCodec.self, signer)
        j.singular("challenger", StringCodec.self, challenger)
        j.singular("challenge", BytesCodec.self, challenge)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "context": context = try StringCodec.readJSON(value, path: p)
            case "signer": signer = try StringCodec.readJSON(value, path: p)
            case "challenger": challenger = try StringCodec.readJSON(value, path: p)
            case "challenge": challenge = try BytesCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// The caller's proof of its key.
public struct ProveRequest: ProtoMessage {
    public static let protoName = "xieshang.v1.ProveRequest"

    /// The session from HelloResponse.
    public var session: [UInt8] = []
    /// Signature by the caller's key over HandshakeTranscript for the callee's challenge.
    public var challengeSignature: [UInt8] = []
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        session: [UInt8] = [],
        challengeSignature: [UInt8] = []
    ) {
        self.session = session
        self.challengeSignature = challengeSignature
    }
}

extension ProveRequest {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "session", jsonName: "session", type: .bytes, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "challenge_signature", jsonName: "challengeSignature", type: .bytes, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(BytesCodec.self, session, field: 1)
        n += WireSize.singular(BytesCodec.self, challengeSignature, field: 2)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(BytesCodec.self, session, field: 1)
        w.singular(BytesCodec.self, challengeSignature, field: 2)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): session = try BytesCodec.read(from: &r)
            case (2, .lengthDelimited): challengeSignature = try BytesCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("session", BytesCodec.self, session)
        j.singular("challengeSignature", BytesCodec.self, challengeSignature)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "session": session = try BytesCodec.readJSON(value, path: p)
            case "challengeSignature", "challenge_signature": challengeSignature = try BytesCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// The result of the handshake.
public struct ProveResponse: ProtoMessage {
    public static let protoName = "xieshang.v1.ProveResponse"

    /// True when the caller is now authenticated on this connection.
    public var accepted: Bool = false
    /// Why the handshake was refused, when it was.
    public var reason: String = ""
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        accepted: Bool = false,
        reason: String = ""
    ) {
        self.accepted = accepted
        self.reason = reason
    }
}

extension ProveResponse {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "accepted", jsonName: "accepted", type: .bool, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "reason", jsonName: "reason", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(BoolCodec.self, accepted, field: 1)
        n += WireSize.singular(StringCodec.self, reason, field: 2)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(BoolCodec.self, accepted, field: 1)
        w.singular(StringCodec.self, reason, field: 2)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .varint): accepted = try BoolCodec.read(from: &r)
            case (2, .lengthDelimited): reason = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("accepted", BoolCodec.self, accepted)
        j.singular("reason", StringCodec.self, reason)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "accepted": accepted = try BoolCodec.readJSON(value, path: p)
            case "reason": reason = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// A batch of events one link carries.
public struct EventBatch: ProtoMessage {
    public static let protoName = "xieshang.v1.EventBatch"

    /// Sender-chosen id, echoed in the Ack.
    public var batchId: UInt64 = 0
    /// The events, grouped by origin in ascending seq so runs can be authenticated together.
    public var events: [SignedEvent] = []
    /// Node id of the sender (must match the authenticated peer).
    public var sender: String = ""
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        batchId: UInt64 = 0,
        events: [SignedEvent] = [],
        sender: String = ""
    ) {
        self.batchId = batchId
        self.events = events
        self.sender = sender
    }
}

extension EventBatch {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "batch_id", jsonName: "batchId", type: .uint64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "events", jsonName: "events", type: .message("xieshang.v1.SignedEvent"), label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "sender", jsonName: "sender", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(UInt64Codec.self, batchId, field: 1)
        n += WireSize.messages(events, field: 2)
        n += WireSize.singular(StringCodec.self, sender, field: 3)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(UInt64Codec.self, batchId, field: 1)
        w.messages(events, field: 2)
        w.singular(StringCodec.self, sender, field: 3)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .varint): batchId = try UInt64Codec.read(from: &r)
            case (2, .lengthDelimited): events.append(try r.readMessage(SignedEvent.self))
            case (3, .lengthDelimited): sender = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("batchId", UInt64Codec.self, batchId)
        j.messages("events", events)
        j.singular("sender", StringCodec.self, sender)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "batchId", "batch_id": batchId = try UInt64Codec.readJSON(value, path: p)
            case "events": events = try JSONRead.messages(SignedEvent.self, value, path: p)
            case "sender": sender = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// The highest contiguous seq of one origin that a node holds durably.
public struct HighWater: ProtoMessage {
    public static let protoName = "xieshang.v1.HighWater"

    /// The origin node id.
    public var origin: String = ""
    /// Its highest contiguous seq held.
    public var seq: UInt64 = 0
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        origin: String = "",
        seq: UInt64 = 0
    ) {
        self.origin = origin
        self.seq = seq
    }
}

extension HighWater {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "origin", jsonName: "origin", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "seq", jsonName: "seq", type: .uint64, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, origin, field: 1)
        n += WireSize.singular(UInt64Codec.self, seq, field: 2)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, origin, field: 1)
        w.singular(UInt64Codec.self, seq, field: 2)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): origin = try StringCodec.read(from: &r)
            case (2, .varint): seq = try UInt64Codec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("origin", StringCodec.self, origin)
        j.singular("seq", UInt64Codec.self, seq)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "origin": origin = try StringCodec.readJSON(value, path: p)
            case "seq": seq = try UInt64Codec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// An event the receiver refused, and why.
public struct Refusal: ProtoMessage {
    public static let protoName = "xieshang.v1.Refusal"

    /// Origin of the refused event.
    public var origin: String = ""
    /// Its seq.
    public var seq: UInt64 = 0
    /// Machine-readable reason, e.g. "not_in_subtree", "bad_signature", "equivocation".
    public var code: String = ""
    /// A sentence for the operator.
    public var reason: String = ""
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        origin: String = "",
        seq: UInt64 = 0,
        code: String = "",
        reason: String = ""
    ) {
        self.origin = origin
        self.seq = seq
        self.code = code
        self.reason = reason
    }
}

extension Refusal {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "origin", jsonName: "origin", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "seq", jsonName: "seq", type: .uint64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "code", jsonName: "code", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "reason", jsonName: "reason", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, origin, field: 1)
        n += WireSize.singular(UInt64Codec.self, seq, field: 2)
        n += WireSize.singular(StringCodec.self, code, field: 3)
        n += WireSize.singular(StringCodec.self, reason, field: 4)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, origin, field: 1)
        w.singular(UInt64Codec.self, seq, field: 2)
        w.singular(StringCodec.self, code, field: 3)
        w.singular(StringCodec.self, reason, field: 4)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): origin = try StringCodec.read(from: &r)
            case (2, .varint): seq = try UInt64Codec.read(from: &r)
            case (3, .lengthDelimited): code = try StringCodec.read(from: &r)
            case (4, .lengthDelimited): reason = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("origin", StringCodec.self, origin)
        j.singular("seq", UInt64Codec.self, seq)
        j.singular("code", StringCodec.self, code)
        j.singular("reason", StringCodec.self, reason)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "origin": origin = try StringCodec.readJSON(value, path: p)
            case "seq": seq = try UInt64Codec.readJSON(value, path: p)
            case "code": code = try StringCodec.readJSON(value, path: p)
            case "reason": reason = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// The receiver's answer to one batch, sent only after the batch's events are durably committed.
public struct Ack: ProtoMessage {
    public static let protoName = "xieshang.v1.Ack"

    /// The batch this answers.
    public var batchId: UInt64 = 0
    /// For each origin in the batch, the highest contiguous seq now held (duplicates included).
    public var highWater: [HighWater] = []
    /// Events refused; nothing of them was stored.
    public var refused: [Refusal] = []
    /// Gaps the receiver holds back and will Pull: origin and the first missing seq.
    public var missingFrom: [HighWater] = []
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        batchId: UInt64 = 0,
        highWater: [HighWater] = [],
        refused: [Refusal] = [],
        missingFrom: [HighWater] = []
    ) {
        self.batchId = batchId
        self.highWater = highWater
        self.refused = refused
        self.missingFrom = missingFrom
    }
}

extension Ack {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "batch_id", jsonName: "batchId", type: .uint64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "high_water", jsonName: "highWater", type: .message("xieshang.v1.HighWater"), label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "refused", jsonName: "refused", type: .message("xieshang.v1.Refusal"), label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "missing_from", jsonName: "missingFrom", type: .message("xieshang.v1.HighWater"), label: .repeated, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(UInt64Codec.self, batchId, field: 1)
        n += WireSize.messages(highWater, field: 2)
        n += WireSize.messages(refused, field: 3)
        n += WireSize.messages(missingFrom, field: 4)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(UInt64Codec.self, batchId, field: 1)
        w.messages(highWater, field: 2)
        w.messages(refused, field: 3)
        w.messages(missingFrom, field: 4)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .varint): batchId = try UInt64Codec.read(from: &r)
            case (2, .lengthDelimited): highWater.append(try r.readMessage(HighWater.self))
            case (3, .lengthDelimited): refused.append(try r.readMessage(Refusal.self))
            case (4, .lengthDelimited): missingFrom.append(try r.readMessage(HighWater.self))
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("batchId", UInt64Codec.self, batchId)
        j.messages("highWater", highWater)
        j.messages("refused", refused)
        j.messages("missingFrom", missingFrom)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "batchId", "batch_id": batchId = try UInt64Codec.readJSON(value, path: p)
            case "highWater", "high_water": highWater = try JSONRead.messages(HighWater.self, value, path: p)
            case "refused": refused = try JSONRead.messages(Refusal.self, value, path: p)
            case "missingFrom", "missing_from": missingFrom = try JSONRead.messages(HighWater.self, value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// A request for one origin's events in a seq range.
public struct PullRequest: ProtoMessage {
    public static let protoName = "xieshang.v1.PullRequest"

    /// The origin whose events are wanted.
    public var origin: String = ""
    /// First seq wanted (inclusive).
    public var fromSeq: UInt64 = 0
    /// Last seq wanted (inclusive); 0 means up to the highest held.
    public var toSeq: UInt64 = 0
    /// At most this many events in the answer (the server may send fewer).
    public var maxEvents: UInt32 = 0
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        origin: String = "",
        fromSeq: UInt64 = 0,
        toSeq: UInt64 = 0,
        maxEvents: UInt32 = 0
    ) {
        self.origin = origin
        self.fromSeq = fromSeq
        self.toSeq = toSeq
        self.maxEvents = maxEvents
    }
}

extension PullRequest {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "origin", jsonName: "origin", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "from_seq", jsonName: "fromSeq", type: .uint64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "to_seq", jsonName: "toSeq", type: .uint64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "max_events", jsonName: "maxEvents", type: .uint32, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, origin, field: 1)
        n += WireSize.singular(UInt64Codec.self, fromSeq, field: 2)
        n += WireSize.singular(UInt64Codec.self, toSeq, field: 3)
        n += WireSize.singular(UInt32Codec.self, maxEvents, field: 4)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, origin, field: 1)
        w.singular(UInt64Codec.self, fromSeq, field: 2)
        w.singular(UInt64Codec.self, toSeq, field: 3)
        w.singular(UInt32Codec.self, maxEvents, field: 4)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): origin = try StringCodec.read(from: &r)
            case (2, .varint): fromSeq = try UInt64Codec.read(from: &r)
            case (3, .varint): toSeq = try UInt64Codec.read(from: &r)
            case (4, .varint): maxEvents = try UInt32Codec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("origin", StringCodec.self, origin)
        j.singular("fromSeq", UInt64Codec.self, fromSeq)
        j.singular("toSeq", UInt64Codec.self, toSeq)
        j.singular("maxEvents", UInt32Codec.self, maxEvents)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "origin": origin = try StringCodec.readJSON(value, path: p)
            case "fromSeq", "from_seq": fromSeq = try UInt64Codec.readJSON(value, path: p)
            case "toSeq", "to_seq": toSeq = try UInt64Codec.readJSON(value, path: p)
            case "maxEvents", "max_events": maxEvents = try UInt32Codec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// A reference to one signed event.
public struct EventRef: ProtoMessage {
    public static let protoName = "xieshang.v1.EventRef"

    /// The event's origin.
    public var origin: String = ""
    /// The event's seq.
    public var seq: UInt64 = 0
    /// SHA-256 of the event's SignedEvent bytes.
    public var hash: [UInt8] = []
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        origin: String = "",
        seq: UInt64 = 0,
        hash: [UInt8] = []
    ) {
        self.origin = origin
        self.seq = seq
        self.hash = hash
    }
}

extension EventRef {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "origin", jsonName: "origin", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "seq", jsonName: "seq", type: .uint64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "hash", jsonName: "hash", type: .bytes, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, origin, field: 1)
        n += WireSize.singular(UInt64Codec.self, seq, field: 2)
        n += WireSize.singular(BytesCodec.self, hash, field: 3)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, origin, field: 1)
        w.singular(UInt64Codec.self, seq, field: 2)
        w.singular(BytesCodec.self, hash, field: 3)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): origin = try StringCodec.read(from: &r)
            case (2, .varint): seq = try UInt64Codec.read(from: &r)
            case (3, .lengthDelimited): hash = try BytesCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("origin", StringCodec.self, origin)
        j.singular("seq", UInt64Codec.self, seq)
        j.singular("hash", BytesCodec.self, hash)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "origin": origin = try StringCodec.readJSON(value, path: p)
            case "seq": seq = try UInt64Codec.readJSON(value, path: p)
            case "hash": hash = try BytesCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// A node's figures for one period: its own, plus the latest report of each child it cites (EVENT_KIND_AGGREGATE_REPORT).
public struct AggregateReport: ProtoMessage {
    public static let protoName = "xieshang.v1.AggregateReport"

    /// The period: "2026" (year), "2026-Q3" (quarter) or "2026-11" (month).
    public var period: String = ""
    /// The reporting body's node id (the event's origin).
    public var body: String = ""
    /// The body's own figures, computed from its records: figure name → count.
    public var own: [String: Int64] = [:]
    /// Own figures plus the totals of every cited child report: figure name → count.
    public var totals: [String: Int64] = [:]
    /// The latest report of each child that the totals include.
    public var children: [ChildReport] = []
    /// How many children are expected to report for this period.
    public var expectedChildren: UInt32 = 0
    /// How many children have reported (directly cited).
    public var reportedChildren: UInt32 = 0
    /// How many of those reported before the period's deadline.
    public var onTimeChildren: UInt32 = 0
    /// Bodies in the whole subtree (including this one) whose figures the totals include.
    public var subtreeBodies: UInt32 = 0
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        period: String = "",
        body: String = "",
        own: [String: Int64] = [:],
        totals: [String: Int64] = [:],
        children: [ChildReport] = [],
        expectedChildren: UInt32 = 0,
        reportedChildren: UInt32 = 0,
        onTimeChildren: UInt32 = 0,
        subtreeBodies: UInt32 = 0
    ) {
        self.period = period
        self.body = body
        self.own = own
        self.totals = totals
        self.children = children
        self.expectedChildren = expectedChildren
        self.reportedChildren = reportedChildren
        self.onTimeChildren = onTimeChildren
        self.subtreeBodies = subtreeBodies
    }
}

extension AggregateReport {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "period", jsonName: "period", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "body", jsonName: "body", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "own", jsonName: "own", type: .int64, label: .map(key: .string), oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "totals", jsonName: "totals", type: .int64, label: .map(key: .string), oneof: nil),
        ProtoFieldDescriptor(number: 5, name: "children", jsonName: "children", type: .message("xieshang.v1.ChildReport"), label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 6, name: "expected_children", jsonName: "expectedChildren", type: .uint32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 7, name: "reported_children", jsonName: "reportedChildren", type: .uint32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 8, name: "on_time_children", jsonName: "onTimeChildren", type: .uint32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 9, name: "subtree_bodies", jsonName: "subtreeBodies", type: .uint32, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, period, field: 1)
        n += WireSize.singular(StringCodec.self, body, field: 2)
        n += WireSize.map(StringCodec.self, Int64Codec.self, own, field: 3)
        n += WireSize.map(StringCodec.self, Int64Codec.self, totals, field: 4)
        n += WireSize.messages(children, field: 5)
        n += WireSize.singular(UInt32Codec.self, expectedChildren, field: 6)
        n += WireSize.singular(UInt32Codec.self, reportedChildren, field: 7)
        n += WireSize.singular(UInt32Codec.self, onTimeChildren, field: 8)
        n += WireSize.singular(UInt32Codec.self, subtreeBodies, field: 9)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, period, field: 1)
        w.singular(StringCodec.self, body, field: 2)
        w.map(StringCodec.self, Int64Codec.self, own, field: 3)
        w.map(StringCodec.self, Int64Codec.self, totals, field: 4)
        w.messages(children, field: 5)
        w.singular(UInt32Codec.self, expectedChildren, field: 6)
        w.singular(UInt32Codec.self, reportedChildren, field: 7)
        w.singular(UInt32Codec.self, onTimeChildren, field: 8)
        w.singular(UInt32Codec.self, subtreeBodies, field: 9)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): period = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): body = try StringCodec.read(from: &r)
            case (3, .lengthDelimited): try r.readMapEntry(StringCodec.self, Int64Codec.self, into: &own)
            case (4, .lengthDelimited): try r.readMapEntry(StringCodec.self, Int64Codec.self, into: &totals)
            case (5, .lengthDelimited): children.append(try r.readMessage(ChildReport.self))
            case (6, .varint): expectedChildren = try UInt32Codec.read(from: &r)
            case (7, .varint): reportedChildren = try UInt32Codec.read(from: &r)
            case (8, .varint): onTimeChildren = try UInt32Codec.read(from: &r)
            case (9, .varint): subtreeBodies = try UInt32Codec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("period", StringCodec.self, period)
        j.singular("body", StringCodec.self, body)
        j.map("own", StringCodec.self, Int64Codec.self, own)
        j.map("totals", StringCodec.self, Int64Codec.self, totals)
        j.messages("children", children)
        j.singular("expectedChildren", UInt32Codec.self, expectedChildren)
        j.singular("reportedChildren", UInt32Codec.self, reportedChildren)
        j.singular("onTimeChildren", UInt32Codec.self, onTimeChildren)
        j.singular("subtreeBodies", UInt32Codec.self, subtreeBodies)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "period": period = try StringCodec.readJSON(value, path: p)
            case "body": body = try StringCodec.readJSON(value, path: p)
            case "own": own = try JSONRead.map(StringCodec.self, Int64Codec.self, value, path: p)
            case "totals": totals = try JSONRead.map(StringCodec.self, Int64Codec.self, value, path: p)
            case "children": children = try JSONRead.messages(ChildReport.self, value, path: p)
            case "expectedChildren", "expected_children": expectedChildren = try UInt32Codec.readJSON(value, path: p)
            case "reportedChildren", "reported_children": reportedChildren = try UInt32Codec.readJSON(value, path: p)
            case "onTimeChildren", "on_time_children": onTimeChildren = try UInt32Codec.readJSON(value, path: p)
            case "subtreeBodies", "subtree_bodies": subtreeBodies = try UInt32Codec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// A child's report as its parent cites it.
public struct ChildReport: ProtoMessage {
    public static let protoName = "xieshang.v1.ChildReport"

    /// The child's report event.
    public var ref: EventRef? = nil
    /// The child's totals as its report states them (so the parent's arithmetic can be checked from this event alone).
    public var totals: [String: Int64] = [:]
    /// Bodies in the child's subtree.
    public var subtreeBodies: UInt32 = 0
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        ref: EventRef? = nil,
        totals: [String: Int64] = [:],
        subtreeBodies: UInt32 = 0
    ) {
        self.ref = ref
        self.totals = totals
        self.subtreeBodies = subtreeBodies
    }
}

extension ChildReport {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "ref", jsonName: "ref", type: .message("xieshang.v1.EventRef"), label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "totals", jsonName: "totals", type: .int64, label: .map(key: .string), oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "subtree_bodies", jsonName: "subtreeBodies", type: .uint32, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        if let v = ref { n += WireSize.message(v, field: 1) }
        n += WireSize.map(StringCodec.self, Int64Codec.self, totals, field: 2)
        n += WireSize.singular(UInt32Codec.self, subtreeBodies, field: 3)
        return n
    }

    public func encode(to w: inout WireWriter) {
        if let v = ref { w.message(v, field: 1) }
        w.map(StringCodec.self, Int64Codec.self, totals, field: 2)
        w.singular(UInt32Codec.self, subtreeBodies, field: 3)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): try r.readMessage(into: &ref)
            case (2, .lengthDelimited): try r.readMapEntry(StringCodec.self, Int64Codec.self, into: &totals)
            case (3, .varint): subtreeBodies = try UInt32Codec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        if let v = ref { j.message("ref", v) }
        j.map("totals", StringCodec.self, Int64Codec.self, totals)
        j.singular("subtreeBodies", UInt32Codec.self, subtreeBodies)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "ref": ref = try JSONRead.message(EventRef.self, value, path: p)
            case "totals": totals = try JSONRead.map(StringCodec.self, Int64Codec.self, value, path: p)
            case "subtreeBodies", "subtree_bodies": subtreeBodies = try UInt32Codec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// Something a node refused and wants its operators (and its parent) to know (EVENT_KIND_ALERT).
public struct Alert: ProtoMessage {
    public static let protoName = "xieshang.v1.Alert"

    /// The node that misbehaved (or whose data did not add up).
    public var subject: String = ""
    /// Machine-readable code, e.g. "rollup_mismatch", "equivocation", "not_in_subtree", "bad_signature".
    public var code: String = ""
    /// A sentence for the operator.
    public var message: String = ""
    /// For rollup alerts: the period.
    public var period: String = ""
    /// For rollup alerts: the figure that did not add up.
    public var figure: String = ""
    /// The offending event(s), when there is one: the exact SignedEvent bytes.
    public var evidence: [[UInt8]] = []
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        subject: String = "",
        code: String = "",
        message: String = "",
        period: String = "",
        figure: String = "",
        evidence: [[UInt8]] = []
    ) {
        self.subject = subject
        self.code = code
        self.message = message
        self.period = period
        self.figure = figure
        self.evidence = evidence
    }
}

extension Alert {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "subject", jsonName: "subject", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "code", jsonName: "code", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "message", jsonName: "message", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "period", jsonName: "period", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 5, name: "figure", jsonName: "figure", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 6, name: "evidence", jsonName: "evidence", type: .bytes, label: .repeated, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, subject, field: 1)
        n += WireSize.singular(StringCodec.self, code, field: 2)
        n += WireSize.singular(StringCodec.self, message, field: 3)
        n += WireSize.singular(StringCodec.self, period, field: 4)
        n += WireSize.singular(StringCodec.self, figure, field: 5)
        n += WireSize.repeated(BytesCodec.self, evidence, field: 6)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, subject, field: 1)
        w.singular(StringCodec.self, code, field: 2)
        w.singular(StringCodec.self, message, field: 3)
        w.singular(StringCodec.self, period, field: 4)
        w.singular(StringCodec.self, figure, field: 5)
        w.repeated(BytesCodec.self, evidence, field: 6)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): subject = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): code = try StringCodec.read(from: &r)
            case (3, .lengthDelimited): message = try StringCodec.read(from: &r)
            case (4, .lengthDelimited): period = try StringCodec.read(from: &r)
            case (5, .lengthDelimited): figure = try StringCodec.read(from: &r)
            case (6, _): try r.readRepeated(BytesCodec.self, tag, into: &evidence, unknown: &unknownFields)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("subject", StringCodec.self, subject)
        j.singular("code", StringCodec.self, code)
        j.singular("message", StringCodec.self, message)
        j.singular("period", StringCodec.self, period)
        j.singular("figure", StringCodec.self, figure)
        j.repeated("evidence", BytesCodec.self, evidence)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "subject": subject = try StringCodec.readJSON(value, path: p)
            case "code": code = try StringCodec.readJSON(value, path: p)
            case "message": message = try StringCodec.readJSON(value, path: p)
            case "period": period = try StringCodec.readJSON(value, path: p)
            case "figure": figure = try StringCodec.readJSON(value, path: p)
            case "evidence": evidence = try JSONRead.repeated(BytesCodec.self, value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// A child's event forwarded upward with its original signature intact (EVENT_KIND_ESCALATION).
public struct Escalation: ProtoMessage {
    public static let protoName = "xieshang.v1.Escalation"

    /// The original SignedEvent bytes, unchanged.
    public var original: [UInt8] = []
    /// Why it is forwarded, e.g. "opinion report adopted by the county".
    public var note: String = ""
    /// The forwarding node's own decision (e.g. the county's adoption), as free text.
    public var decision: String = ""
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        original: [UInt8] = [],
        note: String = "",
        decision: String = ""
    ) {
        self.original = original
        self.note = note
        self.decision = decision
    }
}

extension Escalation {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "original", jsonName: "original", type: .bytes, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "note", jsonName: "note", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "decision", jsonName: "decision", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(BytesCodec.self, original, field: 1)
        n += WireSize.singular(StringCodec.self, note, field: 2)
        n += WireSize.singular(StringCodec.self, decision, field: 3)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(BytesCodec.self, original, field: 1)
        w.singular(StringCodec.self, note, field: 2)
        w.singular(StringCodec.self, decision, field: 3)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): original = try BytesCodec.read(from: &r)
            case (2, .lengthDelimited): note = try StringCodec.read(from: &r)
            case (3, .lengthDelimited): decision = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("original", BytesCodec.self, original)
        j.singular("note", StringCodec.self, note)
        j.singular("decision", StringCodec.self, decision)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "original": original = try BytesCodec.readJSON(value, path: p)
            case "note": note = try StringCodec.readJSON(value, path: p)
            case "decision": decision = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// A node's signed statement of the bodies below it and their keys (EVENT_KIND_ROSTER, scope up). Ancestors use the
/// latest roster of each child to learn the keys of origins they have no direct link to.
public struct Roster: ProtoMessage {
    public static let protoName = "xieshang.v1.Roster"

    /// Every body in the sender's subtree except the sender, with the key the sender vouches for.
    public var entries: [RosterEntry] = []
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        entries: [RosterEntry] = []
    ) {
        self.entries = entries
    }
}

extension Roster {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "entries", jsonName: "entries", type: .message("xieshang.v1.RosterEntry"), label: .repeated, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.messages(entries, field: 1)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.messages(entries, field: 1)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): entries.append(try r.readMessage(RosterEntry.self))
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.messages("entries", entries)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "entries": entries = try JSONRead.messages(RosterEntry.self, value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// One body of a roster.
public struct RosterEntry: ProtoMessage {
    public static let protoName = "xieshang.v1.RosterEntry"

    /// The body's node id.
    public var nodeId: String = ""
    /// Its Ed25519 public key (32 bytes).
    public var publicKey: [UInt8] = []
    /// Its parent's node id.
    public var parent: String = ""
    /// Display name (Chinese).
    public var name: String = ""
    /// Tier: county, township, …
    public var tier: String = ""
    /// Zone 片区 its parent's config puts it in (e.g. "东片区"); empty when none.
    public var zone: String = ""
    /// The body's key rotations, oldest first: one signed copy (a SignedEvent of kind EVENT_KIND_KEY_ROTATION) of each,
    /// starting from `public_key`. A node that receives none of the body's chains that carry a copy (a direct chain to a
    /// node that is not its neighbour) still checks each event against the key valid at its position.
    public var keyRecords: [[UInt8]] = []
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        nodeId: String = "",
        publicKey: [UInt8] = [],
        parent: String = "",
        name: String = "",
        tier: String = "",
        zone: String = "",
        keyRecords: [[UInt8]] = []
    ) {
        self.nodeId = nodeId
        self.publicKey = publicKey
        self.parent = parent
        self.name = name
        self.tier = tier
        self.zone = zone
        self.keyRecords = keyRecords
    }
}

extension RosterEntry {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "node_id", jsonName: "nodeId", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "public_key", jsonName: "publicKey", type: .bytes, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "parent", jsonName: "parent", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "name", jsonName: "name", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 5, name: "tier", jsonName: "tier", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 6, name: "zone", jsonName: "zone", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 7, name: "key_records", jsonName: "keyRecords", type: .bytes, label: .repeated, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, nodeId, field: 1)
        n += WireSize.singular(BytesCodec.self, publicKey, field: 2)
        n += WireSize.singular(StringCodec.self, parent, field: 3)
        n += WireSize.singular(StringCodec.self, name, field: 4)
        n += WireSize.singular(StringCodec.self, tier, field: 5)
        n += WireSize.singular(StringCodec.self, zone, field: 6)
        n += WireSize.repeated(BytesCodec.self, keyRecords, field: 7)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, nodeId, field: 1)
        w.singular(BytesCodec.self, publicKey, field: 2)
        w.singular(StringCodec.self, parent, field: 3)
        w.singular(StringCodec.self, name, field: 4)
        w.singular(StringCodec.self, tier, field: 5)
        w.singular(StringCodec.self, zone, field: 6)
        w.repeated(BytesCodec.self, keyRecords, field: 7)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): nodeId = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): publicKey = try BytesCodec.read(from: &r)
            case (3, .lengthDelimited): parent = try StringCodec.read(from: &r)
            case (4, .lengthDelimited): name = try StringCodec.read(from: &r)
            case (5, .lengthDelimited): tier = try StringCodec.read(from: &r)
            case (6, .lengthDelimited): zone = try StringCodec.read(from: &r)
            case (7, _): try r.readRepeated(BytesCodec.self, tag, into: &keyRecords, unknown: &unknownFields)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("nodeId", StringCodec.self, nodeId)
        j.singular("publicKey", BytesCodec.self, publicKey)
        j.singular("parent", StringCodec.self, parent)
        j.singular("name", StringCodec.self, name)
        j.singular("tier", StringCodec.self, tier)
        j.singular("zone", StringCodec.self, zone)
        j.repeated("keyRecords", BytesCodec.self, keyRecords)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "nodeId", "node_id": nodeId = try StringCodec.readJSON(value, path: p)
            case "publicKey", "public_key": publicKey = try BytesCodec.readJSON(value, path: p)
            case "parent": parent = try StringCodec.readJSON(value, path: p)
            case "name": name = try StringCodec.readJSON(value, path: p)
            case "tier": tier = try StringCodec.readJSON(value, path: p)
            case "zone": zone = try StringCodec.readJSON(value, path: p)
            case "keyRecords", "key_records": keyRecords = try JSONRead.repeated(BytesCodec.self, value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// A node's new signing key (EVENT_KIND_KEY_ROTATION). The node's id stays; its key changes. One copy goes into each
/// chain of the node (up, down, each alliance, each direct chain it has), all with the same payload: the event's
/// envelope is signed by the OLD key (the key valid at that position), and `new_key_signature` by the NEW key over
/// KeyStatement, so a rotation announced by only one of the two keys is refused. Receivers accept the new key in a
/// chain from the position `starts` names for it (the copy's seq + 1), and in a chain `starts` does not name (one the
/// node opened after the rotation) from seq 1; the old key's signatures from those positions on are refused.
public struct KeyRotation: ProtoMessage {
    public static let protoName = "xieshang.v1.KeyRotation"

    /// The node whose key changes (the signer of the event).
    public var nodeId: String = ""
    /// The key valid before the rotation (32 bytes); it signs this event.
    public var oldKey: [UInt8] = []
    /// The new key (32 bytes).
    public var newKey: [UInt8] = []
    /// For each chain of the node at the rotation, the seq from which the new key signs.
    public var starts: [ChainStart] = []
    /// Signature by the new key over KeyStatement (this message with this field empty, after the context text).
    public var newKeySignature: [UInt8] = []
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        nodeId: String = "",
        oldKey: [UInt8] = [],
        newKey: [UInt8] = [],
        starts: [ChainStart] = [],
        newKeySignature: [UInt8] = []
    ) {
        self.nodeId = nodeId
        self.oldKey = oldKey
        self.newKey = newKey
        self.starts = starts
        self.newKeySignature = newKeySignature
    }
}

extension KeyRotation {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "node_id", jsonName: "nodeId", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "old_key", jsonName: "oldKey", type: .bytes, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "new_key", jsonName: "newKey", type: .bytes, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "starts", jsonName: "starts", type: .message("xieshang.v1.ChainStart"), label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 5, name: "new_key_signature", jsonName: "newKeySignature", type: .bytes, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, nodeId, field: 1)
        n += WireSize.singular(BytesCodec.self, oldKey, field: 2)
        n += WireSize.singular(BytesCodec.self, newKey, field: 3)
        n += WireSize.messages(starts, field: 4)
        n += WireSize.singular(BytesCodec.self, newKeySignature, field: 5)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, nodeId, field: 1)
        w.singular(BytesCodec.self, oldKey, field: 2)
        w.singular(BytesCodec.self, newKey, field: 3)
        w.messages(starts, field: 4)
        w.singular(BytesCodec.self, newKeySignature, field: 5)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): nodeId = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): oldKey = try BytesCodec.read(from: &r)
            case (3, .lengthDelimited): newKey = try BytesCodec.read(from: &r)
            case (4, .lengthDelimited): starts.append(try r.readMessage(ChainStart.self))
            case (5, .lengthDelimited): newKeySignature = try BytesCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("nodeId", StringCodec.self, nodeId)
        j.singular("oldKey", BytesCodec.self, oldKey)
        j.singular("newKey", BytesCodec.self, newKey)
        j.messages("starts", starts)
        j.singular("newKeySignature", BytesCodec.self, newKeySignature)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "nodeId", "node_id": nodeId = try StringCodec.readJSON(value, path: p)
            case "oldKey", "old_key": oldKey = try BytesCodec.readJSON(value, path: p)
            case "newKey", "new_key": newKey = try BytesCodec.readJSON(value, path: p)
            case "starts": starts = try JSONRead.messages(ChainStart.self, value, path: p)
            case "newKeySignature", "new_key_signature": newKeySignature = try BytesCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// A position in one chain: from `from_seq` (inclusive) on.
public struct ChainStart: ProtoMessage {
    public static let protoName = "xieshang.v1.ChainStart"

    /// The chain name (the node id, or "<node>@<route>").
    public var chain: String = ""
    /// The first seq the rule applies to.
    public var fromSeq: UInt64 = 0
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        chain: String = "",
        fromSeq: UInt64 = 0
    ) {
        self.chain = chain
        self.fromSeq = fromSeq
    }
}

extension ChainStart {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "chain", jsonName: "chain", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "from_seq", jsonName: "fromSeq", type: .uint64, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, chain, field: 1)
        n += WireSize.singular(UInt64Codec.self, fromSeq, field: 2)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, chain, field: 1)
        w.singular(UInt64Codec.self, fromSeq, field: 2)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): chain = try StringCodec.read(from: &r)
            case (2, .varint): fromSeq = try UInt64Codec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("chain", StringCodec.self, chain)
        j.singular("fromSeq", UInt64Codec.self, fromSeq)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "chain": chain = try StringCodec.readJSON(value, path: p)
            case "fromSeq", "from_seq": fromSeq = try UInt64Codec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// A parent revokes a child's leaked key (EVENT_KIND_KEY_REVOCATION, one copy scope up and one scope down). Only the
/// child's parent may sign it, never the child (nor the leaked key) itself. From the named positions on, events signed
/// by the revoked key are refused everywhere; in a chain of the child that `starts` does not name, from the first
/// position the receiver did not hold yet when it applied the revocation.
public struct KeyRevocation: ProtoMessage {
    public static let protoName = "xieshang.v1.KeyRevocation"

    /// The child whose key is revoked.
    public var nodeId: String = ""
    /// The revoked key (32 bytes).
    public var revokedKey: [UInt8] = []
    /// From which seq of which chain the key's signatures are refused (the child's up chain, as `key revoke --from-seq`).
    public var starts: [ChainStart] = []
    /// Why (for the offices), e.g. "key leaked".
    public var reason: String = ""
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        nodeId: String = "",
        revokedKey: [UInt8] = [],
        starts: [ChainStart] = [],
        reason: String = ""
    ) {
        self.nodeId = nodeId
        self.revokedKey = revokedKey
        self.starts = starts
        self.reason = reason
    }
}

extension KeyRevocation {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "node_id", jsonName: "nodeId", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "revoked_key", jsonName: "revokedKey", type: .bytes, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "starts", jsonName: "starts", type: .message("xieshang.v1.ChainStart"), label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "reason", jsonName: "reason", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, nodeId, field: 1)
        n += WireSize.singular(BytesCodec.self, revokedKey, field: 2)
        n += WireSize.messages(starts, field: 3)
        n += WireSize.singular(StringCodec.self, reason, field: 4)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, nodeId, field: 1)
        w.singular(BytesCodec.self, revokedKey, field: 2)
        w.messages(starts, field: 3)
        w.singular(StringCodec.self, reason, field: 4)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): nodeId = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): revokedKey = try BytesCodec.read(from: &r)
            case (3, .lengthDelimited): starts.append(try r.readMessage(ChainStart.self))
            case (4, .lengthDelimited): reason = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("nodeId", StringCodec.self, nodeId)
        j.singular("revokedKey", BytesCodec.self, revokedKey)
        j.messages("starts", starts)
        j.singular("reason", StringCodec.self, reason)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "nodeId", "node_id": nodeId = try StringCodec.readJSON(value, path: p)
            case "revokedKey", "revoked_key": revokedKey = try BytesCodec.readJSON(value, path: p)
            case "starts": starts = try JSONRead.messages(ChainStart.self, value, path: p)
            case "reason": reason = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// A body's office approves (审核通过) its figures for one period, bottom-up: only after every direct child's approval
/// of that period is held (EVENT_KIND_APPROVAL, scope up). While it stands the period is locked at the body: records
/// dated in it are refused until the parent returns the approval.
public struct Approval: ProtoMessage {
    public static let protoName = "xieshang.v1.Approval"

    /// The period, in its one spelling: "2026-03", "2026-Q1", "2026-H1", "2026" or a session "2026-01-15~2027-01-19".
    public var period: String = ""
    /// The approving body's node id (the event's signer).
    public var body: String = ""
    /// The body's latest AggregateReport of that period, which the approval approves.
    public var report: EventRef? = nil
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        period: String = "",
        body: String = "",
        report: EventRef? = nil
    ) {
        self.period = period
        self.body = body
        self.report = report
    }
}

extension Approval {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "period", jsonName: "period", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "body", jsonName: "body", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "report", jsonName: "report", type: .message("xieshang.v1.EventRef"), label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, period, field: 1)
        n += WireSize.singular(StringCodec.self, body, field: 2)
        if let v = report { n += WireSize.message(v, field: 3) }
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, period, field: 1)
        w.singular(StringCodec.self, body, field: 2)
        if let v = report { w.message(v, field: 3) }
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): period = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): body = try StringCodec.read(from: &r)
            case (3, .lengthDelimited): try r.readMessage(into: &report)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("period", StringCodec.self, period)
        j.singular("body", StringCodec.self, body)
        if let v = report { j.message("report", v) }
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "period": period = try StringCodec.readJSON(value, path: p)
            case "body": body = try StringCodec.readJSON(value, path: p)
            case "report": report = try JSONRead.message(EventRef.self, value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// A parent returns (退回) a child's approval with a reason (EVENT_KIND_APPROVAL_RETURN), once with scope down (the
/// child's period is unlocked) and once with scope up (the ancestors, which hold the approval, see it returned). The
/// parent may only return while its own approval of that period does not stand. At the root, a body may return its own
/// approval (nobody stands above it).
public struct ApprovalReturn: ProtoMessage {
    public static let protoName = "xieshang.v1.ApprovalReturn"

    /// The body whose approval is returned (a direct child of the signer; the signer itself only at the root).
    public var child: String = ""
    /// The period.
    public var period: String = ""
    /// The approval event returned.
    public var approval: EventRef? = nil
    /// Why, for the child's office.
    public var reason: String = ""
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        child: String = "",
        period: String = "",
        approval: EventRef? = nil,
        reason: String = ""
    ) {
        self.child = child
        self.period = period
        self.approval = approval
        self.reason = reason
    }
}

extension ApprovalReturn {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "child", jsonName: "child", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "period", jsonName: "period", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "approval", jsonName: "approval", type: .message("xieshang.v1.EventRef"), label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "reason", jsonName: "reason", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, child, field: 1)
        n += WireSize.singular(StringCodec.self, period, field: 2)
        if let v = approval { n += WireSize.message(v, field: 3) }
        n += WireSize.singular(StringCodec.self, reason, field: 4)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, child, field: 1)
        w.singular(StringCodec.self, period, field: 2)
        if let v = approval { w.message(v, field: 3) }
        w.singular(StringCodec.self, reason, field: 4)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): child = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): period = try StringCodec.read(from: &r)
            case (3, .lengthDelimited): try r.readMessage(into: &approval)
            case (4, .lengthDelimited): reason = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("child", StringCodec.self, child)
        j.singular("period", StringCodec.self, period)
        if let v = approval { j.message("approval", v) }
        j.singular("reason", StringCodec.self, reason)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "child": child = try StringCodec.readJSON(value, path: p)
            case "period": period = try StringCodec.readJSON(value, path: p)
            case "approval": approval = try JSONRead.message(EventRef.self, value, path: p)
            case "reason": reason = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// A body moves from one parent to another from a date (区划调整, EVENT_KIND_MEMBERSHIP), signed by the body itself in
/// its own chain, scope up: the old parent receives it last (the body keeps pushing to it until it acknowledged it),
/// the new parent and every ancestor with the rest of the chain. Its records dated before the date count under the old
/// parent, from the date under the new one: for a period that straddles the date the body reports each part as a period
/// of its own ("2026-01-01~2026-06-30", "2026-07-01~2026-12-31"), and each parent cites its part. The operators of the
/// three bodies authorise the move by their config changes (the new parent adds the body, the body moves, the old
/// parent removes it once it holds this record).
public struct Membership: ProtoMessage {
    public static let protoName = "xieshang.v1.Membership"

    /// The body that moves (the event's origin).
    public var body: String = ""
    /// The parent it leaves.
    public var previousParent: String = ""
    /// The parent it joins.
    public var parent: String = ""
    /// The first day it belongs to the new parent, YYYY-MM-DD (China Standard Time).
    public var effective: String = ""
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        body: String = "",
        previousParent: String = "",
        parent: String = "",
        effective: String = ""
    ) {
        self.body = body
        self.previousParent = previousParent
        self.parent = parent
        self.effective = effective
    }
}

extension Membership {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "body", jsonName: "body", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "previous_parent", jsonName: "previousParent", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "parent", jsonName: "parent", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "effective", jsonName: "effective", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, body, field: 1)
        n += WireSize.singular(StringCodec.self, previousParent, field: 2)
        n += WireSize.singular(StringCodec.self, parent, field: 3)
        n += WireSize.singular(StringCodec.self, effective, field: 4)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, body, field: 1)
        w.singular(StringCodec.self, previousParent, field: 2)
        w.singular(StringCodec.self, parent, field: 3)
        w.singular(StringCodec.self, effective, field: 4)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): body = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): previousParent = try StringCodec.read(from: &r)
            case (3, .lengthDelimited): parent = try StringCodec.read(from: &r)
            case (4, .lengthDelimited): effective = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("body", StringCodec.self, body)
        j.singular("previousParent", StringCodec.self, previousParent)
        j.singular("parent", StringCodec.self, parent)
        j.singular("effective", StringCodec.self, effective)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "body": body = try StringCodec.readJSON(value, path: p)
            case "previousParent", "previous_parent": previousParent = try StringCodec.readJSON(value, path: p)
            case "parent": parent = try StringCodec.readJSON(value, path: p)
            case "effective": effective = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// Links between nodes. A client opens a connection, calls Hello then Prove (skipped when mutual TLS with pinned
/// keys already authenticated both sides), then keeps one Push stream open and calls Pull to repair gaps.
public enum FederationService {
    /// The service's full name, as it appears in request paths.
    public static let name = "xieshang.v1.Federation"

    /// Step 1 of the handshake: say who you are and challenge the peer; the answer proves the peer's key.
    public static let hello = RPCMethod<HelloRequest, HelloResponse>(
        service: name, method: "Hello", kind: .unary)

    /// Step 2: prove your own key by signing the peer's challenge. The connection is then authenticated.
    public static let prove = RPCMethod<ProveRequest, ProveResponse>(
        service: name, method: "Prove", kind: .unary)

    /// Replication: batches of signed events one way, acknowledgements (after a durable commit) the other.
    public static let push = RPCMethod<EventBatch, Ack>(
        service: name, method: "Push", kind: .bidirectionalStreaming)

    /// Gap repair: the events of one origin in a seq range that the caller is missing.
    public static let pull = RPCMethod<PullRequest, EventBatch>(
        service: name, method: "Pull", kind: .unary)
}
