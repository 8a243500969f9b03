import Testing
import XieshangWire
@testable import XieshangDomain

/// Sub-body units 基层协商平台 (issue 18, item 2: 赤水's four-level platform as data): a township registers village
/// stations, group points under them and households under those; each id and name checked, each parent existing and
/// of a kind that can hold it; a retired unit keeps its history and takes no activity after its last day; activities
/// at units count once in the body's figures and break down per unit.
@Suite struct StationTests {
    static func add(_ id: String, _ name: String, _ kind: Station.Kind, parent: String? = nil, on: String = "2026-01-05") -> DomainEvent {
        .station(StationEvent(id, on: day(on), .registered(name: name, kind: kind, parent: parent)))
    }
    static func retire(_ id: String, on: String) -> DomainEvent { .station(StationEvent(id, on: day(on), .retired(reason: "并村"))) }
    static func activity(_ id: String, at station: String = "", on: String = "2026-03-01", participants: Int = 10) -> DomainEvent {
        .activity(Activity(id: id, kind: .consultation, form: .topical, date: day(on), topic: "议题\(id)", participants: participants,
                           station: station))
    }

    /// 高竹村 (village station) with 金竹林组 (group point) under it, at the township.
    static func township() throws -> Node {
        var node = Node(townshipBody)
        try node.record(add("GZC", "高竹村民主协商中心站", .village), by: .office)
        try node.record(add("GZC-JZL", "金竹林组民主协商中心点", .group, parent: "GZC"), by: .office)
        return node
    }

    /// Expects `command` refused by `rule` at `node`, with nothing recorded.
    static func refused(_ rule: String, _ command: DomainEvent, at node: Node, by actor: Actor = .office,
                        sourceLocation: SourceLocation = #_sourceLocation) {
        var n = node
        expectRefused(rule, sourceLocation: sourceLocation) { try n.record(command, by: actor) }
        #expect(n.state == node.state && n.log == node.log, "nothing recorded", sourceLocation: sourceLocation)
    }

    @Test func aTownshipRegistersAVillageStationAndAGroupPointUnderIt() throws {
        var node = try Self.township()
        try node.record(Self.add("GZC-JZL-1", "李家中心户", .household, parent: "GZC-JZL"), by: .office)
        try node.record(Self.add("XM", "洗马社区政协联络站", .liaison), by: .office)
        #expect(node.state.stations["GZC-JZL"] == Station(id: "GZC-JZL", name: "金竹林组民主协商中心点", kind: .group, parent: "GZC",
                                                         established: day("2026-01-05")))
        #expect(node.state.stationTree.map { "\($0.depth):\($0.station.id)" } == ["0:GZC", "1:GZC-JZL", "2:GZC-JZL-1", "0:XM"])
        #expect(node.replayed == node.state)
    }

    @Test func anIdIsShortPlainAndNeverReused() throws {
        let node = try Self.township()
        Self.refused("station.id", Self.add("", "某站", .village), at: node)
        Self.refused("station.id", Self.add("高竹", "某站", .village), at: node)
        Self.refused("station.id", Self.add("A B", "某站", .village), at: node)
        Self.refused("station.id", Self.add(String(repeating: "a", count: Station.maxIDLength + 1), "某站", .village), at: node)
        Self.refused("station.id.unique", Self.add("GZC", "另一站", .village), at: node)
        var retired = node
        try retired.record(Self.retire("GZC-JZL", on: "2026-06-30"), by: .office)
        Self.refused("station.id.unique", Self.add("GZC-JZL", "新金竹林组", .group, parent: "GZC", on: "2026-07-01"), at: retired)
        var ok = node
        try ok.record(Self.add(String(repeating: "a", count: Station.maxIDLength), "某站", .village), by: .office)
    }

    @Test func aNameIsVisibleBoundedAndUniqueUnderItsParent() throws {
        let node = try Self.township()
        for bad in ["", " 高竹", "高竹 ", "高\u{202E}竹", "高\n竹", String(repeating: "站", count: Station.maxNameLength + 1)] {
            Self.refused("station.name", Self.add("S1", bad, .village), at: node)
        }
        Self.refused("station.name.unique", Self.add("GZC2", "高竹村民主协商中心站", .village), at: node)
        // The same name under another parent is another unit (两个村都有“一组”).
        var other = node
        try other.record(Self.add("LK", "龙坑村民主协商中心站", .village), by: .office)
        try other.record(Self.add("LK-1", "一组", .group, parent: "LK"), by: .office)
        try other.record(Self.add("GZC-1", "一组", .group, parent: "GZC"), by: .office)
        // A retired unit's name may be taken by a new one.
        try other.record(Self.retire("LK-1", on: "2026-05-31"), by: .office)
        try other.record(Self.add("LK-1B", "一组", .group, parent: "LK", on: "2026-06-01"), by: .office)
    }

    @Test func aParentExistsWorksAndIsOfAKindThatCanHoldIt() throws {
        let node = try Self.township()
        Self.refused("station.parent.required", Self.add("G2", "二组", .group), at: node)
        Self.refused("station.parent.required", Self.add("H1", "中心户", .household), at: node)
        Self.refused("station.parent.unknown", Self.add("G2", "二组", .group, parent: "NONE"), at: node)
        Self.refused("station.parent.self", Self.add("G2", "二组", .group, parent: "G2"), at: node)
        Self.refused("station.parent.kind", Self.add("G2", "二组", .group, parent: "GZC-JZL"), at: node)
        Self.refused("station.parent.kind", Self.add("H1", "中心户", .household, parent: "GZC"), at: node)
        Self.refused("station.parent.kind", Self.add("V2", "龙坑村站", .village, parent: "GZC"), at: node)
        Self.refused("station.parent.kind", Self.add("L2", "联络站", .liaison, parent: "GZC"), at: node)
        Self.refused("station.parent.closed", Self.add("G2", "二组", .group, parent: "GZC", on: "2025-12-31"), at: node)
        var retired = node
        try retired.record(Self.retire("GZC-JZL", on: "2026-03-31"), by: .office)
        try retired.record(Self.retire("GZC", on: "2026-03-31"), by: .office)
        Self.refused("station.parent.closed", Self.add("G2", "二组", .group, parent: "GZC", on: "2026-04-01"), at: retired)
    }

    @Test func onlyTheOfficeRegistersAndRetiresUnits() throws {
        let node = try Self.township()
        Self.refused("station.actor", Self.add("V2", "龙坑村站", .village), at: node, by: .member("M1"))
        Self.refused("station.actor", Self.retire("GZC-JZL", on: "2026-06-30"), at: node, by: .committee)
    }

    @Test func retiringKeepsTheHistoryAndStopsNewActivitiesAfterTheDay() throws {
        var node = try Self.township()
        try node.record(Self.activity("HD-1", at: "GZC-JZL", on: "2026-03-01"), by: .office)
        Self.refused("station.exists", Self.retire("NONE", on: "2026-06-30"), at: node)
        Self.refused("station.retire.date", Self.retire("GZC-JZL", on: "2026-01-04"), at: node)
        Self.refused("station.retire.activities", Self.retire("GZC-JZL", on: "2026-02-28"), at: node)
        Self.refused("station.retire.children", Self.retire("GZC", on: "2026-06-30"), at: node)
        try node.record(Self.retire("GZC-JZL", on: "2026-06-30"), by: .office)
        Self.refused("station.retire.again", Self.retire("GZC-JZL", on: "2026-07-30"), at: node)
        // Its last day still takes an activity (recorded late, too); the day after does not.
        try node.record(Self.activity("HD-2", at: "GZC-JZL", on: "2026-06-30"), by: .office)
        Self.refused("activity.station.retired", Self.activity("HD-3", at: "GZC-JZL", on: "2026-07-01"), at: node)
        #expect(node.state.stations["GZC-JZL"]?.retiredOn == day("2026-06-30"))
        #expect(node.state.activities["HD-1"]?.station == "GZC-JZL")
        // The village station may go once its group point has.
        try node.record(Self.retire("GZC", on: "2026-06-30"), by: .office)
        #expect(node.replayed == node.state)
    }

    @Test func anActivityNamesAUnitRegisteredAndWorkingThatDay() throws {
        let node = try Self.township()
        Self.refused("activity.station.unknown", Self.activity("HD-1", at: "NONE"), at: node)
        Self.refused("activity.station.notYet", Self.activity("HD-1", at: "GZC", on: "2026-01-04"), at: node)
        var n = node
        try n.record(Self.activity("HD-1", at: "GZC", on: "2026-01-05"), by: .office)
        try n.record(Self.activity("HD-2"), by: .office)
        #expect(n.state.activities["HD-2"]?.station == "")
    }

    @Test func figuresPerUnitPartitionTheBodysActivities() throws {
        var node = try Self.township()
        try node.record(Self.add("LK", "龙坑村民主协商中心站", .village), by: .office)
        try node.record(Self.activity("HD-1", at: "GZC", participants: 30), by: .office)
        try node.record(Self.activity("HD-2", at: "GZC-JZL", participants: 12), by: .office)
        try node.record(Self.activity("HD-3", at: "GZC-JZL", participants: 8), by: .office)
        try node.record(Self.activity("HD-4", participants: 40), by: .office)
        try node.record(Self.activity("HD-5", at: "GZC", on: "2027-01-10", participants: 99), by: .office)
        let f = StationFigures(node.state, in: .year(2026))
        func row(_ id: String?) -> [Int64] {
            guard let r = f.rows.first(where: { $0.station?.id == id }) else { return [] }
            return [r.activities, r.participants, r.totalActivities, r.totalParticipants]
        }
        #expect(f.rows.map { $0.station?.id ?? "本级" } == ["本级", "GZC", "GZC-JZL", "LK"])
        #expect(row(nil) == [1, 40, 4, 90])
        #expect(row("GZC") == [1, 30, 3, 50])
        #expect(row("GZC-JZL") == [2, 20, 2, 20])
        #expect(row("LK") == [0, 0, 0, 0])
        // Exactly once: the rows at the body and at each unit add up to the body's activity figures.
        #expect(f.rows.map(\.activities).reduce(0, +) == node.state.figures(for: .year(2026)).consultations)
        #expect(StationFigures(Node(townshipBody).state, in: .year(2026)).rows.isEmpty)
    }

    /// Records of another body are applied without its rules: a forged chain of parents (A under B, B under A) still
    /// lists every unit once and counts every activity once, without looping.
    @Test func aForgedCycleOfParentsNeverLoops() {
        var state = DomainState(body: townshipBody)
        state.apply(Self.add("A", "甲", .group, parent: "B"))
        state.apply(Self.add("B", "乙", .group, parent: "A"))
        state.apply(Self.activity("HD-1", at: "A"))
        state.apply(Self.activity("HD-2", at: "GONE"))
        let f = StationFigures(state, in: .year(2026))
        #expect(Set(f.rows.compactMap { $0.station?.id }) == ["A", "B"])
        #expect(f.rows.map(\.activities).reduce(0, +) == 2)
        #expect(f.rows.first?.activities == 1, "an activity at a unit not held counts at the body")
    }

    @Test func theEventsRoundTripAndOldActivitiesReadAsAtTheBody() throws {
        for e in [Self.add("GZC-JZL", "金竹林组", .group, parent: "GZC"), Self.add("GZC", "高竹村站", .village),
                  Self.retire("GZC", on: "2026-06-30"), Self.activity("HD-1", at: "GZC")] {
            #expect(try DomainEvent(kind: e.eventKind, payload: e.payloadBytes()) == e)
        }
        #expect(Self.add("GZC", "高竹村站", .village).eventKind == .station)
        // An activity encoded before field 16 existed (no station) decodes as held at the body itself.
        var message = XieshangWire.ActivityRecorded(activityId: "HD-1", kind: .consultation, form: .topical, date: "2026-03-01",
                                                    topic: "议题", participants: 10)
        message.station = ""
        let old = message.serializedBytes()
        #expect(!old.contains(0x82), "no field 16 tag (0x82 0x01) in the old encoding")
        let decoded = try DomainEvent(kind: .activity, payload: old)
        if case .activity(let a) = decoded { #expect(a.station == "") } else { Issue.record("not an activity") }
        // A unit event without a step or with an unknown kind is refused when decoded.
        var noStep = XieshangWire.StationEvent(stationId: "GZC", on: "2026-01-05")
        #expect(throws: DomainError.self) { try DomainEvent(kind: .station, payload: noStep.serializedBytes()) }
        noStep.step = .registered(.init(name: "站", kind: .unspecified, parent: ""))
        #expect(throws: DomainError.self) { try DomainEvent(kind: .station, payload: noStep.serializedBytes()) }
    }

    @Test func aUnitIsAnOwnRecordThatTravelsUpAndNamesNoOtherBody() {
        let e = Self.add("GZC", "高竹村站", .village)
        #expect(e.routing(recordedAt: townshipBody) == .up(to: townshipBody.parent ?? ""))
        #expect(e.reach(signer: townshipBody.id, at: countyBody.id, arrived: .up) == .othersRecord)
        #expect(e.reach(signer: countyBody.id, at: townshipBody.id, arrived: .down) != .othersRecord)
    }
}
