// DO NOT EDIT — generated from Protos/xieshang/v1/draft.proto by xieshang-protogen.
// Change the .proto file and run `make generate`; a test fails when this file drifts from Protos/.

/// A batch of draft operations, as carried in the payload of an alliance event.
public struct DraftOperations: ProtoMessage {
    public static let protoName = "xieshang.v1.DraftOperations"

    /// Node ids of the replicas named in this batch; operations refer to them by index.
    public var replicas: [String] = []
    /// The operations, in an order in which they can be applied (each replica's in sequence order).
    public var operations: [DraftOperation] = []
    /// The author's text version when it made these operations (replica node id → sequence numbers it held, its own
    /// included). Every character an operation refers to lies inside it, and a receiver applies the batch only once it
    /// holds that version (the author's own operations aside): an author cannot refer to characters it never saw.
    public var seen: [String: UInt32] = [:]
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        replicas: [String] = [],
        operations: [DraftOperation] = [],
        seen: [String: UInt32] = [:]
    ) {
        self.replicas = replicas
        self.operations = operations
        self.seen = seen
    }
}

extension DraftOperations {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "replicas", jsonName: "replicas", type: .string, label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "operations", jsonName: "operations", type: .message("xieshang.v1.DraftOperation"), label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "seen", jsonName: "seen", type: .uint32, label: .map(key: .string), oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.repeated(StringCodec.self, replicas, field: 1)
        n += WireSize.messages(operations, field: 2)
        n += WireSize.map(StringCodec.self, UInt32Codec.self, seen, field: 3)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.repeated(StringCodec.self, replicas, field: 1)
        w.messages(operations, field: 2)
        w.map(StringCodec.self, UInt32Codec.self, seen, field: 3)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, _): try r.readRepeated(StringCodec.self, tag, into: &replicas, unknown: &unknownFields)
            case (2, .lengthDelimited): operations.append(try r.readMessage(DraftOperation.self))
            case (3, .lengthDelimited): try r.readMapEntry(StringCodec.self, UInt32Codec.self, into: &seen)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.repeated("replicas", StringCodec.self, replicas)
        j.messages("operations", operations)
        j.map("seen", StringCodec.self, UInt32Codec.self, seen)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "replicas": replicas = try JSONRead.repeated(StringCodec.self, value, path: p)
            case "operations": operations = try JSONRead.messages(DraftOperation.self, value, path: p)
            case "seen": seen = try JSONRead.map(StringCodec.self, UInt32Codec.self, value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// One operation: an insertion (text set, deletes empty) or a deletion (deletes set, text empty). It occupies the
/// replica's sequence numbers seq ..< seq + length, length being the scalars inserted or the characters deleted.
public struct DraftOperation: ProtoMessage {
    public static let protoName = "xieshang.v1.DraftOperation"

    /// Index into DraftOperations.replicas of the replica that made the operation.
    public var replica: UInt32 = 0
    /// First sequence number the operation occupies.
    public var seq: UInt32 = 0
    /// Insertion: the inserted text (its Unicode scalars get seq, seq + 1, …).
    public var text: String = ""
    /// Insertion: the character to the left when it was typed: 0 = start of the text, k = replicas[k - 1].
    public var leftReplica: UInt32 = 0
    /// Insertion: the left character's sequence number.
    public var leftSeq: UInt32 = 0
    /// Insertion: the character to the right when it was typed: 0 = end of the text, k = replicas[k - 1].
    public var rightReplica: UInt32 = 0
    /// Insertion: the right character's sequence number.
    public var rightSeq: UInt32 = 0
    /// Deletion: the deleted characters, in the order the operation's sequence numbers map onto them.
    public var deletes: [DraftDeletedRun] = []
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        replica: UInt32 = 0,
        seq: UInt32 = 0,
        text: String = "",
        leftReplica: UInt32 = 0,
        leftSeq: UInt32 = 0,
        rightReplica: UInt32 = 0,
        rightSeq: UInt32 = 0,
        deletes: [DraftDeletedRun] = []
    ) {
        self.replica = replica
        self.seq = seq
        self.text = text
        self.leftReplica = leftReplica
        self.leftSeq = leftSeq
        self.rightReplica = rightReplica
        self.rightSeq = rightSeq
        self.deletes = deletes
    }
}

extension DraftOperation {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "replica", jsonName: "replica", type: .uint32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "seq", jsonName: "seq", type: .uint32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "text", jsonName: "text", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "left_replica", jsonName: "leftReplica", type: .uint32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 5, name: "left_seq", jsonName: "leftSeq", type: .uint32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 6, name: "right_replica", jsonName: "rightReplica", type: .uint32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 7, name: "right_seq", jsonName: "rightSeq", type: .uint32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 8, name: "deletes", jsonName: "deletes", type: .message("xieshang.v1.DraftDeletedRun"), label: .repeated, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(UInt32Codec.self, replica, field: 1)
        n += WireSize.singular(UInt32Codec.self, seq, field: 2)
        n += WireSize.singular(StringCodec.self, text, field: 3)
        n += WireSize.singular(UInt32Codec.self, leftReplica, field: 4)
        n += WireSize.singular(UInt32Codec.self, leftSeq, field: 5)
        n += WireSize.singular(UInt32Codec.self, rightReplica, field: 6)
        n += WireSize.singular(UInt32Codec.self, rightSeq, field: 7)
        n += WireSize.messages(deletes, field: 8)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(UInt32Codec.self, replica, field: 1)
        w.singular(UInt32Codec.self, seq, field: 2)
        w.singular(StringCodec.self, text, field: 3)
        w.singular(UInt32Codec.self, leftReplica, field: 4)
        w.singular(UInt32Codec.self, leftSeq, field: 5)
        w.singular(UInt32Codec.self, rightReplica, field: 6)
        w.singular(UInt32Codec.self, rightSeq, field: 7)
        w.messages(deletes, field: 8)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .varint): replica = try UInt32Codec.read(from: &r)
            case (2, .varint): seq = try UInt32Codec.read(from: &r)
            case (3, .lengthDelimited): text = try StringCodec.read(from: &r)
            case (4, .varint): leftReplica = try UInt32Codec.read(from: &r)
            case (5, .varint): leftSeq = try UInt32Codec.read(from: &r)
            case (6, .varint): rightReplica = try UInt32Codec.read(from: &r)
            case (7, .varint): rightSeq = try UInt32Codec.read(from: &r)
            case (8, .lengthDelimited): deletes.append(try r.readMessage(DraftDeletedRun.self))
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("replica", UInt32Codec.self, replica)
        j.singular("seq", UInt32Codec.self, seq)
        j.singular("text", StringCodec.self, text)
        j.singular("leftReplica", UInt32Codec.self, leftReplica)
        j.singular("leftSeq", UInt32Codec.self, leftSeq)
        j.singular("rightReplica", UInt32Codec.self, rightReplica)
        j.singular("rightSeq", UInt32Codec.self, rightSeq)
        j.messages("deletes", deletes)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "replica": replica = try UInt32Codec.readJSON(value, path: p)
            case "seq": seq = try UInt32Codec.readJSON(value, path: p)
            case "text": text = try StringCodec.readJSON(value, path: p)
            case "leftReplica", "left_replica": leftReplica = try UInt32Codec.readJSON(value, path: p)
            case "leftSeq", "left_seq": leftSeq = try UInt32Codec.readJSON(value, path: p)
            case "rightReplica", "right_replica": rightReplica = try UInt32Codec.readJSON(value, path: p)
            case "rightSeq", "right_seq": rightSeq = try UInt32Codec.readJSON(value, path: p)
            case "deletes": deletes = try JSONRead.messages(DraftDeletedRun.self, value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// Characters seq ..< seq + length of one replica, deleted by one operation.
public struct DraftDeletedRun: ProtoMessage {
    public static let protoName = "xieshang.v1.DraftDeletedRun"

    /// Index into DraftOperations.replicas of the replica that inserted the characters.
    public var replica: UInt32 = 0
    /// First sequence number.
    public var seq: UInt32 = 0
    /// Number of characters (at least 1).
    public var length: UInt32 = 0
    /// Whether the deleting operation's sequence numbers run from the last character to the first (Backspace).
    public var reversed: Bool = false
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        replica: UInt32 = 0,
        seq: UInt32 = 0,
        length: UInt32 = 0,
        reversed: Bool = false
    ) {
        self.replica = replica
        self.seq = seq
        self.length = length
        self.reversed = reversed
    }
}

extension DraftDeletedRun {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "replica", jsonName: "replica", type: .uint32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "seq", jsonName: "seq", type: .uint32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "length", jsonName: "length", type: .uint32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "reversed", jsonName: "reversed", type: .bool, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(UInt32Codec.self, replica, field: 1)
        n += WireSize.singular(UInt32Codec.self, seq, field: 2)
        n += WireSize.singular(UInt32Codec.self, length, field: 3)
        n += WireSize.singular(BoolCodec.self, reversed, field: 4)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(UInt32Codec.self, replica, field: 1)
        w.singular(UInt32Codec.self, seq, field: 2)
        w.singular(UInt32Codec.self, length, field: 3)
        w.singular(BoolCodec.self, reversed, field: 4)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .varint): replica = try UInt32Codec.read(from: &r)
            case (2, .varint): seq = try UInt32Codec.read(from: &r)
            case (3, .varint): length = try UInt32Codec.read(from: &r)
            case (4, .varint): reversed = try BoolCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("replica", UInt32Codec.self, replica)
        j.singular("seq", UInt32Codec.self, seq)
        j.singular("length", UInt32Codec.self, length)
        j.singular("reversed", BoolCodec.self, reversed)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "replica": replica = try UInt32Codec.readJSON(value, path: p)
            case "seq": seq = try UInt32Codec.readJSON(value, path: p)
            case "length": length = try UInt32Codec.readJSON(value, path: p)
            case "reversed": reversed = try BoolCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// Payload of EVENT_KIND_DRAFT: one change to a joint draft, replicated to every member of the alliance.
public struct DraftEvent: ProtoMessage {
    public static let protoName = "xieshang.v1.DraftEvent"

    /// The draft's id, unique in its alliance (for example "<alliance id>/<creating node id>/<n>").
    public var draftId: String = ""
    /// What changed.
    public var change: Change? = nil
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// What changed.
    public enum Change: Sendable, Hashable {
        /// The draft is created: its title and required co-sponsors (the draft's first event; fixed from then on).
        case created(DraftCreated)
        /// Operations on the draft's text.
        case operations(DraftOperations)
    }

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        draftId: String = "",
        change: Change? = nil
    ) {
        self.draftId = draftId
        self.change = change
    }
}

extension DraftEvent {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "draft_id", jsonName: "draftId", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "created", jsonName: "created", type: .message("xieshang.v1.DraftCreated"), label: .singular, oneof: "change"),
        ProtoFieldDescriptor(number: 3, name: "operations", jsonName: "operations", type: .message("xieshang.v1.DraftOperations"), label: .singular, oneof: "change"),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, draftId, field: 1)
        if case .created(let v)? = change { n += WireSize.message(v, field: 2) }
        if case .operations(let v)? = change { n += WireSize.message(v, field: 3) }
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, draftId, field: 1)
        if case .created(let v)? = change { w.message(v, field: 2) }
        if case .operations(let v)? = change { w.message(v, field: 3) }
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): draftId = try StringCodec.read(from: &r)
            case (2, .lengthDelimited):
                var v = DraftCreated()
                if case .created(let existing)? = change { v = existing }
                try r.readMessage(into: &v)
                change = .created(v)
            case (3, .lengthDelimited):
                var v = DraftOperations()
                if case .operations(let existing)? = change { v = existing }
                try r.readMessage(into: &v)
                change = .operations(v)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("draftId", StringCodec.self, draftId)
        if case .created(let v)? = change { j.message("created", v) }
        if case .operations(let v)? = change { j.message("operations", v) }
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "draftId", "draft_id": draftId = try StringCodec.readJSON(value, path: p)
            case "created": change = .created(try JSONRead.message(DraftCreated.self, value, path: p))
            case "operations": change = .operations(try JSONRead.message(DraftOperations.self, value, path: p))
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// A new joint draft (联名提案草稿).
public struct DraftCreated: ProtoMessage {
    public static let protoName = "xieshang.v1.DraftCreated"

    /// The title.
    public var title: String = ""
    /// Node ids of the member bodies that must all sign off.
    public var coSponsors: [String] = []
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        title: String = "",
        coSponsors: [String] = []
    ) {
        self.title = title
        self.coSponsors = coSponsors
    }
}

extension DraftCreated {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "title", jsonName: "title", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "co_sponsors", jsonName: "coSponsors", type: .string, label: .repeated, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, title, field: 1)
        n += WireSize.repeated(StringCodec.self, coSponsors, field: 2)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, title, field: 1)
        w.repeated(StringCodec.self, coSponsors, field: 2)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): title = try StringCodec.read(from: &r)
            case (2, _): try r.readRepeated(StringCodec.self, tag, into: &coSponsors, unknown: &unknownFields)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("title", StringCodec.self, title)
        j.repeated("coSponsors", StringCodec.self, coSponsors)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "title": title = try StringCodec.readJSON(value, path: p)
            case "coSponsors", "co_sponsors": coSponsors = try JSONRead.repeated(StringCodec.self, value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// Payload of EVENT_KIND_DRAFT_SIGN_OFF: a co-sponsor signs the exact content of a draft at a text version.
public struct DraftSignOff: ProtoMessage {
    public static let protoName = "xieshang.v1.DraftSignOff"

    /// The draft's id.
    public var draftId: String = ""
    /// Node id of the signing co-sponsor.
    public var signer: String = ""
    /// The text version signed: replica node id → number of that replica's sequence numbers included.
    public var version: [String: UInt32] = [:]
    /// SHA-256 of the draft's canonical content bytes at that version (32 bytes).
    public var contentHash: [UInt8] = []
    /// Ed25519 signature by the signer's node key over "xieshang-draft-signoff-v1", a zero byte, the draft id's
    /// byte length (4 bytes, big-endian), the draft id and content_hash.
    public var signature: [UInt8] = []
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        draftId: String = "",
        signer: String = "",
        version: [String: UInt32] = [:],
        contentHash: [UInt8] = [],
        signature: [UInt8] = []
    ) {
        self.draftId = draftId
        self.signer = signer
        self.version = version
        self.contentHash = contentHash
        self.signature = signature
    }
}

extension DraftSignOff {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "draft_id", jsonName: "draftId", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "signer", jsonName: "signer", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "version", jsonName: "version", type: .uint32, label: .map(key: .string), oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "content_hash", jsonName: "contentHash", type: .bytes, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 5, name: "signature", jsonName: "signature", type: .bytes, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, draftId, field: 1)
        n += WireSize.singular(StringCodec.self, signer, field: 2)
        n += WireSize.map(StringCodec.self, UInt32Codec.self, version, field: 3)
        n += WireSize.singular(BytesCodec.self, contentHash, field: 4)
        n += WireSize.singular(BytesCodec.self, signature, field: 5)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, draftId, field: 1)
        w.singular(StringCodec.self, signer, field: 2)
        w.map(StringCodec.self, UInt32Codec.self, version, field: 3)
        w.singular(BytesCodec.self, contentHash, field: 4)
        w.singular(BytesCodec.self, signature, field: 5)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): draftId = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): signer = try StringCodec.read(from: &r)
            case (3, .lengthDelimited): try r.readMapEntry(StringCodec.self, UInt32Codec.self, into: &version)
            case (4, .lengthDelimited): contentHash = try BytesCodec.read(from: &r)
            case (5, .lengthDelimited): signature = try BytesCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("draftId", StringCodec.self, draftId)
        j.singular("signer", StringCodec.self, signer)
        j.map("version", StringCodec.self, UInt32Codec.self, version)
        j.singular("contentHash", BytesCodec.self, contentHash)
        j.singular("signature", BytesCodec.self, signature)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "draftId", "draft_id": draftId = try StringCodec.readJSON(value, path: p)
            case "signer": signer = try StringCodec.readJSON(value, path: p)
            case "version": version = try JSONRead.map(StringCodec.self, UInt32Codec.self, value, path: p)
            case "contentHash", "content_hash": contentHash = try BytesCodec.readJSON(value, path: p)
            case "signature": signature = try BytesCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}
