// DO NOT EDIT — generated from Protos/xieshang/v1/admin.proto by xieshang-protogen.
// Change the .proto file and run `make generate`; a test fails when this file drifts from Protos/.

/// What a membership change does.
public enum PeerAction: ProtoEnum {
    /// Never sent; refused.
    case unspecified
    /// Pins a new peer (a child, the parent, or a member of an alliance) and links it.
    case add
    /// Unpins a peer and closes its links; a removed child's figures stop counting here (its records stay in the log).
    case remove
    /// Gives a peer a new address (or none: it dials us) and links it again.
    case setAddress
    /// Retires a child 撤销: its history stays counted, it is no longer expected to report for periods from the date.
    case retire
    /// Moves this body to a new parent from the date (区划调整): it signs a Membership record, keeps its old parent
    /// linked until that parent holds the record, and links the new one (node_id, public_key, address, name, tier).
    case move
    /// A value this schema does not name (sent by a newer schema); kept as its number.
    case unrecognized(Int32)

    public static let protoName = "xieshang.v1.PeerAction"
    public static let allKnownValues: [PeerAction] = [.unspecified, .add, .remove, .setAddress, .retire, .move]

    public init(protoValue: Int32) {
        switch protoValue {
        case 0: self = .unspecified
        case 1: self = .add
        case 2: self = .remove
        case 3: self = .setAddress
        case 4: self = .retire
        case 5: self = .move
        default: self = .unrecognized(protoValue)
        }
    }

    public var protoValue: Int32 {
        switch self {
        case .unspecified: 0
        case .add: 1
        case .remove: 2
        case .setAddress: 3
        case .retire: 4
        case .move: 5
        case .unrecognized(let value): value
        }
    }

    public var protoValueName: String? {
        switch self {
        case .unspecified: "PEER_ACTION_UNSPECIFIED"
        case .add: "PEER_ACTION_ADD"
        case .remove: "PEER_ACTION_REMOVE"
        case .setAddress: "PEER_ACTION_SET_ADDRESS"
        case .retire: "PEER_ACTION_RETIRE"
        case .move: "PEER_ACTION_MOVE"
        case .unrecognized: nil
        }
    }

    public init?(protoValueName: String) {
        switch protoValueName {
        case "PEER_ACTION_UNSPECIFIED": self = .unspecified
        case "PEER_ACTION_ADD": self = .add
        case "PEER_ACTION_REMOVE": self = .remove
        case "PEER_ACTION_SET_ADDRESS": self = .setAddress
        case "PEER_ACTION_RETIRE": self = .retire
        case "PEER_ACTION_MOVE": self = .move
        default: return nil
        }
    }
}

/// Asks for the node's status.
public struct StatusRequest: ProtoMessage {
    public static let protoName = "xieshang.v1.StatusRequest"

    /// Include the most recent alerts (up to this many).
    public var recentAlerts: UInt32 = 0
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        recentAlerts: UInt32 = 0
    ) {
        self.recentAlerts = recentAlerts
    }
}

extension StatusRequest {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "recent_alerts", jsonName: "recentAlerts", type: .uint32, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(UInt32Codec.self, recentAlerts, field: 1)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(UInt32Codec.self, recentAlerts, field: 1)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .varint): recentAlerts = try UInt32Codec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("recentAlerts", UInt32Codec.self, recentAlerts)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "recentAlerts", "recent_alerts": recentAlerts = try UInt32Codec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// One link to a peer.
public struct LinkStatus: ProtoMessage {
    public static let protoName = "xieshang.v1.LinkStatus"

    /// The peer's node id.
    public var peer: String = ""
    /// "parent", "child" or "alliance:<id>".
    public var role: String = ""
    /// "up", "connecting", "down" or "refused".
    public var state: String = ""
    /// The peer's address from the config.
    public var address: String = ""
    /// Highest seq of our log the peer has acknowledged (durably).
    public var acked: UInt64 = 0
    /// Events waiting to go to the peer.
    public var lag: UInt64 = 0
    /// Events held in memory for the link now.
    public var queued: UInt64 = 0
    /// The last error on the link, if any.
    public var lastError: String = ""
    /// When the link last heard from the peer (ms since the Unix epoch, 0 if never).
    public var lastSeenMs: Int64 = 0
    /// Events refused from this peer since start.
    public var refused: UInt64 = 0
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        peer: String = "",
        role: String = "",
        state: String = "",
        address: String = "",
        acked: UInt64 = 0,
        lag: UInt64 = 0,
        queued: UInt64 = 0,
        lastError: String = "",
        lastSeenMs: Int64 = 0,
        refused: UInt64 = 0
    ) {
        self.peer = peer
        self.role = role
        self.state = state
        self.address = address
        self.acked = acked
        self.lag = lag
        self.queued = queued
        self.lastError = lastError
        self.lastSeenMs = lastSeenMs
        self.refused = refused
    }
}

extension LinkStatus {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "peer", jsonName: "peer", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "role", jsonName: "role", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "state", jsonName: "state", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "address", jsonName: "address", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 5, name: "acked", jsonName: "acked", type: .uint64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 6, name: "lag", jsonName: "lag", type: .uint64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 7, name: "queued", jsonName: "queued", type: .uint64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 8, name: "last_error", jsonName: "lastError", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 9, name: "last_seen_ms", jsonName: "lastSeenMs", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 10, name: "refused", jsonName: "refused", type: .uint64, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, peer, field: 1)
        n += WireSize.singular(StringCodec.self, role, field: 2)
        n += WireSize.singular(StringCodec.self, state, field: 3)
        n += WireSize.singular(StringCodec.self, address, field: 4)
        n += WireSize.singular(UInt64Codec.self, acked, field: 5)
        n += WireSize.singular(UInt64Codec.self, lag, field: 6)
        n += WireSize.singular(UInt64Codec.self, queued, field: 7)
        n += WireSize.singular(StringCodec.self, lastError, field: 8)
        n += WireSize.singular(Int64Codec.self, lastSeenMs, field: 9)
        n += WireSize.singular(UInt64Codec.self, refused, field: 10)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, peer, field: 1)
        w.singular(StringCodec.self, role, field: 2)
        w.singular(StringCodec.self, state, field: 3)
        w.singular(StringCodec.self, address, field: 4)
        w.singular(UInt64Codec.self, acked, field: 5)
        w.singular(UInt64Codec.self, lag, field: 6)
        w.singular(UInt64Codec.self, queued, field: 7)
        w.singular(StringCodec.self, lastError, field: 8)
        w.singular(Int64Codec.self, lastSeenMs, field: 9)
        w.singular(UInt64Codec.self, refused, field: 10)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): peer = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): role = try StringCodec.read(from: &r)
            case (3, .lengthDelimited): state = try StringCodec.read(from: &r)
            case (4, .lengthDelimited): address = try StringCodec.read(from: &r)
            case (5, .varint): acked = try UInt64Codec.read(from: &r)
            case (6, .varint): lag = try UInt64Codec.read(from: &r)
            case (7, .varint): queued = try UInt64Codec.read(from: &r)
            case (8, .lengthDelimited): lastError = try StringCodec.read(from: &r)
            case (9, .varint): lastSeenMs = try Int64Codec.read(from: &r)
            case (10, .varint): refused = try UInt64Codec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("peer", StringCodec.self, peer)
        j.singular("role", StringCodec.self, role)
        j.singular("state", StringCodec.self, state)
        j.singular("address", StringCodec.self, address)
        j.singular("acked", UInt64Codec.self, acked)
        j.singular("lag", UInt64Codec.self, lag)
        j.singular("queued", UInt64Codec.self, queued)
        j.singular("lastError", StringCodec.self, lastError)
        j.singular("lastSeenMs", Int64Codec.self, lastSeenMs)
        j.singular("refused", UInt64Codec.self, refused)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "peer": peer = try StringCodec.readJSON(value, path: p)
            case "role": role = try StringCodec.readJSON(value, path: p)
            case "state": state = try StringCodec.readJSON(value, path: p)
            case "address": address = try StringCodec.readJSON(value, path: p)
            case "acked": acked = try UInt64Codec.readJSON(value, path: p)
            case "lag": lag = try UInt64Codec.readJSON(value, path: p)
            case "queued": queued = try UInt64Codec.readJSON(value, path: p)
            case "lastError", "last_error": lastError = try StringCodec.readJSON(value, path: p)
            case "lastSeenMs", "last_seen_ms": lastSeenMs = try Int64Codec.readJSON(value, path: p)
            case "refused": refused = try UInt64Codec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// The node's state.
public struct StatusResponse: ProtoMessage {
    public static let protoName = "xieshang.v1.StatusResponse"

    /// This node's id.
    public var nodeId: String = ""
    /// Display name (Chinese), e.g. 铜仁市政协.
    public var name: String = ""
    /// Tier: city, county, township, …
    public var tier: String = ""
    /// This node's public key in text form (ed25519:<base64>).
    public var publicKey: String = ""
    /// Highest seq this node has originated.
    public var ownSeq: UInt64 = 0
    /// Events stored, all origins.
    public var eventsStored: UInt64 = 0
    /// Links to peers.
    public var links: [LinkStatus] = []
    /// Recent alerts (newest first).
    public var alerts: [AlertEntry] = []
    /// Seconds since the process started.
    public var uptimeSeconds: UInt64 = 0
    /// True while the node is recovering its own events after a restore and refuses to originate.
    public var fenced: Bool = false
    /// Local commands queued while the node could not originate, not yet originated (待发送的排队记录).
    public var queued: UInt64 = 0
    /// Queued commands a rule refused once they could be originated, kept in the queue with the reason (alert
    /// `queued_refused`).
    public var queuedRefused: UInt64 = 0
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        nodeId: String = "",
        name: String = "",
        tier: String = "",
        publicKey: String = "",
        ownSeq: UInt64 = 0,
        eventsStored: UInt64 = 0,
        links: [LinkStatus] = [],
        alerts: [AlertEntry] = [],
        uptimeSeconds: UInt64 = 0,
        fenced: Bool = false,
        queued: UInt64 = 0,
        queuedRefused: UInt64 = 0
    ) {
        self.nodeId = nodeId
        self.name = name
        self.tier = tier
        self.publicKey = publicKey
        self.ownSeq = ownSeq
        self.eventsStored = eventsStored
        self.links = links
        self.alerts = alerts
        self.uptimeSeconds = uptimeSeconds
        self.fenced = fenced
        self.queued = queued
        self.queuedRefused = queuedRefused
    }
}

extension StatusResponse {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "node_id", jsonName: "nodeId", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "name", jsonName: "name", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "tier", jsonName: "tier", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "public_key", jsonName: "publicKey", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 5, name: "own_seq", jsonName: "ownSeq", type: .uint64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 6, name: "events_stored", jsonName: "eventsStored", type: .uint64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 7, name: "links", jsonName: "links", type: .message("xieshang.v1.LinkStatus"), label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 8, name: "alerts", jsonName: "alerts", type: .message("xieshang.v1.AlertEntry"), label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 9, name: "uptime_seconds", jsonName: "uptimeSeconds", type: .uint64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 10, name: "fenced", jsonName: "fenced", type: .bool, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 11, name: "queued", jsonName: "queued", type: .uint64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 12, name: "queued_refused", jsonName: "queuedRefused", type: .uint64, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, nodeId, field: 1)
        n += WireSize.singular(StringCodec.self, name, field: 2)
        n += WireSize.singular(StringCodec.self, tier, field: 3)
        n += WireSize.singular(StringCodec.self, publicKey, field: 4)
        n += WireSize.singular(UInt64Codec.self, ownSeq, field: 5)
        n += WireSize.singular(UInt64Codec.self, eventsStored, field: 6)
        n += WireSize.messages(links, field: 7)
        n += WireSize.messages(alerts, field: 8)
        n += WireSize.singular(UInt64Codec.self, uptimeSeconds, field: 9)
        n += WireSize.singular(BoolCodec.self, fenced, field: 10)
        n += WireSize.singular(UInt64Codec.self, queued, field: 11)
        n += WireSize.singular(UInt64Codec.self, queuedRefused, field: 12)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, nodeId, field: 1)
        w.singular(StringCodec.self, name, field: 2)
        w.singular(StringCodec.self, tier, field: 3)
        w.singular(StringCodec.self, publicKey, field: 4)
        w.singular(UInt64Codec.self, ownSeq, field: 5)
        w.singular(UInt64Codec.self, eventsStored, field: 6)
        w.messages(links, field: 7)
        w.messages(alerts, field: 8)
        w.singular(UInt64Codec.self, uptimeSeconds, field: 9)
        w.singular(BoolCodec.self, fenced, field: 10)
        w.singular(UInt64Codec.self, queued, field: 11)
        w.singular(UInt64Codec.self, queuedRefused, field: 12)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): nodeId = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): name = try StringCodec.read(from: &r)
            case (3, .lengthDelimited): tier = try StringCodec.read(from: &r)
            case (4, .lengthDelimited): publicKey = try StringCodec.read(from: &r)
            case (5, .varint): ownSeq = try UInt64Codec.read(from: &r)
            case (6, .varint): eventsStored = try UInt64Codec.read(from: &r)
            case (7, .lengthDelimited): links.append(try r.readMessage(LinkStatus.self))
            case (8, .lengthDelimited): alerts.append(try r.readMessage(AlertEntry.self))
            case (9, .varint): uptimeSeconds = try UInt64Codec.read(from: &r)
            case (10, .varint): fenced = try BoolCodec.read(from: &r)
            case (11, .varint): queued = try UInt64Codec.read(from: &r)
            case (12, .varint): queuedRefused = try UInt64Codec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("nodeId", StringCodec.self, nodeId)
        j.singular("name", StringCodec.self, name)
        j.singular("tier", StringCodec.self, tier)
        j.singular("publicKey", StringCodec.self, publicKey)
        j.singular("ownSeq", UInt64Codec.self, ownSeq)
        j.singular("eventsStored", UInt64Codec.self, eventsStored)
        j.messages("links", links)
        j.messages("alerts", alerts)
        j.singular("uptimeSeconds", UInt64Codec.self, uptimeSeconds)
        j.singular("fenced", BoolCodec.self, fenced)
        j.singular("queued", UInt64Codec.self, queued)
        j.singular("queuedRefused", UInt64Codec.self, queuedRefused)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "nodeId", "node_id": nodeId = try StringCodec.readJSON(value, path: p)
            case "name": name = try StringCodec.readJSON(value, path: p)
            case "tier": tier = try StringCodec.readJSON(value, path: p)
            case "publicKey", "public_key": publicKey = try StringCodec.readJSON(value, path: p)
            case "ownSeq", "own_seq": ownSeq = try UInt64Codec.readJSON(value, path: p)
            case "eventsStored", "events_stored": eventsStored = try UInt64Codec.readJSON(value, path: p)
            case "links": links = try JSONRead.messages(LinkStatus.self, value, path: p)
            case "alerts": alerts = try JSONRead.messages(AlertEntry.self, value, path: p)
            case "uptimeSeconds", "uptime_seconds": uptimeSeconds = try UInt64Codec.readJSON(value, path: p)
            case "fenced": fenced = try BoolCodec.readJSON(value, path: p)
            case "queued": queued = try UInt64Codec.readJSON(value, path: p)
            case "queuedRefused", "queued_refused": queuedRefused = try UInt64Codec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// One alert as the status shows it.
public struct AlertEntry: ProtoMessage {
    public static let protoName = "xieshang.v1.AlertEntry"

    /// When it was raised (ms since the Unix epoch).
    public var timeMs: Int64 = 0
    /// The node it is about.
    public var subject: String = ""
    /// Machine-readable code.
    public var code: String = ""
    /// A sentence for the operator.
    public var message: String = ""
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        timeMs: Int64 = 0,
        subject: String = "",
        code: String = "",
        message: String = ""
    ) {
        self.timeMs = timeMs
        self.subject = subject
        self.code = code
        self.message = message
    }
}

extension AlertEntry {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "time_ms", jsonName: "timeMs", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "subject", jsonName: "subject", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "code", jsonName: "code", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "message", jsonName: "message", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(Int64Codec.self, timeMs, field: 1)
        n += WireSize.singular(StringCodec.self, subject, field: 2)
        n += WireSize.singular(StringCodec.self, code, field: 3)
        n += WireSize.singular(StringCodec.self, message, field: 4)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(Int64Codec.self, timeMs, field: 1)
        w.singular(StringCodec.self, subject, field: 2)
        w.singular(StringCodec.self, code, field: 3)
        w.singular(StringCodec.self, message, field: 4)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .varint): timeMs = try Int64Codec.read(from: &r)
            case (2, .lengthDelimited): subject = try StringCodec.read(from: &r)
            case (3, .lengthDelimited): code = try StringCodec.read(from: &r)
            case (4, .lengthDelimited): message = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("timeMs", Int64Codec.self, timeMs)
        j.singular("subject", StringCodec.self, subject)
        j.singular("code", StringCodec.self, code)
        j.singular("message", StringCodec.self, message)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "timeMs", "time_ms": timeMs = try Int64Codec.readJSON(value, path: p)
            case "subject": subject = try StringCodec.readJSON(value, path: p)
            case "code": code = try StringCodec.readJSON(value, path: p)
            case "message": message = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// A local command to record.
public struct SubmitRequest: ProtoMessage {
    public static let protoName = "xieshang.v1.SubmitRequest"

    /// What the payload is.
    public var kind: EventKind = .unspecified
    /// The encoded payload message.
    public var payload: [UInt8] = []
    /// Where the event goes; unset means the kind's default.
    public var scope: Scope? = nil
    /// Who issues a domain command: "office", "committee", "member:<id>" or "unit:<name>"; empty means the office.
    public var actor: String = ""
    /// More domain commands of the same kind, validated after `payload` against the same records: either all are
    /// recorded or none (imports). Ignored for other kinds.
    public var batch: [[UInt8]] = []
    /// Who made the command (the events' `actor`), written by the node itself: the OS user of the admin socket
    /// (SO_PEERCRED) or the web's user, kept with a queued request. A value a client sends is replaced.
    public var madeBy: String = ""
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        kind: EventKind = .unspecified,
        payload: [UInt8] = [],
        scope: Scope? = nil,
        actor: String = "",
        batch: [[UInt8]] = [],
        madeBy: String = ""
    ) {
        self.kind = kind
        self.payload = payload
        self.scope = scope
        self.actor = actor
        self.batch = batch
        self.madeBy = madeBy
    }
}

extension SubmitRequest {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "kind", jsonName: "kind", type: .enumeration("xieshang.v1.EventKind"), label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "payload", jsonName: "payload", type: .bytes, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "scope", jsonName: "scope", type: .message("xieshang.v1.Scope"), label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "actor", jsonName: "actor", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 5, name: "batch", jsonName: "batch", type: .bytes, label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 6, name: "made_by", jsonName: "madeBy", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(EnumCodec<EventKind>.self, kind, field: 1)
        n += WireSize.singular(BytesCodec.self, payload, field: 2)
        if let v = scope { n += WireSize.message(v, field: 3) }
        n += WireSize.singular(StringCodec.self, actor, field: 4)
        n += WireSize.repeated(BytesCodec.self, batch, field: 5)
        n += WireSize.singular(StringCodec.self, madeBy, field: 6)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(EnumCodec<EventKind>.self, kind, field: 1)
        w.singular(BytesCodec.self, payload, field: 2)
        if let v = scope { w.message(v, field: 3) }
        w.singular(StringCodec.self, actor, field: 4)
        w.repeated(BytesCodec.self, batch, field: 5)
        w.singular(StringCodec.self, madeBy, field: 6)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .varint): kind = try EnumCodec<EventKind>.read(from: &r)
            case (2, .lengthDelimited): payload = try BytesCodec.read(from: &r)
            case (3, .lengthDelimited): try r.readMessage(into: &scope)
            case (4, .lengthDelimited): actor = try StringCodec.read(from: &r)
            case (5, _): try r.readRepeated(BytesCodec.self, tag, into: &batch, unknown: &unknownFields)
            case (6, .lengthDelimited): madeBy = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("kind", EnumCodec<EventKind>.self, kind)
        j.singular("payload", BytesCodec.self, payload)
        if let v = scope { j.message("scope", v) }
        j.singular("actor", StringCodec.self, actor)
        j.repeated("batch", BytesCodec.self, batch)
        j.singular("madeBy", StringCodec.self, madeBy)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "kind": kind = try EnumCodec<EventKind>.readJSON(value, path: p)
            case "payload": payload = try BytesCodec.readJSON(value, path: p)
            case "scope": scope = try JSONRead.message(Scope.self, value, path: p)
            case "actor": actor = try StringCodec.readJSON(value, path: p)
            case "batch": batch = try JSONRead.repeated(BytesCodec.self, value, path: p)
            case "madeBy", "made_by": madeBy = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// The event the command became.
public struct SubmitResponse: ProtoMessage {
    public static let protoName = "xieshang.v1.SubmitResponse"

    /// Its seq in this node's log.
    public var seq: UInt64 = 0
    /// SHA-256 of its SignedEvent bytes.
    public var hash: [UInt8] = []
    /// Every seq the command originated, in order (a domain command can record several events; `seq` is the last).
    public var seqs: [UInt64] = []
    /// Nonzero: the node could not originate yet (it has not heard from its parent since it started, or it is pulling
    /// its own events back after a restore), so the command passed the rules and was stored durably in the node's
    /// queue under this id (已排队); it is originated in order, through the same rules, once the parent confirmed the
    /// node's chain. `seq`, `hash` and `seqs` are then empty.
    public var queued: UInt64 = 0
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        seq: UInt64 = 0,
        hash: [UInt8] = [],
        seqs: [UInt64] = [],
        queued: UInt64 = 0
    ) {
        self.seq = seq
        self.hash = hash
        self.seqs = seqs
        self.queued = queued
    }
}

extension SubmitResponse {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "seq", jsonName: "seq", type: .uint64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "hash", jsonName: "hash", type: .bytes, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "seqs", jsonName: "seqs", type: .uint64, label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "queued", jsonName: "queued", type: .uint64, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(UInt64Codec.self, seq, field: 1)
        n += WireSize.singular(BytesCodec.self, hash, field: 2)
        n += WireSize.repeated(UInt64Codec.self, seqs, field: 3)
        n += WireSize.singular(UInt64Codec.self, queued, field: 4)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(UInt64Codec.self, seq, field: 1)
        w.singular(BytesCodec.self, hash, field: 2)
        w.repeated(UInt64Codec.self, seqs, field: 3)
        w.singular(UInt64Codec.self, queued, field: 4)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .varint): seq = try UInt64Codec.read(from: &r)
            case (2, .lengthDelimited): hash = try BytesCodec.read(from: &r)
            case (3, _): try r.readRepeated(UInt64Codec.self, tag, into: &seqs, unknown: &unknownFields)
            case (4, .varint): queued = try UInt64Codec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("seq", UInt64Codec.self, seq)
        j.singular("hash", BytesCodec.self, hash)
        j.repeated("seqs", UInt64Codec.self, seqs)
        j.singular("queued", UInt64Codec.self, queued)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "seq": seq = try UInt64Codec.readJSON(value, path: p)
            case "hash": hash = try BytesCodec.readJSON(value, path: p)
            case "seqs": seqs = try JSONRead.repeated(UInt64Codec.self, value, path: p)
            case "queued": queued = try UInt64Codec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// Asks for records of one type.
public struct QueryRequest: ProtoMessage {
    public static let protoName = "xieshang.v1.QueryRequest"

    /// Record type, e.g. "proposals", "opinions", "activities", "plan_items", "members", "events".
    public var recordType: String = ""
    /// Filters by column, e.g. {"status": "assigned"}.
    public var filter: [String: String] = [:]
    /// At most this many rows (0 means the server's default).
    public var limit: UInt32 = 0
    /// Id of one record, for `show`.
    public var id: String = ""
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        recordType: String = "",
        filter: [String: String] = [:],
        limit: UInt32 = 0,
        id: String = ""
    ) {
        self.recordType = recordType
        self.filter = filter
        self.limit = limit
        self.id = id
    }
}

extension QueryRequest {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "record_type", jsonName: "recordType", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "filter", jsonName: "filter", type: .string, label: .map(key: .string), oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "limit", jsonName: "limit", type: .uint32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "id", jsonName: "id", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, recordType, field: 1)
        n += WireSize.map(StringCodec.self, StringCodec.self, filter, field: 2)
        n += WireSize.singular(UInt32Codec.self, limit, field: 3)
        n += WireSize.singular(StringCodec.self, id, field: 4)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, recordType, field: 1)
        w.map(StringCodec.self, StringCodec.self, filter, field: 2)
        w.singular(UInt32Codec.self, limit, field: 3)
        w.singular(StringCodec.self, id, field: 4)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): recordType = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): try r.readMapEntry(StringCodec.self, StringCodec.self, into: &filter)
            case (3, .varint): limit = try UInt32Codec.read(from: &r)
            case (4, .lengthDelimited): id = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("recordType", StringCodec.self, recordType)
        j.map("filter", StringCodec.self, StringCodec.self, filter)
        j.singular("limit", UInt32Codec.self, limit)
        j.singular("id", StringCodec.self, id)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "recordType", "record_type": recordType = try StringCodec.readJSON(value, path: p)
            case "filter": filter = try JSONRead.map(StringCodec.self, StringCodec.self, value, path: p)
            case "limit": limit = try UInt32Codec.readJSON(value, path: p)
            case "id": id = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// Records as JSON objects, one per row (the CLI prints them as tables or passes them through with --json).
public struct QueryResponse: ProtoMessage {
    public static let protoName = "xieshang.v1.QueryResponse"

    /// Column names in display order.
    public var columns: [String] = []
    /// One JSON object per record.
    public var rowsJson: [String] = []
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        columns: [String] = [],
        rowsJson: [String] = []
    ) {
        self.columns = columns
        self.rowsJson = rowsJson
    }
}

extension QueryResponse {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "columns", jsonName: "columns", type: .string, label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "rows_json", jsonName: "rowsJson", type: .string, label: .repeated, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.repeated(StringCodec.self, columns, field: 1)
        n += WireSize.repeated(StringCodec.self, rowsJson, field: 2)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.repeated(StringCodec.self, columns, field: 1)
        w.repeated(StringCodec.self, rowsJson, field: 2)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, _): try r.readRepeated(StringCodec.self, tag, into: &columns, unknown: &unknownFields)
            case (2, _): try r.readRepeated(StringCodec.self, tag, into: &rowsJson, unknown: &unknownFields)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.repeated("columns", StringCodec.self, columns)
        j.repeated("rowsJson", StringCodec.self, rowsJson)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "columns": columns = try JSONRead.repeated(StringCodec.self, value, path: p)
            case "rowsJson", "rows_json": rowsJson = try JSONRead.repeated(StringCodec.self, value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// Asks for figures.
public struct StatsRequest: ProtoMessage {
    public static let protoName = "xieshang.v1.StatsRequest"

    /// "2026", "2026-Q3" or "2026-11"; empty means the current year.
    public var period: String = ""
    /// Include every body of the subtree, not only this node's totals.
    public var drill: Bool = false
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        period: String = "",
        drill: Bool = false
    ) {
        self.period = period
        self.drill = drill
    }
}

extension StatsRequest {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "period", jsonName: "period", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "drill", jsonName: "drill", type: .bool, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, period, field: 1)
        n += WireSize.singular(BoolCodec.self, drill, field: 2)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, period, field: 1)
        w.singular(BoolCodec.self, drill, field: 2)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): period = try StringCodec.read(from: &r)
            case (2, .varint): drill = try BoolCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("period", StringCodec.self, period)
        j.singular("drill", BoolCodec.self, drill)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "period": period = try StringCodec.readJSON(value, path: p)
            case "drill": drill = try BoolCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// Figures of one body for one period.
public struct BodyFigures: ProtoMessage {
    public static let protoName = "xieshang.v1.BodyFigures"

    /// The body's node id.
    public var body: String = ""
    /// Its display name.
    public var name: String = ""
    /// Its tier.
    public var tier: String = ""
    /// Its parent's node id.
    public var parent: String = ""
    /// Its own figures.
    public var own: [String: Int64] = [:]
    /// Its subtree totals.
    public var totals: [String: Int64] = [:]
    /// The report event these figures come from (empty for this node's live figures).
    public var source: EventRef? = nil
    /// Whether the report's arithmetic and signatures were verified.
    public var verified: Bool = false
    /// The body's approval of the period as this node knows it: "approved", "superseded" (approved, but the report shown
    /// is newer than the one approved), "returned" or "not_approved".
    public var approval: String = ""
    /// For "returned": the reason the parent gave.
    public var returnReason: String = ""
    /// For "returned": the body that returned it.
    public var returnedBy: String = ""
    /// Completeness: the body's children expected to report for the period, as its report says.
    public var expectedChildren: UInt32 = 0
    /// Completeness: the children whose reports its report cites.
    public var reportedChildren: UInt32 = 0
    /// Timeliness: of those, the ones the body received before the period's deadline, by the body's own clock (the
    /// receiver's, never the child's claim).
    public var onTimeChildren: UInt32 = 0
    /// The zone 片区 its parent's config puts it in (e.g. "东片区"); empty when none.
    public var zone: String = ""
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        body: String = "",
        name: String = "",
        tier: String = "",
        parent: String = "",
        own: [String: Int64] = [:],
        totals: [String: Int64] = [:],
        source: EventRef? = nil,
        verified: Bool = false,
        approval: String = "",
        returnReason: String = "",
        returnedBy: String = "",
        expectedChildren: UInt32 = 0,
        reportedChildren: UInt32 = 0,
        onTimeChildren: UInt32 = 0,
        zone: String = ""
    ) {
        self.body = body
        self.name = name
        self.tier = tier
        self.parent = parent
        self.own = own
        self.totals = totals
        self.source = source
        self.verified = verified
        self.approval = approval
        self.returnReason = returnReason
        self.returnedBy = returnedBy
        self.expectedChildren = expectedChildren
        self.reportedChildren = reportedChildren
        self.onTimeChildren = onTimeChildren
        self.zone = zone
    }
}

extension BodyFigures {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "body", jsonName: "body", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "name", jsonName: "name", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "tier", jsonName: "tier", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "parent", jsonName: "parent", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 5, name: "own", jsonName: "own", type: .int64, label: .map(key: .string), oneof: nil),
        ProtoFieldDescriptor(number: 6, name: "totals", jsonName: "totals", type: .int64, label: .map(key: .string), oneof: nil),
        ProtoFieldDescriptor(number: 7, name: "source", jsonName: "source", type: .message("xieshang.v1.EventRef"), label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 8, name: "verified", jsonName: "verified", type: .bool, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 12, name: "approval", jsonName: "approval", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 13, name: "return_reason", jsonName: "returnReason", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 14, name: "returned_by", jsonName: "returnedBy", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 15, name: "expected_children", jsonName: "expectedChildren", type: .uint32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 16, name: "reported_children", jsonName: "reportedChildren", type: .uint32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 17, name: "on_time_children", jsonName: "onTimeChildren", type: .uint32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 20, name: "zone", jsonName: "zone", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, body, field: 1)
        n += WireSize.singular(StringCodec.self, name, field: 2)
        n += WireSize.singular(StringCodec.self, tier, field: 3)
        n += WireSize.singular(StringCodec.self, parent, field: 4)
        n += WireSize.map(StringCodec.self, Int64Codec.self, own, field: 5)
        n += WireSize.map(StringCodec.self, Int64Codec.self, totals, field: 6)
        if let v = source { n += WireSize.message(v, field: 7) }
        n += WireSize.singular(BoolCodec.self, verified, field: 8)
        n += WireSize.singular(StringCodec.self, approval, field: 12)
        n += WireSize.singular(StringCodec.self, returnReason, field: 13)
        n += WireSize.singular(StringCodec.self, returnedBy, field: 14)
        n += WireSize.singular(UInt32Codec.self, expectedChildren, field: 15)
        n += WireSize.singular(UInt32Codec.self, reportedChildren, field: 16)
        n += WireSize.singular(UInt32Codec.self, onTimeChildren, field: 17)
        n += WireSize.singular(StringCodec.self, zone, field: 20)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, body, field: 1)
        w.singular(StringCodec.self, name, field: 2)
        w.singular(StringCodec.self, tier, field: 3)
        w.singular(StringCodec.self, parent, field: 4)
        w.map(StringCodec.self, Int64Codec.self, own, field: 5)
        w.map(StringCodec.self, Int64Codec.self, totals, field: 6)
        if let v = source { w.message(v, field: 7) }
        w.singular(BoolCodec.self, verified, field: 8)
        w.singular(StringCodec.self, approval, field: 12)
        w.singular(StringCodec.self, returnReason, field: 13)
        w.singular(StringCodec.self, returnedBy, field: 14)
        w.singular(UInt32Codec.self, expectedChildren, field: 15)
        w.singular(UInt32Codec.self, reportedChildren, field: 16)
        w.singular(UInt32Codec.self, onTimeChildren, field: 17)
        w.singular(StringCodec.self, zone, field: 20)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): body = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): name = try StringCodec.read(from: &r)
            case (3, .lengthDelimited): tier = try StringCodec.read(from: &r)
            case (4, .lengthDelimited): parent = try StringCodec.read(from: &r)
            case (5, .lengthDelimited): try r.readMapEntry(StringCodec.self, Int64Codec.self, into: &own)
            case (6, .lengthDelimited): try r.readMapEntry(StringCodec.self, Int64Codec.self, into: &totals)
            case (7, .lengthDelimited): try r.readMessage(into: &source)
            case (8, .varint): verified = try BoolCodec.read(from: &r)
            case (12, .lengthDelimited): approval = try StringCodec.read(from: &r)
            case (13, .lengthDelimited): returnReason = try StringCodec.read(from: &r)
            case (14, .lengthDelimited): returnedBy = try StringCodec.read(from: &r)
            case (15, .varint): expectedChildren = try UInt32Codec.read(from: &r)
            case (16, .varint): reportedChildren = try UInt32Codec.read(from: &r)
            case (17, .varint): onTimeChildren = try UInt32Codec.read(from: &r)
            case (20, .lengthDelimited): zone = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("body", StringCodec.self, body)
        j.singular("name", StringCodec.self, name)
        j.singular("tier", StringCodec.self, tier)
        j.singular("parent", StringCodec.self, parent)
        j.map("own", StringCodec.self, Int64Codec.self, own)
        j.map("totals", StringCodec.self, Int64Codec.self, totals)
        if let v = source { j.message("source", v) }
        j.singular("verified", BoolCodec.self, verified)
        j.singular("approval", StringCodec.self, approval)
        j.singular("returnReason", StringCodec.self, returnReason)
        j.singular("returnedBy", StringCodec.self, returnedBy)
        j.singular("expectedChildren", UInt32Codec.self, expectedChildren)
        j.singular("reportedChildren", UInt32Codec.self, reportedChildren)
        j.singular("onTimeChildren", UInt32Codec.self, onTimeChildren)
        j.singular("zone", StringCodec.self, zone)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "body": body = try StringCodec.readJSON(value, path: p)
            case "name": name = try StringCodec.readJSON(value, path: p)
            case "tier": tier = try StringCodec.readJSON(value, path: p)
            case "parent": parent = try StringCodec.readJSON(value, path: p)
            case "own": own = try JSONRead.map(StringCodec.self, Int64Codec.self, value, path: p)
            case "totals": totals = try JSONRead.map(StringCodec.self, Int64Codec.self, value, path: p)
            case "source": source = try JSONRead.message(EventRef.self, value, path: p)
            case "verified": verified = try BoolCodec.readJSON(value, path: p)
            case "approval": approval = try StringCodec.readJSON(value, path: p)
            case "returnReason", "return_reason": returnReason = try StringCodec.readJSON(value, path: p)
            case "returnedBy", "returned_by": returnedBy = try StringCodec.readJSON(value, path: p)
            case "expectedChildren", "expected_children": expectedChildren = try UInt32Codec.readJSON(value, path: p)
            case "reportedChildren", "reported_children": reportedChildren = try UInt32Codec.readJSON(value, path: p)
            case "onTimeChildren", "on_time_children": onTimeChildren = try UInt32Codec.readJSON(value, path: p)
            case "zone": zone = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// Figures for a period.
public struct StatsResponse: ProtoMessage {
    public static let protoName = "xieshang.v1.StatsResponse"

    /// The period answered.
    public var period: String = ""
    /// This node first, then (with drill) every body of its subtree.
    public var bodies: [BodyFigures] = []
    /// Children expected, reported, reported on time.
    public var expectedChildren: UInt32 = 0
    /// Children that reported.
    public var reportedChildren: UInt32 = 0
    /// Children that reported on time.
    public var onTimeChildren: UInt32 = 0
    /// With drill: per tier of the subtree (county, township, …), bodies in the roster and bodies that reported.
    public var coverage: [TierCoverage] = []
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        period: String = "",
        bodies: [BodyFigures] = [],
        expectedChildren: UInt32 = 0,
        reportedChildren: UInt32 = 0,
        onTimeChildren: UInt32 = 0,
        coverage: [TierCoverage] = []
    ) {
        self.period = period
        self.bodies = bodies
        self.expectedChildren = expectedChildren
        self.reportedChildren = reportedChildren
        self.onTimeChildren = onTimeChildren
        self.coverage = coverage
    }
}

extension StatsResponse {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "period", jsonName: "period", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "bodies", jsonName: "bodies", type: .message("xieshang.v1.BodyFigures"), label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "expected_children", jsonName: "expectedChildren", type: .uint32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "reported_children", jsonName: "reportedChildren", type: .uint32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 5, name: "on_time_children", jsonName: "onTimeChildren", type: .uint32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 20, name: "coverage", jsonName: "coverage", type: .message("xieshang.v1.TierCoverage"), label: .repeated, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, period, field: 1)
        n += WireSize.messages(bodies, field: 2)
        n += WireSize.singular(UInt32Codec.self, expectedChildren, field: 3)
        n += WireSize.singular(UInt32Codec.self, reportedChildren, field: 4)
        n += WireSize.singular(UInt32Codec.self, onTimeChildren, field: 5)
        n += WireSize.messages(coverage, field: 20)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, period, field: 1)
        w.messages(bodies, field: 2)
        w.singular(UInt32Codec.self, expectedChildren, field: 3)
        w.singular(UInt32Codec.self, reportedChildren, field: 4)
        w.singular(UInt32Codec.self, onTimeChildren, field: 5)
        w.messages(coverage, field: 20)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): period = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): bodies.append(try r.readMessage(BodyFigures.self))
            case (3, .varint): expectedChildren = try UInt32Codec.read(from: &r)
            case (4, .varint): reportedChildren = try UInt32Codec.read(from: &r)
            case (5, .varint): onTimeChildren = try UInt32Codec.read(from: &r)
            case (20, .lengthDelimited): coverage.append(try r.readMessage(TierCoverage.self))
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("period", StringCodec.self, period)
        j.messages("bodies", bodies)
        j.singular("expectedChildren", UInt32Codec.self, expectedChildren)
        j.singular("reportedChildren", UInt32Codec.self, reportedChildren)
        j.singular("onTimeChildren", UInt32Codec.self, onTimeChildren)
        j.messages("coverage", coverage)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "period": period = try StringCodec.readJSON(value, path: p)
            case "bodies": bodies = try JSONRead.messages(BodyFigures.self, value, path: p)
            case "expectedChildren", "expected_children": expectedChildren = try UInt32Codec.readJSON(value, path: p)
            case "reportedChildren", "reported_children": reportedChildren = try UInt32Codec.readJSON(value, path: p)
            case "onTimeChildren", "on_time_children": onTimeChildren = try UInt32Codec.readJSON(value, path: p)
            case "coverage": coverage = try JSONRead.messages(TierCoverage.self, value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// Coverage of one tier 报送情况 ("乡镇 172/172 报送"): bodies of the tier in the accepted rosters, and those whose
/// report for the period reached this node.
public struct TierCoverage: ProtoMessage {
    public static let protoName = "xieshang.v1.TierCoverage"

    /// The tier: county, township, …
    public var tier: String = ""
    /// Bodies of the tier whose report for the period is here.
    public var reporting: UInt32 = 0
    /// Bodies of the tier in the roster.
    public var expected: UInt32 = 0
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        tier: String = "",
        reporting: UInt32 = 0,
        expected: UInt32 = 0
    ) {
        self.tier = tier
        self.reporting = reporting
        self.expected = expected
    }
}

extension TierCoverage {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "tier", jsonName: "tier", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "reporting", jsonName: "reporting", type: .uint32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "expected", jsonName: "expected", type: .uint32, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, tier, field: 1)
        n += WireSize.singular(UInt32Codec.self, reporting, field: 2)
        n += WireSize.singular(UInt32Codec.self, expected, field: 3)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, tier, field: 1)
        w.singular(UInt32Codec.self, reporting, field: 2)
        w.singular(UInt32Codec.self, expected, field: 3)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): tier = try StringCodec.read(from: &r)
            case (2, .varint): reporting = try UInt32Codec.read(from: &r)
            case (3, .varint): expected = try UInt32Codec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("tier", StringCodec.self, tier)
        j.singular("reporting", UInt32Codec.self, reporting)
        j.singular("expected", UInt32Codec.self, expected)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "tier": tier = try StringCodec.readJSON(value, path: p)
            case "reporting": reporting = try UInt32Codec.readJSON(value, path: p)
            case "expected": expected = try UInt32Codec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// Asks for a backup 备份 of the node's database.
public struct BackupRequest: ProtoMessage {
    public static let protoName = "xieshang.v1.BackupRequest"

    /// The backup file to write, an absolute path on the node's machine (its manifest goes to FILE.manifest). An
    /// existing file there is replaced only once the new backup is complete.
    public var file: String = ""
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        file: String = ""
    ) {
        self.file = file
    }
}

extension BackupRequest {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "file", jsonName: "file", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, file, field: 1)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, file, field: 1)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): file = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("file", StringCodec.self, file)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "file": file = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// Progress of a backup, then its result (done).
public struct BackupProgress: ProtoMessage {
    public static let protoName = "xieshang.v1.BackupProgress"

    /// Database pages copied so far.
    public var pagesDone: UInt64 = 0
    /// Pages of the database (it may grow while the backup runs).
    public var pagesTotal: UInt64 = 0
    /// True on the last message: the file and its manifest are written, fsynced and renamed into place.
    public var done: Bool = false
    /// The backup file.
    public var file: String = ""
    /// SHA-256 of the backup file, lowercase hex (also in the manifest).
    public var sha256: String = ""
    /// Size of the backup file in bytes.
    public var bytes: UInt64 = 0
    /// The node the backup belongs to.
    public var nodeId: String = ""
    /// The node's public key fingerprint as its logs show it (SHA256:<first 12 bytes of the key's hash, hex>; also in
    /// the manifest).
    public var keyFingerprint: String = ""
    /// Highest seq of the node's own chain in the backup.
    public var ownSeq: UInt64 = 0
    /// Events in the backup, all origins.
    public var events: UInt64 = 0
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        pagesDone: UInt64 = 0,
        pagesTotal: UInt64 = 0,
        done: Bool = false,
        file: String = "",
        sha256: String = "",
        bytes: UInt64 = 0,
        nodeId: String = "",
        keyFingerprint: String = "",
        ownSeq: UInt64 = 0,
        events: UInt64 = 0
    ) {
        self.pagesDone = pagesDone
        self.pagesTotal = pagesTotal
        self.done = done
        self.file = file
        self.sha256 = sha256
        self.bytes = bytes
        self.nodeId = nodeId
        self.keyFingerprint = keyFingerprint
        self.ownSeq = ownSeq
        self.events = events
    }
}

extension BackupProgress {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "pages_done", jsonName: "pagesDone", type: .uint64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "pages_total", jsonName: "pagesTotal", type: .uint64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "done", jsonName: "done", type: .bool, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "file", jsonName: "file", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 5, name: "sha256", jsonName: "sha256", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 6, name: "bytes", jsonName: "bytes", type: .uint64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 7, name: "node_id", jsonName: "nodeId", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 8, name: "key_fingerprint", jsonName: "keyFingerprint", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 9, name: "own_seq", jsonName: "ownSeq", type: .uint64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 10, name: "events", jsonName: "events", type: .uint64, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(UInt64Codec.self, pagesDone, field: 1)
        n += WireSize.singular(UInt64Codec.self, pagesTotal, field: 2)
        n += WireSize.singular(BoolCodec.self, done, field: 3)
        n += WireSize.singular(StringCodec.self, file, field: 4)
        n += WireSize.singular(StringCodec.self, sha256, field: 5)
        n += WireSize.singular(UInt64Codec.self, bytes, field: 6)
        n += WireSize.singular(StringCodec.self, nodeId, field: 7)
        n += WireSize.singular(StringCodec.self, keyFingerprint, field: 8)
        n += WireSize.singular(UInt64Codec.self, ownSeq, field: 9)
        n += WireSize.singular(UInt64Codec.self, events, field: 10)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(UInt64Codec.self, pagesDone, field: 1)
        w.singular(UInt64Codec.self, pagesTotal, field: 2)
        w.singular(BoolCodec.self, done, field: 3)
        w.singular(StringCodec.self, file, field: 4)
        w.singular(StringCodec.self, sha256, field: 5)
        w.singular(UInt64Codec.self, bytes, field: 6)
        w.singular(StringCodec.self, nodeId, field: 7)
        w.singular(StringCodec.self, keyFingerprint, field: 8)
        w.singular(UInt64Codec.self, ownSeq, field: 9)
        w.singular(UInt64Codec.self, events, field: 10)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .varint): pagesDone = try UInt64Codec.read(from: &r)
            case (2, .varint): pagesTotal = try UInt64Codec.read(from: &r)
            case (3, .varint): done = try BoolCodec.read(from: &r)
            case (4, .lengthDelimited): file = try StringCodec.read(from: &r)
            case (5, .lengthDelimited): sha256 = try StringCodec.read(from: &r)
            case (6, .varint): bytes = try UInt64Codec.read(from: &r)
            case (7, .lengthDelimited): nodeId = try StringCodec.read(from: &r)
            case (8, .lengthDelimited): keyFingerprint = try StringCodec.read(from: &r)
            case (9, .varint): ownSeq = try UInt64Codec.read(from: &r)
            case (10, .varint): events = try UInt64Codec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("pagesDone", UInt64Codec.self, pagesDone)
        j.singular("pagesTotal", UInt64Codec.self, pagesTotal)
        j.singular("done", BoolCodec.self, done)
        j.singular("file", StringCodec.self, file)
        j.singular("sha256", StringCodec.self, sha256)
        j.singular("bytes", UInt64Codec.self, bytes)
        j.singular("nodeId", StringCodec.self, nodeId)
        j.singular("keyFingerprint", StringCodec.self, keyFingerprint)
        j.singular("ownSeq", UInt64Codec.self, ownSeq)
        j.singular("events", UInt64Codec.self, events)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "pagesDone", "pages_done": pagesDone = try UInt64Codec.readJSON(value, path: p)
            case "pagesTotal", "pages_total": pagesTotal = try UInt64Codec.readJSON(value, path: p)
            case "done": done = try BoolCodec.readJSON(value, path: p)
            case "file": file = try StringCodec.readJSON(value, path: p)
            case "sha256": sha256 = try StringCodec.readJSON(value, path: p)
            case "bytes": bytes = try UInt64Codec.readJSON(value, path: p)
            case "nodeId", "node_id": nodeId = try StringCodec.readJSON(value, path: p)
            case "keyFingerprint", "key_fingerprint": keyFingerprint = try StringCodec.readJSON(value, path: p)
            case "ownSeq", "own_seq": ownSeq = try UInt64Codec.readJSON(value, path: p)
            case "events": events = try UInt64Codec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// Asks the node to rotate its signing key.
public struct RotateKeyRequest: ProtoMessage {
    public static let protoName = "xieshang.v1.RotateKeyRequest"

    /// Who asks (the OS user of the CLI), for the node's log.
    public var actor: String = ""
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        actor: String = ""
    ) {
        self.actor = actor
    }
}

extension RotateKeyRequest {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "actor", jsonName: "actor", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, actor, field: 1)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, actor, field: 1)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): actor = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("actor", StringCodec.self, actor)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "actor": actor = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// Asks the node to revoke a child's key.
public struct RevokeKeyRequest: ProtoMessage {
    public static let protoName = "xieshang.v1.RevokeKeyRequest"

    /// The child (a direct child in this node's config).
    public var child: String = ""
    /// From this seq of the child's chain on (inclusive), the key's signatures are refused; at least 1.
    public var fromSeq: UInt64 = 0
    /// Why, for the offices.
    public var reason: String = ""
    /// Who asks (the OS user of the CLI).
    public var actor: String = ""
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        child: String = "",
        fromSeq: UInt64 = 0,
        reason: String = "",
        actor: String = ""
    ) {
        self.child = child
        self.fromSeq = fromSeq
        self.reason = reason
        self.actor = actor
    }
}

extension RevokeKeyRequest {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "child", jsonName: "child", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "from_seq", jsonName: "fromSeq", type: .uint64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "reason", jsonName: "reason", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "actor", jsonName: "actor", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, child, field: 1)
        n += WireSize.singular(UInt64Codec.self, fromSeq, field: 2)
        n += WireSize.singular(StringCodec.self, reason, field: 3)
        n += WireSize.singular(StringCodec.self, actor, field: 4)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, child, field: 1)
        w.singular(UInt64Codec.self, fromSeq, field: 2)
        w.singular(StringCodec.self, reason, field: 3)
        w.singular(StringCodec.self, actor, field: 4)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): child = try StringCodec.read(from: &r)
            case (2, .varint): fromSeq = try UInt64Codec.read(from: &r)
            case (3, .lengthDelimited): reason = try StringCodec.read(from: &r)
            case (4, .lengthDelimited): actor = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("child", StringCodec.self, child)
        j.singular("fromSeq", UInt64Codec.self, fromSeq)
        j.singular("reason", StringCodec.self, reason)
        j.singular("actor", StringCodec.self, actor)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "child": child = try StringCodec.readJSON(value, path: p)
            case "fromSeq", "from_seq": fromSeq = try UInt64Codec.readJSON(value, path: p)
            case "reason": reason = try StringCodec.readJSON(value, path: p)
            case "actor": actor = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// The result of a key rotation or revocation.
public struct KeyChange: ProtoMessage {
    public static let protoName = "xieshang.v1.KeyChange"

    /// The node whose key changed (this node for a rotation, the child for a revocation).
    public var nodeId: String = ""
    /// The key replaced or revoked: fingerprint as the logs show it.
    public var oldFingerprint: String = ""
    /// The new key's fingerprint (rotation); empty for a revocation.
    public var newFingerprint: String = ""
    /// The new key's file (rotation), written beside the old one with mode 0600.
    public var keyFile: String = ""
    /// The key records originated, as "chain#seq".
    public var events: [String] = []
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        nodeId: String = "",
        oldFingerprint: String = "",
        newFingerprint: String = "",
        keyFile: String = "",
        events: [String] = []
    ) {
        self.nodeId = nodeId
        self.oldFingerprint = oldFingerprint
        self.newFingerprint = newFingerprint
        self.keyFile = keyFile
        self.events = events
    }
}

extension KeyChange {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "node_id", jsonName: "nodeId", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "old_fingerprint", jsonName: "oldFingerprint", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "new_fingerprint", jsonName: "newFingerprint", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "key_file", jsonName: "keyFile", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 5, name: "events", jsonName: "events", type: .string, label: .repeated, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, nodeId, field: 1)
        n += WireSize.singular(StringCodec.self, oldFingerprint, field: 2)
        n += WireSize.singular(StringCodec.self, newFingerprint, field: 3)
        n += WireSize.singular(StringCodec.self, keyFile, field: 4)
        n += WireSize.repeated(StringCodec.self, events, field: 5)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, nodeId, field: 1)
        w.singular(StringCodec.self, oldFingerprint, field: 2)
        w.singular(StringCodec.self, newFingerprint, field: 3)
        w.singular(StringCodec.self, keyFile, field: 4)
        w.repeated(StringCodec.self, events, field: 5)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): nodeId = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): oldFingerprint = try StringCodec.read(from: &r)
            case (3, .lengthDelimited): newFingerprint = try StringCodec.read(from: &r)
            case (4, .lengthDelimited): keyFile = try StringCodec.read(from: &r)
            case (5, _): try r.readRepeated(StringCodec.self, tag, into: &events, unknown: &unknownFields)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("nodeId", StringCodec.self, nodeId)
        j.singular("oldFingerprint", StringCodec.self, oldFingerprint)
        j.singular("newFingerprint", StringCodec.self, newFingerprint)
        j.singular("keyFile", StringCodec.self, keyFile)
        j.repeated("events", StringCodec.self, events)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "nodeId", "node_id": nodeId = try StringCodec.readJSON(value, path: p)
            case "oldFingerprint", "old_fingerprint": oldFingerprint = try StringCodec.readJSON(value, path: p)
            case "newFingerprint", "new_fingerprint": newFingerprint = try StringCodec.readJSON(value, path: p)
            case "keyFile", "key_file": keyFile = try StringCodec.readJSON(value, path: p)
            case "events": events = try JSONRead.repeated(StringCodec.self, value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// Asks the node to change one peer (Admin.Peer).
public struct PeerRequest: ProtoMessage {
    public static let protoName = "xieshang.v1.PeerRequest"

    public var action: PeerAction = .unspecified
    /// The peer's node id.
    public var nodeId: String = ""
    /// For add: "child", "parent" or "alliance:<id>" (an alliance this node belongs to).
    public var role: String = ""
    /// For add: the peer's key as `xieshang init` prints it (ed25519:<base64>).
    public var publicKey: String = ""
    /// For add and set-address: host:port to dial, or empty when the peer dials this node.
    public var address: String = ""
    /// For add: display name (Chinese) and tier (county, township, …).
    public var name: String = ""
    public var tier: String = ""
    /// For retire: the first day the body no longer exists; for move: the first day under the new parent;
    /// YYYY-MM-DD (China Standard Time).
    public var date: String = ""
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        action: PeerAction = .unspecified,
        nodeId: String = "",
        role: String = "",
        publicKey: String = "",
        address: String = "",
        name: String = "",
        tier: String = "",
        date: String = ""
    ) {
        self.action = action
        self.nodeId = nodeId
        self.role = role
        self.publicKey = publicKey
        self.address = address
        self.name = name
        self.tier = tier
        self.date = date
    }
}

extension PeerRequest {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "action", jsonName: "action", type: .enumeration("xieshang.v1.PeerAction"), label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "node_id", jsonName: "nodeId", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "role", jsonName: "role", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "public_key", jsonName: "publicKey", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 5, name: "address", jsonName: "address", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 6, name: "name", jsonName: "name", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 7, name: "tier", jsonName: "tier", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 8, name: "date", jsonName: "date", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(EnumCodec<PeerAction>.self, action, field: 1)
        n += WireSize.singular(StringCodec.self, nodeId, field: 2)
        n += WireSize.singular(StringCodec.self, role, field: 3)
        n += WireSize.singular(StringCodec.self, publicKey, field: 4)
        n += WireSize.singular(StringCodec.self, address, field: 5)
        n += WireSize.singular(StringCodec.self, name, field: 6)
        n += WireSize.singular(StringCodec.self, tier, field: 7)
        n += WireSize.singular(StringCodec.self, date, field: 8)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(EnumCodec<PeerAction>.self, action, field: 1)
        w.singular(StringCodec.self, nodeId, field: 2)
        w.singular(StringCodec.self, role, field: 3)
        w.singular(StringCodec.self, publicKey, field: 4)
        w.singular(StringCodec.self, address, field: 5)
        w.singular(StringCodec.self, name, field: 6)
        w.singular(StringCodec.self, tier, field: 7)
        w.singular(StringCodec.self, date, field: 8)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .varint): action = try EnumCodec<PeerAction>.read(from: &r)
            case (2, .lengthDelimited): nodeId = try StringCodec.read(from: &r)
            case (3, .lengthDelimited): role = try StringCodec.read(from: &r)
            case (4, .lengthDelimited): publicKey = try StringCodec.read(from: &r)
            case (5, .lengthDelimited): address = try StringCodec.read(from: &r)
            case (6, .lengthDelimited): name = try StringCodec.read(from: &r)
            case (7, .lengthDelimited): tier = try StringCodec.read(from: &r)
            case (8, .lengthDelimited): date = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("action", EnumCodec<PeerAction>.self, action)
        j.singular("nodeId", StringCodec.self, nodeId)
        j.singular("role", StringCodec.self, role)
        j.singular("publicKey", StringCodec.self, publicKey)
        j.singular("address", StringCodec.self, address)
        j.singular("name", StringCodec.self, name)
        j.singular("tier", StringCodec.self, tier)
        j.singular("date", StringCodec.self, date)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "action": action = try EnumCodec<PeerAction>.readJSON(value, path: p)
            case "nodeId", "node_id": nodeId = try StringCodec.readJSON(value, path: p)
            case "role": role = try StringCodec.readJSON(value, path: p)
            case "publicKey", "public_key": publicKey = try StringCodec.readJSON(value, path: p)
            case "address": address = try StringCodec.readJSON(value, path: p)
            case "name": name = try StringCodec.readJSON(value, path: p)
            case "tier": tier = try StringCodec.readJSON(value, path: p)
            case "date": date = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// What the change did.
public struct PeerResponse: ProtoMessage {
    public static let protoName = "xieshang.v1.PeerResponse"

    /// The config file written (node.json).
    public var configFile: String = ""
    /// Peers pinned now that were not before.
    public var added: [String] = []
    /// Peers no longer pinned (links closed).
    public var removed: [String] = []
    /// Peers linked again (new address or key).
    public var relinked: [String] = []
    /// Children retired.
    public var retired: [String] = []
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        configFile: String = "",
        added: [String] = [],
        removed: [String] = [],
        relinked: [String] = [],
        retired: [String] = []
    ) {
        self.configFile = configFile
        self.added = added
        self.removed = removed
        self.relinked = relinked
        self.retired = retired
    }
}

extension PeerResponse {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "config_file", jsonName: "configFile", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "added", jsonName: "added", type: .string, label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "removed", jsonName: "removed", type: .string, label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "relinked", jsonName: "relinked", type: .string, label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 5, name: "retired", jsonName: "retired", type: .string, label: .repeated, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, configFile, field: 1)
        n += WireSize.repeated(StringCodec.self, added, field: 2)
        n += WireSize.repeated(StringCodec.self, removed, field: 3)
        n += WireSize.repeated(StringCodec.self, relinked, field: 4)
        n += WireSize.repeated(StringCodec.self, retired, field: 5)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, configFile, field: 1)
        w.repeated(StringCodec.self, added, field: 2)
        w.repeated(StringCodec.self, removed, field: 3)
        w.repeated(StringCodec.self, relinked, field: 4)
        w.repeated(StringCodec.self, retired, field: 5)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): configFile = try StringCodec.read(from: &r)
            case (2, _): try r.readRepeated(StringCodec.self, tag, into: &added, unknown: &unknownFields)
            case (3, _): try r.readRepeated(StringCodec.self, tag, into: &removed, unknown: &unknownFields)
            case (4, _): try r.readRepeated(StringCodec.self, tag, into: &relinked, unknown: &unknownFields)
            case (5, _): try r.readRepeated(StringCodec.self, tag, into: &retired, unknown: &unknownFields)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("configFile", StringCodec.self, configFile)
        j.repeated("added", StringCodec.self, added)
        j.repeated("removed", StringCodec.self, removed)
        j.repeated("relinked", StringCodec.self, relinked)
        j.repeated("retired", StringCodec.self, retired)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "configFile", "config_file": configFile = try StringCodec.readJSON(value, path: p)
            case "added": added = try JSONRead.repeated(StringCodec.self, value, path: p)
            case "removed": removed = try JSONRead.repeated(StringCodec.self, value, path: p)
            case "relinked": relinked = try JSONRead.repeated(StringCodec.self, value, path: p)
            case "retired": retired = try JSONRead.repeated(StringCodec.self, value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// Operators' commands and queries on their own node.
public enum AdminService {
    /// The service's full name, as it appears in request paths.
    public static let name = "xieshang.v1.Admin"

    /// The node's state: links, cursors, lag, queues, last errors, event counts, alerts.
    public static let status = RPCMethod<StatusRequest, StatusResponse>(
        service: name, method: "Status", kind: .unary)

    /// Records a local command as a new event originated by this node.
    public static let submit = RPCMethod<SubmitRequest, SubmitResponse>(
        service: name, method: "Submit", kind: .unary)

    /// Lists records of one type from the node's projections.
    public static let query = RPCMethod<QueryRequest, QueryResponse>(
        service: name, method: "Query", kind: .unary)

    /// Figures for a period, with the subtree when asked.
    public static let stats = RPCMethod<StatsRequest, StatsResponse>(
        service: name, method: "Stats", kind: .unary)

    /// An online backup of the node's database (SQLite's backup API, in steps, while the node keeps committing) to a
    /// file on the node's machine, with a manifest beside it; progress messages, then one with done set.
    public static let backup = RPCMethod<BackupRequest, BackupProgress>(
        service: name, method: "Backup", kind: .serverStreaming)

    /// Rotates the node's signing key (密钥轮换): makes a new key, writes it beside the old key file, announces it in a
    /// key record both keys sign (KeyRotation) and signs with it from then on.
    public static let rotateKey = RPCMethod<RotateKeyRequest, KeyChange>(
        service: name, method: "RotateKey", kind: .unary)

    /// Revokes a child's leaked key (密钥吊销) from a seq of its chain on (KeyRevocation), signed by this node, its parent.
    public static let revokeKey = RPCMethod<RevokeKeyRequest, KeyChange>(
        service: name, method: "RevokeKey", kind: .unary)

    /// A membership change 成员变更 at run time: a peer added, removed, re-addressed or retired. The node checks the
    /// request against its config, writes node.json atomically (a temporary file, fsync, rename) and then links or
    /// unlinks; a request it refuses changes nothing.
    public static let peer = RPCMethod<PeerRequest, PeerResponse>(
        service: name, method: "Peer", kind: .unary)
}
