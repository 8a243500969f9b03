import Testing
@testable import XieshangNode
@testable import XieshangDomain
import XieshangFederation
import XieshangWire

/// The dashboard's model computes its rates, counters and zones faster than before (issue 17, dashboard built:
/// ``FigureNames/rates(_:)`` reads the scalar counters only, ``Figures/everyCounter(_:)`` names them from a kept list,
/// ``ZoneGroups/groupsByParent(_:)`` groups every body's children in one pass): each is held equal, on a generated year
/// of a 1+10+170 drill-down (every body's figures for the year, its halves, quarters and months), to the computation
/// it replaced, kept here as it was.
@Suite("dashboard figures equal the old computation")
struct DashboardFiguresEquivalenceTests {
    /// `FigureNames.rates` before issue 17's change: the map filtered to the names `Labels` knows, then a whole
    /// `Figures` (keyed counters too), then each rate's names worked out.
    static func oldRates(_ counts: [String: Int64]) -> [FigureNames.ShownRate] {
        guard let f = try? Figures(period: .year(2026), namedCounts: counts.filter { Figures.labelKey(ofName: $0.key) != nil }) else { return [] }
        let all: [(String, Rate)] = [
            ("completionRate", f.completionRate), ("satisfactionRate", f.satisfactionRate(.satisfiedOrBasic)),
            ("suggestionAdoptionRate", f.suggestionAdoptionRate), ("suggestionClosingRate", f.suggestionClosingRate),
            ("opinionAdoptionRate", f.opinionAdoptionRate), ("onTimeReplyRate", f.onTimeReplyRate),
            ("keyProposalImplementationRate", f.keyProposalImplementationRate),
        ]
        return all.map { FigureNames.ShownRate(name: Figures.protoName($0.0), labelKey: "rate." + $0.0, numerator: $0.1.numerator, denominator: $0.1.denominator) }
    }

    /// `Figures.everyCounter` before: each counter's name worked out per call.
    static func oldEveryCounter(_ counts: [String: Int64]) -> [String: Int64] {
        var out = counts
        for (_, key) in Figures.counters where out[Figures.protoName(key)] == nil { out[Figures.protoName(key)] = 0 }
        return out
    }

    static func text(_ rates: [FigureNames.ShownRate]) -> [String] {
        rates.map { "\($0.name) \($0.labelKey) \($0.numerator)/\($0.denominator)" }
    }

    /// A generated year: 1 city, 10 counties of 17 townships (some in zones), each with figure maps for the year, its
    /// halves, quarters and months — every scalar counter by its stats.proto name, about a third of them left out as a
    /// report leaves out its zeros, a few zero, and keyed counters ("replies_by_class.A").
    static func generatedYear(seed: UInt64 = 17) -> (bodies: [[BodyFigures]], maps: [[String: Int64]]) {
        var random = DeterministicRandom(seed: seed)
        let names = Figures.counters.map { Figures.protoName($0.1) }
        let keyed = ["replies_by_class.A", "replies_by_class.B", "consultations_by_form.pleaseCome", "proposals_by_channel.member",
                     "opinions_by_channel.online", "opinions_adopted_higher.city"]
        func map() -> [String: Int64] {
            var m: [String: Int64] = [:]
            for n in names {
                switch random.next() % 6 {
                case 0, 1: continue
                case 2: m[n] = 0
                default: m[n] = Int64(random.next() % 400)
                }
            }
            for k in keyed where random.next() % 2 == 0 { m[k] = Int64(random.next() % 50) }
            return m
        }
        let periods = ["2026", "2026-H1", "2026-H2"] + (1...4).map { "2026-Q\($0)" } + (1...12).map { $0 < 10 ? "2026-0\($0)" : "2026-\($0)" }
        var drills: [[BodyFigures]] = [], maps: [[String: Int64]] = []
        for _ in periods {
            func body(_ id: String, parent: String, zone: String = "") -> BodyFigures {
                let own = map(), totals = map()
                maps += [own, totals]
                var b = BodyFigures(body: id, name: id, tier: "", parent: parent, own: own, totals: totals, source: nil, verified: true)
                b.zone = zone
                return b
            }
            var drill = [body("city", parent: "")]
            for c in 1...10 { drill.append(body("county\(c)", parent: "city", zone: c <= 4 ? "东部片区" : c <= 7 ? "西部片区" : "")) }
            for c in 1...10 {
                for t in 1...17 { drill.append(body("county\(c)-town\(t)", parent: "county\(c)", zone: c % 2 == 0 ? (t <= 8 ? "北片" : "南片") : "")) }
            }
            drills.append(drill)
        }
        return (drills, maps)
    }

    @Test func ratesAndCountersEqualTheOldComputationOnAGeneratedYear() {
        let (_, maps) = Self.generatedYear()
        #expect(maps.count == 19 * 181 * 2)
        var compared = 0, withData = 0
        for m in maps {
            let new = FigureNames.rates(m), old = Self.oldRates(m)
            #expect(Self.text(new) == Self.text(old), "\(m)")
            #expect(Figures.everyCounter(m) == Self.oldEveryCounter(m))
            #expect(FiguresReport.chartRates(m).map { "\($0.label) \($0.numerator)/\($0.denominator)" }
                    == FigureNames.chartedRates.map { c in
                        let r = old.first { $0.name == c.key }
                        return "\(c.label) \(r?.numerator ?? 0)/\(r?.denominator ?? 0)"
                    })
            compared += 1
            if new.contains(where: { $0.denominator != 0 }) { withData += 1 }
        }
        #expect(withData > compared / 2, "the generated maps give rates with data (\(withData) of \(compared))")
    }

    /// Names a map may carry that are no figure's, or look like one's and are refused: the rates are the old ones
    /// (none at all for a refused name, as `Figures(period:namedCounts:)` refuses the map).
    @Test func oddNamesGiveTheOldRates() {
        let base = Self.generatedYear().maps[5]
        let odd = ["foo", "foo.bar", ".x", "..", "completion_rate", "proposals_filed.x", "replies_by_class", "replies_by_class.",
                   "replies_by_class..A", "replies_by_class.A.B", "consultations_by_form.", "bodies", "bodies.x", "activity_participants"]
        var refused = 0
        for name in odd {
            var m = base
            m[name] = 3
            let old = Self.oldRates(m)
            #expect(Self.text(FigureNames.rates(m)) == Self.text(old), "\(name)")
            if old.isEmpty { refused += 1 }
        }
        #expect(refused >= 3, "some of the odd names are refused (\(refused))")
        #expect(FigureNames.rates([:]).count == 7 && Self.text(FigureNames.rates([:])) == Self.text(Self.oldRates([:])))
    }

    @Test func zoneGroupsOfEveryParentInOnePassEqualEachParentsGroups() {
        for drill in Self.generatedYear().bodies.prefix(4) {
            let all = ZoneGroups.groupsByParent(drill)
            var parents = 0
            for b in drill {
                let one = ZoneGroups.groups(of: b.body, in: drill), kept = all[b.body] ?? []
                #expect(one.map(\.zone) == kept.map(\.zone), "\(b.body)")
                #expect(one.map { $0.members.map(\.body) } == kept.map { $0.members.map(\.body) }, "\(b.body)")
                #expect(one.map(\.totals) == kept.map(\.totals), "\(b.body)")
                if !one.isEmpty { parents += 1 }
            }
            #expect(parents == 11)
            #expect(all.values.flatMap { $0 }.contains { !$0.zone.isEmpty })
        }
    }
}
