import Testing
@testable import XieshangDomain

/// Compares ``DraftText`` (runs, leaves, cached cursors) with a deliberately naive one-item-per-character
/// implementation of the same published integration rule (YATA origins with the FugueMax tie-break), on random
/// concurrent histories: the optimized structure must order characters exactly as the plain algorithm does.
struct DraftReferenceTests {
    /// One character of the naive list.
    struct Item {
        var replica: String
        var seq: UInt32
        var scalar: Unicode.Scalar
        var left: DraftCharID?
        var right: DraftCharID?
        var deleted = false
        var id: DraftCharID { DraftCharID(replica: replica, seq: seq) }
    }

    /// The naive list: linear searches, one item per character, integration exactly as in the papers.
    struct NaiveList {
        var items: [Item] = []
        var have: [String: UInt32] = [:]

        func index(of id: DraftCharID?) -> Int? {
            guard let id else { return nil }
            return items.firstIndex { $0.replica == id.replica && $0.seq == id.seq }
        }

        func holds(_ id: DraftCharID?) -> Bool { id == nil || (have[id!.replica] ?? 0) > id!.seq }

        func canApply(_ op: DraftOp) -> Bool {
            guard (have[op.replica] ?? 0) == op.seq else { return false }
            switch op.edit {
            case .insert(_, let l, let r): return holds(l) && holds(r)
            case .delete(let spans):
                return spans.allSatisfy { holds(DraftCharID(replica: $0.replica, seq: $0.seq + $0.length - 1)) }
            }
        }

        mutating func apply(_ op: DraftOp) {
            switch op.edit {
            case .insert(let text, let l, let r):
                var left = l
                for (k, scalar) in text.unicodeScalars.enumerated() {
                    let item = Item(replica: op.replica, seq: op.seq + UInt32(k), scalar: scalar, left: left, right: r)
                    integrate(item)
                    left = item.id
                }
            case .delete(let spans):
                for span in spans {
                    for s in span.seq..<(span.seq + span.length) {
                        items[index(of: DraftCharID(replica: span.replica, seq: s))!].deleted = true
                    }
                }
            }
            have[op.replica] = op.seq + op.length
        }

        mutating func integrate(_ item: Item) {
            let left = index(of: item.left) ?? -1
            let right = index(of: item.right) ?? items.count
            var dest = left + 1
            var scanning = false
            var i = left + 1
            while true {
                if !scanning { dest = i }
                if i == items.count || i == right { break }
                let other = items[i]
                let oleft = index(of: other.left) ?? -1
                let oright = index(of: other.right) ?? items.count
                if oleft < left { break }
                if oleft == left {
                    if oright < right {
                        scanning = true
                    } else if oright == right {
                        if Array(item.replica.utf8).lexicographicallyPrecedes(Array(other.replica.utf8)) { break }
                        scanning = false
                    } else {
                        scanning = false
                    }
                }
                i += 1
            }
            items.insert(item, at: dest)
        }

        var text: String {
            var view = String.UnicodeScalarView()
            for item in items where !item.deleted { view.append(item.scalar) }
            return String(view)
        }
    }

    @Test("300 random concurrent histories: the run-based structure orders text exactly like the naive algorithm")
    func matchesNaiveAlgorithm() throws {
        for seed in 1...300 as ClosedRange<UInt64> {
            let (texts, replicas) = try DraftConvergenceTests.run(seed: seed &* 7919)
            var rng = DraftTestRandom(seed: seed)
            var remaining = replicas[0].ops(since: DraftVersion())
            // Feed the naive list in a random causal order.
            var naive = NaiveList()
            while !remaining.isEmpty {
                let ready = remaining.indices.filter { naive.canApply(remaining[$0]) }
                guard let pick = ready.randomElement(using: &rng) else {
                    Issue.record("seed \(seed): the exported log is not causally complete")
                    break
                }
                naive.apply(remaining.remove(at: pick))
            }
            #expect(naive.text == texts[0], "seed \(seed)")
        }
    }
}
