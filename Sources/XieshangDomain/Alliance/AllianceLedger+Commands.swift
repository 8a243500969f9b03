import XieshangWire

extension AllianceLedger {
    /// An event the node is to originate for a checked command: its kind, payload and alliance (scope
    /// `alliance:<id>`).
    public struct Origination: Hashable, Sendable {
        /// The envelope kind.
        public var kind: EventKind
        /// The payload bytes.
        public var payload: [UInt8]
        /// The alliance whose members receive it.
        public var alliance: String
    }

    /// The configured members of `alliance` (this node included), or a refusal when the node is not a member.
    func configuredMembers(of alliance: String, record: String) throws(DomainError) -> Set<String> {
        guard let members = configured[alliance] else {
            throw DomainError(.notFound, rule: "alliance.member", zh: "本节点不是片区 \(alliance) 的成员",
                              en: "\(node) is not a member of alliance '\(alliance)'; its node.json lists \(configured.keys.sorted())",
                              record: record)
        }
        return members
    }

    /// The members of `alliance` on `day` as this node knows them, or a refusal when the node is not a member.
    func members(of alliance: String, on day: Day, record: String) throws(DomainError) -> Set<String> {
        book(alliance).members(on: day, configuredMembers: try configuredMembers(of: alliance, record: record))
    }

    /// Checks a new charter version; returns the event to originate.
    /// - Throws: ``DomainError`` naming the broken rule (see ``AllianceBook/check(_:configuredMembers:)``).
    public func charterCommand(_ charter: AllianceCharter) throws(DomainError) -> Origination {
        let record = "charter v\(charter.version) of alliance \(charter.allianceId)"
        let configured = try configuredMembers(of: charter.allianceId, record: record)
        try book(charter.allianceId).check(charter, configuredMembers: configured)
        return Origination(kind: .allianceCharter, payload: charter.serializedBytes(), alliance: charter.allianceId)
    }

    /// Checks a joint meeting, joint research or joint inspection; returns the event to originate.
    /// - Throws: ``DomainError`` naming the broken rule (see ``AllianceBook/check(_:configuredMembers:)``).
    public func activityCommand(_ activity: JointActivity) throws(DomainError) -> Origination {
        let record = "joint activity \(activity.id) of alliance \(activity.allianceId)"
        let configured = try configuredMembers(of: activity.allianceId, record: record)
        try book(activity.allianceId).check(activity, configuredMembers: configured)
        return Origination(kind: .jointActivity, payload: activity.serializedBytes(), alliance: activity.allianceId)
    }

    /// Checks a new joint draft; returns its creation event and, when it has a text, the event with that text.
    ///
    /// Rules: this node is a member of the alliance; the id is new; the title is not empty; the co-sponsors are
    /// members on `today` (the charter in force, else the configuration), this node among them (it hosts the draft).
    /// - Throws: ``DomainError`` naming the broken rule.
    public func createCommand(_ command: DraftNew, today: Day) throws(DomainError) -> [Origination] {
        let record = "draft \(command.draftId.isEmpty ? "(no id)" : command.draftId)"
        let members = try members(of: command.allianceId, on: today, record: record)
        try check(!command.draftId.isEmpty, "draft.create.id", record, zh: "缺少草稿编号", en: "the draft has no id; give one", code: .invalidInput)
        try check(drafts[command.draftId] == nil && pending[command.draftId] == nil, "draft.create.id", record,
                  zh: "草稿编号已存在", en: "a draft with this id exists already; pick another id", code: .conflict)
        try check(!command.title.isEmpty, "draft.create.title", record, zh: "缺少标题", en: "the title is empty; give one", code: .invalidInput)
        try check(!command.coSponsors.isEmpty, "draft.create.co_sponsors", record,
                  zh: "须列出联名单位", en: "no co-sponsors named; list the member bodies that must sign", code: .invalidInput)
        let strangers = command.coSponsors.filter { !members.contains($0) }
        try check(strangers.isEmpty, "draft.create.co_sponsors", record,
                  zh: "\(strangers) 不是片区 \(command.allianceId) 的成员单位",
                  en: "co-sponsors \(strangers) are not members of alliance \(command.allianceId); only members co-sponsor")
        try check(command.coSponsors.contains(node), "draft.create.host", record,
                  zh: "发起单位 \(node) 须为联名单位之一", en: "the creating body \(node) hosts the draft and must be one of its co-sponsors")
        var draft = JointDraft(id: command.draftId, title: command.title, coSponsors: command.coSponsors, replica: node)
        var out = [Origination(kind: .draft, payload: draft.creationEvent.serializedBytes(), alliance: command.allianceId)]
        if !command.text.isEmpty {
            try draft.edit { (t) throws(DomainError) in try t.insert(command.text, at: 0) }
            out.append(Origination(kind: .draft, payload: draft.editEvent(draft.text.ops(since: DraftVersion())).serializedBytes(),
                                   alliance: command.allianceId))
        }
        return out
    }

    /// Checks an edit and turns its position patches into this node's text operations; returns the event to
    /// originate.
    ///
    /// Rules: the draft exists here; it is not submitted (frozen); there is at least one patch; every patch is inside
    /// the text it applies to. When `baseHash` is the current content's hash (or empty) the patches apply to the
    /// current text. Otherwise the edit was made on an older text: with `baseVersion` naming a version this node holds
    /// (all of this node's own edits included) whose content hash is `baseHash`, the patches are made on that version
    /// and merge with the edits that arrived since, like any concurrent edit; without it the edit is refused.
    /// - Throws: ``DomainError`` naming the broken rule.
    public func editCommand(_ command: DraftEdit) throws(DomainError) -> Origination {
        let record = "draft \(command.draftId)"
        guard let entry = drafts[command.draftId] else { throw unknownDraft(command.draftId) }
        let draft = entry.draft
        try check(!draft.isSubmitted, "draft.edit.frozen", record,
                  zh: "草稿已提交，不能再修改", en: "the draft was submitted with every co-sponsor's signature and takes no more edits",
                  code: .frozen)
        try check(!command.patches.isEmpty, "draft.edit.empty", record, zh: "没有修改", en: "the edit changes nothing", code: .invalidInput)
        let current = draft.currentDocument.contentHash
        var text: DraftText
        if command.baseHash.isEmpty || command.baseHash == current {
            text = draft.text
        } else {
            let base = DraftVersion(command.baseVersion)
            let stale = "the draft changed since the text the edit was made on (content hash \(hexString(command.baseHash.prefix(8)))…, now \(hexString(current.prefix(8)))…)"
            try check(!command.baseVersion.isEmpty, "draft.edit.base", record, zh: "草稿在您读取后已被修改，请重新读取后再编辑",
                      en: stale + "; show it again and redo the edit, or send the version it was made on", code: .conflict)
            try check(draft.text.version.includes(base) && base[node] == draft.text.version[node], "draft.edit.base", record,
                      zh: "编辑所依据的版本 \(base) 不在本节点，或本节点此后又有修改",
                      en: stale + "; its version \(base) is not one this node holds with all of its own edits (now \(draft.text.version)); show it again and redo the edit",
                      code: .conflict)
            text = DraftText(replica: node)
            // The operations come from this node's own log, so they are well formed.
            try? text.apply(draft.text.ops(since: DraftVersion(), upTo: base))
            let baseDocument = DraftDocument(id: draft.id, title: draft.title, coSponsors: draft.coSponsors, text: text.text)
            try check(baseDocument.contentHash == command.baseHash, "draft.edit.base", record,
                      zh: "编辑所依据的版本与内容摘要不符", en: stale + "; the content at version \(base) does not have the hash given; show the draft again",
                      code: .conflict)
        }
        let before = text.version
        for p in command.patches {
            try text.replace(at: Int(p.position), length: Int(p.deleted), with: p.inserted)
        }
        let ops = text.ops(since: before)
        try check(!ops.isEmpty, "draft.edit.empty", record, zh: "没有修改", en: "the edit changes nothing", code: .invalidInput)
        return Origination(kind: .draft, payload: draft.editEvent(ops, seen: text.version).serializedBytes(), alliance: entry.alliance)
    }

    /// Checks a sign-off by this node and signs the draft's current content with `key`; returns the event.
    ///
    /// Rules: the draft exists here; this node is a required co-sponsor; it is not submitted; `contentHash`, when
    /// given, is the current content's hash; this node has not already signed that content.
    /// - Throws: ``DomainError`` naming the broken rule.
    public func signCommand(_ command: DraftSign, key: Ed25519.PrivateKey) throws(DomainError) -> Origination {
        let record = "draft \(command.draftId)"
        guard let entry = drafts[command.draftId] else { throw unknownDraft(command.draftId) }
        let draft = entry.draft
        try check(draft.coSponsors.contains(node), "draft.sign.co_sponsor", record,
                  zh: "\(node) 不是该草稿的联名单位", en: "\(node) is not one of the draft's required co-sponsors \(draft.coSponsors); only they sign",
                  code: .notCoSponsor)
        try check(!draft.isSubmitted, "draft.sign.frozen", record, zh: "草稿已提交", en: "the draft was already submitted", code: .frozen)
        let hash = draft.currentDocument.contentHash
        try check(command.contentHash.isEmpty || command.contentHash == hash, "draft.sign.content", record,
                  zh: "草稿内容已变化，请重新阅读后签署",
                  en: "the content changed since you read it (you approved \(hexString(command.contentHash.prefix(8)))…, it is now \(hexString(hash.prefix(8)))…); show the draft again before signing",
                  code: .contentMismatch)
        try check(!draft.signOffs.contains { $0.signer == node && $0.contentHash == hash }, "draft.sign.again", record,
                  zh: "已签署过这一版本", en: "\(node) already signed this exact content", code: .conflict)
        let signOff = try CoSponsorSignOff(signing: draft, as: node, key: key)
        return Origination(kind: .draftSignOff, payload: signOff.message(draftID: draft.id).serializedBytes(), alliance: entry.alliance)
    }

    private func unknownDraft(_ id: String) -> DomainError {
        DomainError(.notFound, rule: "draft.unknown", zh: "本节点没有草稿 \(id)",
                    en: "no draft '\(id)' here; list them with `xieshang draft list`", record: "draft \(id)")
    }

    private func check(_ condition: Bool, _ key: String, _ record: String, zh: @autoclosure () -> String,
                       en: @autoclosure () -> String, code: DomainError.Code = .ruleBroken) throws(DomainError) {
        if !condition { throw DomainError(code, rule: key, zh: zh(), en: en(), record: record) }
    }
}
