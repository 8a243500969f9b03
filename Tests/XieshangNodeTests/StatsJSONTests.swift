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

    @Test("the reference copy of the old rendering still writes the fixture (made by the CLI's code before the fix)")
    func referenceWritesFixture() throws {
        #expect(Self.reference(Self.response(counties: 2, towns: 5)) == (try String(contentsOfFile: Self.fixture, encoding: .utf8)))
    }
}

extension StatsJSONTests {
    @Test("the 181-body drill-down of the figures bench (zones, every counter) is written as the old rendering wrote it")
    func cityOfTheBench() {
        let r = Self.response(counties: 10, towns: 17)
        #expect(StatsJSON.text(r) == Self.reference(r))
    }

    /// The finding itself, as a ratio within one run (never an absolute time): rendering the 181 bodies as
    /// `--json`, and the text table's headline cells, cost a small multiple of decoding the `Stats` answer. Before
    /// the fix, in a debug build, the JSON took ≈ 100 times the decode and the cells ≈ 500 times (every cell recomputed
    /// every rate, converting every counter name); now ≈ 12 and ≈ 4.
    @Test("rendering stats --drill (JSON and the text table) costs a small multiple of decoding the answer")
    func renderingCost() {
        let r = Self.response(counties: 10, towns: 17)
        let bytes = r.serializedBytes()
        let clock = ContinuousClock()
        func fastest(_ work: () -> Void) -> Duration { (0..<3).map { _ in clock.measure(work) }.min() ?? .zero }
        let decode = fastest { _ = try? StatsResponse(serializedBytes: bytes) }
        let json = fastest { _ = StatsJSON.text(r) }
        let cells = fastest { for b in r.bodies { _ = FigureNames.headline.map { FigureNames.cell($0.key, b.totals) } } }
        #expect(json < decode * 40, "JSON \(json) vs decode \(decode)")
        #expect(cells < decode * 40, "cells \(cells) vs decode \(decode)")
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

extension StatsJSONTests {
    @Test("names and label keys from the tables worked out once are those the conversion gives")
    func nameTables() {
        for key in Figures.counters.map(\.1) + Figures.keyedCounters {
            #expect(Figures.labelKey(ofName: Figures.protoName(key)) == key)
        }
        #expect(Figures.protoName("proposalsClosedOfRegistered") == "proposals_closed_of_registered")
        #expect(Figures.protoName("someNewKey") == "some_new_key")
        #expect(Figures.labelKey(ofName: "replies_by_class.A") == "repliesByClass")
        #expect(Figures.labelKey(ofName: "no_such_figure") == nil)
        #expect(FigureNames.cell("completion_rate", [:]) == "—")
        #expect(FigureNames.cell("inspections", ["inspections": 4]) == "4")
    }
}
