import Testing
@testable import XieshangNode

/// The node hands freed memory back once it has gone quiet (``QuietTrim``): once per quiet log end, never while
/// events are being stored.
@Suite struct QuietTrimTests {
    @Test func trimsOnceWhenTheLogEndStaysAndAgainOnlyAfterItMoved() {
        let quiet = QuietTrim()
        var trims = 0
        func check(_ position: Int64) -> Bool { quiet.check(position: position) { trims += 1 } }
        #expect(!check(5), "the first look has nothing to compare with")
        #expect(check(5), "quiet over one interval: trims")
        #expect(!check(5) && !check(5), "still quiet, already trimmed at this end")
        #expect(!check(6) && !check(9), "events stored: no trim while the log moves")
        #expect(check(9), "quiet again at the new end")
        #expect(trims == 2)
    }
}
