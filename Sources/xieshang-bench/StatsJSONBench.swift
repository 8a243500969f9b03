import Foundation
import XieshangDomain
import XieshangNode
import XieshangWire

/// `xieshang-bench statsjson [--counties 10] [--towns 17] [--runs 20]` (issue 15): the CLI's rendering of
/// `stats --drill --json` without node processes, on a drill-down shaped like the figures bench's city (1 city,
/// counties × towns townships, every stats.proto counter non-zero, zones): decoding the `Stats` answer, the JSON text
/// (``StatsJSON``), the text table's headline cells, and Foundation's `JSONSerialization` on the same tree (the
/// writer the CLI used before), each as p50/max ms over the runs.
func runStatsJSONBench(_ args: [String]) -> Int32 {
    var options: [String: String] = [:]
    var i = 0
    while i + 1 < args.count { options[args[i]] = args[i + 1]; i += 2 }
    let counties = Int(options["--counties"] ?? "10") ?? 10, towns = Int(options["--towns"] ?? "17") ?? 17
    let runs = max(1, Int(options["--runs"] ?? "20") ?? 20)
    var r = StatsResponse()
    r.period = "2026"
    func add(_ id: String, _ tier: String, _ parent: String, _ zone: String, _ scale: Int64) {
        var b = BodyFigures()
        b.body = id; b.name = id; b.tier = tier; b.parent = parent; b.zone = zone; b.verified = true; b.approval = "approved"
        for (n, (_, key)) in Figures.counters.enumerated() {
            b.own[Figures.protoName(key)] = scale * Int64(n % 17 + 3)
            b.totals[Figures.protoName(key)] = scale * Int64(n % 13 + 5)
        }
        b.totals["replies_by_class.A"] = scale
        r.bodies.append(b)
    }
    add("city", "city", "", "", 400)
    for c in 0..<counties {
        add("county\(c)", "county", "city", "", 20)
        for t in 0..<towns { add("county\(c)-town\(t)", "township", "county\(c)", t % 2 == 0 ? "东片区" : "", 1) }
    }
    let bytes = r.serializedBytes()
    func measure(_ label: String, _ work: () -> Int) {
        var ms: [Double] = []
        var size = 0
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            size = work()
            ms.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        ms.sort()
        say("\(label): p50 \(String(format: "%.1f", ms[ms.count / 2])) ms, max \(String(format: "%.1f", ms[ms.count - 1])) ms (\(size) bytes)")
    }
    say("\(r.bodies.count) bodies, Stats answer \(bytes.count) bytes")
    measure("decode StatsResponse") { ((try? StatsResponse(serializedBytes: bytes))?.bodies.count) ?? 0 }
    measure("StatsJSON.tree (its figures and rates)") { StatsJSON.tree(r).count }
    measure("StatsJSON.text (stats --json)") { StatsJSON.text(r).utf8.count }
    measure("headline cells (stats text table)") { r.bodies.reduce(0) { n, b in n + FigureNames.headline.map { FigureNames.cell($0.key, b.totals) }.count } }
    let tree = StatsJSON.tree(r)  // no null in it: every rate of the sample has data
    measure("JSONSerialization of the same tree (the old writer)") {
        (try? JSONSerialization.data(withJSONObject: tree, options: [.prettyPrinted, .sortedKeys]))?.count ?? 0
    }
    return 0
}
