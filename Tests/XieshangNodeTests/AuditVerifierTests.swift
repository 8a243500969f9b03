import Testing
import XieshangDomain
import XieshangFederation
import XieshangWire
@testable import XieshangNode

/// The audit verifier on bundles built here with real keys and signatures: a city and one township with two
/// activities, the township's report of 2026-H1, the city's report citing it, the township's approval. The honest
/// bundle holds; each tampering is named (signature, chain link `origin#seq`, figure by stats.proto name); a file
/// that is not a bundle is a clear error, never a trap.
@Suite struct AuditVerifierTests {
    static let cityKey = try! Ed25519.PrivateKey(seed: [UInt8](repeating: 1, count: 32))
    static let townKey = try! Ed25519.PrivateKey(seed: [UInt8](repeating: 2, count: 32))

    /// Signs `kind`/`payload` as the next event of `origin`'s chain.
    struct Chain {
        let origin: String
        var key: Ed25519.PrivateKey
        var seq: UInt64 = 0
        var last: [UInt8] = []

        mutating func sign(_ kind: EventKind, _ payload: [UInt8]) -> SignedEvent {
            seq += 1
            let body = EventBody(origin: origin, seq: seq, prevHash: last, timeMs: 1_780_000_000_000 + Int64(seq),
                                 scope: Route.up.scope, kind: kind, payload: payload, incarnation: [9, 9, 9, 9])
            let signed = try! SignedEvent.signing(body, with: key)
            last = signed.hash
            return signed
        }
    }

    static func activity(_ id: String, _ kind: Activity.Kind, _ date: Day, _ participants: Int) -> DomainEvent {
        .activity(Activity(id: id, kind: kind, date: date, topic: "议题\(id)", participants: participants))
    }

    /// The honest bundle: figures in the reports are what the records give (computed here by ``NodeFigures``, the
    /// code every ancestor runs, fed the same events). `zeros`: the reports name every counter, zeros included, as
    /// reports stored before did; without, they carry only the figures that are not zero, as reports do now.
    static func honest(zeros: Bool = true) -> AuditBundle {
        func shown(_ m: [String: Int64]) -> [String: Int64] { zeros ? m : FigureMap.nonZero(m) }
        var town = Chain(origin: "town", key: townKey), city = Chain(origin: "city", key: cityKey)
        let tally = NodeFigures(body: BodyInfo(id: "", name: "", tier: ""))
        var events: [SignedEvent] = []
        for a in [activity("HD-1", .research, Day(unchecked: 2026, 3, 10), 5), activity("HD-2", .inspection, Day(unchecked: 2026, 4, 2), 7)] {
            let e = town.sign(a.eventKind, a.payloadBytes())
            _ = tally.recorded(try! e.decodedBody(), node: "")
            events.append(e)
        }
        let own = shown(tally.recomputedFigures(of: "town", for: .half(2026, 1), adding: [])!.figures)
        let townReport = town.sign(.aggregateReport, AggregateReport(period: "2026-H1", body: "town", own: own, totals: own, subtreeBodies: 1).serializedBytes())
        events.append(townReport)
        let cityOwn = shown(tally.recomputedFigures(of: "city", for: .half(2026, 1), adding: [])!.figures)
        let cityTotals = shown(try! FigureMap.sum(cityOwn, own).get())
        let cited = ChildReport(ref: EventRef(origin: "town", seq: 3, hash: townReport.hash), totals: own, subtreeBodies: 1)
        events.append(city.sign(.aggregateReport, AggregateReport(period: "2026-H1", body: "city", own: cityOwn, totals: cityTotals,
                                                                  children: [cited], expectedChildren: 1, reportedChildren: 1,
                                                                  subtreeBodies: 2).serializedBytes()))
        events.append(town.sign(.approval, Approval(period: "2026-H1", body: "town",
                                                    report: EventRef(origin: "town", seq: 3, hash: townReport.hash)).serializedBytes()))
        return AuditExport.sealed(AuditBundle(
            format: AuditExport.format, period: "2026-H1", root: "city", exportedAtMs: 1,
            bodies: [RosterEntry(nodeId: "city", publicKey: cityKey.publicKey.rawRepresentation, name: "市政协", tier: "city"),
                     RosterEntry(nodeId: "town", publicKey: townKey.publicKey.rawRepresentation, parent: "city", name: "乡镇", tier: "township")],
            events: events))
    }

    static func verify(_ bundle: AuditBundle) throws -> AuditVerdict {
        AuditVerifier.verify(try AuditVerifier.decode(bundle.serializedBytes(), file: "t.audit"))
    }

    @Test func anHonestBundleHoldsAndGivesEachBodysFigures() throws {
        let v = try Self.verify(Self.honest())
        #expect(v.holds, "\(v.allProblems)")
        let town = try #require(v.bodies.first { $0.id == "town" })
        #expect(town.own["research_visits"] == 1 && town.own["inspections"] == 1 && town.own["activity_participants"] == 12)
        #expect(town.report == "town#3" && town.approval == "approved" && town.approvalEvent == "town#4")
        let city = try #require(v.bodies.first)
        #expect(city.id == "city" && city.recomputedTotals["activity_participants"] == 12 && city.totals["activity_participants"] == 12)
        #expect(v.rootKey == Self.cityKey.publicKey.fingerprint)
    }

    /// One byte of one record flipped: its signature fails (named town#1) and so does the next link (town#2).
    @Test func aFlippedByteInARecordNamesItsSignatureAndTheNextLink() throws {
        var b = Self.honest()
        var event = b.events[0]
        event.body[event.body.count - 1] ^= 0x01   // the last byte of the incarnation: the body still decodes
        b.events[0] = event
        let v = try Self.verify(b)
        #expect(!v.holds)
        #expect(v.allProblems.contains { $0.kind == .signature && $0.event == "town#1" }, "\(v.allProblems)")
        #expect(v.allProblems.contains { $0.kind == .chain && $0.event == "town#2" }, "\(v.allProblems)")
    }

    /// One record dropped: the gap is named (town#2 missing, seen at town#3), the report's figure no longer matches
    /// the records, and the seal counts one event more.
    @Test func aDroppedRecordIsNamedAsAGapAndAFigure() throws {
        var b = Self.honest()
        b.events.remove(at: 1)
        let v = try Self.verify(b)
        #expect(v.allProblems.contains { $0.kind == .chain && $0.event == "town#3" && $0.message.contains("#2 missing") }, "\(v.allProblems)")
        #expect(v.allProblems.contains { $0.kind == .figure && $0.figure == "inspections" && $0.event == "town#3" }, "\(v.allProblems)")
        #expect(v.allProblems.contains { $0.kind == .seal })
    }

    /// An event cut from a chain's end (the approval) shows against the chain's head.
    @Test func anEventCutFromAChainsEndShowsAgainstItsHead() throws {
        var b = Self.honest()
        b.events.removeLast()
        b.seal = AuditSeal(events: UInt64(b.events.count))
        let v = try Self.verify(b)
        #expect(v.allProblems.contains { $0.kind == .chain && $0.event == "town#4" && $0.message.contains("ends at #3") }, "\(v.allProblems)")
    }

    /// One figure edited in a report (re-encoded, so its signature no longer holds): the figure is named, and the
    /// city's citation of the report no longer matches its hash.
    @Test func anEditedFigureInAReportIsNamed() throws {
        var b = Self.honest()
        var body = try b.events[2].decodedBody()
        var report = try AggregateReport(serializedBytes: body.payload)
        report.own["activity_participants", default: 0] += 10
        body.payload = report.serializedBytes()
        b.events[2].body = body.serializedBytes()
        let v = try Self.verify(b)
        let town = try #require(v.bodies.first { $0.id == "town" })
        #expect(town.problems.contains { $0.kind == .figure && $0.figure == "activity_participants" && $0.event == "town#3" }, "\(town.problems)")
        #expect(town.problems.contains { $0.kind == .signature && $0.event == "town#3" })
        #expect(v.allProblems.contains { $0.kind == .citation && $0.body == "city" && $0.message.contains("town#3") }, "\(v.allProblems)")
    }

    /// A report whose subtree total is inflated (signed with the real key) is named by figure at its body.
    @Test func anInflatedSubtreeTotalSignedWithTheRealKeyIsNamed() throws {
        var b = Self.honest()
        var city = Chain(origin: "city", key: Self.cityKey)
        var body = try b.events[3].decodedBody()
        var report = try AggregateReport(serializedBytes: body.payload)
        report.totals["research_visits", default: 0] += 1
        body.payload = report.serializedBytes()
        b.events[3] = city.sign(body.kind, body.payload)
        b = AuditExport.sealed(b)
        let v = try Self.verify(b)
        #expect(v.bodies[0].problems.contains { $0.kind == .subtotal && $0.figure == "research_visits" }, "\(v.allProblems)")
        #expect(!v.allProblems.contains { $0.kind == .signature })
    }

    /// A key listed for a body must be the one the root's latest signed roster names: a bundle whose exporter swapped
    /// a township's key (and re-signed its events with it) is named, although every signature then verifies.
    @Test func aKeyTheRootsSignedRosterDoesNotNameIsNamed() throws {
        var b = Self.honest()
        var down = Chain(origin: "city@down", key: Self.cityKey)
        let other = try Ed25519.PrivateKey(seed: [UInt8](repeating: 3, count: 32))
        let roster = Roster(entries: [RosterEntry(nodeId: "town", publicKey: other.publicKey.rawRepresentation, parent: "city")])
        b.events.insert(down.sign(.roster, roster.serializedBytes()), at: 0)
        b = AuditExport.sealed(b)
        let v = try Self.verify(b)
        #expect(v.allProblems.contains { $0.kind == .key && $0.body == "town" && $0.event == "city@down#1" }, "\(v.allProblems)")
        var vouched = Self.honest()
        var down2 = Chain(origin: "city@down", key: Self.cityKey)
        let right = Roster(entries: [RosterEntry(nodeId: "town", publicKey: Self.townKey.publicKey.rawRepresentation, parent: "city")])
        vouched.events.insert(down2.sign(.roster, right.serializedBytes()), at: 0)
        let w = try Self.verify(AuditExport.sealed(vouched))
        #expect(w.holds, "\(w.allProblems)")
    }

    /// A report that cites itself many times (signed with the real key) is named and the verifier ends: the
    /// recomputation of subtree figures follows each citation once, not 2^depth times.
    @Test func aReportCitingItselfIsNamedAndEnds() throws {
        var b = Self.honest()
        var city = Chain(origin: "city", key: Self.cityKey)
        let hash = SignedEvent(body: [1], signature: []).hash
        let me = ChildReport(ref: EventRef(origin: "city", seq: 1, hash: hash), totals: [:], subtreeBodies: 0)
        b.events[3] = city.sign(.aggregateReport, AggregateReport(period: "2026-H1", body: "city", children: Array(repeating: me, count: 40),
                                                                   subtreeBodies: 1).serializedBytes())
        let v = try Self.verify(AuditExport.sealed(b))
        #expect(v.bodies[0].problems.contains { $0.kind == .citation && $0.message.contains("not a direct child") }, "\(v.allProblems)")
        #expect(v.bodies[0].problems.contains { $0.kind == .citation && $0.message.contains("more than once") })
    }

    /// A report after the approval with other figures shows the approval superseded; a return shows it returned.
    @Test func approvalStatesFollowTheSignedEvents() throws {
        var b = Self.honest()
        var town = Chain(origin: "town", key: Self.townKey, seq: 4, last: b.events[4].hash)
        let a = Self.activity("HD-3", .research, Day(unchecked: 2026, 5, 5), 1)
        b.events.append(town.sign(a.eventKind, a.payloadBytes()))
        let v1 = try Self.verify(AuditExport.sealed(b))
        #expect(v1.bodies.first { $0.id == "town" }?.approval == "approved")
        var b2 = b
        var town2 = town
        let tally = NodeFigures(body: BodyInfo(id: "", name: "", tier: ""))
        for e in b2.events { _ = tally.recorded(try e.decodedBody(), node: "") }
        let own = try #require(tally.recomputedFigures(of: "town", for: .half(2026, 1), adding: [])).figures
        b2.events.append(town2.sign(.aggregateReport, AggregateReport(period: "2026-H1", body: "town", own: own, totals: own, subtreeBodies: 1).serializedBytes()))
        let v2 = try Self.verify(AuditExport.sealed(b2))
        #expect(v2.bodies.first { $0.id == "town" }?.approval == "superseded", "\(v2.bodies)")
        var b3 = b
        var down = Chain(origin: "city@down", key: Self.cityKey)
        b3.events.append(down.sign(.approvalReturn, ApprovalReturn(child: "town", period: "2026-H1", approval: EventRef(origin: "town", seq: 4, hash: b.events[4].hash),
                                                                   reason: "请核实").serializedBytes()))
        let v3 = try Self.verify(AuditExport.sealed(b3))
        #expect(v3.bodies.first { $0.id == "town" }?.approval == "returned" && v3.holds, "\(v3.allProblems)")
    }

    /// Compatibility of the smaller reports: a bundle whose reports name every counter, zeros included (stored
    /// before), and one whose reports carry only the figures that are not zero (now) both hold and give the same
    /// verdict, body by body and figure by figure (totals name every counter either way); and a later report of the
    /// same figures the new way does not make the approval of the old-style one "superseded".
    @Test func reportsWithAndWithoutExplicitZerosGiveTheSameVerdict() throws {
        let oldBundle = Self.honest(), newBundle = Self.honest(zeros: false)
        let oldTown = try AggregateReport(serializedBytes: try oldBundle.events[2].decodedBody().payload)
        let newTown = try AggregateReport(serializedBytes: try newBundle.events[2].decodedBody().payload)
        #expect(oldTown.own["proposals_filed"] == 0 && newTown.own["proposals_filed"] == nil && newTown.own.count < oldTown.own.count)
        let old = try Self.verify(oldBundle), new = try Self.verify(newBundle)
        #expect(old.holds && new.holds, "\(old.allProblems) \(new.allProblems)")
        for (o, n) in zip(old.bodies, new.bodies) {
            #expect(o.id == n.id && o.own == n.own && o.uncompared == n.uncompared && o.totals == n.totals
                    && o.recomputedTotals == n.recomputedTotals && o.approval == n.approval, "\(o) ≠ \(n)")
        }
        #expect(new.bodies[0].totals["proposals_filed"] == 0 && new.bodies[0].totals["activity_participants"] == 12)

        var b = oldBundle
        var town = Chain(origin: "town", key: Self.townKey, seq: 4, last: b.events[4].hash)
        b.events.append(town.sign(.aggregateReport, AggregateReport(period: "2026-H1", body: "town", own: newTown.own, totals: newTown.totals,
                                                                    subtreeBodies: 1).serializedBytes()))
        let later = try Self.verify(AuditExport.sealed(b))
        let townBody = try #require(later.bodies.first { $0.id == "town" })
        #expect(later.holds && townBody.report == "town#5" && townBody.approval == "approved", "\(later.allProblems) \(townBody)")
    }

    /// A hostile bundle whose reports cite each other in a line 5 000 long ends with the citations named: the
    /// subtree recomputation follows at most 64 tiers, never one stack frame per report.
    @Test func aLongLineOfCitingReportsEnds() throws {
        var b = Self.honest()
        var city = Chain(origin: "city", key: Self.cityKey, seq: 1, last: b.events[3].hash)
        for i in 0..<5_000 {
            let next = ChildReport(ref: EventRef(origin: "city", seq: UInt64(i + 3), hash: []), subtreeBodies: 1)
            b.events.append(city.sign(.aggregateReport, AggregateReport(period: "2026-H1", body: "city", children: [next], subtreeBodies: 2).serializedBytes()))
        }
        let v = try Self.verify(AuditExport.sealed(b))
        #expect(!v.holds && v.bodies[0].problems.contains { $0.kind == .citation })
    }

    /// Any byte of a bundle flipped, any range cut out: a clear error or a verdict that does not hold, never a trap,
    /// and never a bundle that still holds.
    @Test func mutatedBundlesNeverTrapAndNeverHold() throws {
        let bytes = Self.honest().serializedBytes()
        var random = DeterministicRandom(seed: 9)
        for round in 0..<400 {
            var mutated = bytes
            let at = Int(random.next() % UInt64(bytes.count))
            if round % 2 == 0 {
                mutated[at] ^= UInt8(truncatingIfNeeded: random.next() | 1)
            } else {
                let length = 1 + Int(random.next() % 40)
                mutated.removeSubrange(at..<min(bytes.count, at + length))
            }
            do {
                let v = AuditVerifier.verify(try AuditVerifier.decode(mutated, file: "m.audit"))
                // A flip in an unsigned informational field (the export time, a name) changes nothing checked.
                if v.holds {
                    let b = try AuditVerifier.decode(mutated, file: "m.audit")
                    #expect(b.events == Self.honest().events && b.chainHeads == Self.honest().chainHeads, "round \(round): a changed bundle holds")
                }
            } catch {
                #expect(error.code == .auditBundle && error.message.hasPrefix("m.audit: "))
            }
        }
    }

    /// Empty, truncated, garbage and foreign files are clear errors naming the file, never a trap.
    @Test func filesThatAreNotBundlesAreClearErrors() throws {
        let bytes = Self.honest().serializedBytes()
        func refusal(_ b: [UInt8]) -> String? {
            do { _ = try AuditVerifier.decode(b, file: "x.audit"); return nil } catch { return error.code == .auditBundle ? error.message : "wrong code" }
        }
        #expect(refusal([])?.contains("x.audit: the file is empty") == true)
        for cut in [1, 7, bytes.count / 2, bytes.count - 1] {
            let message = refusal(Array(bytes.prefix(cut)))
            #expect(message != nil && message!.hasPrefix("x.audit: "), "cut at \(cut): \(message ?? "accepted")")
        }
        #expect(refusal(Array(bytes.dropLast(3)))?.contains("truncated") == true || refusal(Array(bytes.dropLast(3))) != nil)
        var random = DeterministicRandom(seed: 15)
        for _ in 0..<200 {
            let garbage = (0..<Int(random.next() % 300)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            #expect(refusal(garbage) != nil)
        }
        var foreign = Self.honest()
        foreign.format = "something-else"
        #expect(refusal(foreign.serializedBytes())?.contains("not an audit bundle of this version") == true)
        var unsealed = Self.honest()
        unsealed.seal = nil
        #expect(refusal(unsealed.serializedBytes())?.contains("truncated") == true)
    }
}
