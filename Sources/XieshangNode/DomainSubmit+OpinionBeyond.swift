import XieshangDomain
import XieshangTransport
import XieshangWire

/// The `opinion_beyond` query: the steps of the reports this body holds beyond the federation 联邦之外的流转 — sent up
/// to the provincial or national CPPCC and adopted there (also as the origin body learns it), sent to government
/// departments with their handling and results. Filters: `awaiting` = "true" for only the departments' replies still
/// awaited (no deadline rule exists for departments: the rows say how many days each has waited by `as_of`, the
/// longest first); `as_of` (YYYY-MM-DD, default today in China Standard Time).
extension DomainSubmit {
    /// The query's columns.
    static let opinionBeyondColumns = ["origin_body", "origin_report_id", "title", "beyond_step", "beyond_to", "on", "recorded_by", "bulletin_issue",
                                       "handling_result", "handling_on", "handling", "waiting_days"]

    static func opinionBeyond(_ runtime: NodeRuntime, _ request: QueryRequest, _ state: DomainState) -> Result<QueryRows, TransportError> {
        let asOf: Day
        switch RecordListQueries.asOf(runtime, request) {
        case .success(let d): asOf = d
        case .failure(let e): return .failure(e)
        }
        let awaitingOnly: Bool
        switch request.filter["awaiting"] ?? "false" {
        case "true": awaitingOnly = true
        case "false": awaitingOnly = false
        case let other:
            return .failure(TransportError.status(.invalidArgument, "query opinion_beyond: filter awaiting '\(other)' is not true or false"))
        }
        var rows: [[String: Any]] = []
        for r in state.opinions.values.sorted(by: { ($0.key.originBody, $0.key.originReportID) < ($1.key.originBody, $1.key.originReportID) }) {
            func row(_ step: String, _ to: String, _ on: Day, recordedBy: String) -> [String: Any] {
                ["origin_body": r.key.originBody, "origin_report_id": r.key.originReportID, "title": r.title, "beyond_step": step, "beyond_to": to,
                 "on": on.description, "recorded_by": recordedBy, "bulletin_issue": JSONNull(), "handling_result": JSONNull(), "handling_on": JSONNull(),
                 "handling": JSONNull(), "waiting_days": JSONNull()]
            }
            if !awaitingOnly {
                for s in r.aboveSends { rows.append(row("报送", s.level.label, s.on, recordedBy: state.body.id)) }
                for a in r.aboveAdoptions {
                    var out = row("采用", a.level.label, a.on, recordedBy: a.recordedBy)
                    out["bulletin_issue"] = a.bulletinIssue
                    rows.append(out)
                }
            }
            for d in r.departmentSends where !awaitingOnly || d.reply == nil {
                var out = row("转送部门", d.department, d.sentOn, recordedBy: state.body.id)
                if let reply = d.reply {
                    out["handling_result"] = reply.result.label
                    out["handling_on"] = reply.on.description
                    out["handling"] = reply.text
                } else {
                    out["waiting_days"] = max(0, asOf.daysSinceEpoch - d.sentOn.daysSinceEpoch)
                }
                rows.append(out)
            }
        }
        if awaitingOnly { rows.sort { ($0["waiting_days"] as? Int ?? 0) > ($1["waiting_days"] as? Int ?? 0) } }
        return .success(QueryRows(rows))
    }
}
