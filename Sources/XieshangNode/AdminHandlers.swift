import Dispatch
import FoundationEssentials
import Glibc
import XieshangAccounts
import XieshangDomain
import XieshangFederation
import XieshangStore
import XieshangTransport
import XieshangWire

/// The Admin service (管理服务) on the node's Unix socket: Status, Submit, Query, Stats. Every call reads or feeds
/// the federation core on its executor.
enum AdminHandlers {
    static func decode<M: ProtoMessage>(_ type: M.Type, _ bytes: [UInt8]) throws -> M {
        do {
            return try M(serializedBytes: bytes)
        } catch {
            throw TransportError.status(.invalidArgument, "\(M.protoName) does not decode: \(error)")
        }
    }

    /// The service's handlers; a domain Submit is audited in `accounts` with the caller's OS user (``SubmitAudit``).
    static func handlers(_ runtime: NodeRuntime, startedAt: Date, accounts: AccountBook? = nil) -> [String: RPCHandler] {
        [
            AdminService.status.path: .unary { bytes, _ in
                let request = try decode(StatusRequest.self, bytes)
                return await runtime.read { status(runtime, request, startedAt: startedAt) }.serializedBytes()
            },
            AdminService.submit.path: .unary { bytes, context in
                let request = try decode(SubmitRequest.self, bytes)
                // A record's command goes to its family's recorder (RecordType), audited with the caller's OS user.
                if let type = RecordType(kind: request.kind) {
                    return try await SubmitAudit.submit(runtime, request, type: type, accounts: accounts,
                                                        actor: AccountsHandlers.actor(context)).serializedBytes()
                }
                if NodeApproval.kinds.contains(request.kind) { return try await NodeApproval.submit(runtime, request).serializedBytes() }
                let scope = request.scope ?? Scope(target: .up(true))
                if let why = await runtime.read({ FederationNode.refusal(of: request.kind, testKinds: runtime.core.config.testKinds) }) {
                    throw TransportError.status(.failedPrecondition, why)
                }
                // While the node cannot originate (or older queued commands wait), the command is queued durably.
                let entry = request.serializedBytes()
                if let queued = await runtime.read({ runtime.queuesLocalCommands() ? QueuedSubmit.enqueue(runtime, entry) : nil }) {
                    return try queued.get().serializedBytes()
                }
                let outputs = await runtime.submit(.originate(LocalCommand(kind: request.kind, payload: request.payload, scope: scope)))
                for output in outputs {
                    if case .originated(let origin, let seq) = output {
                        let hash = await runtime.read { (try? runtime.core.store.reader.events(origin: origin, seqs: seq...seq))?.first?.hash ?? [] }
                        return SubmitResponse(seq: seq, hash: hash, seqs: [seq]).serializedBytes()
                    }
                    if case .commandRefused(let reason) = output {
                        throw TransportError.status(.failedPrecondition, reason)
                    }
                }
                throw TransportError.status(.internal, "the node neither stored nor refused the command")
            },
            AdminService.query.path: .unary { bytes, _ in
                let request = try decode(QueryRequest.self, bytes)
                return try await runtime.read { () -> Result<QueryResponse, TransportError> in
                    query(runtime, request)
                }.get().serializedBytes()
            },
            AdminService.stats.path: .unary { bytes, _ in
                let request = try decode(StatsRequest.self, bytes)
                // The same periods the CLI accepts (`xieshang stats --period`), checked here too: the admin socket is an
                // API of its own, and an out-of-range year must be an answer, not arithmetic on it.
                if !request.period.isEmpty {
                    do { _ = try XieshangDomain.Period(parsing: request.period) } catch {
                        throw TransportError.status(.invalidArgument, "stats: period '\(DisplayText.escaped(request.period))' is not a "
                            + "year, quarter or month from 1 to 9999 such as 2026, 2026-Q3 or 2026-11")
                    }
                }
                return await runtime.read { stats(runtime, request) }.serializedBytes()
            },
        ]
    }

    static func status(_ runtime: NodeRuntime, _ request: StatusRequest, startedAt: Date) -> StatusResponse {
        let core = runtime.core
        let reader = core.store.reader
        var links: [LinkStatus] = []
        for (peer, role) in runtime.roles.sorted(by: { $0.key < $1.key }) {
            let info = runtime.peers[peer] ?? NodeRuntime.PeerInfo()
            // lag: events routed to the peer after its acknowledged position; queued: events of the link in memory.
            let backlog = core.backlog(of: peer)
            let state: String
            if core.isLinkUp(peer) { state = "up" } else if runtime.addresses[peer] == nil { state = "inbound-only" }
            else if info.lastErrorIsRefusal { state = "refused" }
            else { state = "connecting" }
            links.append(LinkStatus(peer: peer, role: role, state: state, address: runtime.addresses[peer]?.description ?? "",
                                    acked: UInt64(max(0, backlog.ackedPosition)), lag: backlog.unacknowledged, queued: backlog.queued,
                                    lastError: info.lastError, lastSeenMs: info.lastSeenMs, refused: info.refused))
        }
        let limit = Int(request.recentAlerts == 0 ? 20 : request.recentAlerts)
        return StatusResponse(nodeId: runtime.config.nodeId, name: runtime.config.name, tier: runtime.config.tier,
                              publicKey: core.config.privateKey.publicKey.text,
                              ownSeq: (try? reader.highestSeq(origin: runtime.config.nodeId)) ?? 0,
                              eventsStored: UInt64(core.storedEventCount()), links: links,
                              alerts: Array(runtime.alerts.prefix(limit)),
                              uptimeSeconds: UInt64(max(0, Date().timeIntervalSince(startedAt))), fenced: core.fenced,
                              queued: UInt64(core.queuedWaiting), queuedRefused: UInt64(core.queuedRefused))
    }

    static func json(_ object: [String: Any]) -> String {
        JSONText.compact(object) ?? "{}"
    }

    /// The admin Query: the query ``QueryCatalog`` names, its filters and rows checked there.
    static func query(_ runtime: NodeRuntime, _ request: QueryRequest) -> Result<QueryResponse, TransportError> {
        QueryCatalog.query(runtime, request)
    }

    static func text(_ v: DatabaseValue) -> String {
        if case .text(let s) = v { return s }
        return ""
    }

    static func int(_ v: DatabaseValue) -> Int64 {
        if case .integer(let i) = v { return i }
        return 0
    }

    /// `Stats`: this body's current report for the period and, with `drill`, every report it cites down the tree; own
    /// figures and totals name every stats.proto counter, zeros included (reports carry only those that are not zero).
    /// With `reports`, the cited reports are decoded once and kept there (``StoredReports``): the web dashboard's
    /// Stats after a stored event reads again only the reports that changed.
    static func stats(_ runtime: NodeRuntime, _ request: StatsRequest, reports: StoredReports? = nil) -> StatsResponse {
        let core = runtime.core
        let period = request.period.isEmpty ? String(Day(chinaTimeMs: runtime.now()).year) : request.period
        let report = core.currentReport(period: period)
        var bodies = [BodyFigures(body: core.id, name: runtime.config.name, tier: runtime.config.tier,
                                  parent: runtime.config.parent?.nodeId ?? "", own: Figures.everyCounter(report.own),
                                  totals: Figures.everyCounter(report.totals),
                                  source: nil, verified: true)]
        NodeApproval.annotate(&bodies[0], runtime, report: report, period: period)
        if request.drill {
            var queue: [(parent: String, ref: XieshangWire.EventRef)] = report.children.compactMap { c in c.ref.map { (core.id, $0) } }
            while !queue.isEmpty {
                let (parent, ref) = queue.removeFirst()
                guard let child = StoredReports.read(ref, from: core.store.reader, keptIn: reports) else { continue }
                let known = runtime.config.children.first { $0.nodeId == child.body }
                let vouched = known == nil ? core.subtreeEntry(child.body) : nil
                bodies.append(BodyFigures(body: child.body, name: known?.name ?? vouched?.name ?? "", tier: known?.tier ?? vouched?.tier ?? "",
                                          parent: parent, own: Figures.everyCounter(child.own),
                                          totals: Figures.everyCounter(child.totals), source: ref, verified: true,
                                          zone: known != nil ? runtime.config.zone(of: child.body) : vouched?.zone ?? ""))
                NodeApproval.annotate(&bodies[bodies.count - 1], runtime, report: child, period: period)
                queue += child.children.compactMap { c in c.ref.map { (child.body, $0) } }
            }
        }
        return StatsResponse(period: period, bodies: bodies, expectedChildren: report.expectedChildren,
                             reportedChildren: report.reportedChildren, onTimeChildren: report.onTimeChildren,
                             coverage: request.drill ? coverage(core.subtreeRoster(), reporting: Set(bodies.dropFirst().map(\.body))) : [])
    }

    /// Coverage by tier 报送情况: per tier of the subtree's roster (in order of first appearance: counties before
    /// townships), the bodies in it and those of them whose report for the period reached this node.
    static func coverage(_ roster: [RosterEntry], reporting: Set<String>) -> [TierCoverage] {
        var order: [String] = []
        var counts: [String: (reporting: UInt32, expected: UInt32)] = [:]
        var seen: Set<String> = []
        for e in roster where seen.insert(e.nodeId).inserted {
            if counts[e.tier] == nil { order.append(e.tier) }
            var c = counts[e.tier] ?? (0, 0)
            c.expected += 1
            if reporting.contains(e.nodeId) { c.reporting += 1 }
            counts[e.tier] = c
        }
        return order.map { TierCoverage(tier: $0, reporting: counts[$0]?.reporting ?? 0, expected: counts[$0]?.expected ?? 0) }
    }
}
