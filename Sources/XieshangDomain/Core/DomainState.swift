/// The domain state of one body 政协组织: every record it holds, as projected from its events.
///
/// `record(_:by:)` validates a command against the state and the body's policy and applies the resulting
/// events; a refused command throws `DomainError` naming the rule and changes nothing. `apply(_:)` folds an
/// already validated event (this body's own, or a listed ``CrossBodyStep`` received from another body) and never
/// fails: replaying the same events in the same order into a fresh state always gives an equal state.
public struct DomainState: Hashable, Sendable {
    /// The body this state belongs to.
    public internal(set) var body: BodyInfo
    /// The policy in force (the latest version).
    public internal(set) var policy: Policy
    /// Every policy version recorded, oldest first (the defaults are version 1).
    public internal(set) var policyHistory: [Policy]
    /// Members by id.
    public internal(set) var members: [String: Member] = [:]
    /// Proposals by id.
    public internal(set) var proposals: [String: Proposal] = [:]
    /// Opinion reports this body holds (its own and those forwarded to it), by provenance.
    public internal(set) var opinions: [OpinionKey: OpinionReport] = [:]
    /// Activities by id.
    public internal(set) var activities: [String: Activity] = [:]
    /// Activities of other bodies (below this one) that members of this body took part in as guests, by the body
    /// where they happened and their id there: they count in those members' 履职档案 here
    /// (``applyActivityElsewhere(_:at:)``), never in this body's records or figures.
    public internal(set) var activitiesElsewhere: [String: [String: Activity]] = [:]
    /// Suggestions by id.
    public internal(set) var suggestions: [String: Suggestion] = [:]
    /// Consultation plans this body issued or received, by (issuer, plan id).
    public internal(set) var plans: [PlanKey: ConsultationPlan] = [:]
    /// Attendance and adjustments, in recording order.
    public internal(set) var dutyRecords: [DutyEvent] = []
    /// Sub-body units 基层协商平台 (village stations, group points …) registered here, retired ones too, by id.
    public internal(set) var stations: [String: Station] = [:]
    /// Research and inspection reports 调研视察报告 by id.
    public internal(set) var researchReports: [String: ResearchReport] = [:]

    /// A fresh state for a body, with the policy defaults for its tier (version 1).
    public init(body: BodyInfo, policy: Policy? = nil) {
        self.body = body
        let initial = policy ?? Policy.defaults(for: body)
        self.policy = initial
        self.policyHistory = [initial]
    }

    /// Rebuilds a state from a log: `apply` of every event in order.
    public static func replay(body: BodyInfo, policy: Policy? = nil, events: some Sequence<DomainEvent>) -> DomainState {
        var state = DomainState(body: body, policy: policy)
        for event in events { state.apply(event) }
        return state
    }

    /// Validates a command and returns the events to record (with derived fields filled), without applying them.
    /// - Throws: `DomainError` naming the broken rule.
    public func decide(_ command: DomainEvent, by actor: Actor) throws -> [DomainEvent] {
        switch command {
        // The check* functions return nothing on purpose: a throwing function that returns its (large) argument
        // ends in a tail call to memcpy, which LLVM in Swift 6.3 miscompiles into a phantom throw at -O
        // (swiftlang/swift#90477; Ops/check-swifterror-tailcalls.sh finds such functions in a release build).
        case .member(let event):
            try checkMember(event)
            return [.member(event)]
        case .policy(let event):
            try checkPolicy(event)
            return [.policy(event)]
        case .proposal(let event):
            do { return try decideProposal(event, by: actor) }
            catch { throw located(error, "proposal \(event.proposalID) at \(body.id)") }
        case .opinion(let event):
            do { return try decideOpinion(event, by: actor) }
            catch { throw located(error, "opinion report \(event.report.originBody)/\(event.report.originReportID) at \(body.id)") }
        case .activity(let event):
            do { return try decideActivity(event) }
            catch { throw located(error, "activity \(event.id) at \(body.id)") }
        case .suggestion(let event):
            do { try checkSuggestion(event); return [.suggestion(event)] }
            catch { throw located(error, "suggestion \(event.suggestionID) at \(body.id)") }
        case .plan(let event):
            do {
                try checkPlan(event)
                // A decomposition goes down to the townships and is reported up to the item's issuer.
                return [.plan(event)] + (event.decompositionReport.map { [DomainEvent.plan($0)] } ?? [])
            }
            catch { throw located(error, "plan \(event.issuer)/\(event.planID) at \(body.id)") }
        case .duty(let event):
            do { try checkDuty(event); return [.duty(event)] }
            catch { throw located(error, "duty record of \(event.memberID) at \(body.id)") }
        case .station(let event):
            do { try checkStation(event, by: actor); return [.station(event)] }
            catch { throw located(error, "unit \(event.stationID) at \(body.id)") }
        case .research(let event):
            do { try checkResearch(event); return [.research(event)] }
            catch { throw located(error, "research report \(event.reportID) at \(body.id)") }
        }
    }

    /// Validates a command, applies its events and returns them (for the log).
    /// - Throws: `DomainError` naming the broken rule; the state is unchanged then.
    @discardableResult
    public mutating func record(_ command: DomainEvent, by actor: Actor) throws -> [DomainEvent] {
        let events = try decide(command, by: actor)
        for event in events { apply(event) }
        return events
    }

    /// Applies an event already validated: this body's own, or a ``CrossBodyStep`` of another body addressed to it
    /// (the projector decides which with ``DomainEvent/reach(signer:at:arrived:)`` and never passes any other event of
    /// another body). Never fails; an event that does not concern this body, or refers to a record it does not hold,
    /// changes nothing.
    public mutating func apply(_ event: DomainEvent) {
        switch event {
        case .member(let e): applyMember(e)
        case .policy(let p):
            policy = p
            policyHistory.append(p)
        case .proposal(let e): applyProposal(e)
        case .opinion(let e): applyOpinion(e)
        case .activity(let a): if activities[a.id] == nil { activities[a.id] = a }
        case .suggestion(let e): applySuggestion(e)
        case .plan(let e): applyPlan(e)
        case .duty(let e): dutyRecords.append(e)
        case .station(let e): applyStation(e)
        case .research(let e): applyResearch(e)
        }
    }

    /// Whether `id` is an active member of this body on `day`.
    public func isActiveMember(_ id: String, on day: Day) -> Bool {
        guard let member = members[id] else { return false }
        return member.body == body.id && member.active && member.isActive(on: day)
    }

    // MARK: Members and policy

    func checkMember(_ e: MemberRecorded) throws {
        try require(!e.memberID.isEmpty && !e.name.isEmpty, "member.fields",
                    zh: "委员编号和姓名不能为空", en: "a member needs an id and a name", code: .invalidInput)
        try require(e.body == body.id, "member.body",
                    zh: "委员 \(e.memberID) 属于 \(e.body)，只能在本组织 \(body.id) 登记本组织的委员",
                    en: "member \(e.memberID) belongs to \(e.body); \(body.id) records only its own members")
        try require(e.term > 0, "member.term", zh: "届次必须为正数", en: "the term must be positive", code: .invalidInput)
        if let info = e.bodyInfo {
            try require(info.id == body.id && !info.name.isEmpty && !info.tier.isEmpty, "member.bodyInfo",
                        zh: "组织信息须为本组织且有名称和层级", en: "the body description is this body's, with a name and a tier",
                        code: .invalidInput)
        }
    }

    mutating func applyMember(_ e: MemberRecorded) {
        if let info = e.bodyInfo, info.id == body.id { body = info }
        if var m = members[e.memberID] {
            m.name = e.name; m.sector = e.sector; m.body = e.body; m.term = e.term; m.roles = e.roles
            m.invited = e.invited
            if m.active && !e.active { m.left = e.effective }
            if !m.active && e.active { m.left = nil }
            m.active = e.active
            members[e.memberID] = m
        } else {
            members[e.memberID] = Member(id: e.memberID, name: e.name, sector: e.sector, body: e.body, term: e.term,
                                         roles: e.roles, active: e.active, invited: e.invited, joined: e.effective,
                                         left: e.active ? nil : e.effective)
        }
    }

    func checkPolicy(_ p: Policy) throws {
        try require(p.version == policy.version + 1, "policy.version",
                    zh: "规则版本应为 \(policy.version + 1)，收到 \(p.version)",
                    en: "the next policy version is \(policy.version + 1), got \(p.version)", code: .conflict)
        try require(p.effective >= policy.effective, "policy.effective",
                    zh: "新规则生效日期不能早于上一版本（\(policy.effective)）",
                    en: "a policy version cannot take effect before the previous one (\(policy.effective))")
        try p.checkLimits()
        try require(p.replyMonths > 0 && p.maxExtensionMonths >= p.replyMonths && p.objectionWindowDays >= 0
                    && p.cosignWindowDays >= 0 && p.evaluationWindowDays >= 0 && !p.replyClasses.isEmpty
                    && (0...100).contains(p.appraisalThresholdPercent) && p.opinionMaxChars > 0
                    && p.duty.resignationAfterYears >= 1 && (0...100).contains(p.duty.cosignerPercent),
                    "policy.values", zh: "规则取值无效（期限须为正、延期上限不小于答复期限、答复类别不能为空）",
                    en: "policy values out of range (positive periods, extension cap ≥ reply months, reply classes set)",
                    code: .invalidInput)
    }
}
