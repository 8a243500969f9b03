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
