import Testing
import XieshangWire
@testable import XieshangDomain

/// Canonical content bytes, content hash and sections of a draft.
struct DraftDocumentTests {
    @Test("canonical bytes are exactly the documented layout and the hash is their SHA-256")
    func canonicalBytes() {
        let d = DraftDocument(id: "d", title: "题", coSponsors: ["b", "a", "b"], text: "正文")
        #expect(d.coSponsors == ["a", "b"])
        var expected = Array("xieshang-draft-v1".utf8) + [0]
        expected += [0, 0, 0, 1] + Array("d".utf8)
        expected += [0, 0, 0, 3] + Array("题".utf8)
        expected += [0, 0, 0, 2] + [0, 0, 0, 1] + Array("a".utf8) + [0, 0, 0, 1] + Array("b".utf8)
        expected += [0, 0, 0, 6] + Array("正文".utf8)
        #expect(d.canonicalBytes == expected)
        #expect(d.contentHash == SHA256.hash(expected))
        // Co-sponsor order given does not matter; any change of content does; no Unicode normalization.
        #expect(DraftDocument(id: "d", title: "题", coSponsors: ["a", "b"], text: "正文").contentHash == d.contentHash)
        #expect(DraftDocument(id: "d", title: "题", coSponsors: ["a"], text: "正文").contentHash != d.contentHash)
        #expect(DraftDocument(id: "d", title: "题", coSponsors: ["a", "b"], text: "正文 ").contentHash != d.contentHash)
        #expect(DraftDocument(id: "x", title: "", coSponsors: [], text: "e\u{301}").contentHash
                != DraftDocument(id: "x", title: "", coSponsors: [], text: "\u{e9}").contentHash)
    }

    @Test("sections are '# ' headings inside the text")
    func sections() {
        let d = DraftDocument(id: "d", title: "t", coSponsors: [], text: "前言\n# 一、问题\n甲\n乙\n# 二、建议\n丙")
        #expect(d.sections == [
            DraftSection(title: "", body: "前言", position: 0),
            DraftSection(title: "一、问题", body: "甲\n乙", position: 3),
            DraftSection(title: "二、建议", body: "丙", position: 14),
        ])
        #expect(DraftDocument(id: "d", title: "t", coSponsors: [], text: "").sections.isEmpty)
    }
}
