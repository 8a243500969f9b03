import XieshangCalendar
import XieshangWire

/// The figures seam (统计口径): what a body's own figures are, supplied to the domain-free core by the layer that
/// knows the records (the node's domain projection; the simulator's test source).
///
/// The core shows the source every event it stores, and at open every event of its log, once each and in log order
/// (``recorded(_:node:)``); the source answers which of this body's figures the event may change, as the days of the
/// records it touches, by each record's own date in China Standard Time — an activity held on 31 March and entered
/// on 2 April touches 31 March, so March, Q1, H1 and the year. An event that changes an earlier record (a reply, an
/// adoption) touches that record's dates too. The core re-rolls exactly the periods of those days, asks
/// ``ownFigures(for:)`` for each, and signs, sums and verifies as before: counters by their stats.proto names,
/// numerators and denominators, never rates.
///
/// A source belongs to one ``FederationNode`` (the config holds a factory): it may keep state built from the events
/// it was shown, since a new node replays its whole log into a new source.
public protocol FiguresSource: AnyObject {
    /// What `event`, just stored at (or replayed by) node `node`, may change in that body's own figures.
    func recorded(_ event: EventBody, node: String) -> FiguresTouch

    /// The body's own figures for `period`: counter name → value (stats.proto names; zero counters may be left out).
    /// - Throws: ``FederationError`` when they cannot be computed now; the core then reports nothing for the period
    ///   and asks again at the next change.
    func ownFigures(for period: Period) throws(FederationError) -> [String: Int64]

    /// A descendant's own figures for `period` as this node recomputes them from the signed records of that body it
    /// holds (``recorded(_:node:)`` shows the source every stored event, descendants' ones included) and from
    /// `pending`, or nil when the source does not recompute them (the core then checks the report's arithmetic only).
    ///
    /// `pending` are events received with the report, before it, checked but not yet stored: the core commits a
    /// received batch in one transaction, so it asks before they are stored. The source counts them on trial, in
    /// order, as ``recorded(_:node:)`` would — and keeps nothing of them (they are shown again through
    /// ``recorded(_:node:)`` once committed; if the commit fails they never were). Empty for a drill-down.
    ///
    /// The core compares them with the `own` figures of every report of `body` it receives and refuses a report that
    /// differs (`own_mismatch`, naming the body, the period and the figure). It asks only once every event of the
    /// report's chain before the report is stored or in `pending` (see `FederationNode.ownFiguresRefusal`), so a
    /// source must answer from the body's own up chain — the events that precede its report there — and name in
    /// ``RecomputedFigures/uncompared`` every figure that events of other chains (cross-body steps signed elsewhere,
    /// which may travel down only) can change.
    func recomputedFigures(of body: String, for period: Period, adding pending: [EventBody]) -> RecomputedFigures?

    /// The figures that are stocks (counts as of a period's end: members, plan items), not flows. A body that moved to
    /// another parent during a period reports the part before the move without them: its stocks at the period's end
    /// count under the new parent only.
    var stocks: Set<String> { get }
}

extension FiguresSource {
    /// No stocks.
    public var stocks: Set<String> { [] }
}


/// A descendant's own figures recomputed by an ancestor from the signed records it holds (``FiguresSource``).
public struct RecomputedFigures: Hashable, Sendable {
    /// Counter name → value (zero counters may be left out).
    public var figures: [String: Int64]
    /// Figures not compared: a name (`plan_items_assigned`) or the base of keyed counters (`opinions_adopted_higher`
    /// covers `opinions_adopted_higher.city`), changed by records this node may not hold when the report arrives.
    public var uncompared: Set<String>

    /// Recomputed `figures`, all compared except `uncompared`.
    public init(figures: [String: Int64], uncompared: Set<String> = []) {
        self.figures = figures
        self.uncompared = uncompared
    }

    /// Whether the figure named `name` is compared.
    public func compares(_ name: String) -> Bool {
        if uncompared.contains(name) { return false }
        guard let dot = name.utf8.firstIndex(of: UInt8(ascii: ".")) else { return true }
        return !uncompared.contains(String(name[..<dot]))
    }

    /// The first compared figure (in name order) where a report's `own` differs from these, absent counting as 0.
    public func firstDifference(from own: [String: Int64]) -> String? {
        for k in Set(own.keys).union(figures.keys).sorted() where compares(k) && (own[k] ?? 0) != (figures[k] ?? 0) { return k }
        return nil
    }
}

/// The days whose periods an event's figures touch.
public struct FiguresTouch: Hashable, Sendable {
    /// Days of the records the event adds or changes (flows are counted in the periods containing them).
    public var days: [Day]
    /// When set, stocks (counts as of a period's end: members, plan items) change from this day on, so every period
    /// the node knows that ends on or after it is re-rolled too.
    public var stocksFrom: Day?

    /// A touch of `days`, and of stocks from `stocksFrom`.
    public init(days: [Day], stocksFrom: Day? = nil) {
        self.days = days
        self.stocksFrom = stocksFrom
    }

    /// Nothing of this body's figures changes.
    public static let none = FiguresTouch(days: [])

    /// Whether nothing changes.
    public var isEmpty: Bool { days.isEmpty && stocksFrom == nil }
}
