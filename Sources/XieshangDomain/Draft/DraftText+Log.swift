// The operation log of a DraftText: every replica's operations, compacted, and their export as DraftOps.

extension DraftText {
    /// Appends an insertion to `agent`'s log, extending the last operation when the new characters continue it.
    mutating func appendInsertToLog(agent: Int32, seq: Int32, len: Int32, left: Int64, right: Int64) {
        let a = Int(agent)
        if let last = log[a].last, !last.isDelete, last.seq + last.len == seq, last.right == right,
           left == Self.pack(agent, seq - 1) {
            log[a][log[a].count - 1].len += len
            return
        }
        log[a].append(LoggedOp(seq: seq, len: len, isDelete: false, left: left, right: right,
                               targetStart: 0, targetCount: 0))
    }

    /// Appends a deletion to `agent`'s log; consecutive deletions of one replica become one operation, and
    /// adjacent spans (typing Delete forwards, Backspace backwards) become one span.
    mutating func appendDeleteToLog(agent: Int32, seq: Int32, len: Int32, spans: [Target]) {
        let a = Int(agent)
        var spans = spans[...]
        if let last = log[a].last, last.isDelete, last.seq + last.len == seq,
           Int(last.targetStart + last.targetCount) == targets[a].count, let first = spans.first,
           let merged = Self.merge(targets[a][targets[a].count - 1], first) {
            targets[a][targets[a].count - 1] = merged
            spans = spans.dropFirst()
            targets[a].append(contentsOf: spans)
            log[a][log[a].count - 1].len += len
            log[a][log[a].count - 1].targetCount += Int32(spans.count)
            return
        }
        if let last = log[a].last, last.isDelete, last.seq + last.len == seq,
           Int(last.targetStart + last.targetCount) == targets[a].count {
            targets[a].append(contentsOf: spans)
            log[a][log[a].count - 1].len += len
            log[a][log[a].count - 1].targetCount += Int32(spans.count)
            return
        }
        log[a].append(LoggedOp(seq: seq, len: len, isDelete: true, left: Self.noID, right: Self.noID,
                               targetStart: Int32(targets[a].count), targetCount: Int32(spans.count)))
        targets[a].append(contentsOf: spans)
    }

    /// One span for `t` followed by `u` (in the deleting operation's order), when they are adjacent characters.
    static func merge(_ t: Target, _ u: Target) -> Target? {
        guard agentOf(t.id) == agentOf(u.id) else { return nil }
        if (!t.reversed || t.len == 1) && (!u.reversed || u.len == 1) && u.id == t.id + Int64(t.len) {
            return Target(id: t.id, len: t.len + u.len, reversed: false)
        }
        if (t.reversed || t.len == 1) && (u.reversed || u.len == 1) && u.id + Int64(u.len) == t.id {
            return Target(id: u.id, len: t.len + u.len, reversed: true)
        }
        return nil
    }

    /// Number of operations in the log (after compaction), over all replicas.
    public var operationCount: Int { log.reduce(0) { $0 + $1.count } }

    /// The operations this replica holds beyond `version` (and within `limit`, when given), in an order in which
    /// they can be applied: per replica in sequence order, replicas in byte order of their node ids.
    public func ops(since version: DraftVersion, upTo limit: DraftVersion? = nil) -> [DraftOp] {
        var out: [DraftOp] = []
        let agents = (0..<names.count).sorted { nameBytes[$0].lexicographicallyPrecedes(nameBytes[$1]) }
        for a in agents {
            var end = scalars[a].count
            if let limit { end = min(end, Int(limit[names[a]])) }
            appendOps(agent: a, from: Int(version[names[a]]), to: end, into: &out)
        }
        return out
    }

    /// The operations of one replica that occupy its sequence numbers `from ..< to` (cut at both ends as needed;
    /// fewer when this replica holds fewer).
    public func ops(of replica: String, from: UInt32, to: UInt32) -> [DraftOp] {
        var out: [DraftOp] = []
        if let a = agentOf[replica] { appendOps(agent: Int(a), from: Int(from), to: Int(to), into: &out) }
        return out
    }

    /// Appends the exported operations of agent `a` covering `from ..< to`.
    @_spi(EditingTraces) public func appendOps(agent a: Int, from have: Int, to limit: Int, into out: inout [DraftOp]) {
        let end = min(limit, scalars[a].count)
        guard have < end else { return }
        let entries = log[a]
        // Binary search for the operation containing `have`.
        var lo = 0, hi = entries.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if Int(entries[mid].seq) <= have { lo = mid } else { hi = mid - 1 }
        }
        var i = lo
        while i < entries.count && Int(entries[i].seq) < end {
            out.append(export(agent: a, entries[i], from: max(have, Int(entries[i].seq)), to: end))
            i += 1
        }
    }

    /// A logged operation as a ``DraftOp``, cut to sequence numbers `from ..< to`.
    func export(agent a: Int, _ entry: LoggedOp, from: Int, to: Int) -> DraftOp {
        func charID(_ id: Int64) -> DraftCharID? {
            id == Self.noID ? nil : DraftCharID(replica: names[Int(Self.agentOf(id))], seq: UInt32(Self.seqOf(id)))
        }
        let op: DraftOp
        if entry.isDelete {
            let spans = targets[a][Int(entry.targetStart)..<Int(entry.targetStart + entry.targetCount)].map {
                DraftDeleteSpan(replica: names[Int(Self.agentOf($0.id))], seq: UInt32(Self.seqOf($0.id)),
                                length: UInt32($0.len), reversed: $0.reversed)
            }
            op = DraftOp(replica: names[a], seq: UInt32(entry.seq), edit: .delete(spans))
        } else {
            var view = String.UnicodeScalarView()
            let chars = scalars[a]
            let lo = max(from, Int(entry.seq)), hi = min(to, Int(entry.seq + entry.len))
            for s in lo..<hi { view.append(Unicode.Scalar(chars[s]).unsafelyUnwrapped) }
            let left = lo > Int(entry.seq) ? charID(Self.pack(Int32(a), Int32(lo - 1))) : charID(entry.left)
            return DraftOp(replica: names[a], seq: UInt32(lo),
                           edit: .insert(text: String(view), left: left, right: charID(entry.right)))
        }
        let end = Int(entry.seq + entry.len)
        if from > Int(entry.seq) || to < end { return op.slice(from: UInt32(from), to: UInt32(min(to, end))) }
        return op
    }
}
