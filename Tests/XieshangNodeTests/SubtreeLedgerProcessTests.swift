import Foundation
import Testing
@testable import XieshangNode
import XieshangWire

/// Issue 18, duty scoring across the subtree, through the `xieshang` CLI against real node processes (city, county,
/// township): a member's 履职档案 includes the activities they joined at any body below their own (a county member at a
/// township's inspection), citing the record and the body where it happened, while every body's figures count the
/// activity once, at the township.
@Suite("subtree ledger (process acceptance)", .serialized)
struct SubtreeLedgerProcessTests {
    typealias Run = ProposalFollowUpProcessTests

    /// Issue 18's acceptance: "a county member's ledger counting a township activity". The township records an
    /// inspection with its own member and, as guests, a county member and a city member. The county's `member ledger`
    /// of its member counts it (调研视察 +5, citing `activity:county1-town1/HD-1` at the township), and so does the
    /// city's for its member two levels up. The county's own figures stay without the inspection, the city's subtree
    /// totals count it once, and the city's recomputation of the county's figures finds no mismatch. A guest who is
    /// the township's own member is refused by name and records nothing; a guest without a body is a usage error.
    @Test("a county member's 履职档案 counts a township activity they joined; the figures count it once, at the township")
    func aCountyMembersLedgerCountsATownshipActivity() async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 1)
        try await fed.startAll()
        defer { fed.stopAll() }
        let y = Run.year, town = "county1-town1", county = "county1"
        try await Run.ok(fed, county, ["member", "add", "--id", "M1", "--name", "县委员甲", "--sector", "经济界", "--date", "\(y)-01-02"])
        try await Run.ok(fed, "city", ["member", "add", "--id", "C1", "--name", "市委员乙", "--sector", "教育界", "--date", "\(y)-01-02"])
        try await Run.ok(fed, town, ["member", "add", "--id", "t1", "--name", "乡委员丙", "--sector", "农业界", "--date", "\(y)-01-02"])

        let own = try await Run.run(fed, town, ["activity", "add", "--id", "HD-0", "--kind", "inspection", "--topic", "农村饮水安全",
                                                "--participants", "5", "--members", "t1", "--guests", "\(town)/t1", "--date", "\(y)-03-10"])
        #expect(own.status == 1 && own.output.contains("[activity.guest.body]"), "\(own.output)")
        let noBody = try await Run.run(fed, town, ["activity", "add", "--id", "HD-0", "--kind", "inspection", "--topic", "农村饮水安全",
                                                   "--participants", "5", "--guests", "M1", "--date", "\(y)-03-10"])
        #expect(noBody.status == 2 && noBody.output.contains("--guests takes BODY/MEMBER"), "\(noBody.output)")
        let listed = try await Run.run(fed, town, ["activity", "list", "--json"])
        #expect(listed.status == 0 && !listed.output.contains("HD-0"), "nothing recorded on refusal: \(listed.output)")

        try await Run.ok(fed, town, ["activity", "add", "--id", "HD-1", "--kind", "inspection", "--topic", "农村饮水安全",
                                     "--participants", "5", "--members", "t1", "--guests", "\(county)/M1,city/C1", "--date", "\(y)-03-12"])

        func ledger(_ id: String, _ member: String) async throws -> [String: Any] {
            let r = try await Run.run(fed, id, ["member", "ledger", member, "--year", y, "--json"])
            guard r.status == 0, let line = r.output.split(separator: "\n").first else { return [:] }
            return (try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]) ?? [:]
        }
        func entries(_ d: [String: Any]) -> [[String: Any]] { (d["entries"] as? [[String: Any]]) ?? [] }
        try await waitUntil("the county's ledger of M1 counts the township's inspection", seconds: 60) {
            !entries(try await ledger(county, "M1")).isEmpty
        }
        let atCounty = try await ledger(county, "M1")
        let entry = try #require(entries(atCounty).first)
        #expect(entries(atCounty).count == 1 && entry["source"] as? String == "activity:\(town)/HD-1" && entry["at"] as? String == town
                && entry["category"] as? String == "research" && entry["tenths"] as? Int == 50, "\(atCounty)")
        #expect(((atCounty["categories"] as? [String: Any])?["research"] as? Int) == 50, "\(atCounty)")
        let text = try await Run.run(fed, county, ["member", "ledger", "M1", "--year", y])
        #expect(text.status == 0 && text.output.contains("活动地：\(town)") && text.output.contains("activity:\(town)/HD-1"), "\(text.output)")
        try await waitUntil("the city's ledger of C1 counts it too, two levels up", seconds: 60) {
            entries(try await ledger("city", "C1")).contains { $0["source"] as? String == "activity:\(town)/HD-1" && $0["at"] as? String == town }
        }
        // The township's own member keeps their entry at the township, citing its own record.
        let atTown = try await ledger(town, "t1")
        #expect(entries(atTown).map { $0["source"] as? String } == ["activity:HD-1"], "\(atTown)")

        // The figures count the inspection once, at the township: not at the county, once in the city's totals.
        try await waitUntil("the township's inspection reaches the city's totals", seconds: 60) {
            (try await fed.totals("city"))["inspections"] == 1
        }
        let countyFigures = try #require(try await OwnFiguresProcessTests.query(fed, county, "figures", ["period": y]).first)
        #expect(countyFigures["inspections"] as? Int == 0 && countyFigures["activityParticipants"] as? Int == 0, "\(countyFigures)")
        let cityFigures = try #require(try await OwnFiguresProcessTests.query(fed, "city", "figures", ["period": y]).first)
        #expect(cityFigures["inspections"] as? Int == 0, "\(cityFigures)")
        let totals = try await fed.totals("city")
        #expect(totals["inspections"] == 1 && totals["activity_participants"] == 5, "\(totals)")
        let recomputed = try #require(try await OwnFiguresProcessTests.query(fed, "city", "recomputed_figures", ["body": county, "period": y]).first)
        #expect((recomputed["inspections"] as? NSNumber)?.int64Value == 0, "\(recomputed)")
        #expect(!(try await fed.status("city")).alerts.contains { $0.code == "own_mismatch" })
        #expect(!(try await fed.status(county)).alerts.contains { $0.code == "own_mismatch" })
    }
}
