/// Opinion report rules 社情民意信息规则.
extension DomainState {
    func decideOpinion(_ command: OpinionEvent, by actor: Actor) throws -> [DomainEvent] {
        var event = command
        event.policyVersion = policy.version
        try require(command.atBody == body.id, "opinion.atBody",
                    zh: "只能在本组织（\(body.id)）记录本组织的操作", en: "\(body.id) records only its own steps, not \(command.atBody)'s")
        let key = command.report.key
        let max = policy.opinionMaxChars
        if case .submitted(let title, let text, _) = command.step {
            try require(key.originBody == body.id && !key.originReportID.isEmpty, "opinion.submit.origin",
                        zh: "新信息的来源组织须为本组织且编号不能为空", en: "a new report originates at this body and has an id",
                        code: .invalidInput)
            try require(opinions[key] == nil, "opinion.id.unique", zh: "信息编号已存在", en: "the report id is taken", code: .conflict)
            try require(!command.report.author.isEmpty && !title.isEmpty && !text.isEmpty, "opinion.submit.content",
                        zh: "信息须有作者、标题和正文", en: "a report needs an author, a title and a text", code: .invalidInput)
            if command.report.authorKind == .member {
                try require(members[command.report.author] != nil, "opinion.submit.author",
                            zh: "作者 \(command.report.author) 不是本组织登记的委员", en: "author \(command.report.author) is not a member recorded here")
            }
            try require(text.unicodeScalars.count <= max, "opinion.length",
                        zh: "信息正文 \(text.unicodeScalars.count) 字，超过 \(max) 字上限",
                        en: "the text has \(text.unicodeScalars.count) characters, over the limit of \(max)")
            return [.opinion(event)]
        }
        guard let r = opinions[key] else {
            throw DomainError(.notFound, rule: "opinion.exists", zh: "本组织没有该信息", en: "\(body.id) holds no report \(key)")
        }
        var extra: [DomainEvent] = []
        switch command.step {
        case .submitted: fatalError("handled above")
        case .edited(let text, let title):
            try require(r.status == .submitted || r.status == .editing, "opinion.edit.state",
                        zh: "已录用或存档的信息不能再编辑", en: "an adopted or archived report is not edited (it is \(r.status.rawValue))")
            try require(!text.isEmpty && text.unicodeScalars.count <= max, "opinion.length",
                        zh: "信息正文为空或超过 \(max) 字", en: "the text is empty or over \(max) characters")
            try require(title.unicodeScalars.count <= OpinionReport.maxTitleCharacters, "opinion.edit.title",
                        zh: "标题超过 \(OpinionReport.maxTitleCharacters) 字", en: "the title is over \(OpinionReport.maxTitleCharacters) characters",
                        code: .invalidInput)
        case .adopted(let issue):
            try require(r.status == .submitted || r.status == .editing, "opinion.adopt.state",
                        zh: "只有待处理的信息可以录用", en: "only a pending report can be adopted (it is \(r.status.rawValue))")
            try require(!issue.isEmpty, "opinion.adopt.issue", zh: "录用须注明期号", en: "adoption names the bulletin issue",
                        code: .invalidInput)
            if r.receivedFrom != nil {
                // The bodies below learn that a higher level adopted it.
                var down = event
                down.step = .adoptedHigher(byBody: body.id, byTier: body.tier, bulletinIssue: issue)
                extra.append(.opinion(down))
            }
        case .archived:
            try require(r.status == .submitted || r.status == .editing, "opinion.archive.state",
                        zh: "只有待处理的信息可以存档", en: "only a pending report can be archived")
        case .forwarded(let to, let tier, let title, let text, let direct):
            if direct {
                // 直通车: straight to a body above the parent, skipping levels; not adopted here first.
                try require(r.status == .submitted || r.status == .editing || r.status == .adopted, "opinion.forward.direct.state",
                            zh: "已存档的信息不能直通报送", en: "an archived report is not sent straight up")
                try require(to != body.id && to != body.parent && !to.isEmpty && !tier.isEmpty && body.parent != nil,
                            "opinion.forward.direct", zh: "直通车须报送本组织上级以上的组织并写明其层级；报送上级请用普通报送",
                            en: "a report sent straight up (直通车) goes to a body above the parent (\(body.parent ?? "none")), naming its tier; to the parent, forward it as usual")
            } else {
                try require(r.status == .adopted, "opinion.forward.adopted", zh: "只有本级录用的信息可以报送上级",
                            en: "only a report adopted here can be forwarded")
                try require(body.parent == to, "opinion.forward.parent", zh: "信息只能报送本组织的上级 \(body.parent ?? "（无）")",
                            en: "a report is forwarded to this body's parent (\(body.parent ?? "none")), not \(to)")
            }
            try require(r.forwardedTo == nil, "opinion.forward.once", zh: "该信息已报送", en: "the report was already forwarded",
                        code: .conflict)
            try require(!title.isEmpty && !text.isEmpty, "opinion.forward.content", zh: "报送内容不能为空",
                        en: "the forwarded title and text are required", code: .invalidInput)
        case .adoptedHigher:
            throw DomainError(.ruleBroken, rule: "opinion.adoptedHigher.derived", zh: "上级录用由上级录用时自动产生",
                              en: "adoption higher up is derived from the adoption at that level; record the adoption there")
        case .instruction(let i):
            try require(!i.leader.isEmpty && !i.text.isEmpty && !i.leaderLevel.isEmpty, "opinion.instruction.content",
                        zh: "批示须有领导级别、领导和内容", en: "an instruction names the leader's level, the leader and the text",
                        code: .invalidInput)
            try require(i.recordedBy == body.id, "opinion.instruction.recordedBy", zh: "批示记录组织须为本组织",
                        en: "the instruction is recorded by this body", code: .invalidInput)
        case .sentAbove, .adoptedAbove, .sentToDepartment, .departmentReplied:
            return try decideBeyond(event, r)
        }
        _ = actor
        return [.opinion(event)] + extra
    }

    mutating func applyOpinion(_ e: OpinionEvent) {
        let key = e.report.key
        switch e.step {
        case .submitted(let title, let text, let channel):
            guard e.atBody == body.id, opinions[key] == nil else { return }
            opinions[key] = OpinionReport(key: key, author: e.report.author, authorKind: e.report.authorKind,
                                          title: title, text: text, receivedOn: e.on, receivedFrom: nil, channel: channel)
        case .forwarded(let to, _, let title, let text, let direct):
            if e.atBody == body.id {
                opinions[key]?.forwardedTo = to
                opinions[key]?.forwardedOn = e.on
                opinions[key]?.direct = direct
            } else if to == body.id, opinions[key] == nil {
                var copy = OpinionReport(key: key, author: e.report.author, authorKind: e.report.authorKind,
                                         title: title, text: text, receivedOn: e.on, receivedFrom: e.atBody)
                copy.direct = direct
                opinions[key] = copy
            }
        case .adoptedHigher(let by, let tier, let issue):
            guard by != body.id, var r = opinions[key],
                  !r.higherAdoptions.contains(where: { $0.body == by }) else { return }
            r.higherAdoptions.append(.init(body: by, tier: tier, bulletinIssue: issue, on: e.on))
            opinions[key] = r
        case .instruction(let i):
            guard var r = opinions[key], !r.instructions.contains(i) else { return }
            r.instructions.append(i)
            opinions[key] = r
        case .edited(let text, let title):
            guard e.atBody == body.id else { return }
            opinions[key]?.text = text
            if !title.isEmpty { opinions[key]?.title = title }
            opinions[key]?.status = .editing
        case .adopted(let issue):
            guard e.atBody == body.id else { return }
            opinions[key]?.status = .adopted
            opinions[key]?.bulletinIssue = issue
            opinions[key]?.decidedOn = e.on
        case .archived:
            guard e.atBody == body.id else { return }
            opinions[key]?.status = .archived
            opinions[key]?.decidedOn = e.on
        case .sentAbove, .adoptedAbove, .sentToDepartment, .departmentReplied:
            applyBeyond(e)
        }
    }
}
