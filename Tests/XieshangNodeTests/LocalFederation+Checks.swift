import Foundation
import Testing

extension LocalFederation {
    /// Every township's note chain is held exactly once (contiguous seqs, the same hash as at its origin) by its
    /// county and the city, and nowhere else among the counties.
    func expectChainsReplicated() async throws {
        for town in townships {
            let county = member(town).config.parent!.nodeId
            let own = try await recordSeqs(town, origin: town)
            for holder in [county, "city"] {
                let held = try await recordSeqs(holder, origin: town)
                #expect(held == own, "\(holder) holds \(held.count) notes of \(town), which holds \(own.count)")
            }
            for other in counties where other != county {
                let heldOrigins = try await origins(other)
                #expect(!heldOrigins.contains(town), "\(other) holds events of \(town), outside its subtree")
            }
        }
    }

    /// The city's totals equal the notes the townships hold (amount 1 each).
    func cityMatchesTownships() async throws -> Bool {
        var notes: Int64 = 0
        for t in townships { notes += Int64(try await recordSeqs(t, origin: t).count) }
        let cityTotals = try await totals("city")
        return cityTotals["research_visits"] == notes && cityTotals["activity_participants"] == notes
    }
}
