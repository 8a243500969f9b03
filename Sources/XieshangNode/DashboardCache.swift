import Synchronization
import XieshangCalendar
import XieshangReport
import XieshangStore
import XieshangWire

/// The dashboards a node built (看板缓存), kept while the figures they read stay the same: a dashboard is keyed by
/// its period, its root body, the day (overdue items and the month series move with it) and the store's last log
/// position — every event stored (a record made here, a child's report or a record received, an approval or a return)
/// moves it, so a dashboard is never shown older than the log it was built from. Bounded: at most ``capacity``
/// dashboards, the oldest dropped first.
final class DashboardCache: Sendable {
    /// What a dashboard was built from.
    struct Key: Hashable, Sendable {
        /// The period as Stats resolved it ("2026", "2026-H1").
        var period: String
        /// The drill-down's top.
        var root: String
        /// Today, China Standard Time.
        var today: Day
        /// The store's last log position when it was built.
        var version: Int64
    }

    /// Dashboards kept at most (periods × bodies looked at between two events). A city's model of 1+10+170 bodies,
    /// every counter of each, is about 1 MB: the bound keeps the cache a few MB at most.
    static let capacity = 6

    private let entries = Mutex<[(key: Key, model: ReportModel)]>([])

    /// The model built for `key`; nil when none is kept (never built, dropped, or built before the last event).
    func model(_ key: Key) -> ReportModel? {
        entries.withLock { list in list.first { $0.key == key }?.model }
    }

    /// Keeps `model` for `key`, dropping every dashboard built from an older log and the oldest beyond ``capacity``.
    func keep(_ model: ReportModel, for key: Key) {
        entries.withLock { list in
            list.removeAll { $0.key.version != key.version || $0.key.today != key.today || $0.key == key }
            list.append((key, model))
            if list.count > Self.capacity { list.removeFirst(list.count - Self.capacity) }
        }
    }

    /// The parts of dashboards that views of other roots and periods share, kept for one log position and day: the
    /// Stats with drill-down of a period (the city's page and each county's page of that period read the same), this
    /// node's report of each month (every period's trend reads its months), the bodies' expected children. Profiled
    /// (debug, `perf`): a dashboard's first build spent about a third in Stats, a third in the month series and a
    /// tenth in the bodies' list — every county page built them again from the same log.
    private let parts = Mutex<(version: Int64, today: Day, values: [String: any Sendable])?>(nil)

    /// Parts kept at most (months and periods looked at between two events).
    static let partCapacity = 48

    /// The part `name` built from the log at `version` on `today`: the kept one, else `make()`'s (kept when the
    /// version is known; every part built from an older log or day is dropped first).
    func part<T: Sendable>(_ name: String, version: Int64, today: Day, _ make: () -> T) -> T {
        guard version >= 0 else { return make() }
        let kept = parts.withLock { p -> T? in
            guard let p, p.version == version, p.today == today else { return nil }
            return p.values[name] as? T
        }
        if let kept { return kept }
        let value = make()
        parts.withLock { p in
            var current: (version: Int64, today: Day, values: [String: any Sendable]) = p.flatMap { $0.version == version && $0.today == today ? $0 : nil } ?? (version, today, [:])
            if current.values.count >= Self.partCapacity { current.values = [:] }
            current.values[name] = value
            p = current
        }
        return value
    }

    /// The reports the dashboards' Stats and month series read from the log, decoded (kept across log positions: a
    /// stored event never changes).
    let reports = StoredReports()

    /// How many parts are kept (tests).
    var partCount: Int { parts.withLock { $0?.values.count ?? 0 } }

    /// How many dashboards are kept (tests).
    var count: Int { entries.withLock { $0.count } }
}

/// Aggregate reports read from the log and decoded, by (origin, seq) (已解码的报告). A stored event never changes (the
/// store keeps one event per origin and seq), so a kept report stays right at every later log position: after a record,
/// a dashboard's Stats with drill-down decodes again only the reports that changed on the way up (the record's
/// township, its county, this node's), not every body's. Bounded: at ``capacity`` the whole set is dropped.
final class StoredReports: Sendable {
    private struct Key: Hashable { var origin: String; var seq: UInt64 }
    private let entries = Mutex<[Key: AggregateReport]>([:])

    /// Reports kept at most: a city's 181 bodies for a few periods (a township's report is a few KB, a county's with
    /// its townships' totals a few tens).
    static let capacity = 1_024

    /// The report `ref` names, read from `reader` and decoded; nil when the event is not stored or is no report.
    /// With `kept`, read from and kept there.
    static func read(_ ref: XieshangWire.EventRef, from reader: EventReader, keptIn kept: StoredReports?) -> AggregateReport? {
        let key = Key(origin: ref.origin, seq: ref.seq)
        if let report = kept?.entries.withLock({ $0[key] }) { return report }
        guard let event = (try? reader.events(origin: ref.origin, seqs: ref.seq...ref.seq))?.first,
              let body = try? SignedEvent(body: event.body, signature: event.signature).decodedBody(),
              let report = try? AggregateReport(serializedBytes: body.payload) else { return nil }
        kept?.entries.withLock { entries in
            if entries.count >= capacity { entries = [:] }
            entries[key] = report
        }
        return report
    }

    /// How many reports are kept (tests).
    var count: Int { entries.withLock { $0.count } }
}
