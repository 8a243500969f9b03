// xieshang-fuzz-federation: libFuzzer target for the federation core's `handle` (issue 16): a keyed peer sends
// signed-but-absurd payloads — fuzzer bytes as EventBody fields and payloads, signed with the peer's real test key so
// they pass authentication — to a node on a store in memory (tmpfs); nothing may trap, and a restart in the middle
// (a replay of whatever was stored) may not trap either.
//
// Build and run (make fuzz does this):
//   swift build -c release -Xswiftc -sanitize=fuzzer --product xieshang-fuzz-federation --scratch-path .build-fuzz
//   SWIFT_BACKTRACE=enable=no .build-fuzz/release/xieshang-fuzz-federation -max_total_time=60 <corpus dir>
import CFuzzer
#if canImport(Glibc)
import Glibc
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FederationFuzzing.exercise(bytes)
    return 0
}

guard xs_fuzzer_linked() != 0 else {
    print("xieshang-fuzz-federation was built without libFuzzer; build it with -Xswiftc -sanitize=fuzzer (see `make fuzz`).")
    exit(2)
}
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(xs_fuzzer_run(&argc, &argv) { data, size in fuzzOneInput(data, size) })
