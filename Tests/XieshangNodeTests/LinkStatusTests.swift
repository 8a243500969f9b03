import Foundation
import Testing
@testable import XieshangNode
import XieshangFederation
import XieshangWire

/// The Admin status tells the truth about each link: `lag` counts the events routed to the peer that it has not
/// acknowledged (not the distance in the log), `queued` the events the link holds in memory.
@Suite(.serialized)
struct LinkStatusTests {
    @Test func lagCountsExactlyTheEventsRoutedToThePeerNotYetAcknowledged() async throws {
        let pair = try await CountyWithFakeTownship.make()
        // The city acknowledged what the county sent up before it stopped (the county's roster): owed is what came since.
        let upBefore = await pair.countyCount("scope = 'up'")
        let lagBefore = await pair.countyStatus().links.first { $0.peer == "city" }?.lag ?? 0
        await pair.pump(pair.town.handle(.start, now: pair.now()))
        await pair.originate(300)
        // The city is not running: every event routed up since is owed to it. The township acknowledges nothing the
        // county pushes it (the fake township only answers), so every event routed down is owed to it.
        let before = await pair.countyStatus()
        let upEvents = await pair.countyCount("scope = 'up'") - upBefore
        let downToTown = await pair.countyCount("scope = 'down'")
        let city = before.links.first { $0.peer == "city" }
        let town = before.links.first { $0.peer == "county1-town1" }
        #expect(upEvents >= 300)
        #expect(city?.lag == lagBefore + UInt64(upEvents), "status lag to the city \(city?.lag ?? 0), events routed up \(upEvents) (+\(lagBefore) owed before)")
        #expect(town?.lag == UInt64(downToTown), "status lag to the township \(town?.lag ?? 0), down events \(downToTown)")
        #expect((city?.lag ?? 0) < before.eventsStored, "the lag is the log distance, not the events routed to the peer")
        // Once the city is up and has acknowledged everything, nothing is owed and nothing is queued.
        try pair.startCity()
        try await waitUntil("the county's link to the city has no lag", seconds: 60) {
            let link = await pair.countyStatus().links.first { $0.peer == "city" }
            return link?.state == "up" && link?.lag == 0 && link?.queued == 0 && (link?.acked ?? 0) > 0
        }
        let cityHolds = await pair.city!.runtime.read { (try? pair.city!.runtime.core.store.reader.highestSeqs()["county1-town1"]) ?? 0 }
        await pair.close()
        #expect(cityHolds >= 300)
    }

    @Test func queuedCountsEventsHeldInMemoryForTheLink() async throws {
        let pair = try await CountyWithFakeTownship.make()
        await pair.pump(pair.town.handle(.start, now: pair.now()))
        var heldBack = 0
        pair.tamper = { batch in
            // Lose the first note of the first batch that carries notes: the rest of that batch waits for the gap.
            guard heldBack == 0, let i = batch.events.firstIndex(where: { (try? $0.decodedBody())?.kind == .testNote }) else { return }
            heldBack = batch.events.count - i - 1
            batch.events.remove(at: i)
        }
        await pair.originate(40)
        let status = await pair.countyStatus()
        await pair.close()
        let town = status.links.first { $0.peer == "county1-town1" }
        #expect(heldBack > 0)
        #expect(town?.queued == UInt64(heldBack), "queued \(town?.queued ?? 0), events held behind the gap \(heldBack)")
    }
}
