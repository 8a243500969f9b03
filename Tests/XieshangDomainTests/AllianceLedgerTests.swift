import Testing
import XieshangWire
@testable import XieshangDomain

/// The alliance ledger: drafts from commands and replicated events in any order, sign-off refusals, submission,
/// forwarding once, and edits made on an older version merging like concurrent edits.
struct AllianceLedgerTests {
    static func key(_ byte: UInt8) throws -> Ed25519.PrivateKey { try Ed25519.PrivateKey(seed: [UInt8](repeating: byte, count: 32)) }
    static let ids = ["tongren", "enshi", "xiangxi"]

    struct Net {
        var keys: [String: Ed25519.PrivateKey] = [:]
        var ledgers: [String: AllianceLedger] = [:]
        var log: [(origin: String, o: AllianceLedger.Origination, seq: UInt64)] = []

        init() throws {
            for (i, id) in AllianceLedgerTests.ids.enumerated() { keys[id] = try AllianceLedgerTests.key(UInt8(i + 1)) }
            let publicKeys = keys.mapValues(\.publicKey)
            for id in AllianceLedgerTests.ids {
                ledgers[id] = AllianceLedger(node: id, keys: publicKeys, configured: ["wuling": Set(AllianceLedgerTests.ids)])
            }
        }

        /// Applies `o` at its origin only (as the origin's store would), and logs it for delivery.
        mutating func originate(_ origin: String, _ o: AllianceLedger.Origination) throws {
            let seq = UInt64(log.filter { $0.origin == origin }.count + 1)
            log.append((origin, o, seq))
            try ledgers[origin]!.apply(kind: o.kind, payload: o.payload, originNode: origin, scope: "alliance:" + o.alliance, seq: seq)
        }

        /// Delivers every logged event not of `to`'s own, in the given order.
        mutating func deliver(to: String, order: [Int]? = nil) throws {
            let entries = log.enumerated().filter { $0.element.origin != to }
            for i in order ?? entries.map(\.offset) {
                let e = log[i]
                guard e.origin != to else { continue }
                try ledgers[to]!.apply(kind: e.o.kind, payload: e.o.payload, originNode: e.origin, scope: "alliance:" + e.o.alliance, seq: e.seq)
            }
        }
    }

    static func create(_ net: inout Net, cos: [String] = ids) throws -> String {
        let id = "wuling/tongren/1"
        for o in try net.ledgers["tongren"]!.createCommand(DraftNew(allianceId: "wuling", draftId: id, title: "联名提案", coSponsors: cos,
                                                                    text: "# 问题\n景区门票互认不足。"), today: day("2026-11-24")) {
            try net.originate("tongren", o)
        }
        return id
    }

    @Test("events delivered in reverse order (edits and sign-offs before the creation) give the same draft")
    func anyOrder() throws {
        var net = try Net()
        let id = try Self.create(&net)
        try net.deliver(to: "enshi")
        let e = net.ledgers["enshi"]!
        try net.originate("enshi", try e.editCommand(DraftEdit(draftId: id, patches: DraftPatch.between(e.drafts[id]!.draft.text.text, "# 问题\n景区年票与门票互认不足。"))))
        try net.originate("enshi", try net.ledgers["enshi"]!.signCommand(DraftSign(draftId: id), key: net.keys["enshi"]!))
        try net.deliver(to: "xiangxi", order: Array((0..<net.log.count).reversed()))
        try net.deliver(to: "tongren")
        for node in Self.ids {
            let d = net.ledgers[node]!.drafts[id]!.draft
            #expect(d.text.text == "# 问题\n景区年票与门票互认不足。", "\(node)")
            #expect(d.signOffs.map(\.signer) == ["enshi"], "\(node)")
            #expect(net.ledgers[node]!.pending.isEmpty)
        }
    }

    @Test("commands refused: not a member, not a co-sponsor, frozen, a stale edit without its version, duplicate id")
    func refusals() throws {
        var net = try Net()
        let id = try Self.create(&net, cos: ["tongren", "enshi"])
        try net.deliver(to: "xiangxi")
        try net.deliver(to: "enshi")
        let t = net.ledgers["tongren"]!
        expectRefused("draft.create.co_sponsors") {
            _ = try t.createCommand(DraftNew(allianceId: "wuling", draftId: "x", title: "t", coSponsors: ["tongren", "chongqing"]), today: day("2026-11-24"))
        }
        expectRefused("alliance.member") {
            _ = try t.createCommand(DraftNew(allianceId: "other", draftId: "x", title: "t", coSponsors: ["tongren"]), today: day("2026-11-24"))
        }
        expectRefused("draft.create.host") {
            _ = try t.createCommand(DraftNew(allianceId: "wuling", draftId: "x", title: "t", coSponsors: ["enshi"]), today: day("2026-11-24"))
        }
        expectRefused("draft.create.id") {
            _ = try t.createCommand(DraftNew(allianceId: "wuling", draftId: id, title: "t", coSponsors: ["tongren"]), today: day("2026-11-24"))
        }
        let x = net.ledgers["xiangxi"]!
        let error = expectRefused("draft.sign.co_sponsor") { _ = try x.signCommand(DraftSign(draftId: id), key: net.keys["xiangxi"]!) }
        #expect(error?.code == .notCoSponsor)
        expectRefused("draft.edit.base") {
            _ = try t.editCommand(DraftEdit(draftId: id, baseHash: [UInt8](repeating: 7, count: 32), patches: [DraftPatch(position: 0, inserted: "x")]))
        }
        expectRefused("draft.unknown") { _ = try t.editCommand(DraftEdit(draftId: "nope", patches: [DraftPatch(position: 0, inserted: "x")])) }
        expectRefused("draft.edit.empty") { _ = try t.editCommand(DraftEdit(draftId: id)) }
        // A sign-off originated by one node in another's name is refused on receipt.
        var forged = net.ledgers["enshi"]!
        let sign = try forged.signCommand(DraftSign(draftId: id), key: net.keys["enshi"]!)
        #expect(throws: DomainError.self) { try forged.apply(kind: sign.kind, payload: sign.payload, originNode: "xiangxi", scope: "alliance:wuling", seq: 9) }
        // Both sign: submitted, frozen, to be forwarded once by the host.
        try net.originate("tongren", try net.ledgers["tongren"]!.signCommand(DraftSign(draftId: id), key: net.keys["tongren"]!))
        try net.originate("enshi", sign)
        try net.deliver(to: "tongren")
        #expect(net.ledgers["tongren"]!.unforwarded == [id])
        #expect(net.ledgers["enshi"]!.unforwarded.isEmpty)   // not the host
        let proposal = try #require(net.ledgers["tongren"]!.jointProposal(id))
        #expect(proposal.signOffs.map(\.signer) == ["enshi", "tongren"])
        expectRefused("draft.edit.frozen") { _ = try net.ledgers["tongren"]!.editCommand(DraftEdit(draftId: id, patches: [DraftPatch(position: 0, inserted: "x")])) }
        try net.ledgers["tongren"]!.apply(kind: .jointProposal, payload: proposal.serializedBytes(), originNode: "tongren", scope: "up", seq: 1)
        #expect(net.ledgers["tongren"]!.unforwarded.isEmpty)
        _ = forged
    }

    @Test("an edit made on an older version merges with the edits that arrived since")
    func staleEditMerges() throws {
        var net = try Net()
        let id = try Self.create(&net)
        try net.deliver(to: "enshi")
        // enshi's operator reads the text now…
        let read = net.ledgers["enshi"]!.drafts[id]!.draft
        let baseHash = read.currentDocument.contentHash
        let baseVersion = read.text.version.counts
        // …tongren's edit arrives meanwhile…
        try net.originate("tongren", try net.ledgers["tongren"]!.editCommand(DraftEdit(draftId: id, patches: [DraftPatch(position: 0, inserted: "【联名】")])))
        try net.deliver(to: "enshi")
        // …and the operator's edit, made on what was read, still applies and keeps tongren's.
        let patches = DraftPatch.between(read.text.text, read.text.text + "\n# 建议\n统一年票。")
        let edit = try net.ledgers["enshi"]!.editCommand(DraftEdit(draftId: id, baseHash: baseHash, patches: patches, baseVersion: baseVersion))
        try net.originate("enshi", edit)
        try net.deliver(to: "tongren")
        #expect(net.ledgers["enshi"]!.drafts[id]!.draft.text.text == "【联名】# 问题\n景区门票互认不足。\n# 建议\n统一年票。")
        #expect(net.ledgers["tongren"]!.drafts[id]!.draft.text.text == net.ledgers["enshi"]!.drafts[id]!.draft.text.text)
    }
}
