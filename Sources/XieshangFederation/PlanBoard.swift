import XieshangWire

/// Plans down, progress up (协商计划): the issuer's view of the plan items it issued and each assignee's status.
///
/// Until the domain module's plans.proto lands, a plan event (`EVENT_KIND_PLAN`) carries a `Note`: an item is
/// issued with text `item:<title>` and `amount` = its deadline (ms) and a `down` scope naming the assignees;
/// progress is an `up` event with text `progress:<chain>#<seq>:<status>` naming the item's event (`status` is
/// `started` or `done`).
public struct PlanBoard: Sendable {
    /// One issued item.
    public struct Item: Sendable, Hashable {
        /// The item's title.
        public var title: String
        /// Deadline, ms since 1970.
        public var deadlineMs: Int64
        /// Assignees named by the item's scope.
        public var assignees: [String]
        /// Status per assignee that reported (`started`, `done`).
        public var status: [String: String]
        /// Whether the item is overdue at `now` for some assignee that is not done.
        public func isOverdue(now: Int64) -> Bool { now > deadlineMs && assignees.contains { status[$0] != "done" } }
    }

    /// Items this node issued, by `<chain>#<seq>` of the plan event.
    public private(set) var items: [String: Item] = [:]
    /// Items this node received (issuer#seq → title), for progress reports.
    public private(set) var received: [String: String] = [:]

    /// An empty board.
    public init() {}

    /// Makes the payload of a plan item.
    public static func itemPayload(title: String, deadlineMs: Int64) -> [UInt8] {
        Note(text: "item:" + title, amount: deadlineMs).serializedBytes()
    }

    /// Makes the payload of a progress report on the item event `issuer`#`seq` (`issuer` is its chain name).
    public static func progressPayload(issuer: String, seq: UInt64, status: String) -> [UInt8] {
        Note(text: "progress:\(issuer)#\(seq):\(status)").serializedBytes()
    }

    mutating func apply(_ body: EventBody, hash: [UInt8], me: String) {
        guard let note = try? Note(serializedBytes: body.payload) else { return }
        if note.text.hasPrefix("item:") {
            guard case .down(let only)? = Route(body.scope) else { return }
            if ChainName.node(of: body.origin) == me {
                items["\(body.origin)#\(body.seq)"] = Item(title: String(note.text.dropFirst(5)), deadlineMs: note.amount, assignees: only, status: [:])
            } else {
                received["\(body.origin)#\(body.seq)"] = String(note.text.dropFirst(5))
            }
        } else if note.text.hasPrefix("progress:") {
            let rest = note.text.dropFirst(9)
            guard let hashMark = rest.firstIndex(of: "#"), let colon = rest.lastIndex(of: ":") , hashMark < colon else { return }
            let issuer = String(rest[..<hashMark])
            let key = String(rest[..<colon])
            guard ChainName.node(of: issuer) == me, UInt64(rest[rest.index(after: hashMark)..<colon]) != nil, items[key] != nil else { return }
            items[key]!.status[ChainName.node(of: body.origin)] = String(rest[rest.index(after: colon)...])
        }
    }
}
