/// One operation on a joint draft's text (联名提案草稿的编辑操作): a run of inserted scalars or a set of deleted
/// characters, made by one replica.
///
/// Operations are compact: typing a word is one insert (its characters get consecutive sequence numbers and
/// chain left to right), and deleting a range is one delete, however many characters it covers. An operation
/// occupies the sequence numbers `seq ..< seq + length` of its replica. Replicas apply operations in any causal
/// order (``DraftText/apply(_:)`` holds back an operation until what it refers to has arrived), duplicates do
/// nothing, and every replica that holds the same operations shows the same text.
public struct DraftOp: Hashable, Sendable {
    /// What the operation does.
    public enum Edit: Hashable, Sendable {
        /// Insert `text` (its Unicode scalars) between the character `left` and the character `right` as the
        /// author saw them (`nil`: the start, respectively the end, of the text).
        case insert(text: String, left: DraftCharID?, right: DraftCharID?)
        /// Delete the characters of the spans (already deleted characters stay deleted).
        case delete([DraftDeleteSpan])
    }

    /// Node id of the replica that made the operation.
    public var replica: String
    /// The first of the replica's sequence numbers that the operation occupies.
    public var seq: UInt32
    /// The edit.
    public var edit: Edit

    /// Creates an operation.
    public init(replica: String, seq: UInt32, edit: Edit) {
        self.replica = replica
        self.seq = seq
        self.edit = edit
    }

    /// How many sequence numbers the operation occupies: scalars inserted or characters deleted.
    public var length: UInt32 {
        switch edit {
        case .insert(let text, _, _): return UInt32(clamping: text.unicodeScalars.count)
        case .delete(let spans): return spans.reduce(0) { $0 &+ $1.length }
        }
    }

    /// The part of the operation that occupies sequence numbers `from ..< to` (absolute numbers, clamped to the
    /// operation's own range). Cutting an operation and applying the pieces equals applying the whole.
    public func slice(from: UInt32, to: UInt32) -> DraftOp {
        let lo = max(from, seq), hi = min(to, seq &+ length)
        guard lo > seq || hi < seq &+ length else { return self }
        let a = Int(lo - seq), b = Int(max(lo, hi) - seq)
        switch edit {
        case .insert(let text, let left, let right):
            let scalars = Array(text.unicodeScalars)
            var piece = String.UnicodeScalarView()
            piece.append(contentsOf: scalars[a..<b])
            let newLeft = a > 0 ? DraftCharID(replica: replica, seq: lo - 1) : left
            return DraftOp(replica: replica, seq: lo, edit: .insert(text: String(piece), left: newLeft, right: right))
        case .delete(let spans):
            var out: [DraftDeleteSpan] = []
            var offset = 0
            for span in spans {
                let n = Int(span.length)
                let s = max(a, offset) - offset, e = min(b, offset + n) - offset
                if s < e {
                    let start = span.reversed ? Int(span.seq) + n - e : Int(span.seq) + s
                    out.append(DraftDeleteSpan(replica: span.replica, seq: UInt32(start), length: UInt32(e - s),
                                               reversed: span.reversed && e - s > 1))
                }
                offset += n
            }
            return DraftOp(replica: replica, seq: lo, edit: .delete(out))
        }
    }
}
