extension SignedEvent {
    /// Encodes `body` once and signs exactly those bytes with the origin's key.
    ///
    /// The body bytes are never re-encoded afterwards: forwarders and stores pass ``SignedEvent/body`` on as is.
    public static func signing(_ body: EventBody, with key: Ed25519.PrivateKey) throws(WireError) -> SignedEvent {
        let bytes = body.serializedBytes()
        return SignedEvent(body: bytes, signature: try key.signature(for: bytes))
    }

    /// SHA-256 of this event's deterministic encoding: the value a successor's `prev_hash` and every
    /// ``EventRef`` name.
    public var hash: [UInt8] { SHA256.hash(serializedBytes()) }

    /// Decodes and checks the body without verifying the signature (for run authentication, where only the
    /// run's last signature is checked and the others are covered by the hash links).
    /// - Throws: ``WireError`` for malformed bytes or a body missing a required field.
    public func decodedBody(limits: DecodeLimits = .default) throws(WireError) -> EventBody {
        if signature.count != Ed25519.signatureByteCount {
            throw WireError(.missingField, "signature is \(signature.count) bytes; an Ed25519 signature is 64", fieldNumber: 2)
        }
        let body = try EventBody(serializedBytes: self.body, limits: limits)
        try body.checkRequiredFields()
        return body
    }

    /// Decodes the body and verifies the signature against the origin's key.
    /// - Throws: ``WireError`` `.badSignature` naming the origin, seq and key fingerprint when the signature fails;
    ///   any decoding error of the body.
    public func verifiedBody(originKey: Ed25519.PublicKey, limits: DecodeLimits = .default) throws(WireError) -> EventBody {
        let decoded = try decodedBody(limits: limits)
        guard originKey.isValidSignature(signature, for: body) else {
            throw WireError(.badSignature, "signature of \(decoded.origin) #\(decoded.seq) does not verify against "
                            + "key \(originKey.fingerprint)")
        }
        return decoded
    }
}

extension EventBody {
    /// Checks the fields every event must carry: origin, seq ≥ 1, a 32-byte prev_hash after seq 1 (none at seq 1),
    /// a scope and a kind.
    /// - Throws: ``WireError`` `.missingField` naming the field.
    public func checkRequiredFields() throws(WireError) {
        if origin.isEmpty { throw WireError(.missingField, "event has no origin", fieldNumber: 1) }
        if seq == 0 { throw WireError(.missingField, "event of \(origin) has seq 0; sequences start at 1", fieldNumber: 2) }
        if seq == 1 && !prevHash.isEmpty {
            throw WireError(.missingField, "event \(origin) #1 must have an empty prev_hash", fieldNumber: 3)
        }
        if seq > 1 && prevHash.count != SHA256.byteCount {
            throw WireError(.missingField, "event \(origin) #\(seq) needs a 32-byte prev_hash, has \(prevHash.count) bytes",
                            fieldNumber: 3)
        }
        if scope?.target == nil { throw WireError(.missingField, "event \(origin) #\(seq) has no scope", fieldNumber: 5) }
        if kind == .unspecified { throw WireError(.missingField, "event \(origin) #\(seq) has no kind", fieldNumber: 6) }
    }
}

/// The hash chain of one origin's events: seq = previous + 1 and prev_hash = hash of the previous SignedEvent.
public enum EventChain {
    /// The link a next event must continue: the previous event's seq and hash (nil before the first event).
    public struct Link: Sendable, Hashable {
        public var seq: UInt64
        public var hash: [UInt8]
        public init(seq: UInt64, hash: [UInt8]) {
            self.seq = seq
            self.hash = hash
        }
    }

    /// Checks that `next` (of `origin`) directly follows `previous`.
    /// - Throws: ``WireError`` `.chainOrigin`, `.chainSeqGap` (naming the expected and found seq) or
    ///   `.chainPrevHash` (naming both hashes).
    public static func check(_ next: EventBody, follows previous: Link?, origin: String) throws(WireError) {
        if next.origin != origin {
            throw WireError(.chainOrigin, "event of \(next.origin) in the chain of \(origin)")
        }
        let expected = (previous?.seq ?? 0) + 1
        if next.seq != expected {
            throw WireError(.chainSeqGap, "\(origin): expected seq \(expected), found \(next.seq)", fieldNumber: 2)
        }
        let expectedHash = previous?.hash ?? []
        if next.prevHash != expectedHash {
            throw WireError(.chainPrevHash, "\(origin) #\(next.seq): prev_hash \(hexString(next.prevHash.prefix(8)))… "
                            + "is not the hash of #\(expected - 1) (\(hexString(expectedHash.prefix(8)))…)", fieldNumber: 3)
        }
    }

    /// Checks a contiguous run of one origin's events and authenticates it with one signature: the hash links tie
    /// every event to the last one, whose signature is verified (shared/DESIGN.md §6).
    ///
    /// - Returns: the decoded bodies, in order.
    /// - Throws: the first ``WireError`` found; nothing is returned for a run that fails anywhere.
    public static func authenticateRun(_ events: [SignedEvent], follows previous: Link?, origin: String,
                                       originKey: Ed25519.PublicKey) throws(WireError) -> [EventBody] {
        guard let last = events.last else { return [] }
        var bodies: [EventBody] = []
        bodies.reserveCapacity(events.count)
        var link = previous
        for event in events {
            let body = try event.decodedBody()
            try check(body, follows: link, origin: origin)
            link = Link(seq: body.seq, hash: event.hash)
            bodies.append(body)
        }
        guard originKey.isValidSignature(last.signature, for: last.body) else {
            throw WireError(.badSignature, "signature of \(origin) #\(bodies.last!.seq) (last of a run of \(events.count)) "
                            + "does not verify against key \(originKey.fingerprint)")
        }
        return bodies
    }
}
