import XieshangStore
import XieshangWire

/// Timeliness (及时性) of child reports, judged by this node's clock: the core's `now` when a child's report arrived is
/// kept in the store (written in the transaction that stores the report), so a child's own clock — its event's time —
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

    /// Writes when the child reports among `pending` arrived (now), inside the transaction that appends them (see
    /// ``flush(_:outcome:)``): a report is never stored without its receipt time, nor a receipt without its report.
    /// The first receipt of a report stays (a resend does not make a late report look on time, nor an on-time one late).
    func writeReportReceipts(_ pending: [(StoredEvent, EventBody)], in db: Database) throws(StoreError) {
        for (stored, body) in pending where body.kind == .aggregateReport && childIds.contains(body.origin) {
            guard let seq = Int64(exactly: stored.seq) else { continue }
            try db.execute("INSERT OR IGNORE INTO federation_report_receipts (origin, seq, received_ms) VALUES (?, ?, ?)",
                           [.text(stored.origin), .integer(seq), .integer(now)])
        }
    }
}
