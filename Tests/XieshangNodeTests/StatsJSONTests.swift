import Foundation
import Testing
import XieshangDomain
@testable import XieshangNode
import XieshangWire

/// `xieshang stats --drill --json` (``StatsJSON``), issue 15's benchmark finding: at the city of 1+10+170 bodies the
/// CLI took ≈ 900 ms beyond the 46 ms `Stats(drill)` call, to render 940 kB. Per body it recomputed every rate from
/// scratch, and each rate computation looked up every figure name's label key by rebuilding the counter table and
/// converting every label key to its stats.proto name character by character (thousands of string conversions per
/// body; the text table did so for every headline cell); then Foundation's `JSONSerialization` wrote the tree.
@Suite("stats --json")
struct StatsJSONTests {
    /// A drill-down like the benchmark's city: `counties` counties of `towns` townships each, every stats.proto
    /// counter non-zero (own and totals, keyed counters too), half the townships of each county in zones 片区.
    static func response(counties: Int, towns: Int) -> StatsResponse {
        var n: Int64 = 0
        func counts(_ scale: Int64) -> [String: Int64] {
            var out: [String: Int64] = [:]
            for (_, key) in Figures.counters {
                n += 1
                out[Figures.protoName(key)] = scale * (n % 17 + 3)
            }
            out["replies_by_class.A"] = scale * 2
            out["replies_by_class.B"] = scale
            out["consultations_by_form.专题协商"] = scale * 3
            out["opinions_adopted_higher.city"] = scale
            return out
        }
        var r = StatsResponse()
        func body(_ id: String, _ name: String, _ tier: String, _ parent: String, _ zone: String, _ scale: Int64) -> BodyFigures {
            var b = BodyFigures()
            b.body = id; b.name = name; b.tier = tier; b.parent = parent; b.zone = zone
            b.own = counts(scale); b.totals = counts(scale * 7)
            b.verified = n % 3 != 0
            b.approval = ["approved", "returned", "", "superseded"][r.bodies.count % 4]
            b.returnReason = b.approval == "returned" ? "数字有误，请核对 \"视察\"/调研" : ""
            b.returnedBy = b.approval == "returned" ? parent : ""
            b.expectedChildren = UInt32(towns); b.reportedChildren = UInt32(towns); b.onTimeChildren = UInt32(towns / 2)
            return b
        }
        r.period = "2026"
        r.expectedChildren = UInt32(counties); r.reportedChildren = UInt32(counties); r.onTimeChildren = UInt32(counties - 1)
        r.bodies.append(body("city", "市政协", "city", "", "", 40))
        for c in 0..<counties {
            r.bodies.append(body("county\(c)", "第\(c)县区政协", "county", "city", "", 10))
            for t in 0..<towns {
                r.bodies.append(body("county\(c)-town\(t)", "第\(t)乡镇", "township", "county\(c)", t % 2 == 0 ? ["东片区", "西片区"][t % 4 / 2] : "", 1))
            }
        }
        var tier = TierCoverage(); tier.tier = "county"; tier.reporting = UInt32(counties); tier.expected = UInt32(counties)
        var town = TierCoverage(); town.tier = "township"; town.reporting = UInt32(counties * towns - 1); town.expected = UInt32(counties * towns)
        r.coverage = [tier, town]
        return r
    }

    /// The CLI's rendering before issue 15's fix (StatsCommand.json with Foundation's `JSONSerialization`), kept as
    /// the reference the new text must equal byte for byte.
    static func reference(_ r: StatsResponse) -> String {
        func rates(_ counts: [String: Int64]) -> [String: Any] {
            var out: [String: Any] = [:]
            for rate in FigureNames.rates(counts) {
                out[rate.name] = ["numerator": rate.numerator, "denominator": rate.denominator, "percent": rate.percent.map { $0 as Any } ?? NSNull()]
            }
            return out
        }
        func zones(of body: String) -> [[String: Any]] {
            let groups = ZoneGroups.groups(of: body, in: r.bodies)
            guard groups.contains(where: { !$0.zone.isEmpty }) else { return [] }
            return groups.filter { !$0.zone.isEmpty }.map { g in
                let totals = g.totals.map(Figures.everyCounter)
                return ["zone": g.zone, "bodies": g.members.map(\.body), "totals": totals.map { $0 as Any } ?? NSNull(),
                        "rates": totals.map { rates($0) as Any } ?? NSNull()]
            }
        }
        let bodies: [[String: Any]] = r.bodies.map { b in
            ["body": b.body, "name": b.name, "tier": b.tier, "parent": b.parent, "verified": b.verified,
             "own": Figures.everyCounter(b.own), "totals": Figures.everyCounter(b.totals), "own_rates": rates(b.own), "rates": rates(b.totals),
             "approval": b.approval, "return_reason": b.returnReason, "returned_by": b.returnedBy,
             "expected_children": b.expectedChildren, "reported_children": b.reportedChildren, "on_time_children": b.onTimeChildren,
             "zone": b.zone, "zones": zones(of: b.body)]
        }
        let coverage: [[String: Any]] = r.coverage.map {
            ["tier": $0.tier, "label": FigureNames.tierLabel($0.tier, zh: true), "reporting": $0.reporting, "expected": $0.expected]
        }
        let o: [String: Any] = ["period": r.period, "expected_children": r.expectedChildren, "reported_children": r.reportedChildren,
                                "on_time_children": r.onTimeChildren, "bodies": bodies, "coverage": coverage]
        guard let data = try? JSONSerialization.data(withJSONObject: o, options: [.prettyPrinted, .sortedKeys]),
              let text = String(data: data, encoding: .utf8) else { return "{}" }
        return text
    }

    static let fixture = OpsFederationScriptTests.root + "/Tests/XieshangNodeTests/Fixtures/stats-drill.json"

    @Test("fixture writer (XIESHANG_WRITE_STATS_FIXTURE=1 only)")
    func writeFixture() throws {
        guard ProcessInfo.processInfo.environment["XIESHANG_WRITE_STATS_FIXTURE"] == "1" else { return }
        try Self.reference(Self.response(counties: 2, towns: 5)).write(toFile: Self.fixture, atomically: true, encoding: .utf8)
    }
}

extension StatsJSONTests {
    @Test("timing (XIESHANG_STATS_TIMING=1 only)")
    func timing() {
        guard ProcessInfo.processInfo.environment["XIESHANG_STATS_TIMING"] == "1" else { return }
        let r = Self.response(counties: 10, towns: 17)
        let clock = ContinuousClock()
        var bytes = 0
        let t = clock.measure { bytes = Self.reference(r).utf8.count }
        print("reference 181 bodies: \(t) \(bytes) bytes")
        var tree: [String: Any] = [:]
        let tt = clock.measure { tree = StatsJSON.tree(r) }
        print("new tree: \(tt)")
        let tj = clock.measure { bytes = JSONText.pretty(tree)?.utf8.count ?? 0 }
        print("JSONText.pretty: \(tj) \(bytes)")
        let ts = clock.measure { bytes = (try? JSONSerialization.data(withJSONObject: tree.mapValues { $0 }, options: [.prettyPrinted, .sortedKeys]))?.count ?? 0 }
        print("JSONSerialization (tree with JSONNull, may fail): \(ts) \(bytes)")
        var fr: [[String]] = []
        let t2 = clock.measure { for b in r.bodies { fr.append(FigureNames.headline.map { FigureNames.cell($0.key, b.totals) }) } }
        print("text cells 181 bodies: \(t2)")
        let t3 = clock.measure { for b in r.bodies { _ = FigureNames.rates(b.own); _ = FigureNames.rates(b.totals) } }
        print("rates 2x181: \(t3)")
        let bytesOut = r.serializedBytes()
        let td = clock.measure { for _ in 0..<10 { _ = try? StatsResponse(serializedBytes: bytesOut) } }
        print("decode x10: \(td) \(bytesOut.count) bytes")
        let tn = clock.measure { bytes = StatsJSON.text(r).utf8.count }
        print("StatsJSON.text: \(tn) \(bytes)")
    }
}

extension StatsJSONTests {
    @Test("the text of a 1+2×5-body drill-down is byte for byte the fixture the CLI's JSONSerialization wrote")
    func sameAsBefore() throws {
        let expected = try String(contentsOfFile: Self.fixture, encoding: .utf8)
        let text = StatsJSON.text(Self.response(counties: 2, towns: 5))
        if text != expected { try? text.write(toFile: "/tmp/stats-new.json", atomically: true, encoding: .utf8) }
        #expect(text == expected)
    }
}
