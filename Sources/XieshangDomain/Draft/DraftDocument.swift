import XieshangWire

/// A joint draft's content at one moment (联名提案草稿): id, title, required co-sponsors and text.
///
/// The title and the co-sponsors are fixed when the draft is created (changing them means a new draft); the text is
/// the replicated ``DraftText``; sections are headings inside the text (``DraftSection``).
///
/// **Canonical content bytes** (what ``contentHash`` hashes and co-sponsors sign): the ASCII tag
/// `xieshang-draft-v1` and a zero byte, then the draft id, the title, the number of co-sponsors (4 bytes,
/// big-endian) and each co-sponsor id in byte order without duplicates, then the text — every string as its exact
/// UTF-8 bytes (no normalization) preceded by its byte length (4 bytes, big-endian).
public struct DraftDocument: Hashable, Sendable {
    /// The draft's id, unique in its alliance.
    public var id: String
    /// The title (标题).
    public var title: String
    /// Node ids of the member bodies that must all sign off (联名单位), in byte order, without duplicates.
    public var coSponsors: [String]
    /// The text.
    public var text: String

    /// Creates a document; co-sponsors are sorted by their bytes and de-duplicated.
    public init(id: String, title: String, coSponsors: [String], text: String) {
        self.id = id
        self.title = title
        self.coSponsors = Self.canonicalOrder(coSponsors)
        self.text = text
    }

    /// Node ids sorted by UTF-8 bytes, without duplicates.
    static func canonicalOrder(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    /// The sections of the text.
    public var sections: [DraftSection] { DraftSection.sections(of: text) }

    /// The canonical content bytes (see the type's documentation).
    public var canonicalBytes: [UInt8] {
        var out = Array("xieshang-draft-v1".utf8)
        out.append(0)
        func put(_ n: Int) {
            let v = UInt32(truncatingIfNeeded: n)
            out.append(contentsOf: [UInt8(v >> 24), UInt8(truncatingIfNeeded: v >> 16),
                                    UInt8(truncatingIfNeeded: v >> 8), UInt8(truncatingIfNeeded: v)])
        }
        func put(_ s: String) {
            let bytes = Array(s.utf8)
            put(bytes.count)
            out.append(contentsOf: bytes)
        }
        put(id)
        put(title)
        put(coSponsors.count)
        for c in coSponsors { put(c) }
        put(text)
        return out
    }

    /// SHA-256 of the canonical content bytes: the exact content a sign-off names.
    public var contentHash: [UInt8] { SHA256.hash(canonicalBytes) }
}
