import Testing
import XieshangWire
@testable import XieshangDomain

/// Alliance records: charter versions, joint meetings (host chosen at the previous meeting), joint research and
/// inspections with several hosts; the rules refuse with clear errors, storing is order-independent.
struct AllianceBookTests {
    static let members: Set<String> = ["tongren", "enshi", "xiangxi", "zhangjiajie"]

    static func meeting(_ id: String, _ date: String, host: String, attendees: [String] = ["tongren", "enshi", "xiangxi"],
                        agenda: [AgendaItem] = [], next: String = "") -> JointActivity {
        JointActivity(allianceId: "wuling", id: id, kind: .meeting, date: date, hosts: [host], attendees: attendees, agenda: agenda,
                      minutes: "纪要", nextHost: next)
    }

    static let followUp = AgendaItem(kind: .followUpReport, title: "上次会议落实情况")

    @Test("a meeting's host must be the one chosen at the previous meeting, with a follow-up report on it")
    func meetingHost() throws {
        var book = AllianceBook(id: "wuling")
        let first = Self.meeting("m2025", "2025-11-20", host: "tongren", agenda: [AgendaItem(kind: .jointRecommendation, title: "旅游年票互认")],
                                 next: "enshi")
        try book.check(first, configuredMembers: Self.members)
        book.store(first)
        expectRefused("alliance.meeting.host") { try book.check(Self.meeting("m2026", "2026-11-20", host: "xiangxi", attendees: ["xiangxi"],
                                                                              agenda: [Self.followUp]), configuredMembers: Self.members) }
        expectRefused("alliance.meeting.follow_up") { try book.check(Self.meeting("m2026", "2026-11-20", host: "enshi", attendees: ["enshi"]),
                                                                     configuredMembers: Self.members) }
        expectRefused("alliance.meeting.attendees") { try book.check(Self.meeting("m2026", "2026-11-20", host: "enshi", attendees: ["tongren"],
                                                                                  agenda: [Self.followUp]), configuredMembers: Self.members) }
        expectRefused("alliance.activity.id") { try book.check(first, configuredMembers: Self.members) }
        let second = Self.meeting("m2026", "2026-11-20", host: "enshi", attendees: ["enshi", "tongren"], agenda: [Self.followUp])
        try book.check(second, configuredMembers: Self.members)
        book.store(second)
        #expect(book.meetings.map(\.id) == ["m2025", "m2026"])
        // A meeting without a chosen successor host leaves the next one free.
        try book.check(Self.meeting("m2027", "2027-11-20", host: "xiangxi", attendees: ["xiangxi"], agenda: [Self.followUp]),
                       configuredMembers: Self.members)
    }

    @Test("attendees and hosts must be members of the charter in force on the day; bad fields are refused")
    func membership() throws {
        var book = AllianceBook(id: "wuling")
        expectRefused("alliance.activity.members") {
            try book.check(Self.meeting("m", "2026-01-10", host: "tongren", attendees: ["tongren", "chongqing"]), configuredMembers: Self.members)
        }
        let v1 = AllianceCharter(allianceId: "wuling", version: 1, name: "武陵山片区政协主席联席会", members: ["tongren", "enshi"], effective: "2026-01-01")
        try book.check(v1, configuredMembers: Self.members)
        book.store(v1)
        // xiangxi is pinned in the configuration but not a member under charter v1.
        expectRefused("alliance.activity.members") {
            try book.check(Self.meeting("m", "2026-02-10", host: "tongren", attendees: ["tongren", "xiangxi"]), configuredMembers: Self.members)
        }
        expectRefused("alliance.charter.version") {
            try book.check(AllianceCharter(allianceId: "wuling", version: 3, members: ["tongren"], effective: "2026-03-01"), configuredMembers: Self.members)
        }
        expectRefused("alliance.charter.members") {
            try book.check(AllianceCharter(allianceId: "wuling", version: 2, members: ["tongren", "chongqing"], effective: "2026-03-01"),
                           configuredMembers: Self.members)
        }
        expectRefused("alliance.charter.effective") {
            try book.check(AllianceCharter(allianceId: "wuling", version: 2, members: ["tongren"], effective: "2025-12-01"), configuredMembers: Self.members)
        }
        let v2 = AllianceCharter(allianceId: "wuling", version: 2, members: ["tongren", "enshi", "xiangxi"], effective: "2026-03-01")
        try book.check(v2, configuredMembers: Self.members)
        book.store(v2)
        #expect(book.charter(on: day("2026-02-28"))?.version == 1)
        #expect(book.charter(on: day("2026-03-01"))?.version == 2)
        try book.check(Self.meeting("m", "2026-04-10", host: "tongren", attendees: ["tongren", "xiangxi"]), configuredMembers: Self.members)
        expectRefused("alliance.date") {
            try book.check(Self.meeting("m", "2026-13-10", host: "tongren", attendees: ["tongren"]), configuredMembers: Self.members)
        }
        expectRefused("alliance.activity.kind") {
            try book.check(JointActivity(allianceId: "wuling", id: "x", date: "2026-04-10"), configuredMembers: Self.members)
        }
        expectRefused("alliance.meeting.agenda") {
            try book.check(Self.meeting("m", "2026-04-10", host: "tongren", attendees: ["tongren"], agenda: [AgendaItem(kind: .charterChange)]),
                           configuredMembers: Self.members)
        }
    }

    @Test("joint research and inspections: several hosts, a topic, an end not before the start")
    func jointWork() throws {
        var book = AllianceBook(id: "wuling")
        let research = JointActivity(allianceId: "wuling", id: "r1", kind: .research, date: "2026-06-02", endDate: "2026-06-05",
                                     hosts: ["tongren", "enshi"], attendees: ["tongren", "enshi", "xiangxi"], topic: "生态补偿机制",
                                     findings: "跨省流域补偿标准不一", participants: 24)
        try book.check(research, configuredMembers: Self.members)
        book.store(research)
        #expect(book.jointWork.first?.hosts == ["tongren", "enshi"])
        var bad = research
        bad.id = "r2"
        bad.endDate = "2026-06-01"
        expectRefused("alliance.joint.dates") { try book.check(bad, configuredMembers: Self.members) }
        bad.endDate = ""
        bad.hosts = []
        expectRefused("alliance.joint.hosts") { try book.check(bad, configuredMembers: Self.members) }
        bad.hosts = ["xiangxi"]
        bad.topic = ""
        bad.kind = .inspection
        expectRefused("alliance.joint.topic") { try book.check(bad, configuredMembers: Self.members) }
    }

    @Test("two contents under one key keep the same one whatever the arrival order")
    func storingIsOrderIndependent() {
        let a = Self.meeting("m", "2026-11-20", host: "tongren", next: "enshi")
        let b = Self.meeting("m", "2026-11-20", host: "tongren", next: "xiangxi")
        var one = AllianceBook(id: "wuling"), two = AllianceBook(id: "wuling")
        one.store(a); one.store(b)
        two.store(b); two.store(a)
        #expect(one.activities["m"] == two.activities["m"])
    }
}
