import XieshangWire

/// The records of one alliance (片区协作, e.g. 武陵山片区政协主席联席会): its charter versions (章程), joint meetings
/// (联席会议), joint research (联动调研) and joint inspections (联合视察).
///
/// ``check(_:configuredMembers:)`` applies the rules to a record a member is about to originate (clear errors, nothing
/// changes); ``store(_:)`` keeps a record as replicated. Storing depends only on the set of records held, never on
/// their arrival order: when two members recorded different contents under one key (a charter version, an activity
/// id), the one with the smaller encoded bytes is kept on every node.
public struct AllianceBook: Sendable {
    /// The alliance id, as in `alliance:<id>` scopes.
    public let id: String
    /// Charter versions held, by version.
    public private(set) var charters: [UInt32: AllianceCharter] = [:]
    /// Joint activities held, by id.
    public private(set) var activities: [String: JointActivity] = [:]

    /// An empty book for alliance `id`.
    public init(id: String) {
        self.id = id
    }

    /// The newest charter version held.
    public var latestCharter: AllianceCharter? { charters.keys.max().flatMap { charters[$0] } }

    /// The charter in force on `day`: the highest version whose effective day is not after it.
    public func charter(on day: Day) -> AllianceCharter? {
        charters.values.filter { (try? Day(parsing: $0.effective, field: "effective")).map { $0 <= day } ?? false }
            .max { $0.version < $1.version }
    }

    /// The member bodies on `day`: the charter's in force then, else `configuredMembers` (the node's configuration,
    /// before any charter is recorded).
    public func members(on day: Day, configuredMembers: Set<String>) -> Set<String> {
        charter(on: day).map { Set($0.members) } ?? configuredMembers
    }

    /// Joint meetings by date (then id).
    public var meetings: [JointActivity] { sortedActivities.filter { $0.kind == .meeting } }

    /// Joint research and joint inspections by date (then id).
    public var jointWork: [JointActivity] { sortedActivities.filter { $0.kind == .research || $0.kind == .inspection } }

    private var sortedActivities: [JointActivity] {
        activities.values.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
    }

    // MARK: Storing replicated records

    /// Keeps a charter version (see the type's note on conflicting contents).
    public mutating func store(_ charter: AllianceCharter) {
        if let held = charters[charter.version], !Self.precedes(charter.serializedBytes(), held.serializedBytes()) { return }
        charters[charter.version] = charter
    }

    /// Keeps a joint activity (see the type's note on conflicting contents).
    public mutating func store(_ activity: JointActivity) {
        if let held = activities[activity.id], !Self.precedes(activity.serializedBytes(), held.serializedBytes()) { return }
        activities[activity.id] = activity
    }

    private static func precedes(_ a: [UInt8], _ b: [UInt8]) -> Bool { a.lexicographicallyPrecedes(b) }

    // MARK: Rules

    /// Checks a new charter version before a member originates it.
    ///
    /// Rules: it names this alliance; its version is the next one (1 for the first); it has members, none twice,
    /// each pinned in the node's configuration (`configuredMembers`: the other members and the node itself); its
    /// effective day is a day and not before the previous version's.
    /// - Throws: ``DomainError`` naming the broken rule.
    public func check(_ charter: AllianceCharter, configuredMembers: Set<String>) throws(DomainError) {
        let record = "charter v\(charter.version) of alliance \(id)"
        try rule(charter.allianceId == id, "alliance.charter.alliance", record,
                 zh: "章程所属片区 \(charter.allianceId) 与 \(id) 不符", en: "the charter names alliance '\(charter.allianceId)', not \(id)")
        let next = (charters.keys.max() ?? 0) + 1
        try rule(charter.version == next, "alliance.charter.version", record,
                 zh: "章程版本应为 \(next)", en: "charter version \(charter.version) is not the next one; record version \(next)",
                 code: charters[charter.version] == nil ? .ruleBroken : .conflict)
        try rule(!charter.members.isEmpty, "alliance.charter.members", record,
                 zh: "章程须列出成员单位", en: "the charter lists no member bodies; name every member", code: .invalidInput)
        try rule(Set(charter.members).count == charter.members.count, "alliance.charter.members", record,
                 zh: "成员单位重复", en: "a member body is listed twice", code: .invalidInput)
        let unknown = charter.members.filter { !configuredMembers.contains($0) }
        try rule(unknown.isEmpty, "alliance.charter.members", record,
                 zh: "成员 \(unknown) 未在本节点配置中登记", en: "members \(unknown) are not pinned in this node's alliance configuration; add their ids and keys to node.json first")
        let day = try day(charter.effective, field: "effective", record)
        if let previous = latestCharter, let before = try? Day(parsing: previous.effective, field: "effective") {
            try rule(day >= before, "alliance.charter.effective", record,
                     zh: "生效日期早于上一版本（\(before)）", en: "effective day \(day) is before version \(previous.version)'s (\(before))")
        }
    }

    /// Checks a joint activity before a member originates it.
    ///
    /// Rules for every kind: it names this alliance, has an id not used yet, a kind, and a date; hosts and attendees
    /// are members on that date (the charter in force, else `configuredMembers`).
    /// A meeting has exactly one host, who attends; that host is the one chosen at the previous meeting (the latest
    /// meeting before its date, when that meeting chose one); no other meeting is on the same day; when an earlier
    /// meeting exists the agenda carries a follow-up report on it; every agenda item has a kind and a title; the next
    /// host, when chosen, is a member. Research and inspections have at least one host, a topic, and an end day (if
    /// any) not before the first day.
    /// - Throws: ``DomainError`` naming the broken rule.
    public func check(_ activity: JointActivity, configuredMembers: Set<String>) throws(DomainError) {
        let record = "joint activity \(activity.id.isEmpty ? "(no id)" : activity.id) of alliance \(id)"
        try rule(activity.allianceId == id, "alliance.activity.alliance", record,
                 zh: "所属片区 \(activity.allianceId) 与 \(id) 不符", en: "the record names alliance '\(activity.allianceId)', not \(id)")
        try rule(!activity.id.isEmpty, "alliance.activity.id", record, zh: "缺少记录编号", en: "the record has no id; give one", code: .invalidInput)
        try rule(activities[activity.id] == nil, "alliance.activity.id", record,
                 zh: "记录编号已存在", en: "a joint activity with this id is already recorded; pick another id", code: .conflict)
        let date = try day(activity.date, field: "date", record)
        let members = members(on: date, configuredMembers: configuredMembers)
        let strangers = (activity.hosts + activity.attendees).filter { !members.contains($0) }
        try rule(strangers.isEmpty, "alliance.activity.members", record,
                 zh: "\(Array(Set(strangers)).sorted()) 不是该片区 \(date) 时的成员单位",
                 en: "\(Array(Set(strangers)).sorted()) are not members of alliance \(id) on \(date); hosts and attendees must be members")
        switch activity.kind {
        case .meeting:
            try rule(activity.hosts.count == 1, "alliance.meeting.host", record,
                     zh: "联席会议须有且仅有一个承办单位", en: "a joint meeting has exactly one host; it names \(activity.hosts.count)", code: .invalidInput)
            let host = activity.hosts[0]
            try rule(activity.attendees.contains(host), "alliance.meeting.attendees", record,
                     zh: "承办单位 \(host) 须出席", en: "the host \(host) is not among the attendees; list it")
            let earlier = meetings.filter { (try? Day(parsing: $0.date, field: "date")).map { $0 < date } ?? false }
            try rule(!meetings.contains { $0.date == activity.date }, "alliance.meeting.date", record,
                     zh: "\(date) 已有一次联席会议", en: "a joint meeting is already recorded on \(date)", code: .conflict)
            if let previous = earlier.last {
                if !previous.nextHost.isEmpty {
                    try rule(host == previous.nextHost, "alliance.meeting.host", record,
                             zh: "承办单位应为上次会议（\(previous.date)）确定的 \(previous.nextHost)",
                             en: "the host must be \(previous.nextHost), chosen at the previous meeting on \(previous.date); \(host) was not")
                }
                try rule(activity.agenda.contains { $0.kind == .followUpReport }, "alliance.meeting.follow_up", record,
                         zh: "议程须包括上次会议（\(previous.date)）落实情况的报告",
                         en: "the agenda has no follow-up report on the previous meeting of \(previous.date); add one")
            }
            for (i, item) in activity.agenda.enumerated() {
                let known: Bool
                switch item.kind {
                case .followUpReport, .charterChange, .jointRecommendation: known = true
                default: known = false
                }
                try rule(known && !item.title.isEmpty, "alliance.meeting.agenda", record,
                         zh: "议程第 \(i + 1) 项缺少类型或标题",
                         en: "agenda item \(i + 1) needs a kind (follow-up report, charter change, joint recommendation) and a title",
                         code: .invalidInput)
            }
            if !activity.nextHost.isEmpty {
                try rule(members.contains(activity.nextHost), "alliance.meeting.next_host", record,
                         zh: "下次承办单位 \(activity.nextHost) 不是成员单位", en: "the next host \(activity.nextHost) is not a member of alliance \(id)")
            }
        case .research, .inspection:
            try rule(!activity.hosts.isEmpty, "alliance.joint.hosts", record,
                     zh: "须至少有一个牵头单位", en: "joint research and inspections need at least one host body", code: .invalidInput)
            try rule(!activity.topic.isEmpty, "alliance.joint.topic", record,
                     zh: "缺少主题", en: "the topic is empty; give one", code: .invalidInput)
            if !activity.endDate.isEmpty {
                let end = try day(activity.endDate, field: "end_date", record)
                try rule(end >= date, "alliance.joint.dates", record,
                         zh: "结束日期早于开始日期", en: "the end day \(end) is before the first day \(date)", code: .invalidInput)
            }
        default:
            throw DomainError(.invalidInput, rule: "alliance.activity.kind", zh: "缺少活动类型",
                              en: "the record's kind is not meeting, research or inspection", record: record)
        }
    }

    private func rule(_ condition: Bool, _ key: String, _ record: String, zh: @autoclosure () -> String,
                      en: @autoclosure () -> String, code: DomainError.Code = .ruleBroken) throws(DomainError) {
        if !condition { throw DomainError(code, rule: key, zh: zh(), en: en(), record: record) }
    }

    private func day(_ text: String, field: String, _ record: String) throws(DomainError) -> Day {
        do { return try Day(parsing: text, field: field) } catch {
            throw DomainError(.invalidInput, rule: "alliance.\(field)", zh: "\(field) '\(text)' 不是日期 YYYY-MM-DD",
                              en: "\(field) '\(text)' is not a day YYYY-MM-DD", record: record)
        }
    }
}
