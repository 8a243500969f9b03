/// Splits an HTTP/2 DATA byte stream into gRPC messages: 1 flag byte, a 4-byte big-endian length, the message.
///
/// The length prefix is checked against the limit as soon as its 5 bytes arrive, so a prefix claiming 4 GiB is
/// refused before a single body byte is buffered. A compressed message (flag 1) is refused because this transport
/// negotiates no compression. The deframer holds at most one partial message.
struct MessageDeframer {
    /// Why a stream's bytes cannot be read as messages.
    enum Failure: Equatable {
        /// The prefix announced `length` bytes, over `limit`.
        case tooLarge(length: UInt64, limit: Int)
        /// The compressed flag was set.
        case compressed
        /// A flag byte other than 0 or 1.
        case badFlag(UInt8)
    }

    let maxMessageBytes: Int
    private var header: [UInt8] = []
    private var body: [UInt8] = []
    private var expected = -1

    init(maxMessageBytes: Int) { self.maxMessageBytes = maxMessageBytes }

    /// Whether bytes of an unfinished message are held (a stream that ends now is truncated).
    var hasPartialMessage: Bool { !header.isEmpty || expected >= 0 }

    /// Memory held for the unfinished message (its buffer's capacity, not only the bytes received).
    var bufferedBytes: Int { header.count + body.capacity }

    /// Appends `bytes` and calls `emit` for each completed message.
    /// - Returns: the failure that stopped parsing, or nil.
    mutating func append(_ bytes: UnsafeRawBufferPointer, emit: ([UInt8]) -> Void) -> Failure? {
        var i = 0
        let n = bytes.count
        while i < n {
            if expected < 0 {
                // Fast path: a whole prefix available in this chunk.
                if header.isEmpty && n - i >= 5 {
                    let flag = bytes[i]
                    let len = UInt64(bytes[i + 1]) << 24 | UInt64(bytes[i + 2]) << 16 | UInt64(bytes[i + 3]) << 8
                        | UInt64(bytes[i + 4])
                    i += 5
                    if let failure = check(flag: flag, length: len) { return failure }
                    expected = Int(len)
                } else {
                    header.append(bytes[i])
                    i += 1
                    if header.count == 5 {
                        let len = UInt64(header[1]) << 24 | UInt64(header[2]) << 16 | UInt64(header[3]) << 8
                            | UInt64(header[4])
                        let flag = header[0]
                        header.removeAll(keepingCapacity: true)
                        if let failure = check(flag: flag, length: len) { return failure }
                        expected = Int(len)
                    } else {
                        continue
                    }
                }
                if expected == 0 {
                    emit([])
                    expected = -1
                    continue
                }
            }
            let take = min(expected - body.count, n - i)
            if take == 0 { break }  // the chunk ended right after a prefix; the body comes in the next one
            if body.isEmpty && take == expected {
                emit(Array(UnsafeRawBufferPointer(rebasing: bytes[i..<(i + take)])))
                expected = -1
            } else {
                // No reservation of what the prefix announced: a prefix is a claim, and a peer that sends a few bytes
                // of many large messages must not make the server allocate them all. The buffer grows with what
                // arrives (capacity at most twice the bytes held).
                body.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[i..<(i + take)]))
                if body.count == expected {
                    emit(body)
                    body = []
                    expected = -1
                }
            }
            i += take
        }
        return nil
    }

    private func check(flag: UInt8, length: UInt64) -> Failure? {
        if flag == 1 { return .compressed }
        if flag != 0 { return .badFlag(flag) }
        if length > UInt64(maxMessageBytes) { return .tooLarge(length: length, limit: maxMessageBytes) }
        return nil
    }
}

/// gRPC's length-prefixed message framing on the sending side.
enum MessageFramer {
    /// `message` with its 5-byte prefix (uncompressed).
    static func frame(_ message: [UInt8]) -> [UInt8] {
        var out = [UInt8](unsafeUninitializedCapacity: message.count + 5) { buf, count in
            let n = UInt32(truncatingIfNeeded: message.count)
            buf[0] = 0
            buf[1] = UInt8(truncatingIfNeeded: n >> 24)
            buf[2] = UInt8(truncatingIfNeeded: n >> 16)
            buf[3] = UInt8(truncatingIfNeeded: n >> 8)
            buf[4] = UInt8(truncatingIfNeeded: n)
            count = 5
        }
        out.append(contentsOf: message)
        return out
    }
}
