// DO NOT EDIT — generated from Protos/xieshang/v1/draft.proto by xieshang-protogen.
// Change the .proto file and run `make generate`; a test fails when this file drifts from Protos/.

/// A batch of draft operations, as carried in the payload of an alliance event.
public struct DraftOperations: ProtoMessage {
    public static let protoName = "xieshang.v1.DraftOperations"

    /// Node ids of the replicas named in this batch; operations refer to them by index.
    public var replicas: [String] = []
    /// The operations, in an order in which they can be applied (each replica's in sequence order).
    public var operations: [DraftOperation] = []
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        replicas: [String] = [],
        operations: [DraftOperation] = []
    ) {
        self.replicas = replicas
        self.operations = operations
    }
}

extension DraftOperations {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "replicas", jsonName: "replicas", type: .string, label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "operations", jsonName: "operations", type: .message("xieshang.v1.DraftOperation"), label: .repeated, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.repeated(StringCodec.self, replicas, field: 1)
        n += WireSize.messages(operations, field: 2)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.repeated(StringCodec.self, replicas, field: 1)
        w.messages(operations, field: 2)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, _): try r.readRepeated(StringCodec.self, tag, into: &replicas, unknown: &unknownFields)
            case (2, .lengthDelimited): operations.append(try r.readMessage(DraftOperation.self))
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.repeated("replicas", StringCodec.self, replicas)
        j.messages("operations", operations)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "replicas": replicas = try JSONRead.repeated(StringCodec.self, value, path: p)
            case "operations": operations = try JSONRead.messages(DraftOperation.self, value, path: p)
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
