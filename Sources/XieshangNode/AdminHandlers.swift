import Foundation
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

    static func handlers(_ runtime: NodeRuntime, startedAt: Date) -> [String: RPCHandler] {
        [
            AdminService.status.path: .unary { bytes, _ in
                let request = try decode(StatusRequest.self, bytes)
                return await runtime.read { status(runtime, request, startedAt: startedAt) }.serializedBytes()
            },
            AdminService.submit.path: .unary { bytes, _ in
                let request = try decode(SubmitRequest.self, bytes)
                let scope = request.scope ?? Scope(target: .up(true))
                if let wait = await runtime.read({ runtime.originationBlocked() }) {
                    throw TransportError.status(.failedPrecondition, wait)
                }
                let outputs = await runtime.submit(.originate(LocalCommand(kind: request.kind, payload: request.payload, scope: scope)))
                for output in outputs {
                    if case .originated(let origin, let seq) = output {
                        let hash = await runtime.read { (try? runtime.core.store.reader.events(origin: origin, seqs: seq...seq))?.first?.hash ?? [] }
                        return SubmitResponse(seq: seq, hash: hash).serializedBytes()
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
                return await runtime.read { stats(runtime, request) }.serializedBytes()
            },
        ]
    }

    static func status(_ runtime: NodeRuntime, _ request: StatusRequest, startedAt: Date) -> StatusResponse {
        let core = runtime.core
        let reader = core.store.reader
        let last = (try? reader.lastPosition()) ?? 0
        var links: [LinkStatus] = []
        for (peer, role) in runtime.roles.sorted(by: { $0.key < $1.key }) {
            let info = runtime.peers[peer] ?? NodeRuntime.PeerInfo()
            let acked = ((try? reader.cursor(peer: peer, direction: .outbound)) ?? nil)?.position ?? 0
            let state: String
            if core.isLinkUp(peer) { state = "up" } else if runtime.addresses[peer] == nil { state = "inbound-only" }
            else if info.lastError.contains("refused") || info.lastError.contains("does not match") { state = "refused" }
            else { state = "connecting" }
            links.append(LinkStatus(peer: peer, role: role, state: state, address: runtime.addresses[peer]?.description ?? "",
                                    acked: UInt64(max(0, acked)), lag: UInt64(max(0, last - acked)), queued: 0,
                                    lastError: info.lastError, lastSeenMs: info.lastSeenMs, refused: info.refused))
        }
        let limit = Int(request.recentAlerts == 0 ? 20 : request.recentAlerts)
        return StatusResponse(nodeId: runtime.config.nodeId, name: runtime.config.name, tier: runtime.config.tier,
                              publicKey: core.config.privateKey.publicKey.text,
                              ownSeq: (try? reader.highestSeq(origin: runtime.config.nodeId)) ?? 0,
                              eventsStored: UInt64((try? reader.count()) ?? 0), links: links,
                              alerts: Array(runtime.alerts.prefix(limit)),
                              uptimeSeconds: UInt64(max(0, Date().timeIntervalSince(startedAt))), fenced: core.fenced)
    }

    static func json(_ object: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    static func query(_ runtime: NodeRuntime, _ request: QueryRequest) -> Result<QueryResponse, TransportError> {
        let reader = runtime.core.store.reader
        switch request.recordType {
        case "events":
            var sql = "SELECT origin, seq, hex(hash), kind, scope FROM events"
            var values: [DatabaseValue] = []
            if let origin = request.filter["origin"] {
                sql += " WHERE origin = ?"
                values.append(.text(origin))
            }
            sql += " ORDER BY origin, seq"
            if request.limit > 0 { sql += " LIMIT \(request.limit)" }
            do {
                let rows = try reader.rows(sql, values)
                return .success(QueryResponse(columns: ["origin", "seq", "hash", "kind", "scope"], rowsJson: rows.map { r in
                    json(["origin": text(r[0]), "seq": int(r[1]), "hash": text(r[2]).lowercased(), "kind": int(r[3]), "scope": text(r[4])])
                }))
            } catch {
                return .failure(TransportError.status(.internal, "query events: \(error.message)"))
            }
        case "origins":
            do {
                let rows = try reader.rows("SELECT origin, count(*), min(seq), max(seq) FROM events GROUP BY origin ORDER BY origin")
                return .success(QueryResponse(columns: ["origin", "count", "min_seq", "max_seq"], rowsJson: rows.map { r in
                    json(["origin": text(r[0]), "count": int(r[1]), "min_seq": int(r[2]), "max_seq": int(r[3])])
                }))
            } catch {
                return .failure(TransportError.status(.internal, "query origins: \(error.message)"))
            }
        case "alerts":
            return .success(QueryResponse(columns: ["time_ms", "subject", "code", "message"], rowsJson: runtime.alerts.map {
                json(["time_ms": $0.timeMs, "subject": $0.subject, "code": $0.code, "message": $0.message])
            }))
        default:
            return .failure(TransportError.status(.invalidArgument,
                "unknown record type '\(request.recordType)'; this node answers events, origins and alerts"))
        }
    }

    static func text(_ v: DatabaseValue) -> String {
        if case .text(let s) = v { return s }
        return ""
    }

    static func int(_ v: DatabaseValue) -> Int64 {
        if case .integer(let i) = v { return i }
        return 0
    }

    static func stats(_ runtime: NodeRuntime, _ request: StatsRequest) -> StatsResponse {
        let core = runtime.core
        let period = request.period.isEmpty ? Period.all(containing: runtime.now())[2] : request.period
        let report = core.currentReport(period: period)
        var bodies = [BodyFigures(body: core.id, name: runtime.config.name, tier: runtime.config.tier,
                                  parent: runtime.config.parent?.nodeId ?? "", own: report.own, totals: report.totals,
                                  source: nil, verified: true)]
        if request.drill {
            var queue: [(parent: String, ref: XieshangWire.EventRef)] = report.children.compactMap { c in c.ref.map { (core.id, $0) } }
            while !queue.isEmpty {
                let (parent, ref) = queue.removeFirst()
                guard let event = (try? core.store.reader.events(origin: ref.origin, seqs: ref.seq...ref.seq))?.first,
                      let body = try? SignedEvent(body: event.body, signature: event.signature).decodedBody(),
                      let child = try? AggregateReport(serializedBytes: body.payload) else { continue }
                let known = runtime.config.children.first { $0.nodeId == child.body }
                bodies.append(BodyFigures(body: child.body, name: known?.name ?? "", tier: known?.tier ?? "", parent: parent, own: child.own,
                                          totals: child.totals, source: ref, verified: true))
                queue += child.children.compactMap { c in c.ref.map { (child.body, $0) } }
            }
        }
        return StatsResponse(period: period, bodies: bodies, expectedChildren: report.expectedChildren,
                             reportedChildren: report.reportedChildren, onTimeChildren: report.onTimeChildren)
    }
}
