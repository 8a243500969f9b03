// codec-peer: swift-protobuf's encode and decode rates on the bytes `xieshang-bench codec` gives it (hex, argv[1]).
// Prints "encode_per_s <n>" and "decode_per_s <n>" (best of 5 rounds of ~0.5 s, one core).
import Foundation
import SwiftProtobuf

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func hexBytes(_ s: String) -> [UInt8] {
    var out: [UInt8] = []
    var it = s.utf8.makeIterator()
    while let a = it.next(), let b = it.next() {
        out.append(UInt8(String(decoding: [a, b], as: UTF8.self), radix: 16)!)
    }
    return out
}

@inline(never) func blackHole<T>(_ x: T) { withExtendedLifetime(x) {} }

guard CommandLine.arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: codec-peer <hex of an EventBody>\n".utf8))
    exit(2)
}
let bytes = hexBytes(CommandLine.arguments[1])
let message = try Xieshang_V1_EventBody(serializedBytes: bytes)
let reencoded: [UInt8] = try message.serializedBytes()
guard reencoded == bytes else {
    FileHandle.standardError.write(Data("codec-peer: swift-protobuf re-encodes the message differently\n".utf8))
    exit(1)
}

func rate(_ body: () throws -> Void) rethrows -> Double {
    var best = 0.0
    for _ in 0..<5 {
        var n = 0
        let start = now()
        var elapsed = 0.0
        repeat {
            for _ in 0..<1000 { try body() }
            n += 1000
            elapsed = now() - start
        } while elapsed < 0.5
        best = max(best, Double(n) / elapsed)
    }
    return best
}

let encodeRate = try rate { let b: [UInt8] = try message.serializedBytes(); blackHole(b) }
let decodeRate = try rate { blackHole(try Xieshang_V1_EventBody(serializedBytes: bytes)) }
print("encode_per_s \(Int(encodeRate))")
print("decode_per_s \(Int(decodeRate))")
