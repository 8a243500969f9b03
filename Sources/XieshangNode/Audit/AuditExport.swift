import Dispatch
import XieshangCalendar
import XieshangFederation
import XieshangStore
import XieshangTransport
import XieshangWire

/// Audit export 审计导出: the signed events behind this body's figures for a period, for an auditor who trusts no
/// node (`xieshang audit export --period P FILE`, answered on the admin socket as `Audit.ExportPage`).
///
/// What a bundle holds, and why that is enough to see a missing event: every chain signed by a body of this node's
/// subtree (itself included) that this node holds — its up chain with its records, reports, approvals and rosters,
/// and its other routes (`city@down`, …) — each complete from seq 1 to the newest event held, in this node's log
/// order. Every event names the hash of its predecessor, so a gap anywhere inside a chain breaks a link the verifier
/// names (`origin#seq`); an event cut from a chain's end changes its head (``AuditBundle/chainHeads``), and a
/// report cut from the end is still named by the hash its parent's report (or its approval) cites. Whole chains
/// rather than the period's events: a body's figures for a period depend on earlier records (a proposal registered
/// in 2025 and closed in March), and a chain cannot be shortened to the period's events without losing that check
/// (an event's hash covers its whole bytes). The size is mostly reports: measured, 40 townships × 200 records with a
/// report per period each record touches (month, quarter, half-year, year) make 40 001 events and 66 MB, verified in
/// 15 s by a debug build. The export goes through the admin socket rather than reading the store: the keys come from this
/// node's config and the rosters it accepted, which only the running node knows, and the page reads use a
/// read-only connection of their own so they never wait for the writer.
///
/// Events of other bodies that change a subtree body's figures (a plan the province issued to the city, an adoption
/// higher up) are not in the bundle: the verifier leaves those figures uncompared, as every ancestor does
/// (``NodeFigures/uncompared``).
public enum AuditExport {
    /// The bundle format this code writes and reads.
    public static let format = "xieshang-audit-1"
    /// Bytes of events per page, well under the admin client's 4 MiB message limit.
    static let pageBytes = 1 << 20

    /// The admin socket's handler for `Audit.ExportPage`.
    static func handlers(_ runtime: NodeRuntime) -> [String: RPCHandler] {
        [AuditService.exportPage.path: .unary { bytes, _ in
            let request = try AdminHandlers.decode(AuditExportRequest.self, bytes)
            return try await page(runtime, request).serializedBytes()
        }]
    }

    /// One page of an export: the header from the core (on its executor), the events from a read-only connection on
    /// a Dispatch thread.
    static func page(_ runtime: NodeRuntime, _ request: AuditExportRequest) async throws -> AuditExportPage {
        guard request.period.utf8.count <= 32, let period = try? Period(parsing: request.period), period.description == request.period else {
            throw TransportError.status(.invalidArgument, "audit export: period '\(DisplayText.escaped(request.period))' is not a month "
                + "(2026-03), quarter (2026-Q1), half-year (2026-H1), year (2026) or session period (2026-01-15~2027-01-19)")
        }
        let (header, last, path) = await runtime.read { () -> (AuditBundle, Int64, String) in
            let core = runtime.core
            let root = RosterEntry(nodeId: runtime.config.nodeId, publicKey: core.config.privateKey.publicKey.rawRepresentation,
                                   parent: runtime.config.parent?.nodeId ?? "", name: runtime.config.name, tier: runtime.config.tier)
            let bundle = AuditBundle(format: format, period: request.period, root: root.nodeId, exportedAtMs: runtime.now(),
                                     bodies: [root] + core.subtreeRoster())
            return (bundle, (try? core.store.reader.lastPosition()) ?? 0, core.store.path)
        }
        let through = request.throughPosition > 0 ? min(request.throughPosition, last) : last
        let signers = Set(header.bodies.map(\.nodeId))
        let result: Result<(events: [SignedEvent], next: Int64), StoreError> = await withCheckedContinuation { c in
            DispatchQueue.global().async {
                c.resume(returning: Result { () throws(StoreError) in
                    try events(path: path, signers: signers, after: request.afterPosition, through: through,
                               maxEvents: request.maxEvents == 0 ? Int.max : Int(request.maxEvents))
                })
            }
        }
        switch result {
        case .success(let page):
            var bundle = header
            bundle.events = page.events
            return AuditExportPage(bundle: bundle, nextPosition: page.next, throughPosition: through, done: page.next >= through)
        case .failure(let error):
            throw TransportError.status(.internal, "audit export: reading the log at \(path): \(error.message)")
        }
    }

    /// Events signed by `signers` after log position `after` up to `through`, about ``pageBytes`` of them and at most
    /// `maxEvents`, and the position the next page starts after.
    /// - Throws: ``StoreError`` when the log cannot be read.
    static func events(path: String, signers: Set<String>, after: Int64, through: Int64,
                       maxEvents: Int) throws(StoreError) -> (events: [SignedEvent], next: Int64) {
        let reader = try EventReader(path: path)
        var out: [SignedEvent] = []
        var bytes = 0
        var position = after
        while position < through, bytes < pageBytes, out.count < maxEvents {
            let entries = try reader.entries(after: position, limit: 500)
            guard !entries.isEmpty else { return (out, through) }
            for entry in entries {
                guard entry.position <= through else { return (out, through) }
                position = entry.position
                guard signers.contains(ChainName.node(of: entry.event.origin)) else { continue }
                out.append(SignedEvent(body: entry.event.body, signature: entry.event.signature))
                bytes += entry.event.body.count + entry.event.signature.count
                if bytes >= pageBytes || out.count >= maxEvents { break }
            }
        }
        return (out, position)
    }

    /// The bundle closed for writing: the head of every chain its events hold and the seal.
    public static func sealed(_ bundle: AuditBundle) -> AuditBundle {
        var out = bundle
        var heads: [String: XieshangWire.EventRef] = [:]
        var order: [String] = []
        for event in bundle.events {
            guard let body = try? event.decodedBody() else { continue }
            if heads[body.origin] == nil { order.append(body.origin) }
            heads[body.origin] = XieshangWire.EventRef(origin: body.origin, seq: body.seq, hash: event.hash)
        }
        out.chainHeads = order.compactMap { heads[$0] }
        out.seal = AuditSeal(events: UInt64(bundle.events.count))
        return out
    }
}
