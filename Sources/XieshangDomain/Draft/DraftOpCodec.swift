import XieshangWire

/// Converts batches of ``DraftOp`` to and from the protobuf message `xieshang.v1.DraftOperations`
/// (Protos/xieshang/v1/draft.proto; generated type ``DraftOperations`` in the wire module).
///
/// Node ids appear once per batch (``DraftOperations/replicas``) and operations refer to them by index, so a
/// typed run costs a few bytes beyond its text. Decoding is strict and total: any bytes give operations or a
/// ``DomainError`` with the offset and the wire module's error as its cause (never a crash), and sizes are bounded
/// by ``maxBatchBytes``.
public enum DraftOpCodec {
    /// Largest batch accepted when decoding.
    public static let maxBatchBytes = 16 << 20

    /// The encoded batch (deterministic protobuf encoding of ``message(_:)``).
    public static func encode(_ ops: [DraftOp]) -> [UInt8] {
        message(ops).serializedBytes()
    }

    /// Decodes a batch.
    /// - Throws: ``DomainError`` (`truncated`, `invalidEncoding`, `limitExceeded`, `malformedOperation`) with the
    ///   byte offset of the problem.
    public static func decode(_ bytes: [UInt8]) throws(DomainError) -> [DraftOp] {
        let batch: DraftOperations
        do {
            batch = try DraftOperations(serializedBytes: bytes, limits: DecodeLimits(maxMessageBytes: maxBatchBytes))
        } catch {
            let code: DomainError.Code
            switch error.code {
            case .truncated, .lengthPastEnd: code = .truncated
            case .lengthOverLimit: code = .limitExceeded
            default: code = .invalidEncoding
            }
            throw DomainError(code, "draft operation batch of \(bytes.count) bytes does not decode: \(error.message)",
                              offset: error.offset, cause: error)
        }
        return try ops(from: batch)
    }

    /// The protobuf message for a batch, to embed in an alliance event's payload.
    public static func message(_ ops: [DraftOp]) -> DraftOperations {
        var replicaIndex: [String: UInt32] = [:]
        var batch = DraftOperations()
        func index(_ name: String) -> UInt32 {
            if let i = replicaIndex[name] { return i }
            let i = UInt32(batch.replicas.count)
            batch.replicas.append(name)
            replicaIndex[name] = i
            return i
        }
        batch.operations.reserveCapacity(ops.count)
        for op in ops {
            var m = DraftOperation()
            m.replica = index(op.replica)
            m.seq = op.seq
            switch op.edit {
            case .insert(let text, let left, let right):
                m.text = text
                if let left {
                    m.leftReplica = index(left.replica) + 1
                    m.leftSeq = left.seq
                }
                if let right {
                    m.rightReplica = index(right.replica) + 1
                    m.rightSeq = right.seq
                }
            case .delete(let spans):
                m.deletes = spans.map {
                    DraftDeletedRun(replica: index($0.replica), seq: $0.seq, length: $0.length, reversed: $0.reversed)
                }
            }
            batch.operations.append(m)
        }
        return batch
    }

    /// The operations of a decoded batch.
    /// - Throws: ``DomainError`` when an index names no replica of the batch, or an operation neither inserts nor
    ///   deletes, or does both.
    public static func ops(from batch: DraftOperations) throws(DomainError) -> [DraftOp] {
        let replicas = batch.replicas
        func name(_ index: UInt32, op: Int) throws(DomainError) -> String {
            guard index < UInt32(replicas.count) else {
                throw DomainError(.invalidEncoding, "draft operation #\(op) of the batch names replica #\(index) but "
                                  + "the batch lists \(replicas.count) replicas")
            }
            return replicas[Int(index)]
        }
        var ops: [DraftOp] = []
        ops.reserveCapacity(batch.operations.count)
        for (i, m) in batch.operations.enumerated() {
            let who = try name(m.replica, op: i)
            let edit: DraftOp.Edit
            if !m.text.isEmpty {
                guard m.deletes.isEmpty else {
                    throw DomainError(.malformedOperation, "draft operation \(who)@\(m.seq) both inserts and deletes",
                                      replica: who)
                }
                let left = m.leftReplica == 0 ? nil
                    : DraftCharID(replica: try name(m.leftReplica - 1, op: i), seq: m.leftSeq)
                let right = m.rightReplica == 0 ? nil
                    : DraftCharID(replica: try name(m.rightReplica - 1, op: i), seq: m.rightSeq)
                edit = .insert(text: m.text, left: left, right: right)
            } else if !m.deletes.isEmpty {
                var spans: [DraftDeleteSpan] = []
                spans.reserveCapacity(m.deletes.count)
                for d in m.deletes {
                    spans.append(DraftDeleteSpan(replica: try name(d.replica, op: i), seq: d.seq, length: d.length,
                                                 reversed: d.reversed))
                }
                edit = .delete(spans)
            } else {
                throw DomainError(.malformedOperation, "draft operation \(who)@\(m.seq) neither inserts nor deletes",
                                  replica: who)
            }
            ops.append(DraftOp(replica: who, seq: m.seq, edit: edit))
        }
        return ops
    }
}
