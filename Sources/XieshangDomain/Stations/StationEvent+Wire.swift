import XieshangWire

/// Mapping between ``StationEvent`` and the `StationEvent` payload message.
extension StationEvent {
    /// The payload message.
    public var wireMessage: XieshangWire.StationEvent {
        var m = XieshangWire.StationEvent(stationId: stationID, on: on.description)
        switch step {
        case .registered(let name, let kind, let parent):
            m.step = .registered(.init(name: name, kind: kind.wire, parent: parent ?? ""))
        case .retired(let reason):
            m.step = .retired(.init(reason: reason))
        }
        return m
    }

    /// From the payload message.
    /// - Throws: `DomainError` `.invalidInput` for a bad day, an unset step or an unknown kind.
    public init(wire m: XieshangWire.StationEvent) throws {
        let step: Step
        switch m.step {
        case .registered(let r)?:
            guard let kind = Station.Kind(wire: r.kind) else { throw wireMissing("StationEvent.registered.kind") }
            step = .registered(name: r.name, kind: kind, parent: r.parent.isEmpty ? nil : r.parent)
        case .retired(let r)?:
            step = .retired(reason: r.reason)
        case nil:
            throw wireMissing("StationEvent.step")
        }
        self.init(m.stationId, on: try wireDay(m.on, "StationEvent.on"), step)
    }
}

extension Station.Kind {
    /// The wire enum.
    var wire: XieshangWire.StationKind {
        switch self {
        case .village: .village
        case .group: .group
        case .household: .household
        case .liaison: .liaison
        }
    }

    /// From the wire enum; nil for STATION_KIND_UNSPECIFIED or an unknown value.
    init?(wire: XieshangWire.StationKind) {
        switch wire {
        case .village: self = .village
        case .group: self = .group
        case .household: self = .household
        case .liaison: self = .liaison
        default: return nil
        }
    }
}
