import XieshangCalendar
import XieshangDomain
import XieshangReport
import XieshangWire

/// The figures of a subtree as people read them (统计报告模型): one ``ReportModel`` built from the node's Stats with
/// drill-down, shared by `xieshang report --html` (which asks the node over the admin socket) and the web dashboard
/// (which asks the runtime directly) — so both show the same figures, rates, zones, completeness and approvals.
public enum FiguresReport {
    /// This body's own record figures 本级业务记录 for the period (the admin query `figures`): counters by label key
    /// (`proposalsFiled`) and rates by label key (`completionRate`) as numerator and denominator.
    public struct Own: Sendable {
        /// Counter label key → value.
        public var counts: [String: Int64]
        /// Rate label key → (numerator, denominator).
        public var rates: [String: (numerator: Int64, denominator: Int64)]
        /// Makes the own figures.
        public init(counts: [String: Int64] = [:], rates: [String: (numerator: Int64, denominator: Int64)] = [:]) {
            self.counts = counts
            self.rates = rates
        }
    }

    /// The figure the per-subtree charts and the trend show: 人次.
    public static let chartFigure = "activity_participants"

    /// The model of `stats` (with drill-down, this node first) from `root` down: `root` must be one of its bodies
    /// (this node's id for the whole subtree). `months` are the monthly totals of `root` (oldest first), `names` the
    /// display names and tiers the node knows, `expected` each body's children in the roster; `own`, `overdue` and
    /// `pastDue` belong to this node and are shown only when `root` is it, as are `sectors` (per 界别: sector, own
    /// activities and 人次, subtree activities and 人次) and `stations` (per sub-body unit: body, unit, kind, activities
    /// and 人次 there and with the units under it).
    public static func model(stats: StatsResponse, root: String, title: String, generatedAt: String,
                             months: [(month: String, totals: [String: Int64])], own: Own,
                             names: [String: (name: String, tier: String)], expected: [String: Int],
                             overdue: [[String]] = [], pastDue: [[String]] = [], sectors: [[String]] = [],
                             stations: [[String]] = [], zh: Bool = true) -> ReportModel {
        let here = stats.bodies.first?.body ?? root
        // The subtree of `root`, in drill-down order.
        var inside: Set<String> = [root]
        var bodies: [BodyFigures] = []
        for b in stats.bodies {
            if b.body == root { bodies.append(b) } else if inside.contains(b.parent), b.body != root {
                inside.insert(b.body)
                bodies.append(b)
            }
        }
        let top = bodies.first
        let keys = FigureNames.headline.map(\.key).filter { !$0.hasSuffix("_rate") }
        func name(_ b: BodyFigures) -> String { !b.name.isEmpty ? b.name : names[b.body].flatMap { $0.name.isEmpty ? nil : $0.name } ?? b.body }
        var rates: [ReportModel.Rate] = FigureNames.rates(top?.totals ?? [:]).map { r in
            let label = Labels.label(r.labelKey).map { zh ? $0.zh + "（本级及下级）" : $0.en + " (subtree)" } ?? r.name
            return ReportModel.Rate(label: label, numerator: r.numerator, denominator: r.denominator)
        }
        var recordFigures: [(label: String, value: Int64)] = []
        if root == here {
            for key in ["completionRate", "satisfactionRate", "suggestionAdoptionRate", "opinionAdoptionRate", "onTimeReplyRate"] {
                guard let r = own.rates[key] else { continue }
                let label = Labels.label("rate." + key).map { zh ? $0.zh + "（本级）" : $0.en + " (this body)" } ?? key
                rates.append(.init(label: label, numerator: r.numerator, denominator: r.denominator))
            }
            for (_, key) in Figures.counters where key != "bodies" {
                if let n = own.counts[key], n != 0 { recordFigures.append((FigureNames.figure(key, zh: zh), n)) }
            }
        }
        var model = ReportModel(
            title: title, period: stats.period, generatedAt: generatedAt,
            bodies: bodies.map { b in
                var body = ReportModel.Body(id: b.body, name: name(b), tier: b.tier.isEmpty ? names[b.body]?.tier ?? "" : b.tier,
                                            parent: b.body == root ? "" : b.parent, own: b.own, totals: b.totals, verified: b.verified)
                body.zone = b.zone
                body.rates = chartRates(b.totals)
                body.expectedChildren = expected[b.body] ?? 0
                body.onTimeChildren = b.expectedChildren > 0 ? Int(b.onTimeChildren) : nil
                body.approval = ReportModel.Approval(state: b.approval, reason: b.returnReason, by: b.returnedBy)
                return body
            },
            figures: keys.map { (key: $0, label: FigureNames.figure($0, zh: zh)) }, chartFigure: chartFigure,
            trend: months.map { ($0.month, $0.totals[chartFigure] ?? 0) }, rates: rates,
            overdueItems: root == here ? overdue : [], proposalsPastDue: root == here ? pastDue : [], recordFigures: recordFigures)
        model.chartRates = FigureNames.chartedRates
        if root == here { model.sectorRows = sectors; model.stationRows = stations }
        model.months = months.map { .init(month: $0.month, value: $0.totals[chartFigure] ?? 0, rates: chartRates($0.totals)) }
        if root == here {
            model.coverage = stats.coverage.map { (FigureNames.tierLabel($0.tier, zh: zh), Int($0.reporting), Int($0.expected)) }
        }
        let groups = ZoneGroups.groupsByParent(bodies)
        for b in bodies {
            for g in groups[b.body] ?? [] where !g.zone.isEmpty {
                let totals = g.totals ?? [:]
                model.zones.append(.init(parent: b.body, name: g.zone, members: g.members.map(\.body), totals: totals, rates: chartRates(totals)))
            }
        }
        return model
    }

    /// The months of a period's trend as of `today`: every month of its year up to today's (all twelve for a past
    /// year, none for a future one), as "2026-03" — each a period the node's Stats accepts (the year in four digits).
    public static func months(ofPeriod period: String, today: Day) -> [String] {
        let year = Int(period.prefix(4)) ?? today.year
        let count = year < today.year ? 12 : (year == today.year ? today.month : 0)
        let digits = String(year)
        let padded = String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        return stride(from: 1, through: count, by: 1).map { "\(padded)-\($0 < 10 ? "0" : "")\($0)" }.filter { (try? Period(parsing: $0)) != nil }
    }

    /// The charted rates of a figure map, each with numerator and denominator (0/0 when the map has no data).
    public static func chartRates(_ totals: [String: Int64]) -> [ReportModel.Rate] {
        let all = FigureNames.rates(totals)
        return FigureNames.chartedRates.map { c in
            let r = all.first { $0.name == c.key }
            return ReportModel.Rate(label: c.label, numerator: r?.numerator ?? 0, denominator: r?.denominator ?? 0)
        }
    }
}
