import XieshangDomain
import XieshangStore
import XieshangTransport
import XieshangWire

/// The queries of research and inspection reports 调研视察报告, answered from the body's ``DomainState``: `research` (every
/// report with its activity, kind, day, how many instructions 批示 it got and what it was turned into 成果转化) and
/// `research_report` (one report with its text, its instructions and its conversions; `id`).
extension DomainSubmit {
    /// The columns of a `research` row.
    static let researchColumns = ["id", "title", "kind", "activity_id", "reported_on", "instructed", "converted"]

    /// A report's list row.
    static func researchRow(_ r: ResearchReport) -> [String: Any] {
        ["id": r.id, "title": r.title, "kind": r.kind.rawValue, "activity_id": r.activityID, "reported_on": r.reportedOn.description,
         "instructed": r.instructions.count,
         "converted": r.conversions.map { Labels.zh("conversion." + $0.conversion.kind) + "：" + $0.conversion.target }]
    }

    /// Every report, by id.
    static func research(_ state: DomainState) -> QueryRows {
        QueryRows(state.researchReports.values.sorted { $0.id < $1.id }.map(researchRow))
    }

    /// One report with its text, instructions and conversions.
    static func researchReport(_ runtime: NodeRuntime, _ request: QueryRequest, _ state: DomainState) -> Result<QueryRows, TransportError> {
        let id = request.id.isEmpty ? (request.filter["id"] ?? "") : request.id
        guard let r = state.researchReports[id] else {
            return .failure(TransportError.status(.notFound,
                "[research.exists] there is no research or inspection report \(id) at \(runtime.config.nodeId) (调研视察报告 \(id) 不存在); list them with `xieshang research reports`"))
        }
        var row = researchRow(r)
        row["text"] = r.text
        row["instructions"] = r.instructions.map { ["on": $0.on.description, "level": $0.level, "leader": $0.leader, "text": $0.text] }
        // `conversion` as people read it (社情民意信息), `kind` as code.
        row["conversions"] = r.conversions.map {
            ["on": $0.on.description, "conversion": Labels.zh("conversion." + $0.conversion.kind), "kind": $0.conversion.kind,
             "target": $0.conversion.target]
        }
        return .success(QueryRows([row]))
    }
}
