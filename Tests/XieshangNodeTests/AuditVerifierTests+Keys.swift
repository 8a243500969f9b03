import Testing
import XieshangDomain
import XieshangFederation
import XieshangWire
@testable import XieshangNode

/// The audit verifier and key rotation (issue 20, item 3): a bundle of a body that rotated its key holds, each event
/// checked against the key valid at its position; the old key signing after the rotation point is named.
extension AuditVerifierTests {
    static func rotatedBundle(approvalKey: Ed25519.PrivateKey? = nil) throws -> AuditBundle {
        let newKey = try Ed25519.PrivateKey(seed: [UInt8](repeating: 3, count: 32))
        var town = Chain(origin: "town", key: townKey), city = Chain(origin: "city", key: cityKey)
        let tally = NodeFigures(body: BodyInfo(id: "", name: "", tier: ""))
        var events: [SignedEvent] = []
        func record(_ e: SignedEvent) {
            _ = tally.recorded(try! e.decodedBody(), node: "")
            events.append(e)
        }
        let first = activity("HD-1", .research, Day(unchecked: 2026, 3, 10), 5)
        record(town.sign(first.eventKind, first.payloadBytes()))
        var rotation = KeyRotation(nodeId: "town", oldKey: townKey.publicKey.rawRepresentation, newKey: newKey.publicKey.rawRepresentation,
                                   starts: [ChainStart(chain: "town", fromSeq: 3)])
        rotation.newKeySignature = try newKey.signature(for: FederationNode.keyRotationStatement(rotation))
        record(town.sign(.keyRotation, rotation.serializedBytes()))
        town.key = newKey
        let second = activity("HD-2", .inspection, Day(unchecked: 2026, 4, 2), 7)
        record(town.sign(second.eventKind, second.payloadBytes()))
        let own = tally.recomputedFigures(of: "town", for: .half(2026, 1), adding: [])!.figures
        let townReport = town.sign(.aggregateReport, AggregateReport(period: "2026-H1", body: "town", own: own, totals: own, subtreeBodies: 1).serializedBytes())
        record(townReport)
        let cityOwn = tally.recomputedFigures(of: "city", for: .half(2026, 1), adding: [])!.figures
        let cited = ChildReport(ref: EventRef(origin: "town", seq: 4, hash: townReport.hash), totals: own, subtreeBodies: 1)
        record(city.sign(.aggregateReport, AggregateReport(period: "2026-H1", body: "city", own: cityOwn, totals: try FigureMap.sum(cityOwn, own).get(),
                                                           children: [cited], expectedChildren: 1, reportedChildren: 1, subtreeBodies: 2).serializedBytes()))
        if let approvalKey { town.key = approvalKey }
        record(town.sign(.approval, Approval(period: "2026-H1", body: "town", report: EventRef(origin: "town", seq: 4, hash: townReport.hash)).serializedBytes()))
        return AuditExport.sealed(AuditBundle(
            format: AuditExport.format, period: "2026-H1", root: "city", exportedAtMs: 1,
            bodies: [RosterEntry(nodeId: "city", publicKey: cityKey.publicKey.rawRepresentation, name: "市政协", tier: "city"),
                     RosterEntry(nodeId: "town", publicKey: townKey.publicKey.rawRepresentation, parent: "city", name: "乡镇", tier: "township")],
            events: events))
    }

    @Test func aBodyThatRotatedItsKeyHolds() throws {
        let v = try Self.verify(try Self.rotatedBundle())
        #expect(v.holds, "\(v.allProblems)")
    }

    @Test func theOldKeySigningAfterTheRotationIsNamed() throws {
        let v = try Self.verify(try Self.rotatedBundle(approvalKey: Self.townKey))
        #expect(!v.holds)
        #expect(v.allProblems.contains { $0.kind == .signature && $0.event == "town#5" }, "\(v.allProblems)")
    }
}
