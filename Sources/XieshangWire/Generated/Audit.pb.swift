// DO NOT EDIT — generated from Protos/xieshang/v1/audit.proto by xieshang-protogen.
// Change the .proto file and run `make generate`; a test fails when this file drifts from Protos/.

/// One audit bundle. Fields are written in number order, so the seal (field 15) is the last bytes of the file: a file
/// cut short anywhere has no seal and is refused as truncated.
public struct AuditBundle: ProtoMessage {
    public static let protoName = "xieshang.v1.AuditBundle"

    /// "xieshang-audit-1": what this file is and the version of this schema.
    public var format: String = ""
    /// The audited period in its one spelling: "2026-03", "2026-Q1", "2026-H1", "2026" or a session period.
    public var period: String = ""
    /// The exporting body, the root of the audited subtree (its own figures and its subtree's are audited).
    public var root: String = ""
    /// When the bundle was exported, milliseconds since the Unix epoch (the exporter's clock; informational).
    public var exportedAtMs: Int64 = 0
    /// Every body of the subtree, the root first: id, Ed25519 public key, parent, name, tier, zone (from the exporter's
    /// config and the rosters it accepted).
    public var bodies: [RosterEntry] = []
    /// Every event of every chain signed by a body of the subtree that the exporter holds, each chain complete from
    /// seq 1, in the exporter's log order (the order in which it stored and counted them).
    public var events: [SignedEvent] = []
    /// The last event of each chain in `events` as the exporter held it: a chain cut short at its end shows here.
    public var chainHeads: [EventRef] = []
    /// The closing mark; absent in a truncated file.
    public var seal: AuditSeal? = nil
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        format: String = "",
        period: String = "",
        root: String = "",
        exportedAtMs: Int64 = 0,
        bodies: [RosterEntry] = [],
        events: [SignedEvent] = [],
        chainHeads: [EventRef] = [],
        seal: AuditSeal? = nil
    ) {
        self.format = format
        self.period = period
        self.root = root
        self.exportedAtMs = exportedAtMs
        self.bodies = bodies
        self.events = events
        self.chainHeads = chainHeads
        self.seal = seal
    }
}

extension AuditBundle {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "format", jsonName: "format", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "period", jsonName: "period", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "root", jsonName: "root", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "exported_at_ms", jsonName: "exportedAtMs", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 5, name: "bodies", jsonName: "bodies", type: .message("xieshang.v1.RosterEntry"), label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 6, name: "events", jsonName: "events", type: .message("xieshang.v1.SignedEvent"), label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 7, name: "chain_heads", jsonName: "chainHeads", type: .message("xieshang.v1.EventRef"), label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 15, name: "seal", jsonName: "seal", type: .message("xieshang.v1.AuditSeal"), label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, format, field: 1)
        n += WireSize.singular(StringCodec.self, period, field: 2)
        n += WireSize.singular(StringCodec.self, root, field: 3)
        n += WireSize.singular(Int64Codec.self, exportedAtMs, field: 4)
        n += WireSize.messages(bodies, field: 5)
        n += WireSize.messages(events, field: 6)
        n += WireSize.messages(chainHeads, field: 7)
        if let v = seal { n += WireSize.message(v, field: 15) }
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, format, field: 1)
        w.singular(StringCodec.self, period, field: 2)
        w.singular(StringCodec.self, root, field: 3)
        w.singular(Int64Codec.self, exportedAtMs, field: 4)
        w.messages(bodies, field: 5)
        w.messages(events, field: 6)
        w.messages(chainHeads, field: 7)
        if let v = seal { w.message(v, field: 15) }
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): format = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): period = try StringCodec.read(from: &r)
            case (3, .lengthDelimited): root = try StringCodec.read(from: &r)
            case (4, .varint): exportedAtMs = try Int64Codec.read(from: &r)
            case (5, .lengthDelimited): bodies.append(try r.readMessage(RosterEntry.self))
            case (6, .lengthDelimited): events.append(try r.readMessage(SignedEvent.self))
            case (7, .lengthDelimited): chainHeads.append(try r.readMessage(EventRef.self))
            case (15, .lengthDelimited): try r.readMessage(into: &seal)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("format", StringCodec.self, format)
        j.singular("period", StringCodec.self, period)
        j.singular("root", StringCodec.self, root)
        j.singular("exportedAtMs", Int64Codec.self, exportedAtMs)
        j.messages("bodies", bodies)
        j.messages("events", events)
        j.messages("chainHeads", chainHeads)
        if let v = seal { j.message("seal", v) }
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "format": format = try StringCodec.readJSON(value, path: p)
            case "period": period = try StringCodec.readJSON(value, path: p)
            case "root": root = try StringCodec.readJSON(value, path: p)
            case "exportedAtMs", "exported_at_ms": exportedAtMs = try Int64Codec.readJSON(value, path: p)
            case "bodies": bodies = try JSONRead.messages(RosterEntry.self, value, path: p)
            case "events": events = try JSONRead.messages(SignedEvent.self, value, path: p)
            case "chainHeads", "chain_heads": chainHeads = try JSONRead.messages(EventRef.self, value, path: p)
            case "seal": seal = try JSONRead.message(AuditSeal.self, value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// The closing mark of a bundle.
public struct AuditSeal: ProtoMessage {
    public static let protoName = "xieshang.v1.AuditSeal"

    /// How many events the bundle holds.
    public var events: UInt64 = 0
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        events: UInt64 = 0
    ) {
        self.events = events
    }
}

extension AuditSeal {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "events", jsonName: "events", type: .uint64, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(UInt64Codec.self, events, field: 1)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(UInt64Codec.self, events, field: 1)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .varint): events = try UInt64Codec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("events", UInt64Codec.self, events)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "events": events = try UInt64Codec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// One page of an export, asked of the node on its admin socket (Audit.ExportPage).
public struct AuditExportRequest: ProtoMessage {
    public static let protoName = "xieshang.v1.AuditExportRequest"

    /// The period, in its one spelling.
    public var period: String = ""
    /// Log position after which this page starts (0 for the first page).
    public var afterPosition: Int64 = 0
    /// The last log position of the export, fixed by the first page's answer (0 on the first page), so that every page
    /// comes from one prefix of the log.
    public var throughPosition: Int64 = 0
    /// At most this many events in the page (0: the node's default of about 1 MiB of events, which also caps larger values).
    public var maxEvents: UInt32 = 0
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        period: String = "",
        afterPosition: Int64 = 0,
        throughPosition: Int64 = 0,
        maxEvents: UInt32 = 0
    ) {
        self.period = period
        self.afterPosition = afterPosition
        self.throughPosition = throughPosition
        self.maxEvents = maxEvents
    }
}

extension AuditExportRequest {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "period", jsonName: "period", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "after_position", jsonName: "afterPosition", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "through_position", jsonName: "throughPosition", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "max_events", jsonName: "maxEvents", type: .uint32, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, period, field: 1)
        n += WireSize.singular(Int64Codec.self, afterPosition, field: 2)
        n += WireSize.singular(Int64Codec.self, throughPosition, field: 3)
        n += WireSize.singular(UInt32Codec.self, maxEvents, field: 4)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, period, field: 1)
        w.singular(Int64Codec.self, afterPosition, field: 2)
        w.singular(Int64Codec.self, throughPosition, field: 3)
        w.singular(UInt32Codec.self, maxEvents, field: 4)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): period = try StringCodec.read(from: &r)
            case (2, .varint): afterPosition = try Int64Codec.read(from: &r)
            case (3, .varint): throughPosition = try Int64Codec.read(from: &r)
            case (4, .varint): maxEvents = try UInt32Codec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("period", StringCodec.self, period)
        j.singular("afterPosition", Int64Codec.self, afterPosition)
        j.singular("throughPosition", Int64Codec.self, throughPosition)
        j.singular("maxEvents", UInt32Codec.self, maxEvents)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "period": period = try StringCodec.readJSON(value, path: p)
            case "afterPosition", "after_position": afterPosition = try Int64Codec.readJSON(value, path: p)
            case "throughPosition", "through_position": throughPosition = try Int64Codec.readJSON(value, path: p)
            case "maxEvents", "max_events": maxEvents = try UInt32Codec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// One page of an export: the bundle's header on every page, events of the log after `after_position`.
public struct AuditExportPage: ProtoMessage {
    public static let protoName = "xieshang.v1.AuditExportPage"

    /// The bundle so far: format, period, root, export time and bodies, with this page's events (no heads, no seal).
    public var bundle: AuditBundle? = nil
    /// The position to ask the next page after.
    public var nextPosition: Int64 = 0
    /// The last log position of the export.
    public var throughPosition: Int64 = 0
    /// True when this is the last page.
    public var done: Bool = false
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        bundle: AuditBundle? = nil,
        nextPosition: Int64 = 0,
        throughPosition: Int64 = 0,
        done: Bool = false
    ) {
        self.bundle = bundle
        self.nextPosition = nextPosition
        self.throughPosition = throughPosition
        self.done = done
    }
}

extension AuditExportPage {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "bundle", jsonName: "bundle", type: .message("xieshang.v1.AuditBundle"), label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "next_position", jsonName: "nextPosition", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "through_position", jsonName: "throughPosition", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "done", jsonName: "done", type: .bool, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        if let v = bundle { n += WireSize.message(v, field: 1) }
        n += WireSize.singular(Int64Codec.self, nextPosition, field: 2)
        n += WireSize.singular(Int64Codec.self, throughPosition, field: 3)
        n += WireSize.singular(BoolCodec.self, done, field: 4)
        return n
    }

    public func encode(to w: inout WireWriter) {
        if let v = bundle { w.message(v, field: 1) }
        w.singular(Int64Codec.self, nextPosition, field: 2)
        w.singular(Int64Codec.self, throughPosition, field: 3)
        w.singular(BoolCodec.self, done, field: 4)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): try r.readMessage(into: &bundle)
            case (2, .varint): nextPosition = try Int64Codec.read(from: &r)
            case (3, .varint): throughPosition = try Int64Codec.read(from: &r)
            case (4, .varint): done = try BoolCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        if let v = bundle { j.message("bundle", v) }
        j.singular("nextPosition", Int64Codec.self, nextPosition)
        j.singular("throughPosition", Int64Codec.self, throughPosition)
        j.singular("done", BoolCodec.self, done)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "bundle": bundle = try JSONRead.message(AuditBundle.self, value, path: p)
            case "nextPosition", "next_position": nextPosition = try Int64Codec.readJSON(value, path: p)
            case "throughPosition", "through_position": throughPosition = try Int64Codec.readJSON(value, path: p)
            case "done": done = try BoolCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// Audit exports on the node's admin socket (Unix socket, local operators only).
public enum AuditService {
    /// The service's full name, as it appears in request paths.
    public static let name = "xieshang.v1.Audit"

    /// One page of the signed events behind this body's figures for a period (`xieshang audit export`).
    public static let exportPage = RPCMethod<AuditExportRequest, AuditExportPage>(
        service: name, method: "ExportPage", kind: .unary)
}
