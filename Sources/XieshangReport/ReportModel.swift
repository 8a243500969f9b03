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
        /// The zone 片区 its parent's config puts it in; empty when none.
        public var zone: String = ""
        /// The charted rates of its subtree totals (``ReportModel/chartRates`` order), each with numerator and denominator.
        public var rates: [Rate] = []
        /// Its children in the roster (completeness: reported / expected); nil when unknown.
        public var expectedChildren: Int?
        /// Its children whose report of the period arrived on time, judged by the receiver's clock; nil when unknown.
        public var onTimeChildren: Int?
        /// The approval (审核) of its figures for the period, as the report's node holds it.
        public var approval: Approval = .unknown

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

    /// A body's approval (审核) of its figures for the report's period, as the node that wrote the report holds it.
    public enum Approval: Sendable, Equatable {
        /// Approved (已审核): the figures shown are the ones the body's office approved.
        case approved
        /// Approved, but the figures shown are newer than the approved ones (已审核（数字已变）).
        case superseded
        /// Returned (已退回) by `by` with `reason`.
        case returned(reason: String, by: String)
        /// Not approved yet (未审核).
        case notApproved
        /// The node did not say (an older node, or no figures).
        case unknown

        /// The state as `stats` names it ("approved", "superseded", "returned", "not_approved"), with a return's reason.
        public init(state: String, reason: String = "", by: String = "") {
            switch state {
            case "approved": self = .approved
            case "superseded": self = .superseded
            case "returned": self = .returned(reason: reason, by: by)
            case "not_approved": self = .notApproved
            default: self = .unknown
            }
        }

        /// The Chinese label (unescaped): 已审核, 已审核（数字已变）, 已退回（reason）, 未审核 or —.
        public var label: String {
            switch self {
            case .approved: "已审核"
            case .superseded: "已审核（数字已变）"
            case .returned(let reason, _): reason.isEmpty ? "已退回" : "已退回（\(reason)）"
            case .notApproved: "未审核"
            case .unknown: "—"
            }
        }

        /// A short key for the HTML (`data-approval`): approved, superseded, returned, not_approved, unknown.
        public var key: String {
            switch self {
            case .approved: "approved"
            case .superseded: "superseded"
            case .returned: "returned"
            case .notApproved: "not_approved"
            case .unknown: "unknown"
            }
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

    /// A zone 片区 of one body's children, with the subtotal of its members.
    public struct Zone: Sendable {
        /// The body whose children are zoned.
        public var parent: String
        /// The zone's name, e.g. 东片区.
        public var name: String
        /// Member body ids, in drill-down order.
        public var members: [String]
        /// The members' summed subtree totals (figure key → count).
        public var totals: [String: Int64]
        /// The charted rates of the subtotal.
        public var rates: [Rate]
        /// Makes a zone.
        public init(parent: String, name: String, members: [String], totals: [String: Int64], rates: [Rate]) {
            self.parent = parent
            self.name = name
            self.members = members
            self.totals = totals
            self.rates = rates
        }
    }

    /// One month of the trend by record month: the chart figure's count and the charted rates.
    public struct Month: Sendable {
        /// "2026-03".
        public var month: String
        /// The chart figure's count (人次).
        public var value: Int64
        /// The charted rates of the month (``ReportModel/chartRates`` order).
        public var rates: [Rate]
        /// Makes a month.
        public init(month: String, value: Int64, rates: [Rate]) {
            self.month = month
            self.value = value
            self.rates = rates
        }
    }

    /// The rates charted per county and township and by month: (stats.proto name, label), e.g. ("completion_rate", "办结率").
    public var chartRates: [(key: String, label: String)] = []
    /// Zones of the bodies' children, with subtotals.
    public var zones: [Zone] = []
    /// Coverage by tier 报送情况: (tier label, bodies reporting, bodies in the roster).
    public var coverage: [(label: String, reporting: Int, expected: Int)] = []
    /// The monthly trend by record month with rates; when set, rendered instead of ``trend``'s chart alone.
    public var months: [Month] = []

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
    /// Column headers of ``sectorRows``.
    public var sectorColumns: [String] = ["界别", "本级活动", "本级人次", "含下级活动", "含下级人次"]
    /// Activities and 人次 per 界别 分界别统计 (computed from the records the node holds, not part of the signed
    /// figures), one row of cells each; the section is left out when empty.
    public var sectorRows: [[String]] = []
    /// Column headers of ``stationRows``.
    public var stationColumns: [String] = ["组织", "站点", "类型", "活动", "人次", "含下属活动", "含下属人次"]
    /// Activities and 人次 per sub-body unit 分站点统计 (the body itself, then each village station, group point …, computed
    /// from the records the node holds, not part of the signed figures), one row of cells each; left out when empty.
    public var stationRows: [[String]] = []

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

    /// The zones of `id`'s children.
    public func zones(of id: String) -> [Zone] { zones.filter { $0.parent == id } }

    /// The children of `id`, in the order given.
    public func children(of id: String) -> [Body] { bodies.filter { $0.parent == id } }
}
