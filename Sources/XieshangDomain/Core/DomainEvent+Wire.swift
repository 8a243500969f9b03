import XieshangWire

/// Mapping between domain events and the payload messages of Protos/xieshang/v1 (the bytes the federation
/// carries as `EventBody.payload`, with `EventBody.kind`).
extension DomainEvent {
    /// The envelope kind of this event's payload.
    public var eventKind: XieshangWire.EventKind {
        switch self {
        case .member: return .memberRecorded
        case .policy: return .policySet
        case .proposal: return .proposal
        case .opinion: return .opinion
        case .activity: return .activity
        case .suggestion: return .suggestion
        case .plan: return .plan
        case .duty: return .duty
        case .station: return .station
        case .research: return .research
        }
    }

    /// The encoded payload message (deterministic protobuf bytes).
    public func payloadBytes() -> [UInt8] {
        switch self {
        case .member(let e): return e.wireMessage.serializedBytes()
        case .policy(let p): return p.wireMessage.serializedBytes()
        case .proposal(let e): return e.wireMessage.serializedBytes()
        case .opinion(let e): return e.wireMessage.serializedBytes()
        case .activity(let a): return a.wireMessage.serializedBytes()
        case .suggestion(let e): return e.wireMessage.serializedBytes()
        case .plan(let e): return e.wireMessage.serializedBytes()
        case .duty(let e): return e.wireMessage.serializedBytes()
        case .station(let e): return e.wireMessage.serializedBytes()
        case .research(let e): return e.wireMessage.serializedBytes()
        }
    }

    /// Decodes a payload of `kind`.
    /// - Throws: `DomainError` `.invalidInput` (rule "wire.decode" with the wire error as cause, or the rule of
    ///   the bad field such as "date.format"), or rule "wire.kind" for a kind that is not a domain event.
    public init(kind: XieshangWire.EventKind, payload: some Collection<UInt8>) throws {
        let bytes = Array(payload)
        // By record type, exhaustively: a new RecordType makes the compiler point here.
        switch RecordType(kind: kind) {
        case .member?: self = .member(try MemberRecorded(wire: try decode(XieshangWire.MemberRecorded.self, bytes)))
        case .policy?: self = .policy(try Policy(wire: try decode(XieshangWire.PolicySet.self, bytes)))
        case .proposal?: self = .proposal(try ProposalEvent(wire: try decode(XieshangWire.ProposalEvent.self, bytes)))
        case .opinion?: self = .opinion(try OpinionEvent(wire: try decode(XieshangWire.OpinionEvent.self, bytes)))
        case .activity?: self = .activity(try Activity(wire: try decode(XieshangWire.ActivityRecorded.self, bytes)))
        case .suggestion?: self = .suggestion(try SuggestionEvent(wire: try decode(XieshangWire.SuggestionEvent.self, bytes)))
        case .plan?: self = .plan(try PlanEvent(wire: try decode(XieshangWire.PlanEvent.self, bytes)))
        case .duty?: self = .duty(try DutyEvent(wire: try decode(XieshangWire.DutyEvent.self, bytes)))
        case .station?: self = .station(try StationEvent(wire: try decode(XieshangWire.StationEvent.self, bytes)))
        case .research?: self = .research(try ResearchEvent(wire: try decode(XieshangWire.ResearchEvent.self, bytes)))
        // The alliance's records are folded by its ledger (AllianceLedger), never as domain events.
        case .charter?, .jointActivity?, .draft?, .jointProposal?, nil:
            throw DomainError(.invalidInput, rule: "wire.kind", zh: "事件类型 \(kind) 不是业务事件",
                              en: "event kind \(kind) is not a domain event")
        }
    }
}

/// Decodes a message, turning the wire error into a `DomainError`.
func decode<M: ProtoMessage>(_ type: M.Type, _ bytes: [UInt8]) throws -> M {
    do { return try M(serializedBytes: bytes) } catch {
        throw DomainError(.invalidInput, rule: "wire.decode", zh: "\(M.protoName) 解码失败",
                          en: "the payload is not a valid \(M.protoName)", cause: error)
    }
}

/// A required day field.
func wireDay(_ text: String, _ field: String) throws -> Day { try Day.domain(text, field: field) }

/// An optional day field ("" means not set).
func wireOptionalDay(_ text: String, _ field: String) throws -> Day? {
    text.isEmpty ? nil : try Day.domain(text, field: field)
}

/// Refuses an unset or unknown enum or oneof.
func wireMissing(_ field: String) -> DomainError {
    DomainError(.invalidInput, rule: "wire.field", zh: "字段 \(field) 缺失或取值未知", en: "field \(field) is missing or has an unknown value")
}

/// Ints of the domain from the wire's Int32, saturating nothing: Int is at least 64 bits here.
@inline(__always) func int(_ v: Int32) -> Int { Int(v) }
