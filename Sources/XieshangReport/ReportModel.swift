/// What a report shows, gathered by the CLI from its node: bodies of a subtree with their figures, a monthly trend,
/// and the lists that need attention. Pure data: rendering never touches a node.
public struct ReportModel: Sendable {
    /// One body (政协组织) of the subtree.
    public struct Body: Sendable {
        /// The body's node id.
        public var id: String
        /// Display name, e.g. 万山区政协.
        public var name: String
        /// Tier, e.g. city / county / township.
        public var tier: String
        /// Parent body id; empty for the report's root.
        public var parent: String
        /// The body's own figures (figure key → count).
        public var own: [String: Int64]
        /// Own plus the whole subtree's figures.
        public var totals: [String: Int64]
        /// Whether the figures come from a report whose signature and arithmetic were verified.
        public var verified: Bool

        /// Makes a body row.
        public init(id: String, name: String, tier: String, parent: String, own: [String: Int64],
                    totals: [String: Int64], verified: Bool) {
            self.id = id
            self.name = name
            self.tier = tier
            self.parent = parent
            self.own = own
            self.totals = totals
            self.verified = verified
        }
    }

    /// A derived rate shown beside the counts (办结率, 满意率, 采纳率 …).
    public struct Rate: Sendable {
        /// The rate's label, e.g. 办结率.
        public var label: String
        /// Counted part (e.g. closed).
        public var numerator: Int64
        /// Whole (e.g. registered); 0 shows "—".
        public var denominator: Int64
        /// Makes a rate.
        public init(label: String, numerator: Int64, denominator: Int64) {
            self.label = label
            self.numerator = numerator
            self.denominator = denominator
        }
        /// The rate as a percentage with one decimal, or "—" when nothing was counted.
        public var text: String {
            guard denominator > 0 else { return "—" }
            let tenths = (numerator * 1000 + denominator / 2) / denominator
            return "\(tenths / 10).\(tenths % 10)%"
        }
    }

    /// Report title, e.g. 铜仁市政协履职统计.
    public var title: String
    /// The period, e.g. 2026 or 2026-Q3.
    public var period: String
    /// When it was generated (text as shown).
    public var generatedAt: String
    /// The root body first, then its subtree.
    public var bodies: [Body]
    /// Figure keys in display order, with their Chinese labels.
    public var figures: [(key: String, label: String)]
    /// The figure the per-subtree bar charts compare.
    public var chartFigure: String
    /// Monthly totals of the root, oldest first: (month, chart figure's count).
    public var trend: [(month: String, value: Int64)]
    /// Rates of the root.
    public var rates: [Rate]
    /// Column headers of ``overdueItems``.
    public var overdueColumns: [String]
    /// Overdue plan items 逾期事项, one row of cells each.
    public var overdueItems: [[String]]
    /// Column headers of ``proposalsPastDue``.
    public var pastDueColumns: [String]
    /// Proposals past their reply date 超期提案, one row of cells each.
    public var proposalsPastDue: [[String]]
    /// The root body's own record figures 本级业务记录 (label, count), shown beside its rates.
    public var recordFigures: [(label: String, value: Int64)] = []

    /// Makes a report model.
    public init(title: String, period: String, generatedAt: String, bodies: [Body], figures: [(key: String, label: String)],
                chartFigure: String, trend: [(month: String, value: Int64)] = [], rates: [Rate] = [],
                overdueColumns: [String] = ["事项", "责任单位", "完成时限", "当前阶段"], overdueItems: [[String]] = [],
                pastDueColumns: [String] = ["提案", "承办单位", "答复期限"], proposalsPastDue: [[String]] = [],
                recordFigures: [(label: String, value: Int64)] = []) {
        self.recordFigures = recordFigures
        self.title = title
        self.period = period
        self.generatedAt = generatedAt
        self.bodies = bodies
        self.figures = figures
        self.chartFigure = chartFigure
        self.trend = trend
        self.rates = rates
        self.overdueColumns = overdueColumns
        self.overdueItems = overdueItems
        self.pastDueColumns = pastDueColumns
        self.proposalsPastDue = proposalsPastDue
    }

    /// The children of `id`, in the order given.
    public func children(of id: String) -> [Body] { bodies.filter { $0.parent == id } }
}
