/// Identifies a consultation plan everywhere: the issuing body and its plan id.
public struct PlanKey: Hashable, Sendable, CustomStringConvertible {
    /// Node id of the issuer.
    public var issuer: String
    /// Plan id at the issuer.
    public var planID: String

    /// Makes a key.
    public init(issuer: String, planID: String) {
        self.issuer = issuer
        self.planID = planID
    }

    /// "issuer/plan".
    public var description: String { "\(issuer)/\(planID)" }
}
