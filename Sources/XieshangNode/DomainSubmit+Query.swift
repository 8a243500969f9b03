import Dispatch
import FoundationEssentials
import Glibc
import XieshangDomain
import XieshangStore
import XieshangTransport
import XieshangWire

/// The queries answered from the body's ``DomainState`` (their entries, filters and columns are in ``QueryCatalog``):
/// one proposal, suggestions, plans, plan trees, topics, the body's figures, bodies, duty records and rankings,
/// appraisals, the policy, the units' handling table.
extension DomainSubmit {
    /// Answers `rows` from the body's state, read on a read-only connection of its own.
    static func withState(_ runtime: NodeRuntime, _ request: QueryRequest,
                          _ rows: (Database, DomainState) throws -> Result<QueryRows, TransportError>) -> Result<QueryRows, TransportError> {
        let path = runtime.core.store.path
        do {
            let database = try Database(path: path, readOnly: true, create: false)
            return try rows(database, try runtime.records.state(in: database))
        } catch {
            return .failure(TransportError.status(.internal, "query \(request.recordType) on \(path): \(error)"))
        }
    }

    /// One proposal (the `id` filter or the request's id) with co-signers, replies, evaluations, quarterly appraisals,
    /// written explanations, instructions and supervisions; its first cells are its `proposals` row's.
    static func proposal(_ runtime: NodeRuntime, _ request: QueryRequest, _ database: Database, _ state: DomainState) throws -> Result<QueryRows, TransportError> {
        let id = request.id.isEmpty ? (request.filter["id"] ?? "") : request.id
        guard let d = try RecordQueries(database: database, projector: runtime.records).proposal(id) else {
            return .failure(TransportError.status(.notFound,
                "[proposal.exists] there is no proposal \(id) at \(runtime.config.nodeId) (提案 \(id) 不存在); list them with `xieshang proposal list`"))
        }
        let held = state.proposals[id]
        var row = RecordListQueries.cells(d.proposal)
        row["text"] = d.text
        row["cosigners"] = d.cosigners.map { ["member": $0.member, "confirmed": $0.confirmed] }
        row["replies"] = d.replies.map { ["round": $0.round, "unit": $0.unit, "reply_class": $0.replyClass, "text": $0.text, "on": $0.on, "on_time": $0.onTime] }
        row["evaluations"] = d.evaluations.map { ["round": $0.round, "member": $0.member, "rating": $0.rating, "on": $0.on] }
        row["appraisals"] = (held?.appraisals ?? []).map {
            ["quarter": $0.quarter.description, "on": $0.on.description, "round": $0.round, "rate": $0.rate.description,
             "rate_numerator": $0.rate.numerator, "rate_denominator": $0.rate.denominator,
             "threshold_percent": $0.votes.thresholdPercent, "below_threshold": $0.belowThreshold]
        }
        row["explanations"] = (held?.explanations ?? []).map { ["round": $0.round, "unit": $0.unit, "text": $0.text, "on": $0.on.description] }
        row["channel"] = held?.submission.channel.rawValue ?? IntakeChannel.web.rawValue
        // 批示 and 督办, fed back to the proposers: they read them on their proposal.
        row["instructions"] = (held?.instructions ?? []).map {
            ["on": $0.on.description, "leader_level": $0.instruction.leaderLevel, "leader": $0.instruction.leader, "text": $0.instruction.text]
        }
        row["supervisions"] = (held?.supervisions ?? []).map { ["on": $0.on.description, "outcome": $0.outcome.rawValue, "note": $0.note] }
        return .success(QueryRows([row]))
    }

    /// Every suggestion, by id.
    static func suggestions(_ state: DomainState) -> QueryRows {
        QueryRows(state.suggestions.values.sorted { $0.id < $1.id }.map { s in
            ["id": s.id, "text": s.text, "addressee": s.addressee, "activity_id": s.activityID, "members": s.members,
             "status": s.status.rawValue, "made_on": s.madeOn.description, "adopted_on": s.adoptedOn?.description ?? JSONNull(),
             "adopted_by": s.adoptedBy ?? JSONNull(), "closed_on": s.closedOn?.description ?? JSONNull()]
        })
    }

    /// Every item of the plans this body holds (filter `plan`) with all its columns.
    static func plans(_ request: QueryRequest, _ state: DomainState) -> QueryRows {
        var rows: [[String: Any]] = []
        for plan in state.plans.values.sorted(by: { ($0.key.issuer, $0.key.planID) < ($1.key.issuer, $1.key.planID) }) {
            if let only = request.filter["plan"], only != plan.key.planID { continue }
            for item in plan.items {
                let stages = Dictionary(item.assignees.map { a in (a, item.stage(of: a, asOf: Day(year: 9999, month: 12, day: 31)!).name) },
                                        uniquingKeysWith: { a, _ in a })
                rows.append(["issuer": plan.key.issuer, "plan_id": plan.key.planID, "year": plan.year, "title": plan.title,
                             "plan_status": "\(plan.status)", "document": plan.document ?? JSONNull(), "item_id": item.id,
                             "category": item.category, "topic": item.topic, "form": item.form, "lead_leader": item.leadLeader,
                             "department": item.department, "person": item.person, "deadline": item.deadline.description,
                             "assignees": item.assignees,
                             "parent": item.parent.map { "\($0.issuer)/\($0.planID)/\($0.itemID)" } ?? JSONNull(),
                             "stages": stages])
            }
        }
        return QueryRows(rows)
    }

    /// The body's own figures for the `period` filter (default this year in Beijing time), with its rates.
    static func figures(_ runtime: NodeRuntime, _ request: QueryRequest, _ state: DomainState) -> Result<QueryRows, TransportError> {
        let text: String, period: Period
        switch queryPeriod(runtime, request) {
        case .success(let p): (text, period) = (p.text, p.period)
        case .failure(let e): return .failure(e)
        }
        let (f, rates) = ownFigures(runtime, period: period, state: state)
        var row: [String: Any] = ["period": text, "body": runtime.config.nodeId]
        for (path, key) in Figures.counters { row[key] = f[keyPath: path] }
        row["repliesByClass"] = f.repliesByClass
        row["opinionsAdoptedHigher"] = f.opinionsAdoptedHigher
        row["consultationsByForm"] = f.consultationsByForm
        row["proposalsByChannel"] = f.proposalsByChannel
        row["opinionsByChannel"] = f.opinionsByChannel
        for (key, r) in rates { row[key] = ["numerator": r.numerator, "denominator": r.denominator] }
        return .success(QueryRows([row]))
    }

    /// One member's duty ledger 履职档案 for the `year` filter (default this year in Beijing time).
    static func duty(_ runtime: NodeRuntime, _ request: QueryRequest, _ state: DomainState) -> Result<QueryRows, TransportError> {
        let member = request.id.isEmpty ? (request.filter["member"] ?? "") : request.id
        guard let m = state.members[member], m.body == state.body.id else {
            return .failure(TransportError.status(.notFound,
                "[duty.member] \(member.isEmpty ? "no member given" : member + " is not a member of " + runtime.config.nodeId) (\(member) 不是本组织的委员); list them with `xieshang member list`"))
        }
        let year: Int
        switch yearFilter(runtime, request) {
        case .success(let y): year = y
        case .failure(let e): return .failure(e)
        }
        let a = state.dutyAssessment(member: member, year: year)
        let row: [String: Any] = [
            "member": member, "name": m.name, "body": state.body.id, "year": year, "total_tenths": a.totalTenths,
            "categories": Dictionary(uniqueKeysWithValues: DutyCategory.allCases.map { ($0.rawValue, a.categoryTenths[$0] ?? 0) }),
            "proposal_count": a.proposalCount, "opinion_count": a.opinionCount,
            "minimums_missed": a.minimumsMissed.map(\.rawValue), "needs_talk": a.needsTalk,
            "minimums": minimums(a), "training_count": a.trainingCount,
            "resignation_recommended": a.resignationRecommended,
            "entries": a.entries.map { e in
                ["on": e.on.description, "category": e.category.rawValue, "tenths": e.tenths, "rule": e.rule, "source": e.source.key,
                 "at": e.elsewhere ?? state.body.id]
            },
        ]
        return .success(QueryRows([row]))
    }

    /// The `year` filter of a duty query (default this year in Beijing time).
    static func yearFilter(_ runtime: NodeRuntime, _ request: QueryRequest) -> Result<Int, TransportError> {
        guard let text = request.filter["year"] else { return .success(Day(chinaTimeMs: runtime.now()).year) }
        guard let y = Int(text), (1900...9999).contains(y) else {
            return .failure(TransportError.status(.invalidArgument,
                "query \(request.recordType): filter year '\(text)' is not a year like 2026 (年度应为 1900 至 9999 的年份)"))
        }
        return .success(y)
    }

    /// The four yearly minimums ("四个一") of an assessment: category, count, minimum, met.
    static func minimums(_ a: DutyAssessment) -> [[String: Any]] {
        a.minimums.map { ["category": $0.category.rawValue, "count": $0.count, "required": $0.required, "met": $0.met] }
    }

    /// The body's members ranked by their total for the `year` filter, with the award rule applied (``DutyRanking``):
    /// one row per member, by rank then id; `places`, `award_min_tenths` and `award_top_percent` repeat the rule.
    static func dutyRanking(_ runtime: NodeRuntime, _ request: QueryRequest, _ state: DomainState) -> Result<QueryRows, TransportError> {
        let year: Int
        switch yearFilter(runtime, request) {
        case .success(let y): year = y
        case .failure(let e): return .failure(e)
        }
        let ranking = state.dutyRanking(year: year)
        let rows: [[String: Any]] = ranking.standings.map { s in
            let a = s.assessment, m = state.members[a.member]
            return ["rank": s.rank, "member": a.member, "name": m?.name ?? "", "sector": m?.sector ?? "", "total_tenths": a.totalTenths,
                    "minimums_missed": a.minimumsMissed.map(\.rawValue), "needs_talk": a.needsTalk,
                    "resignation_recommended": a.resignationRecommended, "award": s.award, "not_awarded": s.notAwarded,
                    "minimums": minimums(a), "members": ranking.standings.count, "places": ranking.places,
                    "award_min_tenths": ranking.awardMinTenths, "award_top_percent": ranking.awardTopPercent, "year": year]
        }
        return .success(QueryRows(rows))
    }

    /// The topics 征集议题 of the plans this body holds (filter `plan`): each with its source and proposer, and what became
    /// of it (`decision`: adopted as an item, merged into another topic, not adopted with the reason, or open).
    static func topics(_ request: QueryRequest, _ state: DomainState) -> QueryRows {
        var rows: [[String: Any]] = []
        for plan in state.plans.values.sorted(by: { ($0.key.issuer, $0.key.planID) < ($1.key.issuer, $1.key.planID) }) {
            if let only = request.filter["plan"], only != plan.key.planID { continue }
            for t in plan.topics {
                let d = plan.topicDecisions[t.id]
                var row: [String: Any] = [
                    "issuer": plan.key.issuer, "plan_id": plan.key.planID, "topic_id": t.id, "source": t.source.rawValue,
                    "proposer": t.source == .lowerBody ? t.byBody : t.proposer, "topic": t.topic, "reason": t.reason,
                    "proposed_on": t.proposedOn?.description ?? JSONNull(), "decision": "open", "item": JSONNull(),
                    "merged_into": JSONNull(), "not_adopted_reason": JSONNull(), "decided_on": d?.on.description ?? JSONNull(),
                ]
                switch d?.outcome {
                case .adopted(let item)?: row["decision"] = "adopted"; row["item"] = item
                case .decided(.merged(let into))?: row["decision"] = "merged"; row["merged_into"] = into
                case .decided(.notAdopted(let reason))?: row["decision"] = "notAdopted"; row["not_adopted_reason"] = reason
                case nil: break
                }
                rows.append(row)
            }
        }
        return QueryRows(rows)
    }

    /// The sub-plans the bodies below reported up (``PlanTree``), from their records kept here by owner, in key order.
    static func plansBelow(_ states: [String: DomainState]) -> [ConsultationPlan] {
        states.sorted { $0.key < $1.key }.flatMap { owner, state in
            state.plans.values.filter { $0.key.issuer == owner }.sorted { $0.key.planID < $1.key.planID }
        }
    }

    /// Every item of the plans this body holds (filter `plan`) that is not a sub-item of another item it holds, with
    /// one row per assignee down the tree (``PlanTree/assignments(of:in:asOf:)``) as of the `as_of` filter (default
    /// today in Beijing time): depth 0 for the item's own assignees, then the sub-items' (`sub_*` name the sub-item).
    static func planTree(_ runtime: NodeRuntime, _ request: QueryRequest, _ state: DomainState, below: [ConsultationPlan]) -> Result<QueryRows, TransportError> {
        let asOf: Day
        switch RecordListQueries.asOf(runtime, request) {
        case .success(let d): asOf = d
        case .failure(let e): return .failure(e)
        }
        let tree = PlanTree(Array(state.plans.values) + below)
        var rows: [[String: Any]] = []
        for plan in state.plans.values.sorted(by: { ($0.key.issuer, $0.key.planID) < ($1.key.issuer, $1.key.planID) }) {
            if let only = request.filter["plan"], only != plan.key.planID { continue }
            for item in plan.items {
                // A sub-item of an item held here is a row of that item's tree.
                if let p = item.parent, state.plans[PlanKey(issuer: p.issuer, planID: p.planID)]?.item(p.itemID) != nil { continue }
                for a in tree.assignments(of: item, in: plan.key, asOf: asOf) {
                    let sub = a.depth > 0
                    rows.append(["issuer": plan.key.issuer, "plan_id": plan.key.planID, "item_id": item.id, "topic": item.topic, "depth": a.depth,
                                 "sub_issuer": sub ? a.plan.issuer : JSONNull(), "sub_plan_id": sub ? a.plan.planID : JSONNull(),
                                 "sub_item_id": sub ? a.itemID : JSONNull(), "deadline": a.deadline.description, "assignee": a.assignee,
                                 "stage": a.stage.name, "is_overdue": a.overdue, "as_of": asOf.description])
                }
            }
        }
        return .success(QueryRows(rows))
    }

    /// The proposals rated at the appraisal of the `quarter` filter (only those below the threshold when `below` is "true").
    static func appraisals(_ request: QueryRequest, _ state: DomainState) -> Result<QueryRows, TransportError> {
        let text = request.filter["quarter"] ?? ""
        let quarter: Period
        do { quarter = try Period.domain(text) } catch {
            return .failure(TransportError.status(.invalidArgument, "query appraisals: filter quarter '\(text)' is not a quarter like 2026-Q2: \(error)"))
        }
        let rows: [[String: Any]] = state.proposalAppraisals(quarter, belowOnly: request.filter["below"] == "true").map { r in
            let a = r.appraisal, p = state.proposals[r.proposalID]
            return ["id": r.proposalID, "title": p?.submission.title ?? "",
                    "units": p?.replies.filter { $0.round == a.round }.map(\.unit) ?? [],
                    "quarter": a.quarter.description, "on": a.on.description, "satisfied": a.votes.satisfied,
                    "basically_satisfied": a.votes.basicallySatisfied, "unsatisfied": a.votes.unsatisfied,
                    "rate": a.rate.description, "rate_numerator": a.rate.numerator, "rate_denominator": a.rate.denominator,
                    "threshold_percent": a.votes.thresholdPercent, "below_threshold": a.belowThreshold,
                    "explanations": r.explanations.map { ["unit": $0.unit, "text": $0.text, "on": $0.on.description] }]
        }
        return .success(QueryRows(rows))
    }

    /// The handling table of the units 承办单位办理情况表 for the `period` filter (default this year in Beijing time), with
    /// the replies overdue on the `as_of` filter (default today in Beijing time; never after the period's end).
    static func units(_ runtime: NodeRuntime, _ request: QueryRequest, _ state: DomainState) -> Result<QueryRows, TransportError> {
        let today = Day(chinaTimeMs: runtime.now())
        let period: Period
        switch queryPeriod(runtime, request) {
        case .success(let p): period = p.period
        case .failure(let e): return .failure(e)
        }
        let asOf: Day
        switch RecordListQueries.asOf(runtime, request, otherwise: min(today, period.end)) {
        case .success(let d): asOf = d
        case .failure(let e): return .failure(e)
        }
        let formula = state.policy.satisfactionFormula
        let handling = state.unitHandling(in: period, overdueOn: asOf)
        // One column per reply class: the policy's, in its order, then any other a reply was classed in, by code.
        let policyClasses = state.policy.replyClasses.map(\.code)
        let classes = policyClasses + Set(handling.flatMap(\.byClass.keys)).subtracting(policyClasses).sorted()
        let rows: [[String: Any]] = handling.map { u in
            var row: [String: Any] = [
                "unit": u.unit, "assigned": u.assigned, "replying": u.replying, "replied_on_time": u.repliedOnTime,
                "replied_late": u.repliedLate, "overdue": u.overdue, "on_time_rate": u.onTimeRate.description,
                "satisfied": u.satisfied, "basically_satisfied": u.basicallySatisfied, "unsatisfied": u.unsatisfied,
                "satisfaction_rate": u.satisfactionRate(formula).description, "period": period.description, "as_of": asOf.description,
            ]
            for c in classes { row["class_" + c] = u.byClass[c] ?? 0 }
            return row
        }
        return .success(QueryRows(rows, varying: classes.map { "class_" + $0 }))
    }

    /// The columns of the `policy` row.
    static let policyColumns = ["version", "effective", "registers_proposals", "reply_months", "max_extension_months", "objection_window_days",
                                "cosign_window_days", "evaluation_window_days", "reply_classes", "not_registered_reasons", "satisfaction_formula",
                                "appraisal_threshold_percent", "opinion_max_chars", "duty", "history"]

    /// The keys of the body's rates in ``ownFigures(_:period:state:)`` (columns of the `figures` row).
    static let rateKeys = ["completionRate", "satisfactionRate", "suggestionAdoptionRate", "suggestionClosingRate", "opinionAdoptionRate",
                           "onTimeReplyRate", "keyProposalImplementationRate"]

    /// Every setting of the policy in force (labels are the CLI's), with the versions recorded before it.
    static func policy(_ state: DomainState) -> [String: Any] {
        let p = state.policy, d = p.duty
        func choices(_ list: [XieshangDomain.PolicyChoice]) -> [[String: Any]] { list.map { ["code": $0.code, "zh": $0.labelZh, "en": $0.labelEn] } }
        return [
            "version": p.version, "effective": p.effective.description, "registers_proposals": p.registersProposals,
            "reply_months": p.replyMonths, "max_extension_months": p.maxExtensionMonths,
            "objection_window_days": p.objectionWindowDays, "cosign_window_days": p.cosignWindowDays,
            "evaluation_window_days": p.evaluationWindowDays, "reply_classes": choices(p.replyClasses),
            "not_registered_reasons": choices(p.notRegisteredReasons), "satisfaction_formula": p.satisfactionFormula.rawValue,
            "appraisal_threshold_percent": p.appraisalThresholdPercent, "opinion_max_chars": p.opinionMaxChars,
            "duty": Dictionary(uniqueKeysWithValues: XieshangDomain.Policy.dutySettings.map { ($0.key, d[keyPath: $0.path] as Any) })
                .merging(["caps_tenths": Dictionary(uniqueKeysWithValues: d.capTenths.map { ($0.key.rawValue, $0.value) })]) { a, _ in a },
            "history": state.policyHistory.map { ["version": $0.version, "effective": $0.effective.description] },
        ]
    }

    /// The body's own figures for `period` as it reports them (its figures source: its own records and the cross-body
    /// steps that count here), never a descendant's records passing through on their way up; with its rates by label
    /// key (`completionRate`, the satisfaction rate by the body's policy formula …). The admin query `figures` and
    /// the web dashboard both read them here.
    static func ownFigures(_ runtime: NodeRuntime, period: Period, state: DomainState) -> (XieshangDomain.Figures, [String: Rate]) {
        let f = (try? Figures(period: period, namedCounts: runtime.core.ownFigures(period: period.description))) ?? Figures(period: period)
        return (f, ["completionRate": f.completionRate, "satisfactionRate": f.satisfactionRate(state.policy.satisfactionFormula),
                    "suggestionAdoptionRate": f.suggestionAdoptionRate, "suggestionClosingRate": f.suggestionClosingRate,
                    "opinionAdoptionRate": f.opinionAdoptionRate, "onTimeReplyRate": f.onTimeReplyRate,
                    "keyProposalImplementationRate": f.keyProposalImplementationRate])
    }

    /// This body, its configured children and every body named in a roster this node holds (the query `bodies`).
    static func bodies(_ runtime: NodeRuntime) -> Result<QueryRows, TransportError> {
        do {
            return .success(QueryRows(try knownBodies(runtime).map { b in
                ["node_id": b.id, "name": b.name, "tier": b.tier, "parent": b.parent ?? ""]
            }))
        } catch {
            return .failure(TransportError.status(.internal, "query bodies: \(error.message)"))
        }
    }

    /// The bodies of ``bodies(_:)`` as rows, by id: this body and its configured children from the config, then each
    /// body a roster names that is not known yet or known without a name (from the latest roster of each origin, in
    /// origin order). No parent is nil.
    static func knownBodies(_ runtime: NodeRuntime) throws(StoreError) -> [XieshangDomain.BodyInfo] {
        let config = runtime.config
        func body(_ id: String, _ name: String, _ tier: String, _ parent: String) -> XieshangDomain.BodyInfo {
            XieshangDomain.BodyInfo(id: id, name: name, tier: tier, parent: parent.isEmpty ? nil : parent)
        }
        var rows: [String: XieshangDomain.BodyInfo] = [config.nodeId: body(config.nodeId, config.name, config.tier, config.parent?.nodeId ?? "")]
        for c in config.children { rows[c.nodeId] = body(c.nodeId, c.name, c.tier, config.nodeId) }
        let reader = runtime.core.store.reader
        let latest = try reader.rows("SELECT origin, max(seq) FROM events WHERE kind = ? GROUP BY origin ORDER BY origin",
                                     [.integer(Int64(EventKind.roster.protoValue))])
        for r in latest {
            guard case .text(let origin) = r[0], case .integer(let seq) = r[1], seq > 0,
                  let event = try reader.events(origin: origin, seqs: UInt64(seq)...UInt64(seq)).first,
                  let decoded = try? SignedEvent(body: event.body, signature: event.signature).decodedBody(),
                  let roster = try? Roster(serializedBytes: decoded.payload) else { continue }
            for e in roster.entries where rows[e.nodeId]?.name.isEmpty ?? true {
                rows[e.nodeId] = body(e.nodeId, e.name, e.tier, e.parent)
            }
        }
        return rows.keys.sorted().compactMap { rows[$0] }
    }
}
