import XieshangCalendar
import XieshangStore
import XieshangWire

/// Rollups (汇总): debounced AggregateReports per period, citing each child's latest report, verified by the parent.
extension FederationNode {
    func markDirty(_ period: String) {
        dirtyPeriods.insert(period)
        scheduleRollup()
    }

    func scheduleRollup() {
        guard rollupDueAt == nil, !isLoading else { return }
        rollupDueAt = now + config.options.rollupDebounceMs
        outputs.append(.setTimer(.rollup, atMs: rollupDueAt!))
    }

    /// The periods of the days a ``FiguresTouch`` names: each day's month, quarter, half-year and year and its session
    /// period (``FederationConfig/sessions``); with stocks, also every period this node knows (reported, or rolled
    /// before) that ends on or after the day.
    func periods(touchedBy touch: FiguresTouch) -> Set<String> {
        var out: Set<String> = []
        for day in touch.days { for p in config.sessions.periods(containing: day) { out.insert(p.description) } }
        if let from = touch.stocksFrom {
            for p in config.sessions.periods(containing: from) { out.insert(p.description) }
            for text in Set(lastReports.keys).union(ownCache.keys) where !out.contains(text) {
                if let p = try? Period(parsing: text), p.end >= from, isOwnPeriod(p) { out.insert(text) }
            }
        }
        // A body that moved reports a period that straddles the date in parts too (区划调整).
        guard moves[id] != nil else { return out }
        for text in out {
            guard let p = try? Period(parsing: text) else { continue }
            for part in pieces(of: p, body: id) where part != p { out.insert(part.description) }
        }
        return out
    }

    /// This body's own figures for the period named `text`, from the source (cached until a touch makes them stale).
    /// - Throws: ``FederationError`` `.config` for text that is no period; the source's error when it cannot answer.
    func ownFiguresChecked(_ text: String) throws(FederationError) -> [String: Int64] {
        if let cached = ownCache[text], !ownStale.contains(text) { return cached }
        guard let source = figuresSource else { return [:] }
        let period: Period
        do { period = try Period(parsing: text) } catch {
            throw FederationError(.config, "\(id) cannot roll up '\(text)': \(error.messageEn)", node: id)
        }
        let figures = try source.ownFigures(for: period)
        ownCache[text] = figures
        ownStale.remove(text)
        return figures
    }

    /// The report this node would emit for `period` now (own figures empty when they cannot be computed; see
    /// ``makeReport(period:)`` for the checked form the node signs).
    public func currentReport(period: String) -> AggregateReport {
        (try? makeReport(period: period)) ?? AggregateReport(period: period, body: id, subtreeBodies: 1)
    }

    /// The report for `period`: own figures from the source plus the latest report of each child, summed with checks.
    /// Every map carries only its figures that are not zero (``FigureMap/nonZero(_:)``): own, totals and each cited
    /// child's totals (a child's report stored before, with explicit zeros, is cited without them).
    /// - Throws: ``FederationError`` when the own figures cannot be computed or a total leaves Int64's range.
    func makeReport(period: String) throws(FederationError) -> AggregateReport {
        let parsed = try? Period(parsing: period)
        var own = FigureMap.nonZero(try ownFiguresChecked(period))
        // A part that ends at a move leaves its stocks to the parent of the period's end (区划调整).
        if let parsed, let stocks = figuresSource?.stocks, endsAtMove(parsed, body: id) { own = own.filter { !stocks.contains($0.key) } }
        var totals = own
        var children: [ChildReport] = []
        var subtree: UInt32 = 1
        var onTime: UInt32 = 0
        let deadline = (parsed.map { $0.end.adding(days: 1).startMsChinaTime } ?? Int64.max)
            .addingReportingOverflow(config.options.onTimeGraceMs)
        for child in citableChildren() {
            // A child that moved during the period is cited for its part here (``piece(of:body:under:)``).
            var cited = period
            if let parsed {
                guard let part = piece(of: parsed, body: child, under: id) else { continue }
                cited = part.description
            }
            // Sums past a figure's range were refused on receipt (parentTotalsRefusal); a stored one is left out, never a trap.
            guard let state = childReports[child]?[cited],
                  case .success(let sum) = FigureMap.sum(totals, state.report.totals),
                  let bodies = FederationNode.checkedCount(subtree, state.report.subtreeBodies) else { continue }
            children.append(ChildReport(ref: XieshangWire.EventRef(origin: child, seq: state.seq, hash: state.hash),
                                        totals: FigureMap.nonZero(state.report.totals), subtreeBodies: state.report.subtreeBodies))
            totals = sum
            subtree = bodies
            if deadline.overflow || state.receivedMs < deadline.partialValue { onTime += 1 }
        }
        return AggregateReport(period: period, body: id, own: own, totals: FigureMap.nonZero(totals), children: children,
                               expectedChildren: UInt32(expectedChildIds(period: period).count), reportedChildren: UInt32(children.count),
                               onTimeChildren: onTime, subtreeBodies: subtree)
    }

    /// Emits every stale period's report in one group (one store transaction).
    func emitRollups() {
        guard !fenced else { return }
        var group: [Origination] = []
        for period in dirtyPeriods.sorted() {
            let report: AggregateReport
            do throws(FederationError) {
                report = try makeReport(period: period)
            } catch {
                outputs.append(.log(LogRecord(.debug, .rollupFailed, "no rollup for \(period) now: \(error.message)")))
                continue
            }
            if let last = lastReports[period], sameFigures(last, report) { continue }
            group.append(Origination(kind: .aggregateReport, payload: report.serializedBytes(), route: .up))
        }
        dirtyPeriods = []
        guard !group.isEmpty else { return }
        do throws(GroupRefusal) {
            _ = try originateGroup(group)
        } catch {
            outputs.append(.log(LogRecord(.warning, .rollupFailed, "cannot emit the rollups of \(group.count) periods: \(error.error.message)")))
        }
    }

    /// Whether two reports of a period carry the same figures and citations (absent = 0: a report stored before, with
    /// explicit zeros, is the same as the new one without them, so an upgraded node re-emits nothing and approvals
    /// of its reports stand).
    func sameFigures(_ a: AggregateReport, _ b: AggregateReport) -> Bool {
        FigureMap.equal(a.own, b.own) && FigureMap.equal(a.totals, b.totals) && a.children.map(\.ref) == b.children.map(\.ref)
            && a.expectedChildren == b.expectedChildren && a.onTimeChildren == b.onTimeChildren
    }

    /// Checks an event's payload where it can lie: a rollup must add up, an escalation must carry a valid original; a
    /// kind reserved for tests is refused unless this node's config enables it (`test_kind`).
    func contentCheck(_ body: EventBody, pendingReports: [String: [UInt64: (hash: [UInt8], body: EventBody)]],
                      preceding: [EventBody]) -> Rejection? {
        if FederationNode.reservedTestKinds.contains(body.kind) && !config.testKinds.contains(body.kind) {
            return Rejection(code: "test_kind", reason: "\(body.origin)#\(body.seq) is of kind \(body.kind.protoValueName ?? "\(body.kind)"), reserved for tests: \(id) is a shipped build, which neither records nor accepts it (not stored)",
                             alert: true)
        }
        switch body.kind {
        case .aggregateReport: return verifyReport(body, pendingReports: pendingReports, preceding: preceding)
        case .escalation: return verifyEscalation(body)
        case .membership: return membershipCheck(body)
        case .approval, .approvalReturn: return approvalCheck(body, pendingReports: pendingReports)
        case .keyRotation: return keyRotationCheck(body)
        case .keyRevocation: return keyRevocationCheck(body)
        default: return nil
        }
    }

    /// A report's totals must equal its own figures plus the totals of the child reports it cites, and each cited
    /// report must be one this node holds (so its signature was verified) with those totals.
    /// `preceding`: the events of the same receipt before it, not yet stored (its own figures are compared with them too).
    func verifyReport(_ body: EventBody, pendingReports: [String: [UInt64: (hash: [UInt8], body: EventBody)]],
                      preceding: [EventBody]) -> Rejection? {
        guard let report = try? AggregateReport(serializedBytes: body.payload) else {
            return Rejection(code: "malformed", reason: "aggregate report \(body.origin)#\(body.seq) does not decode", alert: true)
        }
        func mismatch(_ figure: String, _ why: String) -> Rejection {
            Rejection(code: "rollup_mismatch", reason: "rollup of \(body.origin) for \(report.period): \(why)", alert: true,
                      figure: figure, period: report.period)
        }
        if report.body != body.origin { return mismatch("", "report names body \(report.body)") }
        if let why = FederationNode.periodRefusal(report.period) {
            return Rejection(code: "bad_period", reason: "report \(body.origin)#\(body.seq): \(why)", alert: true)
        }
        if let why = citationRefusal(report, reporter: body.origin) {
            return Rejection(code: "bad_citation", reason: "rollup of \(body.origin) for \(report.period): \(why)", alert: true, period: report.period)
        }
        var expected = report.own
        var subtree: UInt32 = 1
        for child in report.children {
            guard let ref = child.ref else { return mismatch("", "a cited child report has no reference") }
            let cited = heldEvent(ref, pending: pendingReports)
            guard let cited, cited.hash == ref.hash, cited.body.kind == .aggregateReport,
                  let citedReport = try? AggregateReport(serializedBytes: cited.body.payload) else {
                return mismatch("", "cites \(ref.origin)#\(ref.seq), which \(id) does not hold with that hash")
            }
            if citedReport.period != report.period && citedReport.period != movedPart(of: report.period, body: ref.origin, under: body.origin) {
                return mismatch("", "cites \(ref.origin)#\(ref.seq) of period \(citedReport.period)")
            }
            if let f = FigureMap.firstDifference(citedReport.totals, child.totals) {
                return mismatch(f, "cites \(ref.origin)'s \(f) as \(child.totals[f] ?? 0) but that report says \(citedReport.totals[f] ?? 0)")
            }
            switch FigureMap.sum(expected, citedReport.totals) {
            case .success(let sum): expected = sum
            case .failure(let overflow): return mismatch(overflow.figure, "\(overflow.figure) summed over the cited reports passes Int64's range")
            }
            guard let bodies = FederationNode.checkedCount(subtree, citedReport.subtreeBodies) else {
                return mismatch("subtree_bodies", "cited reports claim more than \(UInt32.max) bodies")
            }
            subtree = bodies
        }
        if let f = FigureMap.firstDifference(report.totals, expected) {
            return mismatch(f, "total \(f) is \(report.totals[f] ?? 0) but own figures plus cited children give \(expected[f] ?? 0)")
        }
        if report.subtreeBodies != subtree {
            return mismatch("subtree_bodies", "claims \(report.subtreeBodies) bodies, cited reports give \(subtree)")
        }
        if childIds.contains(body.origin), let why = parentTotalsRefusal(report, from: body.origin) {
            return mismatch("", why)
        }
        return ownFiguresRefusal(report, body: body, preceding: preceding)
    }

    /// The event `ref` names as this node holds it — delivered earlier in the batch being checked, or stored — with its
    /// hash and decoded body; nil when it holds no such event.
    func heldEvent(_ ref: XieshangWire.EventRef, pending: [String: [UInt64: (hash: [UInt8], body: EventBody)]]) -> (hash: [UInt8], body: EventBody)? {
        if let p = pending[ref.origin]?[ref.seq] { return p }
        guard let e = try? store.reader.events(origin: ref.origin, seqs: ref.seq...ref.seq).first,
              let b = try? SignedEvent(body: e.body, signature: e.signature).decodedBody() else { return nil }
        return (e.hash, b)
    }

    /// An escalation (上报) must wrap an original event whose signature verifies against its origin's key.
    func verifyEscalation(_ body: EventBody) -> Rejection? {
        guard let escalation = try? Escalation(serializedBytes: body.payload),
              let original = try? SignedEvent(serializedBytes: escalation.original),
              let inner = try? original.decodedBody() else {
            return Rejection(code: "bad_escalation", reason: "escalation \(body.origin)#\(body.seq) does not carry a decodable original event", alert: true)
        }
        guard case .valid(let key)? = keyAt(inner.origin, seq: inner.seq), key.isValidSignature(original.signature, for: original.body) else {
            return Rejection(code: "bad_escalation", reason: "escalation \(body.origin)#\(body.seq) wraps \(inner.origin)#\(inner.seq), whose signature does not verify", alert: true)
        }
        return nil
    }

    /// Escalates (上报) a stored event of a descendant to this node's parent, wrapping its exact signed bytes.
    /// - Throws: ``FederationError`` when the event is not held or the node may not originate.
    @discardableResult
    public func escalate(origin: String, seq: UInt64, note: String, decision: String, now: Int64) throws(FederationError) -> [FederationOutput] {
        self.now = now
        outputs = []
        guard let e = try? store.reader.events(origin: origin, seqs: seq...seq).first else {
            throw FederationError(.store, "cannot escalate \(origin)#\(seq): \(id) does not hold it", node: id)
        }
        let original = SignedEvent(body: e.body, signature: e.signature).serializedBytes()
        try originate(kind: .escalation, payload: Escalation(original: original, note: note, decision: decision).serializedBytes(), route: .up)
        return outputs
    }
}
