// xieshang-bench: measurements for Ops/bench/README.md. Each subcommand lives in its own file.
#if canImport(Glibc)
import Glibc
#endif

/// Subcommands: name → (summary, entry point taking the remaining arguments).
let benchmarks: [(name: String, summary: String, run: ([String]) -> Int32)] = [
    ("codec", "encode/decode/sign/verify of a typical EventBody vs swift-protobuf and openssl", runCodecBench),
    ("domain", "record, replay, decode+replay and figures of a large county's domain state", runDomainBench),
    ("store", "durable appends/s vs the sqlite3 shell; group commit vs one transaction per event", runStoreBench),
    ("crdt", "replay an editing trace through the joint-draft CRDT (--trace FILE)", runCrdtBench),
    ("transport", "our gRPC client → server unary calls/s over loopback", runTransportBench),
    ("scrypt", "one password check at the node's scrypt parameters: ms and peak MiB", runScryptBench),
    ("federation", "node processes of a topology: start-up, RSS, commit → city latency, catch-up", runFederationBench),
    ("figures", "node processes, a year of records: record → city figures, stats --drill, city CPU per record, DB size", runFiguresBench),
    ("web", "the figures feed with the web on: dashboard server time, h2load on a list page, township RSS", runWebBench),
    ("statsjson", "the CLI's stats --drill --json rendering of a 181-body drill-down, without nodes", runStatsJSONBench),
]

let args = Array(CommandLine.arguments.dropFirst())
guard let name = args.first, let bench = benchmarks.first(where: { $0.name == name }) else {
    print("usage: xieshang-bench <benchmark> [options]\n\nbenchmarks:")
    for b in benchmarks { print("  " + b.name + String(repeating: " ", count: max(1, 10 - b.name.count)) + b.summary) }
    exit(args.isEmpty ? 0 : 2)
}
exit(bench.run(Array(args.dropFirst())))
