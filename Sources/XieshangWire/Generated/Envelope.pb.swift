// DO NOT EDIT — generated from Protos/xieshang/v1/envelope.proto by xieshang-protogen.
// Change the .proto file and run `make generate`; a test fails when this file drifts from Protos/.

/// What an event records. The payload message named beside each kind is the schema of `EventBody.payload`.
public enum EventKind: ProtoEnum {
    /// Never sent; a decoder that sees it treats the event as malformed.
    case unspecified
    /// Federation (1–49)
    /// A rollup of figures for one period: AggregateReport.
    case aggregateReport
    /// An alert raised by this node about a peer's misbehaviour: Alert.
    case alert
    /// A child's signed event forwarded upward inside this one: Escalation.
    case escalation
    /// Reserved for the test schema (its payload, Note, is in testing.proto of the test-only module XieshangTestKinds):
    /// a shipped node neither makes nor accepts it — its admin refuses to record one and it refuses one from a peer
    /// (`test_kind`); only a node built for tests (xieshang-node-test, the simulator) enables it.
    case testNote
    /// A node vouches for the keys of its subtree (sent up), so ancestors can verify origins they are not linked to: Roster.
    case roster
    /// A body's office approves its figures for a period, naming its latest report of that period (sent up): Approval.
    case approval
    /// A parent returns a child's approval with a reason, unlocking the period at the child (sent down, and up): ApprovalReturn.
    case approvalReturn
    /// A node's new signing key (密钥轮换), one copy in each of its chains, signed by the old key (the envelope) and the
    /// new key (inside): KeyRotation.
    case keyRotation
    /// A parent revokes a child's leaked key (密钥吊销) from a position of the child's chain on (scope up and down):
    /// KeyRevocation.
    case keyRevocation
    /// A body moves to another parent from a date (区划调整), in its own chain (sent up): Membership.
    case membership
    /// Bodies, members and policy (50–69)
    /// A member added or changed (and the body described): MemberRecorded (members.proto).
    case memberRecorded
    /// A body's policy settings, versioned: PolicySet (policy.proto).
    case policySet
    /// A sub-body unit (village station, group point …) registered or retired: StationEvent (stations.proto).
    case station
    /// Proposals 提案 (70–99)
    /// A proposal command (submit, review, assign, reply, evaluate, …): ProposalEvent (proposals.proto).
    case proposal
    /// Public-opinion reports 社情民意 (100–119)
    /// An opinion report command (submit, edit, adopt, archive, forward, instruct): OpinionEvent (opinions.proto).
    case opinion
    /// Activities and suggestions 履职活动、意见建议 (120–139)
    /// An activity held: ActivityRecorded (activities.proto).
    case activity
    /// A suggestion made, adopted or closed: SuggestionEvent (activities.proto).
    case suggestion
    /// Consultation plans 协商计划 (140–159)
    /// A plan or plan-item command (solicit, draft, review, approve, issue, decompose, progress): PlanEvent (plans.proto).
    case plan
    /// Duty scoring 委员履职考核 (160–169)
    /// An attendance record or an explicit ledger adjustment: DutyEvent (duty.proto).
    case duty
    /// Research and inspection reports 调研视察报告 (180–189)
    /// A report of a research visit or inspection, a leader's instruction on it, or its conversion 成果转化:
    /// ResearchEvent (research.proto).
    case research
    /// Alliances 片区协作 (200–229)
    /// An alliance's charter version or membership: AllianceCharter.
    case allianceCharter
    /// A joint meeting, joint research or joint inspection: JointActivity.
    case jointActivity
    /// Operations on a joint draft (create, edit runs, delete ranges): DraftEvent.
    case draft
    /// A co-sponsor's sign-off on a draft's exact content hash: DraftSignOff.
    case draftSignOff
    /// A joint proposal every co-sponsor signed, forwarded upward by the draft's host: JointProposal (alliance.proto).
    case jointProposal
    /// A value this schema does not name (sent by a newer schema); kept as its number.
    case unrecognized(Int32)

    public static let protoName = "xieshang.v1.EventKind"
    public static let allKnownValues: [EventKind] = [.unspecified, .aggregateReport, .alert, .escalation, .testNote, .roster, .approval, .approvalReturn, .keyRotation, .keyRevocation, .membership, .memberRecorded, .policySet, .station, .proposal, .opinion, .activity, .suggestion, .plan, .duty, .research, .allianceCharter, .jointActivity, .draft, .draftSignOff, .jointProposal]

    public init(protoValue: Int32) {
        switch protoValue {
        case 0: self = .unspecified
        case 1: self = .aggregateReport
        case 2: self = .alert
        case 3: self = .escalation
        case 4: self = .testNote
        case 5: self = .roster
        case 6: self = .approval
        case 7: self = .approvalReturn
        case 8: self = .keyRotation
        case 9: self = .keyRevocation
        case 10: self = .membership
        case 50: self = .memberRecorded
        case 51: self = .policySet
        case 52: self = .station
        case 70: self = .proposal
        case 100: self = .opinion
        case 120: self = .activity
        case 121: self = .suggestion
        case 140: self = .plan
        case 160: self = .duty
        case 180: self = .research
        case 200: self = .allianceCharter
        case 201: self = .jointActivity
        case 202: self = .draft
        case 203: self = .draftSignOff
        case 204: self = .jointProposal
        default: self = .unrecognized(protoValue)
        }
    }

    public var protoValue: Int32 {
        switch self {
        case .unspecified: 0
        case .aggregateReport: 1
        case .alert: 2
        case .escalation: 3
        case .testNote: 4
        case .roster: 5
        case .approval: 6
        case .approvalReturn: 7
        case .keyRotation: 8
        case .keyRevocation: 9
        case .membership: 10
        case .memberRecorded: 50
        case .policySet: 51
        case .station: 52
        case .proposal: 70
        case .opinion: 100
        case .activity: 120
        case .suggestion: 121
        case .plan: 140
        case .duty: 160
        case .research: 180
        case .allianceCharter: 200
        case .jointActivity: 201
        case .draft: 202
        case .draftSignOff: 203
        case .jointProposal: 204
        case .unrecognized(let value): value
        }
    }

    public var protoValueName: String? {
        switch self {
        case .unspecified: "EVENT_KIND_UNSPECIFIED"
        case .aggregateReport: "EVENT_KIND_AGGREGATE_REPORT"
        case .alert: "EVENT_KIND_ALERT"
        case .escalation: "EVENT_KIND_ESCALATION"
        case .testNote: "EVENT_KIND_TEST_NOTE"
        case .roster: "EVENT_KIND_ROSTER"
        case .approval: "EVENT_KIND_APPROVAL"
        case .approvalReturn: "EVENT_KIND_APPROVAL_RETURN"
        case .keyRotation: "EVENT_KIND_KEY_ROTATION"
        case .keyRevocation: "EVENT_KIND_KEY_REVOCATION"
        case .membership: "EVENT_KIND_MEMBERSHIP"
        case .memberRecorded: "EVENT_KIND_MEMBER_RECORDED"
        case .policySet: "EVENT_KIND_POLICY_SET"
        case .station: "EVENT_KIND_STATION"
        case .proposal: "EVENT_KIND_PROPOSAL"
        case .opinion: "EVENT_KIND_OPINION"
        case .activity: "EVENT_KIND_ACTIVITY"
        case .suggestion: "EVENT_KIND_SUGGESTION"
        case .plan: "EVENT_KIND_PLAN"
        case .duty: "EVENT_KIND_DUTY"
        case .research: "EVENT_KIND_RESEARCH"
        case .allianceCharter: "EVENT_KIND_ALLIANCE_CHARTER"
        case .jointActivity: "EVENT_KIND_JOINT_ACTIVITY"
        case .draft: "EVENT_KIND_DRAFT"
        case .draftSignOff: "EVENT_KIND_DRAFT_SIGN_OFF"
        case .jointProposal: "EVENT_KIND_JOINT_PROPOSAL"
        case .unrecognized: nil
        }
    }

    public init?(protoValueName: String) {
        switch protoValueName {
        case "EVENT_KIND_UNSPECIFIED": self = .unspecified
        case "EVENT_KIND_AGGREGATE_REPORT": self = .aggregateReport
        case "EVENT_KIND_ALERT": self = .alert
        case "EVENT_KIND_ESCALATION": self = .escalation
        case "EVENT_KIND_TEST_NOTE": self = .testNote
        case "EVENT_KIND_ROSTER": self = .roster
        case "EVENT_KIND_APPROVAL": self = .approval
        case "EVENT_KIND_APPROVAL_RETURN": self = .approvalReturn
        case "EVENT_KIND_KEY_ROTATION": self = .keyRotation
        case "EVENT_KIND_KEY_REVOCATION": self = .keyRevocation
        case "EVENT_KIND_MEMBERSHIP": self = .membership
        case "EVENT_KIND_MEMBER_RECORDED": self = .memberRecorded
        case "EVENT_KIND_POLICY_SET": self = .policySet
        case "EVENT_KIND_STATION": self = .station
        case "EVENT_KIND_PROPOSAL": self = .proposal
        case "EVENT_KIND_OPINION": self = .opinion
        case "EVENT_KIND_ACTIVITY": self = .activity
        case "EVENT_KIND_SUGGESTION": self = .suggestion
        case "EVENT_KIND_PLAN": self = .plan
        case "EVENT_KIND_DUTY": self = .duty
        case "EVENT_KIND_RESEARCH": self = .research
        case "EVENT_KIND_ALLIANCE_CHARTER": self = .allianceCharter
        case "EVENT_KIND_JOINT_ACTIVITY": self = .jointActivity
        case "EVENT_KIND_DRAFT": self = .draft
        case "EVENT_KIND_DRAFT_SIGN_OFF": self = .draftSignOff
        case "EVENT_KIND_JOINT_PROPOSAL": self = .jointProposal
        default: return nil
        }
    }
}

/// An event as it travels and as it is stored: the exact bytes of an EventBody and the origin's signature.
/// Forwarders never re-encode `body`; they pass these bytes on unchanged.
public struct SignedEvent: ProtoMessage {
    public static let protoName = "xieshang.v1.SignedEvent"

    /// The encoded EventBody, exactly as the origin signed it.
    public var body: [UInt8] = []
    /// Ed25519 signature (64 bytes) by the origin node's key over `body`.
    public var signature: [UInt8] = []
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        body: [UInt8] = [],
        signature: [UInt8] = []
    ) {
        self.body = body
        self.signature = signature
    }
}

extension SignedEvent {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "body", jsonName: "body", type: .bytes, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "signature", jsonName: "signature", type: .bytes, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(BytesCodec.self, body, field: 1)
        n += WireSize.singular(BytesCodec.self, signature, field: 2)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(BytesCodec.self, body, field: 1)
        w.singular(BytesCodec.self, signature, field: 2)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): body = try BytesCodec.read(from: &r)
            case (2, .lengthDelimited): signature = try BytesCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("body", BytesCodec.self, body)
        j.singular("signature", BytesCodec.self, signature)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "body": body = try BytesCodec.readJSON(value, path: p)
            case "signature": signature = try BytesCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// Where an event is meant to go.
public struct Scope: ProtoMessage {
    public static let protoName = "xieshang.v1.Scope"

    /// One of the routing targets.
    public var target: Target? = nil
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// One of the routing targets.
    public enum Target: Sendable, Hashable {
        /// To the origin's parent, and on up the tree.
        case up(Bool)
        /// To the origin's children (all of them, or only `down.only`), recursively.
        case down(DownScope)
        /// To every member of the alliance with this id.
        case alliance(String)
        /// To one node, relayed along the tree when it is not a neighbour.
        case direct(String)
        /// Kept in the origin's own log only (local records that never leave the node).
        case local(Bool)
    }

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        target: Target? = nil
    ) {
        self.target = target
    }
}

extension Scope {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "up", jsonName: "up", type: .bool, label: .singular, oneof: "target"),
        ProtoFieldDescriptor(number: 2, name: "down", jsonName: "down", type: .message("xieshang.v1.DownScope"), label: .singular, oneof: "target"),
        ProtoFieldDescriptor(number: 3, name: "alliance", jsonName: "alliance", type: .string, label: .singular, oneof: "target"),
        ProtoFieldDescriptor(number: 4, name: "direct", jsonName: "direct", type: .string, label: .singular, oneof: "target"),
        ProtoFieldDescriptor(number: 5, name: "local", jsonName: "local", type: .bool, label: .singular, oneof: "target"),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        if case .up(let v)? = target { n += WireSize.present(BoolCodec.self, v, field: 1) }
        if case .down(let v)? = target { n += WireSize.message(v, field: 2) }
        if case .alliance(let v)? = target { n += WireSize.present(StringCodec.self, v, field: 3) }
        if case .direct(let v)? = target { n += WireSize.present(StringCodec.self, v, field: 4) }
        if case .local(let v)? = target { n += WireSize.present(BoolCodec.self, v, field: 5) }
        return n
    }

    public func encode(to w: inout WireWriter) {
        if case .up(let v)? = target { w.present(BoolCodec.self, v, field: 1) }
        if case .down(let v)? = target { w.message(v, field: 2) }
        if case .alliance(let v)? = target { w.present(StringCodec.self, v, field: 3) }
        if case .direct(let v)? = target { w.present(StringCodec.self, v, field: 4) }
        if case .local(let v)? = target { w.present(BoolCodec.self, v, field: 5) }
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .varint): target = .up(try BoolCodec.read(from: &r))
            case (2, .lengthDelimited):
                var v = DownScope()
                if case .down(let existing)? = target { v = existing }
                try r.readMessage(into: &v)
                target = .down(v)
            case (3, .lengthDelimited): target = .alliance(try StringCodec.read(from: &r))
            case (4, .lengthDelimited): target = .direct(try StringCodec.read(from: &r))
            case (5, .varint): target = .local(try BoolCodec.read(from: &r))
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        if case .up(let v)? = target { j.present("up", BoolCodec.self, v) }
        if case .down(let v)? = target { j.message("down", v) }
        if case .alliance(let v)? = target { j.present("alliance", StringCodec.self, v) }
        if case .direct(let v)? = target { j.present("direct", StringCodec.self, v) }
        if case .local(let v)? = target { j.present("local", BoolCodec.self, v) }
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "up": target = .up(try BoolCodec.readJSON(value, path: p))
            case "down": target = .down(try JSONRead.message(DownScope.self, value, path: p))
            case "alliance": target = .alliance(try StringCodec.readJSON(value, path: p))
            case "direct": target = .direct(try StringCodec.readJSON(value, path: p))
            case "local": target = .local(try BoolCodec.readJSON(value, path: p))
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// The `down` routing target.
public struct DownScope: ProtoMessage {
    public static let protoName = "xieshang.v1.DownScope"

    /// Node ids of the children (at any depth) that should receive the event; empty means every descendant.
    public var only: [String] = []
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        only: [String] = []
    ) {
        self.only = only
    }
}

extension DownScope {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "only", jsonName: "only", type: .string, label: .repeated, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.repeated(StringCodec.self, only, field: 1)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.repeated(StringCodec.self, only, field: 1)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, _): try r.readRepeated(StringCodec.self, tag, into: &only, unknown: &unknownFields)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.repeated("only", StringCodec.self, only)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "only": only = try JSONRead.repeated(StringCodec.self, value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// The signed content of an event.
public struct EventBody: ProtoMessage {
    public static let protoName = "xieshang.v1.EventBody"

    /// Id of the node that originated the event (e.g. "cn.gz.tongren.wanshan.aozhai").
    public var origin: String = ""
    /// Per-origin sequence number: 1, 2, 3, … with no gaps.
    public var seq: UInt64 = 0
    /// SHA-256 of the origin's previous SignedEvent bytes; empty for seq 1.
    public var prevHash: [UInt8] = []
    /// When the origin recorded the event, milliseconds since the Unix epoch (origin's clock; informational).
    public var timeMs: Int64 = 0
    /// Where the event is meant to go.
    public var scope: Scope? = nil
    /// What the payload is.
    public var kind: EventKind = .unspecified
    /// The encoded payload message for `kind`.
    public var payload: [UInt8] = []
    /// Random id of the origin's store incarnation; a second live copy of a node has a different one.
    public var incarnation: [UInt8] = []
    /// Who made the event at the origin (操作人), for a record's history: "user:<username>" for an entry form on the
    /// web, "os:<name>(uid N)" for the CLI on the admin socket (the kernel's SO_PEERCRED). Empty for the node's own
    /// events (rosters, reports, approvals) and for events made before this field; at most 200 bytes of printable text.
    public var actor: String = ""
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        origin: String = "",
        seq: UInt64 = 0,
        prevHash: [UInt8] = [],
        timeMs: Int64 = 0,
        scope: Scope? = nil,
        kind: EventKind = .unspecified,
        payload: [UInt8] = [],
        incarnation: [UInt8] = [],
        actor: String = ""
    ) {
        self.origin = origin
        self.seq = seq
        self.prevHash = prevHash
        self.timeMs = timeMs
        self.scope = scope
        self.kind = kind
        self.payload = payload
        self.incarnation = incarnation
        self.actor = actor
    }
}

extension EventBody {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "origin", jsonName: "origin", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "seq", jsonName: "seq", type: .uint64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "prev_hash", jsonName: "prevHash", type: .bytes, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "time_ms", jsonName: "timeMs", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 5, name: "scope", jsonName: "scope", type: .message("xieshang.v1.Scope"), label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 6, name: "kind", jsonName: "kind", type: .enumeration("xieshang.v1.EventKind"), label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 7, name: "payload", jsonName: "payload", type: .bytes, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 8, name: "incarnation", jsonName: "incarnation", type: .bytes, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 9, name: "actor", jsonName: "actor", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, origin, field: 1)
        n += WireSize.singular(UInt64Codec.self, seq, field: 2)
        n += WireSize.singular(BytesCodec.self, prevHash, field: 3)
        n += WireSize.singular(Int64Codec.self, timeMs, field: 4)
        if let v = scope { n += WireSize.message(v, field: 5) }
        n += WireSize.singular(EnumCodec<EventKind>.self, kind, field: 6)
        n += WireSize.singular(BytesCodec.self, payload, field: 7)
        n += WireSize.singular(BytesCodec.self, incarnation, field: 8)
        n += WireSize.singular(StringCodec.self, actor, field: 9)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, origin, field: 1)
        w.singular(UInt64Codec.self, seq, field: 2)
        w.singular(BytesCodec.self, prevHash, field: 3)
        w.singular(Int64Codec.self, timeMs, field: 4)
        if let v = scope { w.message(v, field: 5) }
        w.singular(EnumCodec<EventKind>.self, kind, field: 6)
        w.singular(BytesCodec.self, payload, field: 7)
        w.singular(BytesCodec.self, incarnation, field: 8)
        w.singular(StringCodec.self, actor, field: 9)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): origin = try StringCodec.read(from: &r)
            case (2, .varint): seq = try UInt64Codec.read(from: &r)
            case (3, .lengthDelimited): prevHash = try BytesCodec.read(from: &r)
            case (4, .varint): timeMs = try Int64Codec.read(from: &r)
            case (5, .lengthDelimited): try r.readMessage(into: &scope)
            case (6, .varint): kind = try EnumCodec<EventKind>.read(from: &r)
            case (7, .lengthDelimited): payload = try BytesCodec.read(from: &r)
            case (8, .lengthDelimited): incarnation = try BytesCodec.read(from: &r)
            case (9, .lengthDelimited): actor = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("origin", StringCodec.self, origin)
        j.singular("seq", UInt64Codec.self, seq)
        j.singular("prevHash", BytesCodec.self, prevHash)
        j.singular("timeMs", Int64Codec.self, timeMs)
        if let v = scope { j.message("scope", v) }
        j.singular("kind", EnumCodec<EventKind>.self, kind)
        j.singular("payload", BytesCodec.self, payload)
        j.singular("incarnation", BytesCodec.self, incarnation)
        j.singular("actor", StringCodec.self, actor)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "origin": origin = try StringCodec.readJSON(value, path: p)
            case "seq": seq = try UInt64Codec.readJSON(value, path: p)
            case "prevHash", "prev_hash": prevHash = try BytesCodec.readJSON(value, path: p)
            case "timeMs", "time_ms": timeMs = try Int64Codec.readJSON(value, path: p)
            case "scope": scope = try JSONRead.message(Scope.self, value, path: p)
            case "kind": kind = try EnumCodec<EventKind>.readJSON(value, path: p)
            case "payload": payload = try BytesCodec.readJSON(value, path: p)
            case "incarnation": incarnation = try BytesCodec.readJSON(value, path: p)
            case "actor": actor = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}
