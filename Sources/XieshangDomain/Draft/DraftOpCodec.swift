/// Encodes and decodes batches of ``DraftOp`` as the protobuf message `xieshang.v1.DraftOperations`
/// (Protos/xieshang/v1/draft.proto), byte for byte as a deterministic protobuf encoder would write it.
///
/// Written by hand until generated types exist; the encoding is the proto's, so the two interoperate. Decoding is
/// strict and total: any bytes give operations or a ``DomainError`` with the offset (never a crash), and sizes
/// are bounded by ``maxBatchBytes``.
public enum DraftOpCodec {
    /// Largest batch accepted when decoding.
    public static let maxBatchBytes = 16 << 20

    // MARK: Encoding

    /// The encoded batch.
    public static func encode(_ ops: [DraftOp]) -> [UInt8] {
        var replicaIndex: [String: UInt32] = [:]
        var replicas: [String] = []
        func index(_ name: String) -> UInt32 {
            if let i = replicaIndex[name] { return i }
            let i = UInt32(replicas.count)
            replicas.append(name)
            replicaIndex[name] = i
            return i
        }
        var body: [UInt8] = []
        var opBytes: [UInt8] = []
        var spanBytes: [UInt8] = []
        for op in ops {
            opBytes.removeAll(keepingCapacity: true)
            putUInt(&opBytes, field: 1, UInt64(index(op.replica)))
            putUInt(&opBytes, field: 2, UInt64(op.seq))
            switch op.edit {
            case .insert(let text, let left, let right):
                putBytes(&opBytes, field: 3, Array(text.utf8))
                if let left {
                    putUInt(&opBytes, field: 4, UInt64(index(left.replica)) + 1)
                    putUInt(&opBytes, field: 5, UInt64(left.seq))
                }
                if let right {
                    putUInt(&opBytes, field: 6, UInt64(index(right.replica)) + 1)
                    putUInt(&opBytes, field: 7, UInt64(right.seq))
                }
            case .delete(let spans):
                for span in spans {
                    spanBytes.removeAll(keepingCapacity: true)
                    putUInt(&spanBytes, field: 1, UInt64(index(span.replica)))
                    putUInt(&spanBytes, field: 2, UInt64(span.seq))
                    putUInt(&spanBytes, field: 3, UInt64(span.length))
                    putUInt(&spanBytes, field: 4, span.reversed ? 1 : 0)
                    putBytes(&opBytes, field: 8, spanBytes)
                }
            }
            putBytes(&body, field: 2, opBytes)
        }
        var out: [UInt8] = []
        out.reserveCapacity(body.count + replicas.count * 16)
        for name in replicas { putBytes(&out, field: 1, Array(name.utf8)) }
        out.append(contentsOf: body)
        return out
    }

    private static func putVarint(_ out: inout [UInt8], _ value: UInt64) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    /// A varint field; proto3 omits zero values.
    private static func putUInt(_ out: inout [UInt8], field: Int, _ value: UInt64) {
        guard value != 0 else { return }
        putVarint(&out, UInt64(field << 3))
        putVarint(&out, value)
    }

    /// A length-delimited field; proto3 omits empty strings, but message fields are always written.
    private static func putBytes(_ out: inout [UInt8], field: Int, _ bytes: [UInt8]) {
        putVarint(&out, UInt64(field << 3 | 2))
        putVarint(&out, UInt64(bytes.count))
        out.append(contentsOf: bytes)
    }

    // MARK: Decoding

    /// Decodes a batch.
    /// - Throws: ``DomainError`` (`truncated`, `invalidEncoding`, `limitExceeded`, `malformedOperation`) with the
    ///   byte offset of the problem.
    public static func decode(_ bytes: [UInt8]) throws(DomainError) -> [DraftOp] {
        guard bytes.count <= maxBatchBytes else {
            throw DomainError(.limitExceeded, "draft operation batch of \(bytes.count) bytes exceeds the limit of "
                              + "\(maxBatchBytes); send smaller batches")
        }
        var reader = Reader(bytes: bytes, position: 0, end: bytes.count)
        var replicas: [String] = []
        var raw: [(start: Int, end: Int)] = []
        while !reader.atEnd {
            let (field, wireType) = try reader.tag()
            switch (field, wireType) {
            case (1, 2): replicas.append(try reader.string())
            case (2, 2):
                let (s, e) = try reader.lengthDelimited()
                raw.append((s, e))
            default: try reader.skip(wireType)
            }
        }
        var ops: [DraftOp] = []
        ops.reserveCapacity(raw.count)
        for (s, e) in raw {
            var r = Reader(bytes: bytes, position: s, end: e)
            ops.append(try decodeOperation(&r, replicas: replicas))
        }
        return ops
    }

    private static func decodeOperation(_ r: inout Reader, replicas: [String]) throws(DomainError) -> DraftOp {
        let start = r.position
        var replica: UInt64 = 0, seq: UInt64 = 0
        var text: String?
        var leftReplica: UInt64 = 0, leftSeq: UInt64 = 0, rightReplica: UInt64 = 0, rightSeq: UInt64 = 0
        var spans: [DraftDeleteSpan] = []
        func name(_ index: UInt64, at offset: Int) throws(DomainError) -> String {
            guard index < UInt64(replicas.count) else {
                throw DomainError(.invalidEncoding, "draft operation names replica #\(index) but the batch lists "
                                  + "\(replicas.count) replicas", offset: offset)
            }
            return replicas[Int(index)]
        }
        while !r.atEnd {
            let offset = r.position
            let (field, wireType) = try r.tag()
            switch (field, wireType) {
            case (1, 0): replica = try r.varint()
            case (2, 0): seq = try r.uint32()
            case (3, 2): text = try r.string()
            case (4, 0): leftReplica = try r.varint()
            case (5, 0): leftSeq = try r.uint32()
            case (6, 0): rightReplica = try r.varint()
            case (7, 0): rightSeq = try r.uint32()
            case (8, 2):
                let (s, e) = try r.lengthDelimited()
                var sr = Reader(bytes: r.bytes, position: s, end: e)
                var sReplica: UInt64 = 0, sSeq: UInt64 = 0, sLength: UInt64 = 0, sReversed: UInt64 = 0
                while !sr.atEnd {
                    let (f, w) = try sr.tag()
                    switch (f, w) {
                    case (1, 0): sReplica = try sr.varint()
                    case (2, 0): sSeq = try sr.uint32()
                    case (3, 0): sLength = try sr.uint32()
                    case (4, 0): sReversed = try sr.varint()
                    default: try sr.skip(w)
                    }
                }
                spans.append(DraftDeleteSpan(replica: try name(sReplica, at: offset), seq: UInt32(sSeq),
                                             length: UInt32(sLength), reversed: sReversed != 0))
            default: try r.skip(wireType)
            }
        }
        let who = try name(replica, at: start)
        let edit: DraftOp.Edit
        if let text, !text.isEmpty {
            guard spans.isEmpty else {
                throw DomainError(.malformedOperation, "draft operation \(who)@\(seq) both inserts and deletes",
                                  replica: who, offset: start)
            }
            let left = leftReplica == 0 ? nil
                : DraftCharID(replica: try name(leftReplica - 1, at: start), seq: UInt32(leftSeq))
            let right = rightReplica == 0 ? nil
                : DraftCharID(replica: try name(rightReplica - 1, at: start), seq: UInt32(rightSeq))
            edit = .insert(text: text, left: left, right: right)
        } else if !spans.isEmpty {
            edit = .delete(spans)
        } else {
            throw DomainError(.malformedOperation, "draft operation \(who)@\(seq) neither inserts nor deletes",
                              replica: who, offset: start)
        }
        return DraftOp(replica: who, seq: UInt32(seq), edit: edit)
    }

    /// A bounds-checked protobuf reader over `bytes[position ..< end]`.
    private struct Reader {
        let bytes: [UInt8]
        var position: Int
        let end: Int

        var atEnd: Bool { position >= end }

        mutating func varint() throws(DomainError) -> UInt64 {
            let start = position
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                guard position < end else {
                    throw DomainError(.truncated, "draft operation batch ends inside a varint", offset: start)
                }
                let b = bytes[position]
                position += 1
                if shift == 63 && b > 1 {
                    throw DomainError(.invalidEncoding, "varint overflows 64 bits", offset: start)
                }
                value |= UInt64(b & 0x7F) << shift
                if b & 0x80 == 0 { return value }
                shift += 7
                if shift > 63 { throw DomainError(.invalidEncoding, "varint longer than 10 bytes", offset: start) }
            }
        }

        mutating func uint32() throws(DomainError) -> UInt64 {
            let start = position
            let v = try varint()
            guard v <= UInt64(UInt32.max) else {
                throw DomainError(.invalidEncoding, "value \(v) does not fit a uint32 field", offset: start)
            }
            return v
        }

        mutating func tag() throws(DomainError) -> (field: Int, wireType: Int) {
            let start = position
            let t = try varint()
            let field = t >> 3
            guard field != 0, field <= 0x1FFF_FFFF else {
                throw DomainError(.invalidEncoding, "field number \(field) is not allowed", offset: start)
            }
            return (Int(field), Int(t & 7))
        }

        mutating func lengthDelimited() throws(DomainError) -> (Int, Int) {
            let start = position
            let n = try varint()
            guard n <= UInt64(end - position) else {
                throw DomainError(.truncated, "length \(n) runs past the end of the enclosing message", offset: start)
            }
            let s = position
            position += Int(n)
            return (s, position)
        }

        mutating func string() throws(DomainError) -> String {
            let start = position
            let (s, e) = try lengthDelimited()
            guard let text = String(validating: bytes[s..<e], as: UTF8.self) else {
                throw DomainError(.invalidEncoding, "string field is not valid UTF-8", offset: start)
            }
            return text
        }

        mutating func skip(_ wireType: Int) throws(DomainError) {
            let start = position
            switch wireType {
            case 0: _ = try varint()
            case 1, 5:
                let n = wireType == 1 ? 8 : 4
                guard end - position >= n else {
                    throw DomainError(.truncated, "fixed-width field runs past the end", offset: start)
                }
                position += n
            case 2: _ = try lengthDelimited()
            default:
                throw DomainError(.invalidEncoding, "wire type \(wireType) is not allowed", offset: start)
            }
        }
    }
}
