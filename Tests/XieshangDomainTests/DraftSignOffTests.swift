import Testing
import XieshangWire
@testable import XieshangDomain

/// Sign-off of joint drafts: signing, voiding by edits, submission when all co-sponsors signed one hash, refusals.
struct DraftSignOffTests {
    static func key(_ byte: UInt8) throws -> Ed25519.PrivateKey {
        try Ed25519.PrivateKey(seed: [UInt8](repeating: byte, count: 32))
    }

    struct Fixture {
        let keys: [String: Ed25519.PrivateKey]
        var draft: JointDraft
        func pinned(_ body: String) -> Ed25519.PublicKey? { keys[body]?.publicKey }
    }

    static func fixture() throws -> Fixture {
        let keys = ["tongren": try key(1), "enshi": try key(2), "xiangxi": try key(3), "outsider": try key(4)]
        var draft = JointDraft(id: "wuling/2026/1", title: "关于武陵山片区旅游协作的联名提案",
                               coSponsors: ["tongren", "enshi"], replica: "tongren")
        try draft.edit { (t) throws(DomainError) in try t.insert("# 问题\n景区互认不足。\n# 建议\n统一年票。", at: 0) }
        return Fixture(keys: keys, draft: draft)
    }

    @Test("a co-sponsor's sign-off is recorded against the exact content hash")
    func signing() throws {
        var f = try Self.fixture()
        let s = try CoSponsorSignOff(signing: f.draft, as: "tongren", key: f.keys["tongren"]!)
        #expect(s.contentHash == f.draft.currentDocument.contentHash)
        #expect(try f.draft.record(s, signerKey: f.pinned("tongren")) == .accepted)
        #expect(try f.draft.record(s, signerKey: f.pinned("tongren")) == .duplicate)
        #expect(f.draft.signOffs == [s])
        #expect(!f.draft.isVoid(s))
        #expect(!f.draft.isSubmitted)
    }

    @Test("an edit after a sign-off voids it; it stays in the history")
    func editVoids() throws {
        var f = try Self.fixture()
        let s = try CoSponsorSignOff(signing: f.draft, as: "tongren", key: f.keys["tongren"]!)
        try f.draft.record(s, signerKey: f.pinned("tongren"))
        try f.draft.edit { (t) throws(DomainError) in try t.insert("（修改）", at: t.count) }
        #expect(f.draft.isVoid(s))
        #expect(f.draft.signOffs == [s])
        // enshi signs the new content: still not all co-sponsors on one hash.
        let e = try CoSponsorSignOff(signing: f.draft, as: "enshi", key: f.keys["enshi"]!)
        try f.draft.record(e, signerKey: f.pinned("enshi"))
        #expect(!f.draft.isSubmitted)
        #expect(!f.draft.isVoid(e))
    }

    @Test("when every co-sponsor signed the same hash the draft is submitted, frozen, signatures attached")
    func submission() throws {
        var f = try Self.fixture()
        let old = try CoSponsorSignOff(signing: f.draft, as: "tongren", key: f.keys["tongren"]!)
        try f.draft.record(old, signerKey: f.pinned("tongren"))
        try f.draft.edit { (t) throws(DomainError) in try t.insert("建议由轮值主席单位牵头。", at: t.count) }
        let content = f.draft.currentDocument
        let e = try CoSponsorSignOff(signing: f.draft, as: "enshi", key: f.keys["enshi"]!)
        let t = try CoSponsorSignOff(signing: f.draft, as: "tongren", key: f.keys["tongren"]!)
        try f.draft.record(e, signerKey: f.pinned("enshi"))
        #expect(!f.draft.isSubmitted)
        try f.draft.record(t, signerKey: f.pinned("tongren"))
        let submission = try #require(f.draft.submission)
        #expect(submission.document == content)
        #expect(submission.contentHash == content.contentHash)
        #expect(submission.signOffs.map(\.signer) == ["enshi", "tongren"])
        #expect(submission.signOffs.allSatisfy { f.pinned($0.signer)!.isValidSignature(
            $0.signature, for: CoSponsorSignOff.message(draftID: "wuling/2026/1", contentHash: content.contentHash)) })
        #expect(f.draft.isVoid(old))
        #expect(!f.draft.isVoid(e) && !f.draft.isVoid(t))
        #expect(content.sections.map(\.title) == ["问题", "建议"])
        // Frozen: no more local edits.
        #expect {
            try f.draft.edit { (t) throws(DomainError) in try t.insert("x", at: 0) }
        } throws: { ($0 as? DomainError)?.code == .frozen }
        #expect(f.draft.document == content)
    }

    @Test("a sign-off from a body that is not a required co-sponsor is refused")
    func nonMember() throws {
        var f = try Self.fixture()
        let s = try CoSponsorSignOff(signing: f.draft, as: "xiangxi", key: f.keys["xiangxi"]!)
        #expect { try f.draft.record(s, signerKey: f.pinned("xiangxi")) } throws: {
            ($0 as? DomainError)?.code == .notCoSponsor
        }
        #expect(f.draft.signOffs.isEmpty)
    }

    @Test("a forged sign-off (wrong key, altered hash or signature) is refused")
    func forged() throws {
        var f = try Self.fixture()
        // Signed by the outsider's key but claiming to be tongren.
        let forged = try CoSponsorSignOff(signing: f.draft, as: "tongren", key: f.keys["outsider"]!)
        #expect { try f.draft.record(forged, signerKey: f.pinned("tongren")) } throws: {
            ($0 as? DomainError)?.code == .badSignature
        }
        var altered = try CoSponsorSignOff(signing: f.draft, as: "tongren", key: f.keys["tongren"]!)
        altered.contentHash[0] ^= 1
        #expect { try f.draft.record(altered, signerKey: f.pinned("tongren")) } throws: {
            ($0 as? DomainError)?.code == .badSignature
        }
        var flipped = try CoSponsorSignOff(signing: f.draft, as: "tongren", key: f.keys["tongren"]!)
        flipped.signature[10] ^= 0x40
        #expect { try f.draft.record(flipped, signerKey: f.pinned("tongren")) } throws: {
            ($0 as? DomainError)?.code == .badSignature
        }
        let good = try CoSponsorSignOff(signing: f.draft, as: "tongren", key: f.keys["tongren"]!)
        #expect { try f.draft.record(good, signerKey: nil) } throws: { ($0 as? DomainError)?.code == .unknownKey }
        #expect(f.draft.signOffs.isEmpty)
    }

    @Test("a correctly signed hash that is not the content at the named version is refused")
    func contentMismatch() throws {
        var f = try Self.fixture()
        let key = f.keys["tongren"]!
        let wrong = DraftDocument(id: f.draft.id, title: "另一个标题", coSponsors: f.draft.coSponsors,
                                  text: f.draft.text.text).contentHash
        let s = CoSponsorSignOff(signer: "tongren", version: f.draft.text.version, contentHash: wrong,
                             signature: try key.signature(for: CoSponsorSignOff.message(draftID: f.draft.id,
                                                                                    contentHash: wrong)))
        #expect { try f.draft.record(s, signerKey: f.pinned("tongren")) } throws: {
            ($0 as? DomainError)?.code == .contentMismatch
        }
    }

    @Test("nodes that receive edits and sign-offs in different orders agree on void marks and submission")
    func orderIndependence() throws {
        let f = try Self.fixture()
        // enshi's node edits concurrently with tongren's sign-off of the original content.
        var tongren = f.draft
        var enshi = JointDraft(id: f.draft.id, title: f.draft.title, coSponsors: f.draft.coSponsors, replica: "enshi")
        try enshi.apply(tongren.text.ops(since: DraftVersion()))
        let early = try CoSponsorSignOff(signing: tongren, as: "tongren", key: f.keys["tongren"]!)
        try tongren.record(early, signerKey: f.pinned("tongren"))
        try enshi.edit { (t) throws(DomainError) in try t.insert("恩施补充。", at: t.count) }
        let edit = enshi.text.ops(since: tongren.text.version)
        let enshiSign = try CoSponsorSignOff(signing: enshi, as: "enshi", key: f.keys["enshi"]!)
        try enshi.record(enshiSign, signerKey: f.pinned("enshi"))
        // A third node gets enshi's sign-off before the edit it signed, and tongren's early sign-off last.
        var xiangxi = JointDraft(id: f.draft.id, title: f.draft.title, coSponsors: f.draft.coSponsors,
                                 replica: "xiangxi")
        try xiangxi.apply(f.draft.text.ops(since: DraftVersion()))
        #expect(try xiangxi.record(enshiSign, signerKey: f.pinned("enshi")) == .waitingForText)
        try xiangxi.apply(edit)
        try xiangxi.record(early, signerKey: f.pinned("tongren"))
        try tongren.apply(edit)
        try tongren.record(enshiSign, signerKey: f.pinned("enshi"))
        try enshi.record(early, signerKey: f.pinned("tongren"))
        for d in [tongren, enshi, xiangxi] {
            #expect(d.text.text == enshi.text.text)
            #expect(d.isVoid(early))
            #expect(!d.isVoid(enshiSign))
            #expect(!d.isSubmitted)
            #expect(Set(d.signOffs) == [early, enshiSign])
        }
        // tongren signs the merged content; everyone submits the same proposal.
        let final = try CoSponsorSignOff(signing: tongren, as: "tongren", key: f.keys["tongren"]!)
        var submissions: [DraftSubmission] = []
        for var d in [tongren, enshi, xiangxi] {
            try d.record(final, signerKey: f.pinned("tongren"))
            submissions.append(try #require(d.submission))
        }
        #expect(Set(submissions).count == 1)
    }

    @Test("creation, edits and sign-offs travel as protobuf event payloads and give the same submission")
    func eventPayloads() throws {
        let f = try Self.fixture()
        var host = f.draft
        // Another member builds the draft from the encoded creation and edit events.
        let creation = try DraftEvent(serializedBytes: host.creationEvent.serializedBytes())
        var enshi = try JointDraft(creation: creation, replica: "enshi")
        #expect(enshi.coSponsors == ["enshi", "tongren"])
        let edit = try DraftEvent(serializedBytes: host.editEvent(host.text.ops(since: DraftVersion())).serializedBytes())
        // Only the origin's own operations are accepted.
        #expect(throws: DomainError.self) { try enshi.apply(edit, from: "xiangxi") }
        #expect(enshi.text.count == 0)
        try enshi.apply(edit, from: "tongren")
        #expect(enshi.text.text == host.text.text)
        try enshi.apply(creation, from: "tongren")  // a repeated creation is harmless
        // Each signs; sign-offs cross as DraftSignOff payloads.
        let t = try CoSponsorSignOff(signing: host, as: "tongren", key: f.keys["tongren"]!)
        let e = try CoSponsorSignOff(signing: enshi, as: "enshi", key: f.keys["enshi"]!)
        try host.record(t, signerKey: f.pinned("tongren"))
        try enshi.record(e, signerKey: f.pinned("enshi"))
        try host.record(try DraftSignOff(serializedBytes: e.message(draftID: enshi.id).serializedBytes()),
                        signerKey: f.pinned("enshi"))
        try enshi.record(try DraftSignOff(serializedBytes: t.message(draftID: host.id).serializedBytes()),
                         signerKey: f.pinned("tongren"))
        #expect(host.submission != nil)
        #expect(host.submission == enshi.submission)
        // Events of another draft are refused.
        let other = t.message(draftID: "wuling/2026/2")
        #expect(throws: DomainError.self) { try host.record(other, signerKey: f.pinned("tongren")) }
        #expect(throws: DomainError.self) {
            try JointDraft(creation: DraftEvent(draftId: "x", change: .created(DraftCreated(title: "t"))),
                           replica: "r")
        }
    }
}
