import Foundation
import XieshangWire

/// `xieshang-bench codec [--peer PATH]`: encode/decode/sign/verify rates of a typical ~300-byte EventBody with
/// Chinese text, beside `openssl speed ed25519` and swift-protobuf 1.39.0 (Ops/bench/peers/codec) in the same run.
func runCodecBench(_ args: [String]) -> Int32 {
    var peerPath = ".build-peers-codec/release/codec-peer"
    var i = 0
    while i < args.count {
        if args[i] == "--peer", i + 1 < args.count { peerPath = args[i + 1]; i += 2; continue }
        print("usage: xieshang-bench codec [--peer PATH-TO-codec-peer]")
        return 2
    }

    let activity = ActivityRecorded(activityId: "A-2026-0038", kind: .consultation, date: "2026-11-20",
                                    topic: "万山区敖寨乡政协工委召开“请你来协商”专题协商会，围绕农村人居环境整治提出意见建议12条，参加委员和群众代表38人次。",
                                    participants: 38)
    let body = EventBody(
        origin: "cn.gz.tongren.wanshan.aozhai", seq: 123_456,
        prevHash: Array(SHA256.hash(Array("previous".utf8))), timeMs: 1_795_000_000_000,
        scope: Scope(target: .up(true)), kind: .activity, payload: activity.serializedBytes(),
        incarnation: Array(repeating: 0x5a, count: 16))
    let bytes = body.serializedBytes()
    print("message: EventBody, \(bytes.count) bytes (payload: an ActivityRecorded of \(body.payload.count) bytes with Chinese text)")

    let encodeRate = measureRate { blackHole(body.serializedBytes()) }
    let decodeRate = measureRate { blackHole(try! EventBody(serializedBytes: bytes)) }
    print("xieshang encode: \(formatRate(encodeRate))   decode: \(formatRate(decodeRate))   (one core, best of 5)")

    let key = try! Ed25519.PrivateKey()
    let signature = try! key.signature(for: bytes)
    let signRate = measureRate(batch: 100) { blackHole(try! key.signature(for: bytes)) }
    let verifyRate = measureRate(batch: 100) { blackHole(key.publicKey.isValidSignature(signature, for: bytes)) }
    print("xieshang sign:   \(formatRate(signRate))   verify: \(formatRate(verifyRate))")

    // openssl's own Ed25519 rate on this machine, in the same run.
    var opensslSign = 0.0, opensslVerify = 0.0
    if let openssl = which("openssl"), let out = runProgram(openssl, ["speed", "-seconds", "3", "ed25519"]) {
        // The result line: " 253 bits EdDSA (Ed25519)   0.0000s   0.0001s  24511.2   8533.1"
        for line in out.split(separator: "\n") where line.contains("Ed25519") && line.contains("bits") {
            let numbers = line.split(separator: " ").compactMap { Double($0) }
            if numbers.count >= 3 {
                opensslSign = numbers[numbers.count - 2]
                opensslVerify = numbers[numbers.count - 1]
            }
        }
        print("openssl speed ed25519: sign \(formatRate(opensslSign))   verify \(formatRate(opensslVerify))")
    } else {
        print("openssl speed: not available")
    }

    var peerEncode = 0.0, peerDecode = 0.0
    if let out = runProgram(peerPath, [hexString(bytes)]) {
        for line in out.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 2, let v = Double(parts[1]) else { continue }
            if parts[0] == "encode_per_s" { peerEncode = v }
            if parts[0] == "decode_per_s" { peerDecode = v }
        }
        print("swift-protobuf 1.39.0 encode: \(formatRate(peerEncode))   decode: \(formatRate(peerDecode))")
    } else {
        print("swift-protobuf peer not found at \(peerPath): build it with Ops/bench/codec.sh")
    }

    func ratio(_ a: Double, _ b: Double) -> String { b > 0 ? String(format: "%.2f", a / b) : "n/a" }
    print("ratio encode xieshang/swift-protobuf \(ratio(encodeRate, peerEncode))  (target ≥ 1.0)")
    print("ratio decode xieshang/swift-protobuf \(ratio(decodeRate, peerDecode))  (target ≥ 1.0)")
    print("ratio sign xieshang/openssl \(ratio(signRate, opensslSign))  (target ≥ 0.9)")
    print("ratio verify xieshang/openssl \(ratio(verifyRate, opensslVerify))  (target ≥ 0.9)")
    return 0
}
