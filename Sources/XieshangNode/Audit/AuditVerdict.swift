/// What `xieshang audit verify` found in a bundle (审计结论): per body, the figures its signed records give and every
/// figure, signature, chain link, citation or approval that does not hold.
public struct AuditVerdict: Sendable {
    /// The audited period.
    public var period: String
    /// The exporting body, root of the audited subtree.
    public var root: String
    /// Fingerprint of the root's key as the bundle lists it: compare it with the one published out of band.
    public var rootKey: String
    /// Events in the bundle.
    public var events: Int
    /// Every body of the bundle, the root first.
    public var bodies: [Body]
    /// Problems that belong to no body of the bundle (an event that does not decode, the seal).
    public var problems: [AuditProblem]

    /// Whether everything holds.
    public var holds: Bool { problems.isEmpty && bodies.allSatisfy(\.holds) }

    /// Every problem, the bundle's first, then each body's.
    public var allProblems: [AuditProblem] { problems + bodies.flatMap(\.problems) }

    /// One body's verdict.
    public struct Body: Sendable {
        /// Node id.
        public var id: String
        /// Display name.
        public var name: String
        /// Tier.
        public var tier: String
        /// Parent's node id (empty at the root).
        public var parent: String
        /// The body's latest report of the period in its chain (`origin#seq`), nil when it made none.
        public var report: String?
        /// The body's own figures as its signed records give them (stats.proto names; at its latest report's place in
        /// the log, or at the end when it made no report), compared figures only.
        public var own: [String: Int64]
        /// Own figures the bundle cannot give (changed by steps signed outside the subtree or travelling down only),
        /// with the value the report claims: checked by arithmetic only. Only those that are not zero.
        public var uncompared: [String: Int64]
        /// The subtree figures the report states (own plus every cited child report), every stats.proto counter named
        /// (a report leaves its zero figures out; one stored before named them: both give the same map).
        public var totals: [String: Int64]
        /// The subtree figures the signed records give (own recomputed, plus the cited children's recomputed totals;
        /// uncompared figures as claimed).
        public var recomputedTotals: [String: Int64]
        /// The approval state of the period: "approved", "superseded" (the approved report's figures differ from the
        /// body's latest report), "returned" or "none".
        public var approval: String
        /// The approval event standing (or last returned), `origin#seq`.
        public var approvalEvent: String?
        /// What does not hold at this body.
        public var problems: [AuditProblem]

        /// Whether everything of this body holds.
        public var holds: Bool { problems.isEmpty }
    }
}
