// Applying other replicas' operations to a DraftText: validation, causal buffering, integration.

extension DraftText {
    /// Applies operations from any replica, in any order.
    ///
    /// An operation whose replica's earlier operations or referenced characters have not arrived waits (see
    /// ``pendingCount``) and is applied as soon as they do. Operations already held, wholly or in part, are skipped.
    /// - Throws: ``DomainError/Code/malformedOperation`` for an operation that breaks the rules (it is dropped;
    ///   the others of the call are still applied), ``DomainError/Code/pendingOverflow`` when too many wait.
    public mutating func apply<S: Sequence>(_ ops: S) throws(DomainError) where S.Element == DraftOp {
        var firstError: DomainError?
        var queue: [DraftOp] = []
        for op in ops {
            do throws(DomainError) {
                try validate(op)
                queue.append(op)
            } catch {
                if firstError == nil { firstError = error }
            }
        }
        if waitingCount + queue.count > Self.maxPendingOperations {
            throw DomainError(.pendingOverflow,
                              "\(waitingCount + queue.count) draft operations would wait for missing dependencies "
                              + "(limit \(Self.maxPendingOperations)); send the earlier operations first")
        }
        // Work through the queue; an operation that must wait is filed under what it waits for, and comes back
        // into the queue when that arrives.
        var head = 0
        while head < queue.count {
            let op = queue[head]
            head += 1
            do throws(DomainError) {
                switch try integrate(op) {
                case .held:
                    break
                case .waiting(let key):
                    waiting[key, default: []].append(op)
                    waitingCount += 1
                case .applied(let from, let to):
                    if waitingCount == 0 { break }
                    for s in from..<to {
                        if let woken = waiting.removeValue(forKey: WaitKey(replica: op.replica, seq: s)) {
                            waitingCount -= woken.count
                            queue.append(contentsOf: woken)
                        }
                    }
                }
            } catch {
                if firstError == nil { firstError = error }
            }
            if head > 4096 && head * 2 > queue.count {
                queue.removeFirst(head)
                head = 0
            }
        }
        if let firstError { throw firstError }
    }

    /// Applies one operation.
    public mutating func apply(_ op: DraftOp) throws(DomainError) {
        try apply(CollectionOfOne(op))
    }

    /// Brings in every operation that `other` holds and this replica lacks (merging a fork back).
    public mutating func merge(from other: DraftText) throws(DomainError) {
        try apply(other.ops(since: version))
    }

    /// Checks the rules an operation must meet whatever the state of the replica.
    func validate(_ op: DraftOp) throws(DomainError) {
        func bad(_ why: String) -> DomainError {
            DomainError(.malformedOperation, "draft operation \(op.replica)@\(op.seq) \(why); "
                        + "the sending node produced an invalid operation and must be fixed", replica: op.replica)
        }
        func checkReplica(_ name: String) throws(DomainError) {
            let n = name.utf8.count
            if n == 0 || n > Self.maxReplicaIDBytes { throw bad("names a replica id of \(n) bytes (1–255 allowed)") }
        }
        try checkReplica(op.replica)
        let length = UInt64(op.length)
        if length == 0 { throw bad("is empty") }
        if UInt64(op.seq) + length > UInt64(Int32.max) { throw bad("runs past sequence number 2^31") }
        switch op.edit {
        case .insert(_, let left, let right):
            for id in [left, right].compactMap({ $0 }) {
                try checkReplica(id.replica)
                if id.seq >= UInt32(Int32.max) { throw bad("refers to sequence number \(id.seq)") }
                if id.replica == op.replica && id.seq >= op.seq { throw bad("refers to its own or a later character \(id)") }
            }
            if let left, left == right { throw bad("has the same left and right origin \(left)") }
        case .delete(let spans):
            for span in spans {
                try checkReplica(span.replica)
                if span.length == 0 { throw bad("deletes an empty span") }
                let end = UInt64(span.seq) + UInt64(span.length)
                if end > UInt64(Int32.max) { throw bad("deletes past sequence number 2^31") }
                if span.replica == op.replica && end > UInt64(op.seq) {
                    throw bad("deletes its own or a later character \(span.replica)@\(span.seq)")
                }
            }
        }
    }

    /// Whether the character `(agent, seq)` is present (and not a delete's sequence number).
    private func isCharacter(_ agent: Int32, _ seq: Int32) -> Bool {
        leafOf[Int(agent)][Int(seq)] >= 0
    }

    /// What became of an operation offered to ``integrate(_:)``.
    enum Outcome {
        /// Applied; it added the replica's sequence numbers `from ..< to`.
        case applied(from: UInt32, to: UInt32)
        /// Already held entirely.
        case held
        /// Must wait for the given sequence number of a replica.
        case waiting(WaitKey)
    }

    /// Applies a validated operation if its dependencies are present.
    mutating func integrate(_ op: DraftOp) throws(DomainError) -> Outcome {
        guard let agent = agentOf[op.replica] else {
            if op.seq > 0 { return .waiting(WaitKey(replica: op.replica, seq: op.seq - 1)) }
            return try integrateKnown(op, agent: agent(for: op.replica))
        }
        return try integrateKnown(op, agent: agent)
    }

    private mutating func integrateKnown(_ whole: DraftOp, agent: Int32) throws(DomainError) -> Outcome {
        let have = UInt32(scalars[Int(agent)].count)
        let length = whole.length
        if whole.seq + length <= have { return .held }
        if whole.seq > have { return .waiting(WaitKey(replica: whole.replica, seq: whole.seq - 1)) }
        let op = whole.seq < have ? whole.slice(from: have, to: whole.seq + length) : whole
        func bad(_ why: String) -> DomainError {
            DomainError(.malformedOperation, "draft operation \(op.replica)@\(op.seq) \(why); "
                        + "the sending node produced an invalid operation and must be fixed", replica: op.replica)
        }
        // Resolves a referenced id: nil when its replica's operation has not arrived yet.
        var missing = WaitKey(replica: "", seq: 0)
        func resolve(_ id: DraftCharID?) throws(DomainError) -> Int64? {
            guard let id else { return Self.noID }
            guard let a = agentOf[id.replica], id.seq < UInt32(scalars[Int(a)].count) else {
                missing = WaitKey(replica: id.replica, seq: id.seq)
                return nil
            }
            if !isCharacter(a, Int32(id.seq)) { throw bad("refers to \(id), which is a deletion, not a character") }
            return Self.pack(a, Int32(id.seq))
        }
        switch op.edit {
        case .insert(let text, let leftID, let rightID):
            guard let left = try resolve(leftID), let right = try resolve(rightID) else { return .waiting(missing) }
            if left != Self.noID && right != Self.noID && orderKey(left) > orderKey(right) {
                throw bad("has its left origin after its right origin")
            }
            var values: [UInt32] = []
            values.reserveCapacity(Int(op.length))
            for s in text.unicodeScalars { values.append(s.value) }
            integrateInsert(agent: agent, values: values, left: left, right: right)
        case .delete(let spans):
            var resolved: [Target] = []
            for span in spans {
                guard let a = agentOf[span.replica],
                      UInt64(span.seq) + UInt64(span.length) <= UInt64(scalars[Int(a)].count) else {
                    return .waiting(WaitKey(replica: span.replica, seq: span.seq + span.length - 1))
                }
                for s in Int(span.seq)..<Int(span.seq + span.length) where !isCharacter(a, Int32(s)) {
                    throw bad("deletes \(span.replica)@\(s), which is a deletion, not a character")
                }
                resolved.append(Target(id: Self.pack(a, Int32(span.seq)), len: Int32(span.length),
                                       reversed: span.reversed))
            }
            integrateDelete(agent: agent, seq: Int32(op.seq), len: Int32(op.length), spans: resolved)
        }
        return .applied(from: have, to: whole.seq + length)
    }

    /// Integrates new characters of another replica between their origins (YATA with the FugueMax rule).
    mutating func integrateInsert(agent: Int32, values: [UInt32], left: Int64, right: Int64) {
        let c = leafCapacity
        let seq = Int32(scalars[Int(agent)].count)
        let n = Int32(values.count)
        // Make both origins run boundaries: a run ends at `left` and one starts at `right`.
        if left != Self.noID {
            let (leaf, idx, off) = locate(left)
            if off + 1 < Int(runs[leaf * c + idx].len) { _ = splitRun(leaf: leaf, idx: idx, at: off + 1) }
        }
        if right != Self.noID {
            let (leaf, idx, off) = locate(right)
            if off > 0 { _ = splitRun(leaf: leaf, idx: idx, at: off) }
        }
        var cursor: Position
        if left == Self.noID {
            cursor = Position(leaf: Int(order[0]), idx: 0)
        } else {
            let (leaf, idx, _) = locate(left)
            cursor = Position(leaf: leaf, idx: idx + 1)
        }
        if let p = runAt(cursor) { cursor = p }
        var dest = cursor
        var scanning = false
        var leftKey: Int64?
        var rightKey: Int64?
        while true {
            if !scanning { dest = cursor }
            if cursor.idx >= Int(leafCount[cursor.leaf]) { break }
            let other = runs[cursor.leaf * c + cursor.idx]
            if right != Self.noID && Self.pack(other.agent, other.seq) == right { break }
            if leftKey == nil { leftKey = left == Self.noID ? -1 : orderKey(left) }
            let otherLeft = other.left == Self.noID ? -1 : orderKey(other.left)
            if otherLeft < leftKey! { break }
            if otherLeft == leftKey! {
                if rightKey == nil { rightKey = right == Self.noID ? Int64.max : orderKey(right) }
                let otherRight = other.right == Self.noID ? Int64.max : orderKey(other.right)
                if otherRight < rightKey! {
                    scanning = true
                } else if otherRight == rightKey! {
                    if nameBytes[Int(agent)].lexicographicallyPrecedes(nameBytes[Int(other.agent)]) { break }
                    scanning = false
                } else {
                    scanning = false
                }
            }
            advance(&cursor.leaf, &cursor.idx)
        }
        scalars[Int(agent)].append(contentsOf: values)
        leafOf[Int(agent)].append(contentsOf: repeatElement(-1, count: values.count))
        place(agent: agent, seq: seq, len: n, left: left, right: right, at: dest)
        appendInsertToLog(agent: agent, seq: seq, len: n, left: left, right: right)
    }

    /// Applies another replica's deletion of the given spans.
    mutating func integrateDelete(agent: Int32, seq: Int32, len: Int32, spans: [Target]) {
        let c = leafCapacity
        for span in spans {
            let a = Self.agentOf(span.id)
            var s = Self.seqOf(span.id)
            var remaining = span.len
            while remaining > 0 {
                var (leaf, idx, off) = locate(agent: a, seq: s)
                let r = runs[leaf * c + idx]
                if r.deleted {
                    let skip = min(remaining, r.len - Int32(off))
                    s += skip
                    remaining -= skip
                    continue
                }
                if off > 0 {
                    let p = splitRun(leaf: leaf, idx: idx, at: off)
                    leaf = p.leaf; idx = p.idx; off = 0
                }
                let runLen = runs[leaf * c + idx].len
                let take = min(remaining, runLen)
                if take < runLen {
                    let p = splitRun(leaf: leaf, idx: idx, at: Int(take))
                    leaf = p.leaf; idx = p.idx - 1
                }
                markDeleted(leaf: leaf, idx: idx)
                s += take
                remaining -= take
            }
        }
        scalars[Int(agent)].append(contentsOf: repeatElement(0, count: Int(len)))
        leafOf[Int(agent)].append(contentsOf: repeatElement(-1, count: Int(len)))
        appendDeleteToLog(agent: agent, seq: seq, len: len, spans: spans)
    }
}
