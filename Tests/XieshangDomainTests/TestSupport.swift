import Testing
@testable import XieshangDomain

/// A day from "YYYY-MM-DD" (test literals only).
func day(_ text: String) -> Day {
    do { return try Day(parsing: text, field: "test") } catch { fatalError("bad test day \(text)") }
}

/// Expects `body` to be refused with `rule`, and returns the error.
@discardableResult
func expectRefused(_ rule: String, sourceLocation: SourceLocation = #_sourceLocation,
                   _ body: () throws -> Void) -> DomainError? {
    do {
        try body()
        Issue.record("expected refusal by rule \(rule), but the command was accepted", sourceLocation: sourceLocation)
        return nil
    } catch let error as DomainError {
        #expect(error.rule == rule, "\(error)", sourceLocation: sourceLocation)
        #expect(!error.messageZh.isEmpty && !error.messageEn.isEmpty, sourceLocation: sourceLocation)
        return error
    } catch {
        Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// A body's state plus the log of every event recorded or received, in order.
struct Node {
    var state: DomainState
    var log: [DomainEvent] = []

    init(_ body: BodyInfo) { state = DomainState(body: body) }

    /// Records a command and logs its events.
    @discardableResult
    mutating func record(_ command: DomainEvent, by actor: Actor) throws -> [DomainEvent] {
        let events = try state.record(command, by: actor)
        log += events
        return events
    }

    /// Applies an event received from another body and logs it.
    mutating func receive(_ event: DomainEvent) {
        state.apply(event)
        log.append(event)
    }

    /// Replays the log into a fresh state.
    var replayed: DomainState { DomainState.replay(body: state.body, events: log) }

    /// Adds active members with ids `prefix`0…`prefix`(n−1), joined on `joined`.
    mutating func addMembers(_ ids: [String], joined: Day = day("2020-01-01")) throws {
        for id in ids {
            try record(.member(MemberRecorded(memberID: id, name: "委员\(id)", sector: "经济界", body: state.body.id,
                                              term: 9, effective: joined)), by: .office)
        }
    }
}

/// A few bodies exchanging events in-process, routed as the federation will route them (no network).
struct Federation {
    var nodes: [String: Node] = [:]

    init(_ bodies: [BodyInfo]) {
        for body in bodies { nodes[body.id] = Node(body) }
    }

    /// Records a command at a body and delivers its events to the bodies its routing names.
    @discardableResult
    mutating func record(_ command: DomainEvent, at id: String, by actor: Actor) throws -> [DomainEvent] {
        let events = try nodes[id]!.record(command, by: actor)
        for event in events { deliver(event, from: id) }
        return events
    }

    /// Delivers one event recorded at `from`.
    mutating func deliver(_ event: DomainEvent, from: String) {
        switch event.routing(recordedAt: nodes[from]!.state.body) {
        case .local: break
        case .up(let to): nodes[to]?.receive(event)
        case .down(let targets):
            for target in targets {
                // Every body on the path from `from` down to the target (exclusive of `from`).
                var path: [String] = []
                var cursor: String? = target
                while let c = cursor, c != from { path.append(c); cursor = nodes[c]?.state.body.parent }
                if cursor == from { for id in path.reversed() { nodes[id]?.receive(event) } }
            }
        case .subtree:
            for id in nodes.keys.sorted() where isBelow(id, from) { nodes[id]!.receive(event) }
        }
    }

    func isBelow(_ id: String, _ ancestor: String) -> Bool {
        var cursor = nodes[id]?.state.body.parent
        while let c = cursor { if c == ancestor { return true }; cursor = nodes[c]?.state.body.parent }
        return false
    }

    subscript(id: String) -> DomainState { nodes[id]!.state }
}

let cityBody = BodyInfo(id: "cn.gz.tongren", name: "铜仁市政协", tier: "city")
let countyBody = BodyInfo(id: "cn.gz.tongren.wanshan", name: "万山区政协", tier: "county", parent: "cn.gz.tongren")
let townshipBody = BodyInfo(id: "cn.gz.tongren.wanshan.aozhai", name: "敖寨乡政协联络组", tier: "township",
                            parent: "cn.gz.tongren.wanshan")
