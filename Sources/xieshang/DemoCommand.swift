import Foundation
import XieshangWire

/// `xieshang demo`: the most complete end-to-end run the project has.
///
/// Until the node process lands this is a tour of the wire format: a township signs a chain of records, they travel
/// as bytes, and its county checks the chain and the signature as a parent will.
enum DemoCommand {
    static func run(_ args: [String]) -> Int32 {
        if args.contains("--help") || args.contains("-h") {
            print("usage: xieshang demo\n\nSigns a township's chain of records and verifies it as its county would.")
            return ExitCode.done
        }
        do {
            let township = try Ed25519.PrivateKey()
            print("敖寨乡政协工委 (cn.gz.tongren.wanshan.aozhai) key \(township.publicKey.text)")
            let records = ["请你来协商：农村人居环境整治", "视察：乡村振兴项目", "社情民意：留守儿童关爱", "调研：茶产业发展", "民主评议：乡镇卫生院"]
            var events: [SignedEvent] = []
            var previous: [UInt8] = []
            for (i, text) in records.enumerated() {
                let body = EventBody(origin: "cn.gz.tongren.wanshan.aozhai", seq: UInt64(i + 1), prevHash: previous,
                                     timeMs: Int64(Date().timeIntervalSince1970 * 1000), scope: Scope(target: .up(true)),
                                     kind: .note, payload: Note(text: text, amount: Int64(10 + i)).serializedBytes())
                let event = try SignedEvent.signing(body, with: township)
                previous = event.hash
                events.append(event)
                print("  #\(i + 1) \(text)  \(event.serializedBytes().count) bytes, hash \(hexString(previous.prefix(6)))…")
            }
            let wire = EventBatch(batchId: 1, events: events, sender: "cn.gz.tongren.wanshan.aozhai").serializedBytes()
            print("batch on the wire: \(wire.count) bytes")
            let received = try EventBatch(serializedBytes: wire)
            let bodies = try EventChain.authenticateRun(received.events, follows: nil, origin: received.sender,
                                                        originKey: township.publicKey)
            let total = try bodies.reduce(Int64(0)) { $0 + (try Note(serializedBytes: $1.payload)).amount }
            print("万山区政协 verified \(bodies.count) events (hash chain + one signature); participants total \(total)")
            var forged = received.events
            forged[2].body[forged[2].body.count - 1] ^= 1
            do {
                _ = try EventChain.authenticateRun(forged, follows: nil, origin: received.sender, originKey: township.publicKey)
                print("a tampered batch was accepted — this must not happen")
                return ExitCode.refused
            } catch {
                print("a tampered copy is refused: \(error)")
            }
            return ExitCode.done
        } catch {
            return fail("demo: \(error)", code: ExitCode.refused)
        }
    }
}
