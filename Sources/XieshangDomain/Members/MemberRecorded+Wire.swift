import XieshangWire

extension MemberRecorded {
    /// The payload message.
    public var wireMessage: XieshangWire.MemberRecorded {
        XieshangWire.MemberRecorded(memberId: memberID, name: name, sector: sector, body: body, term: Int32(clamping: term),
                                    roles: roles, active: active, invited: invited, effective: effective.description,
                                    bodyInfo: bodyInfo.map {
                                        XieshangWire.BodyInfo(id: $0.id, name: $0.name, tier: $0.tier, parent: $0.parent ?? "",
                                                              zone: $0.zone ?? "")
                                    })
    }

    /// From the payload message.
    /// - Throws: `DomainError` for a malformed day.
    public init(wire m: XieshangWire.MemberRecorded) throws {
        self.init(memberID: m.memberId, name: m.name, sector: m.sector, body: m.body, term: int(m.term), roles: m.roles,
                  active: m.active, invited: m.invited, effective: try wireDay(m.effective, "MemberRecorded.effective"),
                  bodyInfo: m.bodyInfo.map {
                      BodyInfo(id: $0.id, name: $0.name, tier: $0.tier, parent: $0.parent.isEmpty ? nil : $0.parent,
                               zone: $0.zone.isEmpty ? nil : $0.zone)
                  })
    }
}
