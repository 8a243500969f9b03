import XieshangDomain
import XieshangFederation
import XieshangTransport
import XieshangWire

/// Approval and lock per period at the node (数据审核与锁定): the Admin `Submit` of an approval or a return (the CLI's
/// `xieshang approve` and `xieshang return`), the lock a standing approval puts on records dated in its period, and
/// each body's approval state for `stats`. The rules themselves are the core's (``FederationNode/approve(period:report:now:)``).
///
/// Submit payloads: kind `EVENT_KIND_APPROVAL` with an ``Approval`` naming the period (and, optionally, the report the
/// office looked at: refused unless still the latest); kind `EVENT_KIND_APPROVAL_RETURN` with an ``ApprovalReturn``
/// naming the child, the period and the reason (the approval returned is the child's standing one).
enum NodeApproval {
    /// The envelope kinds handled here.
    static let kinds: Set<EventKind> = [.approval, .approvalReturn]

    /// Handles one Submit of an approval or a return; a broken rule is `FAILED_PRECONDITION` with the core's message.
    static func submit(_ runtime: NodeRuntime, _ request: SubmitRequest) async throws -> SubmitResponse {
        let kind = request.kind
        let payload = request.payload
        let result = await runtime.read { () -> Result<SubmitResponse, TransportError> in
            if let wait = runtime.originationBlocked() { return .failure(TransportError.status(.failedPrecondition, wait)) }
            let core = runtime.core
            let outputs: [FederationOutput]
            do {
                if kind == .approval {
                    let a = try Approval(serializedBytes: payload)
                    outputs = try core.approve(period: a.period, report: a.report, now: runtime.now())
                } else {
                    let r = try ApprovalReturn(serializedBytes: payload)
                    outputs = try core.returnApproval(child: r.child, period: r.period, reason: r.reason, now: runtime.now())
                }
            } catch let error as FederationError {
                return .failure(TransportError.status(.failedPrecondition, "refused at \(runtime.config.nodeId): \(error.message)"))
            } catch {
                return .failure(TransportError.status(.invalidArgument, "\(kind) payload does not decode: \(error)"))
            }
            runtime.carryOnQueue(outputs)
            var seqs: [UInt64] = []
            var hash: [UInt8] = []
            for case .originated(let origin, let seq) in outputs {
                seqs.append(seq)
                hash = (try? core.store.reader.events(origin: origin, seqs: seq...seq))?.first?.hash ?? []
            }
            return .success(SubmitResponse(seq: seqs.last ?? 0, hash: hash, seqs: seqs))
        }
        return try result.get()
    }

    /// The lock (`period.locked`): why `events`, about to be recorded at this body, are refused because one is dated
    /// (by the record's own date in China Standard Time) in a period whose approval stands here, or nil. `state` is
    /// the body's records with `events` applied (the date of a step is its own, as the figures count it).
    static func lockRefusal(_ runtime: NodeRuntime, _ events: [DomainEvent], state: DomainState) -> TransportError? {
        let moved = runtime.core.moveLock()
        for event in events {
            let touched = state.figureDays(of: event)
            // After a move (区划调整) the records before its date are closed: they count under the parent it left.
            if let moved, let day = (touched.days + (touched.stocksFrom.map { [$0] } ?? [])).first(where: { $0 < moved.before }) {
                let error = DomainError(.ruleBroken, rule: "membership.moved",
                    zh: "本组织自 \(moved.before) 起划归新的上级：日期为 \(day) 的记录属于原上级 \(moved.leftParent) 的统计，不能再录入",
                    en: "\(runtime.config.nodeId) moved to its new parent from \(moved.before): a record dated \(day) belongs to the figures of "
                        + "\(moved.leftParent), which it left, and is refused")
                return TransportError.status(.failedPrecondition, "refused at \(runtime.config.nodeId): \(error); nothing was recorded")
            }
            guard let day = touched.days.first ?? touched.stocksFrom, let period = runtime.core.lockingPeriod(of: day) else { continue }
            let parent = runtime.config.parent?.nodeId ?? runtime.config.nodeId
            let error = DomainError(.ruleBroken, rule: "period.locked",
                zh: "\(period) 的数据已审核锁定：日期为 \(day) 的记录不能录入，须由 \(parent) 退回审核后再录入",
                en: "period \(period) is approved and locked at \(runtime.config.nodeId): a record dated \(day) is refused; "
                    + "ask \(parent) to return the approval (xieshang return) first")
            return TransportError.status(.failedPrecondition, "refused at \(runtime.config.nodeId): \(error); nothing was recorded")
        }
        return nil
    }

    /// The approval state of `body` for `period` as this node knows it, for `stats`: "approved", "superseded" (the
    /// report `shown` is newer than the one approved: its figures changed after the approval), "returned" or
    /// "not_approved", and the reason and the returning body of a return.
    static func state(_ runtime: NodeRuntime, body: String, period: String, shown: XieshangWire.EventRef? = nil) -> (state: String, reason: String, by: String) {
        switch runtime.core.approvalState(body: body, period: period) {
        case .approved(_, let report)?:
            if let shown, shown.origin == report.origin, shown.seq > report.seq { return ("superseded", "", "") }
            return ("approved", "", "")
        case .returned(_, let by, let reason)?: return ("returned", reason, by)
        case nil: return ("not_approved", "", "")
        }
    }
}

extension NodeApproval {
    /// Adds the approval state, completeness and timeliness of `figures`' body (from its `report`) for `stats`.
    static func annotate(_ figures: inout BodyFigures, _ runtime: NodeRuntime, report: AggregateReport, period: String) {
        let s = state(runtime, body: figures.body, period: period, shown: figures.source)
        figures.approval = s.state
        figures.returnReason = s.reason
        figures.returnedBy = s.by
        figures.expectedChildren = report.expectedChildren
        figures.reportedChildren = report.reportedChildren
        figures.onTimeChildren = report.onTimeChildren
    }
}
