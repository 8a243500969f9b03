/// What the fuzzer (and the crash-corpus regression test) feeds arbitrary bytes through: every decoder of the wire
/// module and the envelope checks. Any input must end in a value or a typed error, never a crash.
public enum WireFuzzing {
    /// A fixed key, so signatures in the corpus can be made to verify.
    static let key: Ed25519.PrivateKey? = try? Ed25519.PrivateKey(seed: [UInt8](repeating: 7, count: 32))

    /// Decodes `data` as the message type its first byte selects, as JSON text, and as a run of signed events.
    public static func exercise(_ data: [UInt8]) {
        let types = ProtoRegistry.messageTypes.keys.sorted()
        guard let selector = data.first, !types.isEmpty else { return }
        let input = data.dropFirst()
        let type = ProtoRegistry.messageTypes[types[Int(selector) % types.count]]!
        if let message = try? type.init(serializedBytes: input, limits: DecodeLimits(maxMessageBytes: 1 << 20, maxDepth: 32)) {
            // A decoded message must re-encode, and decode again to the same value.
            let again = try? type.init(serializedBytes: message.serializedBytes())
            if again == nil { fatalError("re-encoding of a decoded \(type.protoName) does not decode") }
            _ = message.jsonString()
        }
        if let text = String(validating: input, as: UTF8.self) {
            _ = try? type.init(jsonString: text)
        }
        if let batch = try? EventBatch(serializedBytes: input), let key {
            var byOrigin: [String: [SignedEvent]] = [:]
            for event in batch.events {
                _ = try? event.verifiedBody(originKey: key.publicKey)
                if let body = try? event.decodedBody() { byOrigin[body.origin, default: []].append(event) }
            }
            for (origin, run) in byOrigin {
                _ = try? EventChain.authenticateRun(run, follows: nil, origin: origin, originKey: key.publicKey)
            }
        }
    }
}
