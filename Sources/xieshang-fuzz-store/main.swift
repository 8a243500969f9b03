// xieshang-fuzz-store: libFuzzer target for the store's open and replay of damaged databases (StoreFuzzing).
//
// Build and run (make fuzz does this):
//   swift build -c release -Xswiftc -sanitize=fuzzer --product xieshang-fuzz-store --scratch-path .build-fuzz
//   SWIFT_BACKTRACE=enable=no .build-fuzz/release/xieshang-fuzz-store -max_total_time=60 <corpus dir>
import CFuzzer
import XieshangStoreTesting
import XieshangStoreTesting
#if canImport(Glibc)
import Glibc
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    StoreFuzzing.exercise(bytes)
    return 0
}

guard xs_fuzzer_linked() != 0 else {
    print("xieshang-fuzz-store was built without libFuzzer; build it with -Xswiftc -sanitize=fuzzer (see `make fuzz`).")
    exit(2)
}
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(xs_fuzzer_run(&argc, &argv) { data, size in fuzzOneInput(data, size) })
