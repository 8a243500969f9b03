import Testing
@testable import XieshangDomain

/// A small seeded generator (SplitMix64), so every run of a property test can be reproduced from its seed.
struct DraftTestRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Convergence: replicas edit concurrently and exchange operations in random orders, cut into pieces and
/// duplicated; at the end every replica shows the same text.
struct DraftConvergenceTests {
    /// Characters the replicas type: Chinese (BMP and beyond), ASCII, and a combining mark.
    static let alphabet: [Unicode.Scalar] = Array("政协联名提案武陵山片区协商abcxyz ，。\n𠀀\u{301}".unicodeScalars)

    static func randomText(_ rng: inout DraftTestRandom) -> String {
        var view = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 1...4, using: &rng) { view.append(alphabet.randomElement(using: &rng)!) }
        return String(view)
    }

    /// One random local edit: inserts favour the same few positions (start, end, middle) so that concurrent
    /// insertions between the same neighbours are common.
    static func randomEdit(_ text: inout DraftText, _ rng: inout DraftTestRandom) throws {
        let n = text.count
        if n > 0 && Int.random(in: 0..<10, using: &rng) < 3 {
            let at = Int.random(in: 0..<n, using: &rng)
            let length = Int.random(in: 1...min(3, n - at), using: &rng)
            try text.delete(at: at, length: length)
        } else {
            let at: Int
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: at = 0
            case 1: at = n
            case 2: at = n / 2
            default: at = Int.random(in: 0...n, using: &rng)
            }
            try text.insert(randomText(&rng), at: at)
        }
    }

    /// What `from` holds that `to` lacks, as a shuffled delivery: some operations cut into pieces, some duplicated,
    /// and some already-held operations sent again.
    static func delivery(from: DraftText, to: DraftText, _ rng: inout DraftTestRandom) -> [DraftOp] {
        var ops: [DraftOp] = []
        for op in from.ops(since: to.version) {
            let length = op.length
            if length > 1 && Bool.random(using: &rng) {
                let cut = op.seq + UInt32.random(in: 1..<length, using: &rng)
                ops.append(op.slice(from: op.seq, to: cut))
                ops.append(op.slice(from: cut, to: op.seq + length))
                if Bool.random(using: &rng) { ops.append(op) }  // overlaps both pieces
            } else {
                ops.append(op)
            }
        }
        let old = from.ops(since: DraftVersion())
        if !old.isEmpty {
            for _ in 0..<Int.random(in: 0...2, using: &rng) { ops.append(old.randomElement(using: &rng)!) }
        }
        if !ops.isEmpty {
            for _ in 0..<Int.random(in: 0...2, using: &rng) { ops.append(ops.randomElement(using: &rng)!) }
        }
        ops.shuffle(using: &rng)
        return ops
    }

    static func run(seed: UInt64) throws -> (texts: [String], replicas: [DraftText]) {
        var rng = DraftTestRandom(seed: seed)
        let count = Int.random(in: 3...5, using: &rng)
        // Node ids in a random order of creation, so local agent numbers differ between replicas.
        let ids = (0..<count).map { "body-\($0)-\(["贵阳", "铜仁", "恩施", "湘西", "黔江"][$0])" }.shuffled(using: &rng)
        // Odd seeds use tiny leaves so that leaf splits happen on these small texts too.
        let leafCapacity = seed % 2 == 1 ? 4 : 64
        var replicas = ids.map { DraftText(replica: $0, leafCapacity: leafCapacity) }
        for _ in 0..<Int.random(in: 4...12, using: &rng) {
            // A burst of concurrent edits…
            for r in replicas.indices where Bool.random(using: &rng) {
                for _ in 0..<Int.random(in: 1...3, using: &rng) { try randomEdit(&replicas[r], &rng) }
            }
            // …then some partial exchanges.
            for _ in 0..<Int.random(in: 0...count, using: &rng) {
                let a = Int.random(in: 0..<count, using: &rng)
                let b = Int.random(in: 0..<count, using: &rng)
                if a != b { try replicas[b].apply(delivery(from: replicas[a], to: replicas[b], &rng)) }
            }
        }
        // Full exchange, each replica receiving from all others in a random order.
        for b in replicas.indices {
            var all: [DraftOp] = []
            for a in replicas.indices where a != b { all += delivery(from: replicas[a], to: replicas[b], &rng) }
            all.shuffle(using: &rng)
            try replicas[b].apply(all)
        }
        return (replicas.map(\.text), replicas)
    }

    @Test("1,000 seeded runs of 3–5 replicas converge to one text")
    func convergence() throws {
        var sameTextRuns = 0
        var totalScalars = 0
        for seed in 1...1_000 as ClosedRange<UInt64> {
            let (texts, replicas) = try Self.run(seed: seed)
            #expect(Set(texts).count == 1, "seed \(seed): replicas disagree: \(texts)")
            #expect(replicas.allSatisfy { $0.pendingCount == 0 }, "seed \(seed): operations still waiting")
            #expect(Set(replicas.map(\.version)).count == 1, "seed \(seed): versions differ")
            if Set(texts).count == 1 { sameTextRuns += 1 }
            totalScalars += texts[0].unicodeScalars.count
        }
        #expect(sameTextRuns == 1_000)
        // The runs really edit: on average several scalars survive.
        #expect(totalScalars > 5_000)
    }

    @Test("a replica that edits alone matches a plain scalar array (local edits are exact)", arguments: [4, 64])
    func localEditsMatchModel(leafCapacity: Int) throws {
        var rng = DraftTestRandom(seed: 42)
        var text = DraftText(replica: "solo", leafCapacity: leafCapacity)
        var model: [Unicode.Scalar] = []
        for step in 0..<3_000 {
            let n = model.count
            if n > 0 && Int.random(in: 0..<10, using: &rng) < 4 {
                let at = Int.random(in: 0..<n, using: &rng)
                let length = Int.random(in: 1...min(8, n - at), using: &rng)
                try text.delete(at: at, length: length)
                model.removeSubrange(at..<at + length)
            } else {
                let at = Int.random(in: 0...n, using: &rng)
                let s = Self.randomText(&rng)
                try text.insert(s, at: at)
                model.insert(contentsOf: s.unicodeScalars, at: at)
            }
            if step % 100 == 0 { #expect(text.unicodeScalars == model, "step \(step)") }
        }
        #expect(text.unicodeScalars == model)
        #expect(text.count == model.count)
        // A fresh replica that receives the whole log shows the same text.
        var other = DraftText(replica: "other", leafCapacity: leafCapacity)
        try other.apply(text.ops(since: DraftVersion()).shuffled(using: &rng))
        #expect(other.unicodeScalars == model)
    }
}
