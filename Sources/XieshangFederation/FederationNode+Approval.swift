import XieshangCalendar
import XieshangStore
import XieshangWire

/// One body's approval (审核) of one period, as this node knows it: the state carries the data valid in it.
public enum ApprovalState: Equatable, Sendable {
    /// Approved (已审核): the approval event and the report it approves.
    case approved(approval: XieshangWire.EventRef, report: XieshangWire.EventRef)
    /// Returned (已退回) by `by` with `reason`: the approval event that was returned.
    case returned(approval: XieshangWire.EventRef, by: String, reason: String)

    /// Whether the approval stands (the period is locked at the body).
    public var stands: Bool { if case .approved = self { true } else { false } }
}

/// Approval and lock per period (数据审核与锁定, DHIS2's data approval, bottom-up).
///
/// Rules, as the core enforces them:
/// - A body approves a period only after every direct child's approval of it is held and stands, and only its latest
///   report of that period (a pending rollup is emitted first). The approval (``EventKind/approval``, scope up)
///   names that report's event; ancestors refuse an approval naming another body's report, a report they do not hold
///   with that hash, or one a newer report of the same period replaced.
/// - A parent also refuses to approve while a child's latest report is newer than the one the child approved.
/// - The parent returns a child's standing approval with a reason (``EventKind/approvalReturn``, scope down). It may
///   do so only while its own approval of that period does not stand (DHIS2's rule: unapprove the parent first), so
///   a return never leaves an approved parent above an unapproved child. The root, which nobody stands above, may
///   return its own approval. A return names the approval it returns; a newer approval is not touched by it.
/// - While a body's approval of a period stands, the period is locked at that body (``lockingPeriod(of:)``): the
///   node refuses records dated in it.
/// - A return travels down (to the child) and up (to the ancestors, which hold the child's approval), as two events
///   of one store transaction: every node that holds an approval learns of its return. Each checks that the signer
///   is the child's parent (config, or the accepted rosters).
/// State is derived from the log (at open, as for reports), never stored on its own.
extension FederationNode {
    /// The approval state of `body` for `period` (text form of a ``Period``), as this node knows it; nil: none held.
    public func approvalState(body: String, period: String) -> ApprovalState? { approvals[body]?[period] }

    /// The first period containing `day` (month, quarter, half-year, year, session) whose approval at this body
    /// stands, or nil: a record dated `day` is refused at this body while there is one.
    public func lockingPeriod(of day: Day) -> Period? {
        guard let own = approvals[id] else { return nil }
        return config.sessions.periods(containing: day).first { own[$0.description]?.stands == true }
    }

    /// Approves this body's figures for `period`: signs an ``Approval`` of the body's latest report of that period
    /// (emitting a pending rollup first) and sends it up.
    /// - Parameters:
    ///   - period: the period's text ("2026-03", "2026-Q1", "2026-H1", "2026", a session).
    ///   - report: the report the office looked at, when it names one: refused unless it is still the latest.
    /// - Throws: ``FederationError`` `.command` when a child has not approved, the period is already approved, the
    ///   named report is stale; `.fenced` when the node may not originate yet.
    @discardableResult
    public func approve(period: String, report: XieshangWire.EventRef? = nil, now: Int64) throws(FederationError) -> [FederationOutput] {
        self.now = now
        outputs = []
        if let why = FederationNode.periodRefusal(period) { throw FederationError(.command, "\(id) cannot approve: \(why)", node: id) }
        if approvals[id]?[period]?.stands == true {
            throw FederationError(.command, "\(id) has already approved \(period) (已审核); its parent returns it before it can be approved again", node: id)
        }
        // A child that moved during the period (区划调整) reports parts of it, which are not approved on their own.
        let waiting = expectedChildIds(period: period).filter { movedPart(of: period, body: $0, under: id) == nil || movedPart(of: period, body: $0, under: id) == period }
            .filter { approvals[$0]?[period]?.stands != true }
        guard waiting.isEmpty else {
            throw FederationError(.command, "\(id) cannot approve \(period) before its children approved theirs (自下而上审核): "
                                  + "waiting for \(waiting.joined(separator: ", "))", node: id)
        }
        guard !fenced else {
            throw FederationError(.fenced, "\(id) cannot approve \(period) yet: it has not heard from its parent how far its own chain goes; retry when the link to the parent is up", node: id)
        }
        // Each child's approval must approve the report this node sums: figures that changed after a child's approval
        // (a cross-body step attributed to it) are not approved figures.
        for child in childIds.sorted() {
            guard case .approved(_, let approved)? = approvals[child]?[period], let held = childReports[child]?[period],
                  held.seq != approved.seq || held.hash != approved.hash else { continue }
            throw FederationError(.command, "\(id) cannot approve \(period): \(child)'s figures changed after its approval (it approved report "
                                  + "#\(approved.seq), its latest is #\(held.seq)); return \(child)'s approval so its office approves the new figures", node: id)
        }
        if lastReportRefs[period] == nil || dirtyPeriods.contains(period) {
            dirtyPeriods.insert(period)
            emitRollups()
        }
        guard let latest = lastReportRefs[period] else {
            throw FederationError(.command, "\(id) has no report of \(period) to approve: its figures cannot be computed now; retry", node: id)
        }
        if let report, report != latest {
            throw FederationError(.command, "\(id) cannot approve report \(report.origin)#\(report.seq) of \(period): it is not the body's "
                                  + "latest report of that period (that is #\(latest.seq)); look at the figures again and approve those", node: id)
        }
        try originate(kind: .approval, payload: Approval(period: period, body: id, report: latest).serializedBytes(), route: .up)
        return outputs
    }

    /// Returns (退回) `child`'s approval of `period` with `reason`: signed events down (the child's period unlocks) and
    /// up (the ancestors see it returned).
    /// At the root, `child` may be this node itself (it withdraws its own approval).
    /// - Throws: ``FederationError`` `.command` when `child` is not a direct child, its approval does not stand, or
    ///   this node's own approval of the period stands.
    @discardableResult
    public func returnApproval(child: String, period: String, reason: String, now: Int64) throws(FederationError) -> [FederationOutput] {
        self.now = now
        outputs = []
        if let why = FederationNode.periodRefusal(period) { throw FederationError(.command, "\(id) cannot return: \(why)", node: id) }
        guard childIds.contains(child) || (child == id && config.parent == nil) else {
            throw FederationError(.command, "\(id) cannot return the approval of \(child): only a body's parent returns it, and \(child) is not a "
                                  + "direct child of \(id)\(child == id ? " (a body with a parent cannot return its own approval)" : "")", node: id)
        }
        guard !reason.isEmpty else { throw FederationError(.command, "a return needs a reason (退回理由) for \(child)'s office", node: id) }
        guard case .approved(let approval, _)? = approvals[child]?[period] else {
            throw FederationError(.command, "\(child) has no standing approval of \(period) at \(id) to return", node: id)
        }
        if child != id, approvals[id]?[period]?.stands == true {
            throw FederationError(.command, "\(id) cannot return \(child)'s approval of \(period) while its own approval of \(period) stands; "
                                  + "\(config.parent?.id ?? "its office") returns \(id)'s approval first", node: id)
        }
        // Down to the child, which it unlocks, and (one store transaction) up to the ancestors, which hold the child's
        // approval and would otherwise show it as standing.
        let payload = ApprovalReturn(child: child, period: period, approval: approval, reason: reason).serializedBytes()
        var group = [Origination(kind: .approvalReturn, payload: payload, route: .down(only: []))]
        if config.parent != nil { group.append(Origination(kind: .approvalReturn, payload: payload, route: .up)) }
        do throws(GroupRefusal) {
            _ = try originateGroup(group)
        } catch {
            throw error.error
        }
        return outputs
    }

    // MARK: Applying and checking

    /// Applies a stored approval or return to ``approvals``; why it cannot be applied, or nil.
    func approvalApplied(_ body: EventBody, stored: StoredEvent) -> String? {
        let signer = ChainName.node(of: body.origin)
        switch body.kind {
        case .approval:
            guard let approval = try? Approval(serializedBytes: body.payload), let report = approval.report else { return "approval does not decode" }
            if let why = FederationNode.periodRefusal(approval.period) { return why }
            guard approval.body == signer else { return "approval names body \(approval.body) but is signed by \(signer)" }
            approvals[signer, default: [:]][approval.period] =
                .approved(approval: XieshangWire.EventRef(origin: stored.origin, seq: stored.seq, hash: stored.hash), report: report)
        case .approvalReturn:
            guard let r = try? ApprovalReturn(serializedBytes: body.payload), let approval = r.approval else { return "approval return does not decode" }
            if let why = returnRefusal(r, signer: signer) { return why }
            // A return names the approval it returns: a newer approval of the period stands.
            guard case .approved(let current, _)? = approvals[r.child]?[r.period], current == approval else { return nil }
            approvals[r.child, default: [:]][r.period] = .returned(approval: approval, by: signer, reason: r.reason)
        default: break
        }
        return nil
    }

    /// Why `r`, signed by `signer`, is not a return this node may apply, or nil: only the child's parent (as this node's
    /// config and accepted rosters say) returns an approval, the root its own. A return naming a body this node does
    /// not know (a sibling's child, passing down) is no business of this node: nil, and applying it changes nothing.
    func returnRefusal(_ r: ApprovalReturn, signer: String) -> String? {
        if let why = FederationNode.periodRefusal(r.period) { return why }
        let parent: String
        if r.child == id { parent = config.parent?.id ?? id } else if childIds.contains(r.child) { parent = id }
        else if let p = parentOf[r.child] { parent = p } else { return nil }  // a body this node does not know: nothing to apply
        guard parent == signer else {
            return "\(signer) returned the approval of \(r.child) for \(r.period), but only \(r.child)'s parent (\(parent)) may"
        }
        return nil
    }

    /// Checks a received approval or return before it is stored (nil: it may be stored).
    func approvalCheck(_ body: EventBody, pendingReports: [String: [UInt64: (hash: [UInt8], body: EventBody)]]) -> Rejection? {
        let signer = ChainName.node(of: body.origin)
        func refused(_ why: String, period: String = "") -> Rejection {
            Rejection(code: "bad_approval", reason: "\(body.kind == .approval ? "approval" : "approval return") \(body.origin)#\(body.seq): \(why)",
                      alert: true, period: period)
        }
        if body.kind == .approvalReturn {
            guard let r = try? ApprovalReturn(serializedBytes: body.payload), r.approval != nil else { return refused("does not decode") }
            return returnRefusal(r, signer: signer).map { refused($0, period: r.period) }
        }
        guard let approval = try? Approval(serializedBytes: body.payload), let ref = approval.report else { return refused("does not decode") }
        if let why = FederationNode.periodRefusal(approval.period) { return refused(why) }
        guard body.origin == signer, approval.body == signer else {
            return refused("names body \(approval.body) but is signed by \(signer) on chain \(body.origin)", period: approval.period)
        }
        guard ref.origin == signer else {
            return refused("names \(ref.origin)'s report #\(ref.seq); a body approves only its own report", period: approval.period)
        }
        // The cited report: held (or delivered just before) with that hash, a report of the same period, and the
        // latest of that period the approver sent before the approval.
        let cited = heldEvent(ref, pending: pendingReports)
        guard let cited, cited.hash == ref.hash, cited.body.kind == .aggregateReport, ref.seq < body.seq,
              let report = try? AggregateReport(serializedBytes: cited.body.payload), report.period == approval.period else {
            return refused("names report \(ref.origin)#\(ref.seq), which \(id) does not hold as \(signer)'s report of \(approval.period) with that hash",
                           period: approval.period)
        }
        if let newer = newerReport(of: signer, period: approval.period, after: ref.seq, before: body.seq, pendingReports: pendingReports) {
            return refused("approves report #\(ref.seq) of \(approval.period), but \(signer)'s latest report of that period is #\(newer)",
                           period: approval.period)
        }
        return nil
    }

    /// The seq of a report of `period` on `origin`'s up chain between `after` and `before` (exclusive), or nil.
    private func newerReport(of origin: String, period: String, after: UInt64, before: UInt64,
                             pendingReports: [String: [UInt64: (hash: [UInt8], body: EventBody)]]) -> UInt64? {
        for (seq, p) in pendingReports[origin] ?? [:] where seq > after && seq < before {
            if (try? AggregateReport(serializedBytes: p.body.payload))?.period == period { return seq }
        }
        guard after + 1 < before, let events = try? store.reader.events(origin: origin, seqs: (after + 1)...(before - 1)) else { return nil }
        for e in events where e.kind == EventKind.aggregateReport.protoValue {
            guard let b = try? SignedEvent(body: e.body, signature: e.signature).decodedBody(),
                  (try? AggregateReport(serializedBytes: b.payload))?.period == period else { continue }
            return e.seq
        }
        return nil
    }
}
