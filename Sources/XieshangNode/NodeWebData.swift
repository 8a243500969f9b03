import FoundationEssentials
import XieshangFederation
import XieshangDomain
import XieshangReport
import XieshangStore
import XieshangTransport
import XieshangWeb
import XieshangWire

/// What the web pages read, answered by the runtime with the admin service's own code (网页数据源): status and
/// Stats as ``AdminHandlers`` answers them, the report model as ``FiguresReport`` builds it for `report --html`,
/// record lists from the admin Query of each ``RecordKind``, and a record's history from the signed events in the
/// log. Every call runs on the node's executor, like an admin call.
struct NodeWebData: WebData {
    let runtime: NodeRuntime
    let startedAt: Date
    /// The dashboards built, while the figures they read stay the same.
    let dashboards = DashboardCache()
    /// The peer listener's transport counters, for `/metrics`.
    var peerTransport: (@Sendable () -> TransportMetrics.Snapshot)? = nil

    func status() async -> StatusResponse? {
        let runtime = runtime, startedAt = startedAt
        return await runtime.read { AdminHandlers.status(runtime, StatusRequest(recentAlerts: 10), startedAt: startedAt) }
    }

    /// The entry forms' commands, through the admin Submit's own checks and transaction (``DomainSubmit/record``).
    func record(_ commands: [DomainEvent], actor: XieshangDomain.Actor, madeBy: String) async -> Result<RecordOutcome, WebDataError> {
        switch await DomainSubmit.record(runtime, commands, actor: actor, madeBy: madeBy) {
        case .success(let response) where response.queued != 0: return .success(.queued(response.queued))
        case .success(let response): return .success(.recorded(seqs: response.seqs))
        case .failure(let error): return .failure(.unavailable(error.message))
        }
    }

    func version() -> String { WebSite.softwareVersion }

    /// This body's domain state: the projector's cached fold (refolded only when the log moved on).
    func domainState() async -> Result<DomainState, WebDataError> {
        let runtime = runtime
        return await runtime.read {
            do {
                return .success(try runtime.records.state(readingAt: runtime.core.store.path))
            } catch {
                return .failure(.unavailable("读取本级记录失败：\(error)"))
            }
        }
    }

    /// This body from its config: no store read (the record pages' and the dashboard's heading).
    func identity() async -> XieshangDomain.BodyInfo? {
        XieshangDomain.BodyInfo(id: runtime.config.nodeId, name: runtime.config.name, tier: runtime.config.tier, parent: runtime.config.parent?.nodeId)
    }

    /// `/metrics`: one snapshot taken on the executor, rendered in the Prometheus text format.
    func metrics() async -> String? {
        let runtime = runtime, startedAt = startedAt, transport = peerTransport?()
        let snapshot = await runtime.read { runtime.metricsSnapshot(startedAt: startedAt, version: WebSite.softwareVersion, peerTransport: transport) }
        return MetricsText.render(snapshot)
    }

    func dashboard(period: String, body: String?) async -> Result<Dashboard, WebDataError> {
        let runtime = runtime, cache = dashboards
        return await runtime.read { Self.dashboard(runtime, period: period, body: body, cache: cache) }
    }

    /// The dashboard of `period` from `body` down: the cached one while nothing the figures read changed (the same
    /// period, root and day, and no event stored since: ``DashboardCache``), else built and kept. The alerts are
    /// always the runtime's current ones.
    static func dashboard(_ runtime: NodeRuntime, period: String, body: String?, cache: DashboardCache) -> Result<Dashboard, WebDataError> {
        let today = Day(chinaTimeMs: runtime.now())
        let alerts: [(subject: String, message: String)] = runtime.alerts.prefix(20).map { ($0.subject, $0.message) }
        let key = DashboardCache.Key(period: period.isEmpty ? String(today.year) : period, root: body ?? runtime.config.nodeId, today: today,
                                     version: (try? runtime.core.store.reader.lastPosition()) ?? -1)
        if let model = cache.model(key) { return .success(Dashboard(model: model, alerts: alerts, kept: true)) }
        switch model(runtime, period: key.period, root: key.root, today: today, parts: cache) {
        case .success(let model):
            if key.version >= 0 { cache.keep(model, for: key) }
            return .success(Dashboard(model: model, alerts: alerts))
        case .failure(let error):
            return .failure(error)
        }
    }

    /// Builds the report model of `period` from `root` down: one Stats with drill-down for the period; the month
    /// series in one pass, each month's figures of `root` read from this node's report of the month along the path
    /// from here to `root` (the reports cited on the way, never the whole subtree); this body's record figures and
    /// lists when `root` is this body.
    /// With `parts`, what views of other roots and periods share is read from it and kept there
    /// (``DashboardCache/part(_:version:today:_:)``): the period's Stats, this node's report of each month, the
    /// bodies' expected children; and the reports the Stats and the month series read, decoded, at every log position
    /// (``StoredReports``).
    static func model(_ runtime: NodeRuntime, period: String, root: String, today: Day, parts: DashboardCache? = nil) -> Result<ReportModel, WebDataError> {
        let here = runtime.config.nodeId
        let version = parts == nil ? -1 : (try? runtime.core.store.reader.lastPosition()) ?? -1
        func part<T: Sendable>(_ name: String, _ make: () -> T) -> T { parts?.part(name, version: version, today: today, make) ?? make() }
        let stats = part("stats " + period) { AdminHandlers.stats(runtime, StatsRequest(period: period, drill: true), reports: parts?.reports) }
        guard stats.bodies.contains(where: { $0.body == root }) else {
            // A body that reported in the period's year (the drill-down's page of another of its periods links here).
            let year = String(stats.period.prefix(4))
            if year != stats.period,
               let known = part("stats " + year, { AdminHandlers.stats(runtime, StatsRequest(period: year, drill: true), reports: parts?.reports) })
                   .bodies.first(where: { $0.body == root }) {
                return .failure(.unreported(body: root, name: known.name.isEmpty ? root : known.name, period: stats.period))
            }
            return .failure(.badParameter("body", "单位 body“\(root)”不在本级及下级已报送的统计中"))
        }
        let months = monthTotals(runtime, months: FiguresReport.months(ofPeriod: stats.period, today: today),
                                 path: path(to: root, in: stats.bodies, from: here), reports: parts?.reports) { month in
            part("month " + month) { runtime.core.currentReport(period: month) }
        }
        var own = FiguresReport.Own()
        var overdue: [[String]] = [], pastDue: [[String]] = [], sectors: [[String]] = [], stations: [[String]] = []
        var expected: [String: Int] = [:]
        let names = Dictionary(stats.bodies.map { ($0.body, $0.name.isEmpty ? $0.body : $0.name) }, uniquingKeysWith: { a, _ in a })
        if root == here {
            do {
                let database = try Database(path: runtime.core.store.path, readOnly: true, create: false)
                let state = try runtime.records.state(in: database)
                if let p = try? Period.domain(stats.period) {
                    let (f, rates) = DomainSubmit.ownFigures(runtime, period: p, state: state)
                    for (path, key) in Figures.counters { own.counts[key] = f[keyPath: path] }
                    for (key, r) in rates { own.rates[key] = (r.numerator, r.denominator) }
                    let below = try runtime.records.descendantStates(in: database)
                    sectors = DomainSubmit.sectorFigures(state, below: below, period: p).map { r in
                        [r.subtree.sector, String(r.own.activities), String(r.own.participants), String(r.subtree.activities),
                         String(r.subtree.participants)]
                    }
                    stations = DomainSubmit.stationRows(state, below: below, period: p, names: names)
                }
                let queries = RecordQueries(database: database, projector: runtime.records)
                overdue = try queries.overdueItems(asOf: today).map { i in
                    [i.topic, i.overdueFor.map { names[$0] ?? $0 }.joined(separator: "、"), i.deadline, Labels.zh("stage." + String(describing: i.stage))]
                }
                pastDue = try queries.proposalsPastDue(asOf: today).map { p in [p.id + " " + p.title, p.units.joined(separator: "、"), p.due ?? ""] }
            } catch {
                return .failure(.unavailable("读取本级记录失败：\(error)"))
            }
        }
        expected = part("expected") { () -> [String: Int] in
            var expected: [String: Int] = [:]
            for body in (try? DomainSubmit.knownBodies(runtime)) ?? [] {
                if let parent = body.parent { expected[parent, default: 0] += 1 }
            }
            return expected
        }
        let rootName = names[root] ?? root
        return .success(FiguresReport.model(stats: stats, root: root, title: rootName + "履职统计", generatedAt: today.description,
                                            months: months, own: own, names: [:], expected: expected, overdue: overdue, pastDue: pastDue,
                                            sectors: sectors, stations: stations))
    }

    /// The bodies from this node's child down to `root` (empty when `root` is this node), by the drill-down's parents.
    static func path(to root: String, in bodies: [BodyFigures], from here: String) -> [String] {
        let parents = Dictionary(bodies.map { ($0.body, $0.parent) }, uniquingKeysWith: { a, _ in a })
        var path: [String] = []
        var at = root
        while at != here, path.count <= bodies.count, let parent = parents[at] {
            path.insert(at, at: 0)
            at = parent
        }
        return at == here ? path : []
    }

    /// The subtree totals of the body at the end of `path` (this node when empty) for each of `months`: this node's
    /// report of the month (its own figures and its children's latest reports, as it would sign it), then along
    /// `path` the report each body on it cites for the month — one stored event read per step, not the subtree.
    /// A month without a report on the path has no figures (empty).
    static func monthTotals(_ runtime: NodeRuntime, months: [String], path: [String], reports: StoredReports? = nil,
                            report ofMonth: (String) -> AggregateReport) -> [(month: String, totals: [String: Int64])] {
        let core = runtime.core
        return months.map { month in
            var report = ofMonth(month)
            for body in path {
                guard let ref = report.children.compactMap(\.ref).first(where: { ChainName.node(of: $0.origin) == body }),
                      let child = StoredReports.read(ref, from: core.store.reader, keptIn: reports) else { return (month, [:]) }
                report = child
            }
            return (month, Figures.everyCounter(report.totals))
        }
    }

    func records(_ kind: RecordKind) async -> Result<RecordListing, WebDataError> {
        let runtime = runtime
        return await runtime.read {
            // The rows as the catalog answers them, with no JSON text in between (writing each row as JSON only to parse
            // it back was half of a list page's time at a township, profiled).
            switch QueryCatalog.rows(runtime, QueryRequest(recordType: kind.query)) {
            case .success(let answer):
                return .success(RecordListing(columns: answer.columns, rows: answer.rows.map { $0.mapValues(Self.text) }))
            case .failure(let error):
                return .failure(.unavailable("查询\(kind.title)失败：\(error)"))
            }
        }
    }

    /// One page of `kind`'s list: for activities, proposals and opinion reports without a search, the period and
    /// status filters and the page (LIMIT/OFFSET) in SQL, with the counts and statuses the page prints
    /// (``RecordQueries/ListFilter``) — equal to the page the whole list filtered here gives (``RecordsPage/page``),
    /// which the other kinds and a search (matched on every cell's display text) still read.
    func recordPage(_ kind: RecordKind, _ filter: RecordsPage.Filter) async -> Result<RecordPage, WebDataError> {
        let table: RecordQueries.PagedTable? = switch kind.query {
        case "activities": .activities
        case "proposals": .proposals
        case "opinions": .opinions
        default: nil
        }
        guard let table, filter.search.isEmpty, table.dateColumn == kind.dateColumn, table.statusColumn == kind.statusColumn else {
            return await records(kind).map { RecordsPage.page($0, kind, filter) }
        }
        let runtime = runtime
        return await runtime.read {
            do throws(StoreError) {
                let queries = RecordQueries(database: runtime.core.store.reader.database, projector: runtime.records)
                var list = RecordQueries.ListFilter(status: filter.status.isEmpty ? nil : filter.status)
                if !filter.period.isEmpty, let period = try? XieshangDomain.Period(parsing: filter.period) { list.days = (period.start.description, period.end.description) }
                let matching = try queries.count(table, list)
                let pages = max(1, (matching + RecordsPage.pageSize - 1) / RecordsPage.pageSize)
                let page = min(filter.page, pages)
                let (limit, offset) = (RecordsPage.pageSize, (page - 1) * RecordsPage.pageSize)
                let rows: [[String: Any]] = switch kind.query {
                case "activities": try queries.activities(list, limit: limit, offset: offset).map { RecordListQueries.cells($0) }
                case "proposals": try queries.proposals(list, limit: limit, offset: offset).map { RecordListQueries.cells($0) }
                default: try queries.opinions(list, limit: limit, offset: offset).map { RecordListQueries.cells($0) }
                }
                return .success(RecordPage(rows: rows.map { $0.mapValues(Self.text) }, page: page, pages: pages, matching: matching,
                                           total: try queries.count(table, RecordQueries.ListFilter()), statuses: try queries.statuses(table)))
            } catch {
                return .failure(.unavailable("查询\(kind.title)失败：\(error.message)"))
            }
        }
    }

    /// A query cell as display text (a row's value, or the same value read back from its JSON): lists joined by 、,
    /// yes/no as 是/否, a map as key：value pairs, null empty.
    static func text(_ value: Any) -> String {
        switch value {
        case let s as String: return s
        case let b as Bool: return b ? "是" : "否"
        case let i as Int: return String(i)
        case let i as Int64: return String(i)
        case let i as UInt64: return String(i)
        case let i as Int32: return String(i)
        case let d as Double: return String(d)
        case let a as [Any]: return a.map(text).joined(separator: "、")
        case let o as [String: Any]: return o.keys.sorted().map { "\($0)：\(text(o[$0] ?? ""))" }.joined(separator: "；")
        case let i as any BinaryInteger: return String(describing: i)
        default: return ""
        }
    }

    func details(_ kind: RecordKind, id: String, shown: [String]) async -> Result<[RecordSection], WebDataError> {
        guard !kind.detailQuery.isEmpty else { return .success([]) }
        let runtime = runtime
        return await runtime.read {
            switch AdminHandlers.query(runtime, QueryRequest(recordType: kind.detailQuery, id: id)) {
            case .success(let response):
                guard let row = response.rowsJson.first.flatMap({ JSONText.parse($0) as? [String: Any] }) else { return .success([]) }
                return .success(Self.sections(row, shown: Set(shown)))
            case .failure(let error):
                return .failure(.unavailable("查询\(kind.title) \(id) 失败：\(error)"))
            }
        }
    }

    /// The parts of a detail query's row the list row does not show: `text` as a text, each list of objects as a
    /// table (columns in order of first appearance), the other values as facts.
    static func sections(_ row: [String: Any], shown: Set<String>) -> [RecordSection] {
        var facts: [(label: String, value: String)] = []
        var out: [RecordSection] = []
        for key in row.keys.sorted() where !shown.contains(key) {
            let value = row[key] ?? ""
            if key == "text" {
                out.insert(RecordSection(title: FigureNames.fallback(key, zh: true), content: .text(text(value))), at: 0)
            } else if let list = value as? [[String: Any]] {
                var columns: [String] = []
                for item in list { for k in item.keys.sorted() where !columns.contains(k) { columns.append(k) } }
                out.append(RecordSection(title: FigureNames.fallback(key, zh: true) + "（\(list.count)）",
                                         content: .table(RecordListing(columns: columns, rows: list.map { $0.mapValues(text) }))))
            } else {
                facts.append((FigureNames.fallback(key, zh: true), text(value)))
            }
        }
        if !facts.isEmpty { out.insert(RecordSection(title: "其他信息", content: .facts(facts)), at: out.first.map { if case .text = $0.content { return 1 }; return 0 } ?? 0) }
        return out
    }

    func history(_ kind: RecordKind, id: String) async -> Result<[RecordEvent], WebDataError> {
        guard kind.hasHistory else { return .success([]) }
        let runtime = runtime
        return await runtime.read {
            do throws(StoreError) {
                return .success(try RecordHistory.events(of: kind.type, id: id, runtime: runtime))
            } catch {
                return .failure(.unavailable("读取记录历程失败：\(error.message)"))
            }
        }
    }
}
