/// A member 委员 of a body (or a special invited member 特邀委员 of a township group).
public struct Member: Hashable, Sendable {
    /// Member id, unique in the federation.
    public var id: String
    /// Full name.
    public var name: String
    /// Sector 界别.
    public var sector: String
    /// Node id of the member's body.
    public var body: String
    /// Term 届.
    public var term: Int
    /// Roles ("standing" 常委, "chair_meeting" 主席会议成员, …).
    public var roles: [String]
    /// Whether the member is active now.
    public var active: Bool
    /// Special invited member 特邀委员.
    public var invited: Bool
    /// Day of the first record (joined).
    public var joined: Day
    /// Day the member became inactive, if they did.
    public var left: Day?

    /// Makes a member record.
    public init(id: String, name: String, sector: String, body: String, term: Int, roles: [String] = [],
                active: Bool = true, invited: Bool = false, joined: Day, left: Day? = nil) {
        self.id = id
        self.name = name
        self.sector = sector
        self.body = body
        self.term = term
        self.roles = roles
        self.active = active
        self.invited = invited
        self.joined = joined
        self.left = left
    }

    /// Whether the member was active on `day`.
    public func isActive(on day: Day) -> Bool {
        joined <= day && (left.map { day < $0 } ?? true)
    }
}
