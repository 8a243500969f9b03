import Testing
import XieshangWire
@testable import XieshangDomain

/// Position patches from a file edit: small, in Unicode scalars, and unchanged lines between changes are kept.
struct DraftPatchTests {
    static func applied(_ text: String, _ patches: [DraftPatch]) throws -> String {
        var t = DraftText(replica: "a")
        try t.insert(text, at: 0)
        for p in patches { try t.replace(at: Int(p.position), length: Int(p.deleted), with: p.inserted) }
        return t.text
    }

    @Test("a one-character fix in Chinese text is one patch of one scalar")
    func typo() throws {
        let old = "# 问题\n景区门票互认不足。\n# 建议\n统一年票。"
        let new = "# 问题\n景区门票互认不够。\n# 建议\n统一年票。"
        let patches = DraftPatch.between(old, new)
        #expect(patches == [DraftPatch(position: 12, deleted: 1, inserted: "够")])
        #expect(try Self.applied(old, patches) == new)
    }

    @Test("changes at both ends keep the middle lines (a concurrent edit there survives)")
    func bothEnds() throws {
        let middle = (1...50).map { "第\($0)行。" }.joined(separator: "\n")
        let old = "开头\n" + middle + "\n结尾"
        let new = "新开头\n" + middle + "\n新结尾。"
        let patches = DraftPatch.between(old, new)
        #expect(patches.count == 2)
        #expect(patches.allSatisfy { $0.deleted <= 2 })
        #expect(try Self.applied(old, patches) == new)
    }

    @Test("random edits round-trip", arguments: 0..<200)
    func random(seed: Int) throws {
        var rng = SplitMix(UInt64(seed))
        let alphabet = Array("ab武陵\n山 😀")
        func text() -> String { String((0..<Int(rng.next() % 40)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }) }
        let old = text(), new = text()
        #expect(try Self.applied(old, DraftPatch.between(old, new)) == new)
        #expect(DraftPatch.between(old, old).isEmpty)
    }

    struct SplitMix {
        var state: UInt64
        init(_ seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
