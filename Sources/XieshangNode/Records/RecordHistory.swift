import XieshangDomain
import XieshangFederation
import XieshangStore
import XieshangWeb
import XieshangWire

/// A record's history 记录历程 for its detail page: the signed domain events in this node's log that made or moved
/// it — which body signed each and who made it there (the event's `actor`), when it was signed, the record's own
/// day and the step — in log order. A record is matched by its id as ``FigureRecords/identity(_:)`` reads it from
/// each event.
enum RecordHistory {
    /// Chinese names of domain steps (the case name of each event's step).
    static let steps: [String: String] = [
        "submitted": "提交", "cosignerConfirmed": "附议确认", "withdrawn": "撤回", "reviewed": "审查", "assigned": "交办",
        "objected": "承办单位提出异议", "reassigned": "重新交办", "extended": "延期", "coHandlingOpinion": "会办意见", "replied": "答复",
        "evaluated": "满意度测评", "rehandled": "退回重办", "closed": "办结", "keyProposal": "列为重点提案",
        "edited": "编辑", "adopted": "录用/采纳", "archived": "存档", "forwarded": "报送上级", "adoptedHigher": "上级录用", "instruction": "领导批示",
        "sentAbove": "报送省级以上政协", "adoptedAbove": "省级以上政协采用", "sentToDepartment": "转送部门", "departmentReplied": "部门办理答复",
        "made": "提出", "topicsSolicited": "征集议题", "topicProposed": "提出议题", "topicPicked": "选定议题", "topicReceived": "收到议题", "topicDecided": "议题处理", "drafted": "起草",
        "itemAdded": "增加事项", "approved": "审定", "issued": "印发", "decomposed": "分解下达", "decompositionReported": "分解上报", "stageReported": "报告进度",
        "reported": "形成报告", "instructed": "领导批示", "converted": "成果转化",
    ]

    /// The step of `event` in Chinese.
    static func step(_ event: DomainEvent) -> String {
        func name(_ step: Any) -> String {
            let raw = String(String(describing: step).prefix { $0 != "(" })
            return steps[raw] ?? raw
        }
        switch event {
        case .proposal(let e): return "提案" + name(e.step)
        case .opinion(let e): return "社情民意" + name(e.step)
        case .suggestion(let e): return "建议" + name(e.step)
        case .plan(let e): return "计划" + name(e.step)
        case .activity: return "记录活动"
        case .member: return "登记委员"
        case .duty: return "履职登记"
        case .policy: return "设定规则"
        case .station(let e):
            if case .retired = e.step { return "撤销站点" }
            return "登记站点"
        case .research(let e): return "调研视察报告" + name(e.step)
        }
    }

    /// Whether `event` belongs to record `id` of record type `type` (a member's record also holds their attendance
    /// and duty adjustments; a plan's, its items' steps).
    static func matches(_ event: DomainEvent, type: RecordType, id: String) -> Bool {
        let record = FigureRecords.identity(event).record
        switch (type, event.recordType) {
        case (.plan, .plan): return id == record || id.hasPrefix(record + "/")
        case (.member, .duty): return record == id
        case (let listed, let made): return listed == made && record == id
        }
    }

    /// The events of record `id` of record type `type`, read from the log in pages.
    /// - Throws: ``StoreError`` when the log cannot be read.
    static func events(of type: RecordType, id: String, runtime: NodeRuntime) throws(StoreError) -> [RecordEvent] {
        let reader = runtime.core.store.reader
        var names: [String: String] = [runtime.config.nodeId: runtime.config.name]
        for c in runtime.config.children { names[c.nodeId] = c.name }
        var out: [RecordEvent] = []
        try FigureRecords.forEachDomainEvent(in: reader) { e, signed, event in
            guard matches(event, type: type, id: id) else { return }
            let body = ChainName.node(of: e.origin)
            let name = names[body] ?? runtime.core.subtreeEntry(body)?.name ?? body
            out.append(RecordEvent(body: body, bodyName: name.isEmpty ? body : name, seq: e.seq, timeMs: e.timeMs,
                                   day: FigureRecords.identity(event).date.description, step: step(event),
                                   actor: EventActor.bounded(signed.actor)))
        }
        return out
    }
}
