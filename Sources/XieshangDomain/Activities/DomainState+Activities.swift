/// Activity and suggestion rules 履职活动、意见建议.
extension DomainState {
    func decideActivity(_ a: Activity) throws -> [DomainEvent] {
        var a = a
        try require(!a.id.isEmpty && !a.topic.isEmpty, "activity.fields", zh: "活动须有编号和议题",
                    en: "an activity needs an id and a topic", code: .invalidInput)
        try require(activities[a.id] == nil, "activity.id.unique", zh: "活动编号已存在", en: "the activity id is taken", code: .conflict)
        try require((0...Activity.maxParticipants).contains(a.participants), "activity.participants",
                    zh: "参加人次须在 0 到 \(Activity.maxParticipants) 之间", en: "participants must be between 0 and \(Activity.maxParticipants)",
                    code: .invalidInput)
        if a.kind == .consultation {
            try require(a.form != nil, "activity.consultation.form", zh: "协商活动须注明协商形式",
                        en: "a consultation names its form (专题协商, 对口协商, …)", code: .invalidInput)
            try require(a.form != .other || !a.formOther.isEmpty, "activity.consultation.formOther",
                        zh: "其他协商形式须写明名称", en: "an \"other\" form needs its name", code: .invalidInput)
        } else {
            try require(a.form == nil, "activity.form.kind", zh: "只有协商活动有协商形式",
                        en: "only consultations have a form", code: .invalidInput)
        }
        try checkSectors(a)
        try checkAppraisal(a)
        try checkActivityStation(a)
        if a.hostBodies.isEmpty { a.hostBodies = [body.id] }
        try require(a.hostBodies.contains(body.id), "activity.host", zh: "记录活动的组织须是主办方之一",
                    en: "the recording body is one of the host bodies")
        for g in a.guests {
            try require(!g.body.isEmpty && !g.member.isEmpty && !g.body.contains("/"), "activity.guest.fields",
                        zh: "外组织委员须写明组织和委员编号（组织/编号）", en: "a guest names the member's body and member id (BODY/MEMBER)",
                        code: .invalidInput)
            try require(g.body != body.id, "activity.guest.body",
                        zh: "\(g.member) 是本组织委员，请登记为参加委员", en: "\(g.member) of \(body.id) is this body's member: list them in members",
                        code: .invalidInput)
        }
        try require(Set(a.guests).count == a.guests.count, "activity.guest.once", zh: "外组织委员重复登记",
                    en: "a guest is listed twice", code: .invalidInput)
        try require(a.participants >= a.members.count + a.guests.count, "activity.participants.members",
                    zh: "参加人次少于登记的参加委员数", en: "fewer participants than linked members and guests", code: .invalidInput)
        return [.activity(a)]
    }

    /// 界别: each named, bounded, once; a 界别协商 names at least one.
    private func checkSectors(_ a: Activity) throws {
        for s in a.sectors {
            try require(!s.allSatisfy(\.isWhitespace) && s.count <= Activity.maxSectorLength && !s.contains(","),
                        "activity.sector.name", zh: "界别名称须非空、不含逗号且不超过 \(Activity.maxSectorLength) 字：「\(s)」",
                        en: "a sector name is non-empty, has no comma and at most \(Activity.maxSectorLength) characters: '\(s)'",
                        code: .invalidInput)
        }
        try require(Set(a.sectors).count == a.sectors.count, "activity.sector.once", zh: "界别重复登记",
                    en: "a sector is listed twice", code: .invalidInput)
        try require(a.sectors.count <= Activity.maxSectors, "activity.sector.count", zh: "一项活动至多登记 \(Activity.maxSectors) 个界别",
                    en: "an activity names at most \(Activity.maxSectors) sectors", code: .invalidInput)
        try require(a.form != .sector || !a.sectors.isEmpty, "activity.sector.required", zh: "界别协商须注明界别",
                    en: "a sector consultation (界别协商) names at least one sector", code: .invalidInput)
    }

    /// 民主评议: an appraisal names the unit appraised; only an appraisal carries a target unit and result.
    private func checkAppraisal(_ a: Activity) throws {
        if a.kind == .appraisal {
            try require(!(a.appraisal?.targetUnit.allSatisfy(\.isWhitespace) ?? true), "activity.appraisal.target",
                        zh: "民主评议须注明被评议单位", en: "a democratic appraisal names the unit appraised (target unit)",
                        code: .invalidInput)
        } else {
            try require(a.appraisal == nil, "activity.appraisal.kind", zh: "只有民主评议有被评议单位和评议结果",
                        en: "only a democratic appraisal has a target unit and a result", code: .invalidInput)
        }
    }

    /// Keeps `a`, an activity recorded by `at` (a body below this one, its record reaching here), when it names
    /// members of this body as guests: it then counts in their 履职档案 (``dutyEntries(member:year:upTo:)``), citing
    /// the activity and the body where it happened, and never in this body's records or figures. The first record
    /// of an id wins, as for this body's own activities. Returns whether it was kept.
    @discardableResult
    public mutating func applyActivityElsewhere(_ a: Activity, at: String) -> Bool {
        guard at != body.id, a.guests.contains(where: { $0.body == body.id }), activitiesElsewhere[at]?[a.id] == nil else { return false }
        activitiesElsewhere[at, default: [:]][a.id] = a
        return true
    }

    func checkSuggestion(_ e: SuggestionEvent) throws {
        if case .made(let text, _, let activityID, _) = e.step {
            try require(!e.suggestionID.isEmpty && !text.isEmpty, "suggestion.fields", zh: "建议须有编号和内容",
                        en: "a suggestion needs an id and a text", code: .invalidInput)
            try require(suggestions[e.suggestionID] == nil, "suggestion.id.unique", zh: "建议编号已存在",
                        en: "the suggestion id is taken", code: .conflict)
            try require(activityID.isEmpty || activities[activityID] != nil, "suggestion.activity",
                        zh: "来源活动 \(activityID) 不存在", en: "activity \(activityID) does not exist", code: .notFound)
            return
        }
        guard let s = suggestions[e.suggestionID] else {
            throw DomainError(.notFound, rule: "suggestion.exists", zh: "建议不存在", en: "there is no such suggestion")
        }
        try require(e.on >= s.madeOn, "suggestion.date.order", zh: "日期早于提出日期", en: "the day precedes the suggestion",
                    code: .invalidInput)
        switch e.step {
        case .made: fatalError("handled above")
        case .adopted(let by, _):
            try require(s.status == .made, "suggestion.adopt.state", zh: "只有新提出的建议可以采纳", en: "only a new suggestion is adopted")
            try require(!by.isEmpty, "suggestion.adopt.by", zh: "采纳须注明批示领导", en: "adoption names the leader", code: .invalidInput)
        case .closed:
            try require(s.status == .adopted, "suggestion.close.adopted", zh: "只有已采纳的建议可以办结",
                        en: "only an adopted suggestion is closed")
        }
    }

    mutating func applySuggestion(_ e: SuggestionEvent) {
        switch e.step {
        case .made(let text, let addressee, let activityID, let members):
            guard suggestions[e.suggestionID] == nil else { return }
            suggestions[e.suggestionID] = Suggestion(id: e.suggestionID, text: text, addressee: addressee,
                                                     activityID: activityID, members: members, madeOn: e.on)
        case .adopted(let by, _):
            suggestions[e.suggestionID]?.status = .adopted
            suggestions[e.suggestionID]?.adoptedOn = e.on
            suggestions[e.suggestionID]?.adoptedBy = by
        case .closed:
            suggestions[e.suggestionID]?.status = .closed
            suggestions[e.suggestionID]?.closedOn = e.on
        }
    }
}

extension DomainState {
    /// The democratic appraisals 民主评议 held in `period` that name a target unit (only `unit`'s when given), by unit,
    /// then day and id: each unit's results for the year, as the office reviews them.
    public func activityAppraisals(in period: Period, unit: String? = nil) -> [(activity: Activity, appraisal: Activity.Appraisal)] {
        activities.values.compactMap { a -> (activity: Activity, appraisal: Activity.Appraisal)? in
            guard a.kind == .appraisal, period.contains(a.date), let o = a.appraisal, unit == nil || o.targetUnit == unit else { return nil }
            return (a, o)
        }.sorted { ($0.appraisal.targetUnit, $0.activity.date, $0.activity.id) < ($1.appraisal.targetUnit, $1.activity.date, $1.activity.id) }
    }
}
