// DO NOT EDIT — generated from Protos/xieshang/testing/v1/testing.proto by xieshang-protogen.
// Change the .proto file and run `make generate`; a test fails when this file drifts from Protos/.

import XieshangWire

/// A free-form counter event (EVENT_KIND_TEST_NOTE) for the federation's tests and the simulator: it replicates like
/// any event and counts in no product figure (the simulator's figures source sums it as `notes` and `note_amount`).
public struct Note: ProtoMessage {
    public static let protoName = "xieshang.testing.v1.Note"

    /// The note's text (the simulator puts the record's day here).
    public var text: String = ""
    /// A counter the note carries (tests sum it).
    public var amount: Int64 = 0
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        text: String = "",
        amount: Int64 = 0
    ) {
        self.text = text
        self.amount = amount
    }
}

extension Note {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "text", jsonName: "text", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "amount", jsonName: "amount", type: .int64, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, text, field: 1)
        n += WireSize.singular(Int64Codec.self, amount, field: 2)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, text, field: 1)
        w.singular(Int64Codec.self, amount, field: 2)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): text = try StringCodec.read(from: &r)
            case (2, .varint): amount = try Int64Codec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("text", StringCodec.self, text)
        j.singular("amount", Int64Codec.self, amount)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "text": text = try StringCodec.readJSON(value, path: p)
            case "amount": amount = try Int64Codec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}
