import XieshangStore
import XieshangWire

/// Timeliness (及时性) of child reports, judged by this node's clock: the core's `now` when a child's report arrived is
/// kept in the store (written before the report itself is committed), so a child's own clock — its event's time —
/// never decides whether it reported on time, and the judgment survives a restart.
extension FederationNode {
    /// The table of receipt times: one row per child report this node received.
    static let reportReceiptsTable = """
        CREATE TABLE IF NOT EXISTS federation_report_receipts (origin TEXT NOT NULL, seq INTEGER NOT NULL,
            received_ms INTEGER NOT NULL, PRIMARY KEY (origin, seq)) WITHOUT ROWID
        """

    /// The key of a report in ``reportReceipts``.
    static func receiptKey(_ origin: String, _ seq: UInt64) -> String { origin + "#" + String(seq) }

    /// Every stored receipt time (read once at open; rows a damaged store holds with a negative seq are skipped).
    func loadReportReceipts() throws(StoreError) -> [String: Int64] {
        var out: [String: Int64] = [:]
        for row in try store.reader.rows("SELECT origin, seq, received_ms FROM federation_report_receipts") {
            guard row.count == 3, case .text(let origin) = row[0], case .integer(let seq) = row[1],
                  let s = UInt64(exactly: seq), case .integer(let ms) = row[2] else { continue }
            out[FederationNode.receiptKey(origin, s)] = ms
        }
        return out
    }

    /// Records when the child reports among `pending` arrived (now), before they are committed; the first receipt of a
    /// report stays (a resend does not make a late report look on time, nor an on-time one late).
    func recordReportReceipts(_ pending: [(StoredEvent, EventBody)]) throws(StoreError) {
        let reports = pending.filter { $0.1.kind == .aggregateReport && childIds.contains($0.1.origin) }
        guard !reports.isEmpty else { return }
        try store.write { (db) throws(StoreError) in
            for (stored, _) in reports {
                guard let seq = Int64(exactly: stored.seq) else { continue }
                try db.execute("INSERT OR IGNORE INTO federation_report_receipts (origin, seq, received_ms) VALUES (?, ?, ?)",
                               [.text(stored.origin), .integer(seq), .integer(now)])
            }
        }
    }
}
