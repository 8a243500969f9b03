/// A body 政协组织: a city 市/州, county 县/区/市 or township 乡镇/街道 liaison group (tiers are data).
public struct BodyInfo: Hashable, Sendable {
    /// Node id (e.g. "cn.gz.tongren.wanshan").
    public var id: String
    /// Display name in Chinese (e.g. "万山区政协").
    public var name: String
    /// Tier: "city", "county", "township", "village", or another a deployment defines.
    public var tier: String
    /// Node id of the parent body; nil for the root.
    public var parent: String?
    /// Zone 片区, if any.
    public var zone: String?

    /// Makes a body description.
    public init(id: String, name: String, tier: String, parent: String? = nil, zone: String? = nil) {
        self.id = id
        self.name = name
        self.tier = tier
        self.parent = parent
        self.zone = zone
    }

    /// Whether the body registers proposals by default (city and county do; liaison groups below do not).
    public var registersProposalsByDefault: Bool { tier == "city" || tier == "county" }
}
