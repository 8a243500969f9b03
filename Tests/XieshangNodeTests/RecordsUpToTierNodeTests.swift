import Foundation
import Testing
import XieshangNode
import XieshangWire

/// `records_up_to_tier` on real node processes (#15 item 5): with the setting at the county tier in every node.json,
/// a township's activities reach its county and stop there; the city holds none of them yet its figures are right.
@Suite("records_up_to_tier on node processes")
struct RecordsUpToTierNodeTests {
    @Test func aTownshipsRecordsStopAtTheCountyAndTheCityFiguresAreRight() async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 1)
        defer { fed.stopAll() }
        for m in fed.topology.members {
            var config = m.config
            config.recordsUpToTier = "county"
            try config.jsonText().write(toFile: m.directory + "/node.json", atomically: true, encoding: .utf8)
            // The file reads back with the setting.
            #expect(try NodeConfig.load(from: m.directory + "/node.json").recordsUpToTier == "county")
        }
        try await fed.startAll()
        let town = try #require(fed.townships.first), county = try #require(fed.counties.first)
        let city = try #require(fed.topology.members.first { $0.config.parent == nil }?.id)
        _ = try await fed.submit(town, amount: 7)
        _ = try await fed.submit(county, amount: 3)
        _ = try await fed.submit(city, amount: 5)
        try await waitUntil("the city's figures carry every activity", seconds: 30) {
            try await fed.totals(city)["activity_participants"] == 15
        }
        #expect(try await fed.totals(city)["research_visits"] == 3)
        // The township's activity went on its chain to the county (direct:county) and the county holds it; the city
        // holds the township's and the county's reports, and no activity of either.
        let activity = Int64(EventKind.activity.protoValue)
        let atCounty = try await fed.events(county, origin: "\(town)@direct:\(county)")
        #expect(atCounty.contains { $0.kind == activity }, "the county holds the township's activity")
        let cityOrigins = try await fed.origins(city)
        for origin in cityOrigins where origin != city && !origin.hasPrefix(city + "@") {
            let kinds = try await fed.events(city, origin: origin).map(\.kind)
            #expect(!kinds.contains(activity), "the city holds an activity of \(origin)")
        }
        #expect(try await fed.events(city, origin: town).contains { $0.kind == Int64(EventKind.aggregateReport.protoValue) })
        // No report was refused on the way: the city did not compare the bodies whose records stop below it.
        let alerts = try await fed.status(city).alerts
        #expect(!alerts.contains { $0.code == "own_mismatch" }, "\(alerts)")
    }
}
