/// A member added or changed (payload `MemberRecorded` of members.proto). The latest record wins.
public struct MemberRecorded: Hashable, Sendable {
    /// Member id.
    public var memberID: String
    /// Full name.
    public var name: String
    /// Sector 界别.
    public var sector: String
    /// Node id of the member's body.
    public var body: String
    /// Term 届.
    public var term: Int
    /// Roles.
    public var roles: [String]
    /// Active flag.
    public var active: Bool
    /// Special invited member 特邀委员.
    public var invited: Bool
    /// Day the record takes effect.
    public var effective: Day
    /// The body's own description, when the event also (re)states it; applied only by that body.
    public var bodyInfo: BodyInfo?

    /// Makes the event.
    public init(memberID: String, name: String, sector: String, body: String, term: Int, roles: [String] = [],
                active: Bool = true, invited: Bool = false, effective: Day, bodyInfo: BodyInfo? = nil) {
        self.memberID = memberID
        self.name = name
        self.sector = sector
        self.body = body
        self.term = term
        self.roles = roles
        self.active = active
        self.invited = invited
        self.effective = effective
        self.bodyInfo = bodyInfo
    }
}
