import FoundationEssentials
import XieshangDomain
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
    /// The peer listener's transport counters, for `/metrics`.
    var peerTransport: (@Sendable () -> TransportMetrics.Snapshot)? = nil

    func status() async -> StatusResponse? {
        let runtime = runtime, startedAt = startedAt
        return await runtime.read { AdminHandlers.status(runtime, StatusRequest(recentAlerts: 10), startedAt: startedAt) }
    }

    /// The entry forms' commands, through the admin Submit's own checks and transaction (``DomainSubmit/record``).
    func record(_ commands: [DomainEvent], actor: XieshangDomain.Actor) async -> Result<RecordOutcome, WebDataError> {
        switch await DomainSubmit.record(runtime, commands, actor: actor) {
        case .success(let response) where response.queued != 0: return .success(.queued(response.queued))
        case .success(let response): return .success(.recorded(seqs: response.seqs))
        case .failure(let error): return .failure(.unavailable(error.message))
        }
    }

    func version() -> String { WebSite.softwareVersion }

    /// `/metrics`: one snapshot taken on the executor, rendered in the Prometheus text format.
    func metrics() async -> String? {
        let runtime = runtime, startedAt = startedAt, transport = peerTransport?()
        let snapshot = await runtime.read { runtime.metricsSnapshot(startedAt: startedAt, version: WebSite.softwareVersion, peerTransport: transport) }
        return MetricsText.render(snapshot)
    }

    func dashboard(period: String, body: String?) async -> Result<Dashboard, WebDataError> {
        let runtime = runtime
        return await runtime.read { Self.dashboard(runtime, period: period, body: body) }
    }

    static func dashboard(_ runtime: NodeRuntime, period: String, body: String?) -> Result<Dashboard, WebDataError> {
        let here = runtime.config.nodeId
        let stats = AdminHandlers.stats(runtime, StatsRequest(period: period, drill: true))
        let root = body ?? here
        guard stats.bodies.contains(where: { $0.body == root }) else {
            return .failure(.badParameter("body", "单位 body“\(root)”不在本级及下级已报送的统计中"))
        }
        let today = Day(chinaTimeMs: runtime.now())
        let months = FiguresReport.months(ofPeriod: stats.period, today: today).map { month in
            let r = AdminHandlers.stats(runtime, StatsRequest(period: month, drill: root != here))
            return (month: month, totals: r.bodies.first { $0.body == root }?.totals ?? [:])
        }
        var own = FiguresReport.Own()
        var overdue: [[String]] = [], pastDue: [[String]] = []
        var expected: [String: Int] = [:]
        do {
            let database = try Database(path: runtime.core.store.path, readOnly: true, create: false)
            let state = try runtime.records.state(in: database)
            if let p = try? Period.domain(stats.period) {
                let (f, rates) = DomainSubmit.ownFigures(runtime, period: p, state: state)
                for (path, key) in Figures.counters { own.counts[key] = f[keyPath: path] }
                for (key, r) in rates { own.rates[key] = (r.numerator, r.denominator) }
            }
            let names = Dictionary(stats.bodies.map { ($0.body, $0.name.isEmpty ? $0.body : $0.name) }, uniquingKeysWith: { a, _ in a })
            let queries = RecordQueries(database: database, projector: runtime.records)
            overdue = try queries.overdueItems(asOf: today).map { i in
                [i.topic, i.overdueFor.map { names[$0] ?? $0 }.joined(separator: "、"), i.deadline, Labels.zh("stage." + String(describing: i.stage))]
            }
            pastDue = try queries.proposalsPastDue(asOf: today).map { p in [p.id + " " + p.title, p.units.joined(separator: "、"), p.due ?? ""] }
        } catch {
            return .failure(.unavailable("读取本级记录失败：\(error)"))
        }
        if case .success(let bodies) = DomainSubmit.bodies(runtime) {
            for row in bodies.rowsJson {
                if let r = JSONText.parse(row) as? [String: Any], let parent = r["parent"] as? String, !parent.isEmpty { expected[parent, default: 0] += 1 }
            }
        }
        let rootName = stats.bodies.first { $0.body == root }.map { $0.name.isEmpty ? $0.body : $0.name } ?? root
        let model = FiguresReport.model(stats: stats, root: root, title: rootName + "履职统计", generatedAt: today.description,
                                        months: months, own: own, names: [:], expected: expected, overdue: overdue, pastDue: pastDue)
        return .success(Dashboard(model: model, alerts: runtime.alerts.prefix(20).map { ($0.subject, $0.message) }))
    }

    func records(_ kind: RecordKind) async -> Result<RecordListing, WebDataError> {
        let runtime = runtime
        return await runtime.read {
            switch AdminHandlers.query(runtime, QueryRequest(recordType: kind.query)) {
            case .success(let response):
                return .success(RecordListing(columns: response.columns, rows: response.rowsJson.map { row in
                    ((JSONText.parse(row) as? [String: Any]) ?? [:]).mapValues(Self.text)
                }))
            case .failure(let error):
                return .failure(.unavailable("查询\(kind.title)失败：\(error)"))
            }
        }
    }

    /// A query cell as display text: lists joined by 、, yes/no as 是/否, a map as key：value pairs, null empty.
    static func text(_ value: Any) -> String {
        switch value {
        case let s as String: return s
        case let b as Bool: return b ? "是" : "否"
        case let i as Int: return String(i)
        case let d as Double: return String(d)
        case let a as [Any]: return a.map(text).joined(separator: "、")
        case let o as [String: Any]: return o.keys.sorted().map { "\($0)：\(text(o[$0] ?? ""))" }.joined(separator: "；")
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
        guard !kind.history.isEmpty else { return .success([]) }
        let runtime = runtime
        return await runtime.read {
            do throws(StoreError) {
                return .success(try RecordHistory.events(of: kind.history, id: id, runtime: runtime))
            } catch {
                return .failure(.unavailable("读取记录历程失败：\(error.message)"))
            }
        }
    }
}
