import XieshangAccounts
import XieshangTransport
import XieshangWire

/// The node's web site (网页): the route table a node registers on its web listener. Every route declares the
/// capability it needs (``WebCapability``), and one ``WebGate`` the node supplies is asked before its handler runs.
public enum WebSite {
    /// The software's version the IT page shows.
    public static let softwareVersion = "xieshang 0.17 (issue 17: web, accounts)"

    /// Largest request body (a form). 256 KiB.
    public static let maxBodyBytes = 256 * 1024

    /// One route: method, an exact path or (ending in `/`) a path prefix, the capability it needs, its handler.
    public struct Route: Sendable {
        /// `GET`, `POST`, …
        public var method: String
        /// An exact path, or a prefix when ``isPrefix``.
        public var path: String
        /// Whether ``path`` is a prefix (`/records/`) matching every longer path without a route of its own.
        public var isPrefix: Bool
        /// What the reader must be allowed.
        public var capability: WebCapability
        /// The handler, run after the gate admitted the request, with the reader's session (nil without accounts).
        public var handler: Handler
    }

    /// A route's handler: the request and the session the gate admitted it with.
    public typealias Handler = @Sendable (HTTPRequest, Session?) async -> HTTPResponse

    /// The area of records a kind belongs to, for ``Role/may(_:)``.
    public static func area(_ kind: RecordKind) -> RecordArea {
        switch kind.key {
        case "proposals": return .proposals
        case "opinions": return .opinions
        case "activities": return .activities
        case "suggestions": return .suggestions
        case "plans": return .plans
        case "members": return .members
        case "research": return .research
        default: return .jointDrafts
        }
    }

    /// Whether `row` of `kind` is within `session`'s ``Role/recordScope``: every row for the office, the committee,
    /// a clerk and a viewer (and without accounts); for a handling unit only the proposals assigned to it (lead unit or
    /// one of the units); for a member only their own proposals (first proposer) and opinion reports (author).
    static func inScope(_ row: [String: String], _ kind: RecordKind, _ session: Session?) -> Bool {
        guard let session else { return true }
        switch session.role.recordScope {
        case .all:
            return true
        case .assignedTo(let unit):
            guard kind.key == "proposals" else { return false }
            return row["lead_unit"] == unit || (row["units"] ?? "").split(separator: "、").contains { $0 == unit }
        case .ownedBy(let member):
            switch kind.key {
            case "proposals": return row["first_proposer"] == member
            case "opinions": return row["author"] == member
            default: return false
            }
        }
    }

    /// The kinds `session` may list (every kind without accounts).
    static func visibleKinds(_ session: Session?) -> [RecordKind] {
        guard let session else { return RecordKind.all }
        return RecordKind.all.filter { session.may(.viewRecords(area($0))) }
    }

    /// The routes, each with its capability: `GET /healthz` (.open); `GET /` (.signedIn: the status page for the
    /// office and without accounts, else a redirect to the reader's first page); `GET /it` (.viewStatus: links, lag,
    /// alerts, version); `GET /figures` (.viewFigures); `GET /records`, `/records/<kind>` and `/records/<kind>/<id>`
    /// (.viewRecords, and the kind's area for the role).
    public static func table(_ data: WebData) -> [Route] {
        [
            Route(method: "GET", path: "/", isPrefix: false, capability: .signedIn) { _, session in
                if let session, !WebCapability.viewStatus.allows(session) {
                    return WebPage.redirect(WebCapability.viewFigures.allows(session) ? "/figures" : WebCapability.viewRecords.allows(session) ? "/records" : "/password")
                }
                guard let s = await data.status() else { return unavailable() }
                return WebPage.response(html: StatusPage.render(s, version: data.version()))
            },
            Route(method: "GET", path: "/it", isPrefix: false, capability: .viewStatus) { _, _ in
                guard let s = await data.status() else { return unavailable() }
                return WebPage.response(html: StatusPage.render(s, version: data.version()))
            },
            Route(method: "GET", path: "/healthz", isPrefix: false, capability: .open) { _, _ in
                WebPage.text(await data.identity() == nil ? "starting\n" : "ok\n")
            },
            Route(method: "GET", path: "/figures", isPrefix: false, capability: .viewFigures) { request, _ in
                await figures(data, request)
            },
            Route(method: "GET", path: "/records", isPrefix: false, capability: .viewRecords) { _, session in
                WebPage.redirect("/records/" + (visibleKinds(session).first?.key ?? ""))
            },
            Route(method: "GET", path: "/records/", isPrefix: true, capability: .viewRecords) { request, session in
                await records(data, request, session)
            },
        ]
    }

    /// The table as the transport's routes, every handler behind `gate` and run with ``WebPage/reader`` set to the
    /// admitted session; with `accounts`, also the login, logout and password pages, the entry forms and the audit
    /// trail.
    ///
    /// `GET /metrics` (``MetricsRoute``) is there too, behind its own check: a bearer `metricsToken` (node.json's
    /// `metrics_token`) for scrapers, or a session `gate` admits to ``WebCapability/viewStatus``.
    public static func routes(_ data: WebData, gate: WebGate, accounts: AccountBook? = nil, metricsToken: String? = nil) -> HTTPRoutes {
        var routes = HTTPRoutes(maxBodyBytes: maxBodyBytes, refusal: WebPage.refusal)
        routes.add("GET", MetricsRoute.path, MetricsRoute.handler(data, gate: gate, token: metricsToken))
        var table = table(data) + EntryForms.routes(data, accounts) + ProposalDesk.routes(data, accounts)
        table += PlanPages.routes(data, accounts) + OpinionDesk.routes(data, accounts) + DraftPages.routes(data, accounts) + PolicyPage.routes(data, accounts)
        if let accounts { table += LoginPages.routes(accounts) + AuditPage.routes(accounts) }
        for route in table {
            let handler = route.handler, capability = route.capability
            let gated: HTTPRoutes.Handler = { request in
                switch await gate.admit(capability, request) {
                case .refused(let response): return response
                case .admitted(let session):
                    return await WebPage.$reader.withValue(session) { await handler(request, session) }
                }
            }
            if route.isPrefix { routes.add(route.method, prefix: route.path, gated) } else { routes.add(route.method, route.path, gated) }
        }
        return routes
    }

    static func unavailable(_ detail: String = "") -> HTTPResponse {
        let extra = detail.isEmpty ? "" : "<p class=\"muted\">\(WebPage.escape(detail))</p>"
        return WebPage.response(status: 503, html: WebPage.html(title: "节点暂不可用", body: "<section><p>节点正在启动或停止，请稍后刷新。</p>\(extra)</section>\n"))
    }

    /// The page for a node's refusal: 400 naming the parameter, or 503.
    static func failure(_ error: WebDataError) -> HTTPResponse {
        guard let parameter = error.parameter else { return unavailable(error.message) }
        return WebPage.badParameter(parameter, error.message)
    }

    static func figures(_ data: WebData, _ request: HTTPRequest) async -> HTTPResponse {
        let started = ContinuousClock.now
        let parameters: (period: String, body: String?)
        do { parameters = try DashboardPage.parameters(request) } catch { return failure(error) }
        switch await data.dashboard(period: parameters.period, body: parameters.body) {
        case .success(let d):
            let here = await data.identity()?.id ?? d.model.bodies.first?.id ?? ""
            var response = WebPage.response(html: DashboardPage.render(d, here: here))
            response.headers.append(("server-timing", DashboardPage.serverTiming(kept: d.kept, took: started.duration(to: .now))))
            return response
        case .failure(let error):
            if let unreported = error.unreported { return WebPage.response(html: DashboardPage.unreported(unreported)) }
            return failure(error)
        }
    }

    /// `/records/<kind>` and `/records/<kind>/<id>` (the id form-encoded in one path segment).
    static func records(_ data: WebData, _ request: HTTPRequest, _ session: Session?) async -> HTTPResponse {
        let rest = request.path.dropFirst("/records/".count).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let kind = RecordKind.named(rest[0]), rest.count <= 2 else {
            return WebPage.refusal(HTTPRefusal(status: 404, reason: "no record list at this path; the lists are " + RecordKind.all.map { "/records/" + $0.key }.joined(separator: ", ")))
        }
        if let session, !session.may(.viewRecords(area(kind))) {
            return WebPage.forbidden("您的角色（\(session.role.label)）无权查看\(kind.title)", reason: "role \(session.role) may not view \(kind.key)")
        }
        let name = await data.identity()?.name ?? ""
        if rest.count == 1 {
            let filter: RecordsPage.Filter
            do { filter = try RecordsPage.filter(request) } catch { return failure(error) }
            if session.map({ if case .all = $0.role.recordScope { return true } else { return false } }) ?? true {
                switch await data.recordPage(kind, filter) {
                case .success(let page): return WebPage.response(html: RecordsPage.list(kind, page, filter, bodyName: name))
                case .failure(let error): return failure(error)
                }
            }
            switch await data.records(kind) {
            case .success(var listing):
                listing.rows = listing.rows.filter { inScope($0, kind, session) }
                return WebPage.response(html: RecordsPage.list(kind, listing, filter, bodyName: name))
            case .failure(let error): return failure(error)
            }
        }
        guard let fields = try? FormEncoding.decode(Array(("id=" + rest[1]).utf8)), fields.count == 1, let id = fields.first?.1, !id.isEmpty else {
            return WebPage.badParameter("id", "记录编号无法解码")
        }
        let listing: RecordListing
        switch await data.records(kind) {
        case .success(let l): listing = l
        case .failure(let error): return failure(error)
        }
        guard let row = listing.rows.first(where: { kind.id(of: $0) == id && inScope($0, kind, session) }) else {
            return WebPage.refusal(HTTPRefusal(status: 404, reason: "there is no \(kind.key) record '\(id)' at this body"))
        }
        let history: [RecordEvent]
        switch await data.history(kind, id: id) {
        case .success(let h): history = h
        case .failure(let error): return failure(error)
        }
        let sections: [RecordSection]
        switch await data.details(kind, id: id, shown: listing.columns) {
        case .success(let d): sections = d
        case .failure(let error): return failure(error)
        }
        return WebPage.response(html: RecordsPage.detail(kind, id: id, row: row, columns: listing.columns, sections: sections,
                                                         history: history, bodyName: name))
    }
}
