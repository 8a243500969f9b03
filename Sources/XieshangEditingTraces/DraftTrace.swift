@_spi(EditingTraces) import XieshangDomain

/// An editing trace in the format of the public editing-traces corpus (github.com/josephg/editing-traces), used to
/// test and measure ``DraftText`` on real editing sessions.
///
/// A trace has `startContent`, `endContent` and `txns`; each transaction has `patches` of the form
/// `[position, deletedCount, insertedText]` applied in sequence, positions counted in Unicode code points (scalars).
/// Concurrent traces (`"kind": "concurrent"`) also give each transaction its `agent` and its `parents` (indices of
/// earlier transactions whose merged state the transaction was made on). Parsing takes the decompressed JSON
/// bytes; reading and decompressing the file is the caller's job (this module does no I/O).
public struct DraftTrace: Sendable {
    /// One patch: delete `deleted` scalars at `position`, then insert the scalars `inserted` there.
    public struct Patch: Sendable {
        var positionValue: Int32
        var deletedValue: Int32
        var insertedStart: Int32
        var insertedEnd: Int32
        /// Position in Unicode scalars.
        public var position: Int { Int(positionValue) }
        /// Number of scalars deleted.
        public var deleted: Int { Int(deletedValue) }
        /// Range of the inserted scalars in ``DraftTrace/insertedScalars``.
        public var inserted: Range<Int> { Int(insertedStart)..<Int(insertedEnd) }
    }

    /// One transaction: patches by one agent on the state after its parents.
    public struct Transaction: Sendable {
        /// Indices of earlier transactions this one follows (concurrent traces; empty otherwise).
        public var parents: [Int]
        var agentValue: Int32
        var patchStart: Int32
        var patchEnd: Int32
        /// The agent (0 ..< agentCount) that made it.
        public var agent: Int { Int(agentValue) }
        /// Range of its patches in ``DraftTrace/patches``.
        public var patches: Range<Int> { Int(patchStart)..<Int(patchEnd) }
    }

    /// The text before the first transaction.
    public var startContent: String = ""
    /// The text every correct replay ends with.
    public var endContent: String = ""
    /// Whether transactions carry `parents` (a concurrent trace).
    public var isConcurrent = false
    /// Number of agents (1 for sequential traces).
    public var agentCount = 1
    /// The transactions in order.
    public var transactions: [Transaction] = []
    /// All patches, transaction after transaction.
    public var patches: [Patch] = []
    /// The inserted scalar values of all patches, end to end.
    public var insertedScalars: [UInt32] = []

    /// Parses a trace from its (decompressed) JSON bytes.
    /// - Throws: ``DomainError`` with the byte offset when the JSON is malformed or not a trace.
    public init(json: [UInt8]) throws(DomainError) {
        var reader = DraftTraceJSONReader(json)
        var trace = DraftTrace()
        try reader.object { (r, key) throws(DomainError) in
            switch key {
            case "startContent": trace.startContent = try r.string()
            case "endContent": trace.endContent = try r.string()
            case "kind": trace.isConcurrent = try r.string() == "concurrent"
            case "numAgents": trace.agentCount = try r.integer()
            case "txns": try r.array { (r) throws(DomainError) in try trace.readTransaction(&r) }
            default: try r.skipValue()
            }
        }
        guard trace.agentCount >= 1 && trace.agentCount <= 1_000 else {
            throw DomainError(.invalidEncoding, "editing trace names \(trace.agentCount) agents (1–1000 allowed)")
        }
        for (t, txn) in trace.transactions.enumerated() {
            guard txn.agent >= 0 && txn.agent < trace.agentCount, txn.parents.allSatisfy({ $0 >= 0 && $0 < t }) else {
                throw DomainError(.invalidEncoding,
                                  "editing trace transaction \(t) names an agent or a parent out of range")
            }
        }
        self = trace
    }

    private init() {}

    private mutating func readTransaction(_ r: inout DraftTraceJSONReader) throws(DomainError) {
        var txn = Transaction(parents: [], agentValue: 0, patchStart: Int32(patches.count), patchEnd: 0)
        try r.object { (r, key) throws(DomainError) in
            switch key {
            case "parents": try r.array { (r) throws(DomainError) in txn.parents.append(try r.integer()) }
            case "agent":
                let a = try r.integer()
                guard a >= 0 && a < 1_000 else { throw r.fail("agent \(a) out of range") }
                txn.agentValue = Int32(a)
            case "patches":
                try r.array { (r) throws(DomainError) in
                    var fields = 0
                    var patch = Patch(positionValue: 0, deletedValue: 0, insertedStart: Int32(insertedScalars.count),
                                      insertedEnd: Int32(insertedScalars.count))
                    try r.array { (r) throws(DomainError) in
                        switch fields {
                        case 0: patch.positionValue = try Self.small(r.integer())
                        case 1: patch.deletedValue = try Self.small(r.integer())
                        case 2:
                            try r.string(into: &insertedScalars)
                            patch.insertedEnd = try Self.small(insertedScalars.count)
                        default: try r.skipValue()
                        }
                        fields += 1
                    }
                    guard fields >= 3 else { throw r.fail("a patch is not [position, deleted, inserted]") }
                    patches.append(patch)
                }
            default: try r.skipValue()
            }
        }
        txn.patchEnd = Int32(patches.count)
        transactions.append(txn)
    }

    /// A patch field as a 32-bit value.
    private static func small(_ v: Int) throws(DomainError) -> Int32 {
        guard v >= 0 && v < Int(Int32.max) else {
            throw DomainError(.invalidEncoding, "editing trace patch field \(v) is out of range")
        }
        return Int32(v)
    }

    /// Number of patches (edits).
    public var editCount: Int { patches.count }

    /// Node id used for agent `a` when replaying.
    public static func replicaID(agent a: Int) -> String { "trace-agent-\(a)" }

    /// Applies one transaction's patches to `text` as local edits.
    func applyPatches(of txn: Transaction, to text: inout DraftText, index t: Int) throws(DomainError) {
        for p in patches[txn.patches] {
            guard p.position + p.deleted <= text.count else {
                throw DomainError(.positionOutOfRange,
                                  "trace transaction \(t) edits scalars \(p.position)..<\(p.position + p.deleted) "
                                  + "of a text of \(text.count); the trace does not fit this replay")
            }
            if p.deleted > 0 { text.localDelete(at: p.position, length: p.deleted) }
            if !p.inserted.isEmpty { text.localInsert(insertedScalars[p.inserted], at: p.position) }
        }
    }

    /// Replays every transaction in order on one replica (for sequential traces).
    public func replaySequential() throws(DomainError) -> DraftText {
        var text = DraftText(replica: Self.replicaID(agent: 0))
        if !startContent.isEmpty { try text.insert(startContent, at: 0) }
        for (t, txn) in transactions.enumerated() { try applyPatches(of: txn, to: &text, index: t) }
        return text
    }

    /// Replays a concurrent trace with one replica per agent: before each transaction, its agent's replica merges
    /// exactly the other replicas' operations that the transaction's parents include (as operations sent over the
    /// network), then makes the transaction's edits locally. At the end every replica merges everything.
    /// - Returns: the replicas, all holding every operation.
    public func replayConcurrent() throws(DomainError) -> [DraftText] {
        var replicas = (0..<agentCount).map { DraftText(replica: Self.replicaID(agent: $0)) }
        let names = (0..<agentCount).map { Self.replicaID(agent: $0) }
        // Version after each transaction, as per-agent counts of sequence numbers.
        var versions: [[UInt32]] = []
        versions.reserveCapacity(transactions.count)
        if !startContent.isEmpty {
            try replicas[0].insert(startContent, at: 0)
            for a in 1..<max(agentCount, 1) { try replicas[a].merge(from: replicas[0]) }
        }
        let start = (0..<agentCount).map { replicas[0].version[names[$0]] }
        // Each replica's local agent number for each trace agent (registered up front; numbering differs).
        var local: [[Int]] = []
        for r in 0..<agentCount {
            local.append((0..<agentCount).map { Int(replicas[r].agent(for: names[$0])) })
        }
        var incoming: [DraftOp] = []
        for (t, txn) in transactions.enumerated() {
            var need = txn.parents.isEmpty ? start : versions[txn.parents[0]]
            for p in txn.parents.dropFirst() {
                for a in 0..<agentCount { need[a] = max(need[a], versions[p][a]) }
            }
            let a = txn.agent
            incoming.removeAll(keepingCapacity: true)
            for b in 0..<agentCount where b != a {
                let have = replicas[a].scalars[local[a][b]].count
                // Agent b's own replica holds all of b's operations.
                replicas[b].appendOps(agent: local[b][b], from: have, to: Int(need[b]), into: &incoming)
            }
            if !incoming.isEmpty { try replicas[a].apply(incoming) }
            try applyPatches(of: txn, to: &replicas[a], index: t)
            need[a] = UInt32(replicas[a].scalars[local[a][a]].count)
            versions.append(need)
        }
        for a in 0..<agentCount {
            for b in 0..<agentCount where b != a { try replicas[a].merge(from: replicas[b]) }
        }
        return replicas
    }
}
