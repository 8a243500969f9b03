import Testing
import XieshangWire
@testable import XieshangDomain

/// Draft batches carry the version their author had seen: an operation on characters its author never saw is
/// refused, and a batch waits until its author's version is held.
struct DraftCausalityTests {
    /// Drafts of replicas a, b and a receiver c, all created from a's creation event.
    static func drafts() throws -> (a: JointDraft, b: JointDraft, c: JointDraft) {
        let a = JointDraft(id: "d", title: "联名提案", coSponsors: ["a", "b"], replica: "a")
        let b = try JointDraft(creation: a.creationEvent, replica: "b")
        let c = try JointDraft(creation: a.creationEvent, replica: "c")
        return (a, b, c)
    }

    static func round(_ event: DraftEvent) throws -> DraftEvent { try DraftEvent(serializedBytes: event.serializedBytes()) }

    @Test("an insert whose origin is a character its author never saw is refused, and nothing of it applies")
    func craftedReferenceRefused() throws {
        var (a, b, c) = try Self.drafts()
        try a.edit { (t) throws(DomainError) in try t.insert("你好", at: 0) }
        try b.edit { (t) throws(DomainError) in try t.insert("世界", at: 0) }   // concurrent: a never saw it
        try c.apply(try Self.round(a.editEvent(a.text.ops(since: DraftVersion()))), from: "a")
        try c.apply(try Self.round(b.editEvent(b.text.ops(since: DraftVersion()))), from: "b")
        let before = c.text.text
        // a crafts an insert right after b's second character, claiming only its own version.
        let crafted = DraftOp(replica: "a", seq: 2, edit: .insert(text: "！", left: DraftCharID(replica: "b", seq: 1), right: nil))
        var batch = DraftOpCodec.message([crafted])
        batch.seen = a.text.version.counts
        let error = #expect(throws: DomainError.self) {
            try c.apply(DraftEvent(draftId: "d", change: .operations(batch)), from: "a")
        }
        #expect(error?.code == .malformedOperation)
        #expect(error?.message.contains("had not seen") == true)
        #expect(c.text.text == before)
        // A deletion of characters the author never saw is refused the same way.
        var deletion = DraftOpCodec.message([DraftOp(replica: "a", seq: 2, edit: .delete([DraftDeleteSpan(replica: "b", seq: 0, length: 2)]))])
        deletion.seen = a.text.version.counts
        #expect(throws: DomainError.self) { try c.apply(DraftEvent(draftId: "d", change: .operations(deletion)), from: "a") }
        // A batch without the author's version is refused.
        #expect(throws: DomainError.self) {
            try c.apply(DraftEvent(draftId: "d", change: .operations(DraftOpCodec.message(a.text.ops(since: DraftVersion())))), from: "a")
        }
        #expect(c.text.text == before)
    }

    @Test("a batch waits until the receiver holds what its author had seen, then applies")
    func causalDelivery() throws {
        var (a, b, c) = try Self.drafts()
        try a.edit { (t) throws(DomainError) in try t.insert("武陵山", at: 0) }
        let first = try Self.round(a.editEvent(a.text.ops(since: DraftVersion())))
        try b.apply(first, from: "a")
        // b appends after seeing a's text; b's batch says so.
        let seenByB = b.text.version
        try b.edit { (t) throws(DomainError) in try t.insert("片区", at: 3) }
        let second = try Self.round(b.editEvent(b.text.ops(since: seenByB)))
        try c.apply(second, from: "b")
        #expect(c.text.text.isEmpty)
        #expect(c.waitingBatches.count == 1)
        try c.apply(first, from: "a")
        #expect(c.waitingBatches.isEmpty)
        #expect(c.text.text == "武陵山片区")
        #expect(c.text.text == b.text.text)
    }
}
