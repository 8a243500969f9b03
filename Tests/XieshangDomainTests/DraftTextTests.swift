import Testing
@testable import XieshangDomain

/// Behaviour of one draft text replica and of pairs of replicas.
struct DraftTextTests {
    @Test("positions count Unicode scalars, so Chinese and non-BMP text edit as users see it")
    func scalarPositions() throws {
        var t = DraftText(replica: "贵阳市政协")
        try t.insert("关于武陵山片区协作的提案", at: 0)
        #expect(t.count == 12)
        try t.insert("旅游", at: 7)
        #expect(t.text == "关于武陵山片区旅游协作的提案")
        try t.delete(at: 0, length: 2)
        #expect(t.text == "武陵山片区旅游协作的提案")
        try t.insert("𠀀", at: 1)  // one scalar beyond the BMP (two UTF-16 units, four UTF-8 bytes)
        try t.insert("x", at: 2)
        #expect(t.text == "武𠀀x陵山片区旅游协作的提案")
        #expect(throws: DomainError.self) { try t.insert("y", at: 100) }
        #expect(throws: DomainError.self) { try t.delete(at: 10, length: 10) }
        #expect(throws: DomainError.self) { try t.insert("y", at: -1) }
        #expect(t.text == "武𠀀x陵山片区旅游协作的提案")
    }

    @Test("typing a word is one insert operation and deleting a range is one delete operation")
    func compactOperations() throws {
        var t = DraftText(replica: "a")
        for (i, ch) in "联名提案草稿".enumerated() { try t.insert(String(ch), at: i) }
        var ops = t.ops(since: DraftVersion())
        #expect(ops.count == 1)
        #expect(ops.first?.edit == .insert(text: "联名提案草稿", left: nil, right: nil))
        let before = t.version
        try t.delete(at: 1, length: 4)
        ops = t.ops(since: before)
        #expect(ops.count == 1)
        #expect(ops.first?.edit == .delete([DraftDeleteSpan(replica: "a", seq: 1, length: 4)]))
        // Backspacing character by character is one operation too (a reversed span).
        var u = DraftText(replica: "b")
        try u.insert("协商民主", at: 0)
        let typed = u.version
        for p in stride(from: 3, through: 1, by: -1) { try u.delete(at: p, length: 1) }
        ops = u.ops(since: typed)
        #expect(ops.count == 1)
        #expect(ops.first?.edit == .delete([DraftDeleteSpan(replica: "b", seq: 1, length: 3, reversed: true)]))
        #expect(u.text == "协")
    }

    @Test("concurrent inserts at one position are ordered by node id bytes, whatever the local numbering")
    func tieBreakByNodeID() throws {
        var base = DraftText(replica: "base")
        try base.insert("[]", at: 0)
        var a = base.forked(as: "node-a")
        var b = base.forked(as: "node-b")
        try a.insert("甲", at: 1)
        try b.insert("乙", at: 1)
        // c learns of node-b before node-a; d the other way round: their local agent numbers differ.
        var c = base.forked(as: "node-c")
        try c.apply(b.ops(since: base.version))
        try c.apply(a.ops(since: base.version))
        var d = base.forked(as: "node-d")
        try d.apply(a.ops(since: base.version))
        try d.apply(b.ops(since: base.version))
        try a.merge(from: b)
        try b.merge(from: a)
        for t in [a, b, c, d] { #expect(t.text == "[甲乙]") }
        #expect(c.agentOf["node-b"]! < c.agentOf["node-a"]!)
        #expect(d.agentOf["node-a"]! < d.agentOf["node-b"]!)
    }

    @Test("concurrent runs typed at one position do not interleave")
    func noInterleaving() throws {
        var base = DraftText(replica: "base")
        try base.insert("。", at: 0)
        var a = base.forked(as: "铜仁")
        var b = base.forked(as: "恩施")
        for (i, ch) in "铜仁意见".enumerated() { try a.insert(String(ch), at: i) }
        for (i, ch) in "恩施意见".enumerated() { try b.insert(String(ch), at: i) }
        try a.merge(from: b)
        try b.merge(from: a)
        #expect(a.text == b.text)
        #expect(a.text == "恩施意见铜仁意见。" || a.text == "铜仁意见恩施意见。")
    }

    @Test("operations arriving before what they depend on wait, then apply; duplicates change nothing")
    func causalBuffering() throws {
        var a = DraftText(replica: "a")
        try a.insert("hello", at: 0)
        let v1 = a.version
        try a.insert(" world", at: 5)
        let v2 = a.version
        try a.delete(at: 0, length: 1)
        try a.insert("H", at: 0)
        let first = a.ops(since: DraftVersion(), upTo: v1)
        let second = a.ops(since: v1, upTo: v2)
        let rest = a.ops(since: v2)
        var b = DraftText(replica: "b")
        try b.apply(rest)
        #expect(b.pendingCount == rest.count)
        #expect(b.text == "")
        try b.apply(second)
        #expect(b.text == "")
        try b.apply(first)
        #expect(b.pendingCount == 0)
        #expect(b.text == "Hello world")
        let version = b.version
        try b.apply(first + second + rest + rest)
        #expect(b.text == "Hello world")
        #expect(b.version == version)
        #expect(b.version == a.version)
    }

    @Test("a deletion concurrent with an insertion next to it keeps the insertion")
    func concurrentDeleteAndInsert() throws {
        var base = DraftText(replica: "base")
        try base.insert("abcdef", at: 0)
        var a = base.forked(as: "a")
        var b = base.forked(as: "b")
        try a.delete(at: 1, length: 4)  // "af"
        try b.insert("XY", at: 3)        // "abcXYdef"
        try b.delete(at: 0, length: 1)  // "bcXYdef"
        try a.merge(from: b)
        try b.merge(from: a)
        #expect(a.text == "XYf")
        #expect(b.text == "XYf")
    }

    @Test("malformed operations are refused with the replica named, and do not stop the others")
    func malformed() throws {
        var t = DraftText(replica: "me")
        let good = DraftOp(replica: "p", seq: 0, edit: .insert(text: "ok", left: nil, right: nil))
        let cases: [DraftOp] = [
            DraftOp(replica: "", seq: 0, edit: .insert(text: "x", left: nil, right: nil)),
            DraftOp(replica: "q", seq: 0, edit: .insert(text: "", left: nil, right: nil)),
            DraftOp(replica: "q", seq: 5, edit: .insert(text: "x", left: DraftCharID(replica: "q", seq: 5), right: nil)),
            DraftOp(replica: "q", seq: 0, edit: .delete([])),
            DraftOp(replica: "q", seq: 0, edit: .delete([DraftDeleteSpan(replica: "p", seq: 0, length: 0)])),
            DraftOp(replica: "q", seq: UInt32(Int32.max), edit: .insert(text: "x", left: nil, right: nil)),
            DraftOp(replica: String(repeating: "x", count: 300), seq: 0, edit: .insert(text: "x", left: nil, right: nil)),
        ]
        for bad in cases {
            var copy = t
            do {
                try copy.apply([bad, good])
                Issue.record("accepted \(bad)")
            } catch {
                #expect(error.code == .malformedOperation)
                #expect(error.replica == bad.replica)
            }
            #expect(copy.text == "ok")
        }
        // A reference to a deletion's sequence number (not a character) is refused once it can be checked.
        try t.apply(good)
        try t.apply(DraftOp(replica: "p", seq: 2, edit: .delete([DraftDeleteSpan(replica: "p", seq: 0, length: 1)])))
        #expect(t.text == "k")
        #expect(throws: DomainError.self) {
            try t.apply(DraftOp(replica: "r", seq: 0, edit: .insert(text: "z", left: DraftCharID(replica: "p", seq: 2),
                                                                       right: nil)))
        }
        #expect(throws: DomainError.self) {
            try t.apply(DraftOp(replica: "r", seq: 0, edit: .delete([DraftDeleteSpan(replica: "p", seq: 1, length: 2)])))
        }
        // Left origin after the right origin.
        #expect(throws: DomainError.self) {
            try t.apply(DraftOp(replica: "r", seq: 0, edit: .insert(text: "z", left: DraftCharID(replica: "p", seq: 1),
                                                                       right: DraftCharID(replica: "p", seq: 0))))
        }
        #expect(t.text == "k")
    }

    @Test("slicing an operation into pieces and applying them equals applying the whole")
    func slicing() throws {
        var a = DraftText(replica: "a")
        try a.insert("一二三四五六七八", at: 0)
        try a.delete(at: 6, length: 1)
        try a.delete(at: 5, length: 1)
        try a.delete(at: 1, length: 2)
        let ops = a.ops(since: DraftVersion())
        var pieces: [DraftOp] = []
        for op in ops {
            for s in op.seq..<(op.seq + op.length) { pieces.append(op.slice(from: s, to: s + 1)) }
        }
        var b = DraftText(replica: "b")
        try b.apply(pieces.reversed())
        #expect(b.text == a.text)
        #expect(a.text == "一四五八")
    }

    @Test("setting the whole text (editing from a file) changes only the differing middle")
    func setText() throws {
        var a = DraftText(replica: "a")
        try a.insert("关于加强武陵山片区旅游协作的提案", at: 0)
        var b = a.forked(as: "b")
        let before = a.version
        a.setText("关于深化武陵山片区文旅协作的提案")
        #expect(a.text == "关于深化武陵山片区文旅协作的提案")
        // One middle range is replaced, from the first to the last difference: 9 scalars out, 9 in.
        let ops = a.ops(since: before)
        #expect(ops.count == 2)
        #expect(ops.map(\.length).reduce(0, +) == 18)
        // A concurrent edit elsewhere survives the merge.
        try b.insert("（2026）", at: b.count)
        try b.merge(from: a)
        try a.merge(from: b)
        #expect(a.text == "关于深化武陵山片区文旅协作的提案（2026）")
        #expect(b.text == a.text)
        a.setText(a.text)
        #expect(a.ops(since: b.version).isEmpty)
        a.setText("")
        #expect(a.text == "" && a.count == 0)
    }

    @Test("random, possibly nonsensical operations never crash a replica")
    func randomOperationsNeverCrash() throws {
        var rng = DraftTestRandom(seed: 99)
        let names = ["a", "b", "c", "铜仁"]
        var accepted = 0
        for round in 0..<200 {
            var t = DraftText(replica: "local", leafCapacity: round % 2 == 0 ? 4 : 64)
            try t.insert("起点文本", at: 0)
            // Sequence numbers near what the replica holds, so that many operations are applicable.
            func near(_ replica: String) -> UInt32 {
                UInt32(max(0, Int(t.version[replica]) + Int.random(in: -3...1, using: &rng)))
            }
            func randomID() -> DraftCharID? {
                if Int.random(in: 0..<5, using: &rng) == 0 { return nil }
                let r = names.randomElement(using: &rng)!
                return DraftCharID(replica: r, seq: near(r))
            }
            var ops: [DraftOp] = []
            for _ in 0..<60 {
                let replica = names.randomElement(using: &rng)!
                let seq = near(replica)
                if Bool.random(using: &rng) {
                    ops.append(DraftOp(replica: replica, seq: seq,
                                       edit: .insert(text: DraftConvergenceTests.randomText(&rng),
                                                     left: randomID(), right: randomID())))
                } else {
                    let spans = (0..<Int.random(in: 0...2, using: &rng)).map { _ in
                        DraftDeleteSpan(replica: names.randomElement(using: &rng)!,
                                        seq: UInt32.random(in: 0..<6, using: &rng),
                                        length: UInt32.random(in: 0...3, using: &rng), reversed: Bool.random(using: &rng))
                    }
                    ops.append(DraftOp(replica: replica, seq: seq, edit: .delete(spans)))
                }
            }
            for chunk in stride(from: 0, to: ops.count, by: 7) {
                let before = t.operationCount
                try? t.apply(ops[chunk..<min(chunk + 7, ops.count)])
                accepted += t.operationCount - before
                try? t.insert("x", at: Int.random(in: 0...t.count, using: &rng))
                if t.count > 0 { try? t.delete(at: Int.random(in: 0..<t.count, using: &rng), length: 1) }
            }
            // The replica stays internally consistent, and its log can be offered to a fresh replica without a
            // crash. (The fresh replica need not agree: random origins are not adjacent as a real author's are,
            // and such operations place differently depending on what else has arrived — see the report.)
            #expect(t.unicodeScalars.count == t.count, "round \(round)")
            var rebuilt = DraftText(replica: "rebuilt", leafCapacity: 4)
            try? rebuilt.apply(t.ops(since: DraftVersion()))
            #expect(rebuilt.unicodeScalars.count == rebuilt.count)
        }
        #expect(accepted > 200)
    }
}
