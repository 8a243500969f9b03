import XieshangWire

extension IntakeChannel {
    /// The wire value.
    public var wireValue: XieshangWire.IntakeChannel {
        switch self {
        case .web: .web
        case .chatGroup: .chatGroup
        case .paper: .paper
        case .session: .session
        }
    }

    /// From the wire value: unspecified (events stored before channels were recorded) reads as `web`.
    /// - Throws: `DomainError` for a value this version does not know.
    public init(wire v: XieshangWire.IntakeChannel) throws {
        switch v {
        case .unspecified, .web: self = .web
        case .chatGroup: self = .chatGroup
        case .paper: self = .paper
        case .session: self = .session
        default: throw wireMissing("IntakeChannel")
        }
    }
}
