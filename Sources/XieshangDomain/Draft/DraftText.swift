/// The replicated text of a joint draft (联名提案草稿正文): a sequence CRDT over Unicode scalars.
///
/// **Algorithm.** Insertions are integrated with YATA's left/right-origin scheme (Nicolaescu, Jahns, Derntl,
/// Klamma: "Near Real-Time Peer-to-Peer Shared Editing on Extensible Data Types", GROUP 2016) in the variant
/// that Weidner and Kleppmann show to be *FugueMax* ("The Art of the Fugue: Minimizing Interleaving in
/// Collaborative Text Editing", IEEE TPDS 2025, arXiv:2305.00583; known as "YjsMod" in Gentle's reference-crdts).
/// Each character records the character to its left and the character to its right at the moment it was typed;
/// concurrent insertions between the same two origins are ordered by comparing the byte strings of the inserting
/// replicas' node ids. Deleted characters stay as tombstones so later operations can still refer to them.
///
/// **Identity and order.** Replica ids are node ids (strings). Locally each is mapped to a compact integer agent in
/// order of first appearance, which differs from node to node; nothing in the merge order depends on those
/// integers — only on node-id bytes and on the structure of origins — so every node shows the same text.
///
/// **Operations** (``DraftOp``) are compact: a run of typed characters is one insert, a range of deletions is one
/// delete. ``apply(_:)`` takes operations in any order: an operation waits until its replica's earlier operations
/// and every character it refers to are present; duplicates and already-held prefixes are skipped.
///
/// **Data structure.** Characters live in run-length encoded runs (one run per stretch of consecutive
/// characters of one replica typed left to right), kept in fixed-capacity leaves whose document order is an
/// array of leaf numbers with per-leaf visible counts. Local edits find their position from a cursor cached at the
/// last edited leaf (editing is local, so this is usually O(1) leaves), and remote operations find characters by
/// id through a per-replica map from sequence number to leaf. Value semantics give cheap forks: `var b = a`.
public struct DraftText: Sendable {
    /// Runs per leaf (64; tests use small leaves to exercise leaf splits on small texts).
    let leafCapacity: Int
    /// Packed id of "no character": the document start as a left origin, the end as a right origin.
    static let noID: Int64 = -1
    /// Operations that may wait for their dependencies at once; more is a peer misbehaving.
    public static let maxPendingOperations = 100_000
    /// Longest node id accepted, in UTF-8 bytes.
    public static let maxReplicaIDBytes = 255

    /// A stretch of `len` characters of `agent` with consecutive sequence numbers from `seq`, each one's left
    /// origin being the previous one; `left` is the first character's left origin, `right` every character's
    /// right origin.
    struct Run {
        var agent: Int32
        var seq: Int32
        var len: Int32
        var deleted: Bool
        var left: Int64
        var right: Int64
    }

    /// A location between or at runs: run `idx` of `leaf` (`idx == leafCount[leaf]` is the end of the leaf).
    struct Position {
        var leaf: Int
        var idx: Int
    }

    /// An entry of a replica's operation log; the inserted scalars live in `scalars`, deleted spans in `targets`.
    struct LoggedOp {
        var seq: Int32
        var len: Int32
        var isDelete: Bool
        var left: Int64
        var right: Int64
        var targetStart: Int32
        var targetCount: Int32
    }

    /// A deleted span (packed id of its first character, length, direction); see ``DraftDeleteSpan``.
    struct Target {
        var id: Int64
        var len: Int32
        var reversed: Bool
    }

    // MARK: Runs in leaves

    /// Run slots, `leafCapacity` per leaf; leaf `l` uses `runs[l * leafCapacity ..< l * leafCapacity + leafCount[l]]`.
    var runs: [Run]
    /// Runs used in each leaf.
    var leafCount: [Int32]
    /// Visible (not deleted) characters in each leaf.
    var leafVisible: [Int32]
    /// Leaf numbers in document order.
    var order: [Int32]
    /// Position of each leaf in `order`.
    var orderIndex: [Int32]
    /// Cached position in `order` of the last leaf found by visible position…
    var cursorOrder = 0
    /// …and the number of visible characters before it.
    var cursorVisibleBefore = 0

    // MARK: Replicas

    /// Node id of each agent.
    var names: [String] = []
    /// UTF-8 of each agent's node id, for the tie-break.
    var nameBytes: [[UInt8]] = []
    /// Agent of each known node id.
    var agentOf: [String: Int32] = [:]
    /// Per agent and sequence number: the inserted scalar (0 for a sequence number that a delete used).
    @_spi(EditingTraces) public internal(set) var scalars: [[UInt32]] = []
    /// Per agent and sequence number: the leaf holding that character, or -1 for a delete's sequence number.
    var leafOf: [[Int32]] = []

    // MARK: Operation log

    /// Per agent: its operations, contiguous in sequence numbers from 0.
    var log: [[LoggedOp]] = []
    /// Per agent: spans of its delete operations.
    var targets: [[Target]] = []
    /// What a waiting operation waits for: the character or sequence number `seq` of `replica`.
    struct WaitKey: Hashable {
        var replica: String
        var seq: UInt32
    }

    /// Operations waiting for dependencies, by the sequence number whose arrival lets them proceed.
    var waiting: [WaitKey: [DraftOp]] = [:]
    /// Number of operations in `waiting`.
    var waitingCount = 0

    /// Node id of this replica: local edits are made under it.
    public private(set) var replica: String
    /// Agent of this replica.
    var localAgent: Int32
    /// Number of visible Unicode scalars.
    public internal(set) var count = 0

    /// An empty text edited locally as `replica` (a node id).
    public init(replica: String) {
        self.init(replica: replica, leafCapacity: 64)
    }

    /// An empty text with `leafCapacity` runs per leaf (at least 4, even).
    init(replica: String, leafCapacity: Int) {
        precondition(leafCapacity >= 4 && leafCapacity % 2 == 0, "leaf capacity must be even and at least 4")
        self.replica = replica
        self.leafCapacity = leafCapacity
        let c = leafCapacity
        runs = Array(repeating: Run(agent: 0, seq: 0, len: 0, deleted: false, left: Self.noID, right: Self.noID),
                     count: c)
        leafCount = [0]
        leafVisible = [0]
        order = [0]
        orderIndex = [0]
        localAgent = 0
        _ = agent(for: replica)
    }

    /// A copy of this replica's state that edits locally as `replica` (forking a peer from a known state).
    public func forked(as replica: String) -> DraftText {
        DraftText(replica: replica, copying: self)
    }

    private init(replica: String, copying other: DraftText) {
        self = other
        self.replica = replica
        if let a = agentOf[replica] {
            self.localAgent = a
        } else {
            self.localAgent = Int32(names.count)
            _ = agent(for: replica)
        }
    }

    /// The agent number of `name`, registering it on first sight.
    @_spi(EditingTraces) public mutating func agent(for name: String) -> Int32 {
        if let a = agentOf[name] { return a }
        let a = Int32(names.count)
        names.append(name)
        nameBytes.append(Array(name.utf8))
        agentOf[name] = a
        scalars.append([])
        leafOf.append([])
        log.append([])
        targets.append([])
        return a
    }

    /// Packs an (agent, seq) pair into one integer.
    @inline(__always) static func pack(_ agent: Int32, _ seq: Int32) -> Int64 {
        Int64(agent) << 32 | Int64(UInt32(bitPattern: seq))
    }

    /// The agent of a packed id.
    @inline(__always) static func agentOf(_ id: Int64) -> Int32 { Int32(truncatingIfNeeded: id >> 32) }

    /// The sequence number of a packed id.
    @inline(__always) static func seqOf(_ id: Int64) -> Int32 { Int32(truncatingIfNeeded: id) }

    // MARK: Reading

    /// The visible text.
    public var text: String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(count + count / 2)
        forEachVisibleScalar { value in
            let scalar = Unicode.Scalar(value).unsafelyUnwrapped
            UTF8.encode(scalar) { utf8.append($0) }
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// The visible text as Unicode scalars.
    public var unicodeScalars: [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(count)
        forEachVisibleScalar { out.append(Unicode.Scalar($0).unsafelyUnwrapped) }
        return out
    }

    /// Calls `body` with every visible scalar value in document order.
    func forEachVisibleScalar(_ body: (UInt32) -> Void) {
        let c = leafCapacity
        for leaf in order {
            let base = Int(leaf) * c
            for i in 0..<Int(leafCount[Int(leaf)]) {
                let r = runs[base + i]
                if r.deleted { continue }
                let chars = scalars[Int(r.agent)]
                for s in Int(r.seq)..<Int(r.seq + r.len) { body(chars[s]) }
            }
        }
    }

    /// Which operations this replica holds: per node id, the number of its sequence numbers.
    public var version: DraftVersion {
        var counts: [String: UInt32] = [:]
        for (a, name) in names.enumerated() where !scalars[a].isEmpty {
            counts[name] = UInt32(scalars[a].count)
        }
        return DraftVersion(counts)
    }

    /// Number of operations received but waiting for operations they depend on.
    public var pendingCount: Int { waitingCount }

    /// Bytes held by the replica's arrays (runs, leaf tables, per-replica scalars and character map, operation
    /// log), counted from their capacities: the memory of the data structure without allocator overhead.
    public var storageByteCount: Int {
        var n = runs.capacity * MemoryLayout<Run>.stride
        n += (leafCount.capacity + leafVisible.capacity + order.capacity + orderIndex.capacity) * 4
        for a in 0..<names.count {
            n += scalars[a].capacity * 4 + leafOf[a].capacity * 4
            n += log[a].capacity * MemoryLayout<LoggedOp>.stride + targets[a].capacity * MemoryLayout<Target>.stride
        }
        return n
    }

    /// Number of runs (run-length encoded stretches, tombstones included): a measure of internal size.
    public var runCount: Int { leafCount.reduce(0) { $0 + Int($1) } }

    // MARK: Local edits

    /// Inserts `text` so that its first scalar becomes the scalar at `position` (counted in Unicode scalars).
    ///
    /// The edit becomes one operation in this replica's log; send it to the others with ``ops(since:upTo:)``.
    /// - Throws: ``DomainError/Code/positionOutOfRange`` when `position` is past the end of the text.
    public mutating func insert(_ text: String, at position: Int) throws(DomainError) {
        guard position >= 0 && position <= count else {
            throw DomainError(.positionOutOfRange,
                              "insert at scalar \(position) is outside the text of \(count) scalars; "
                              + "positions run from 0 to the text's length", replica: replica)
        }
        var values: [UInt32] = []
        for s in text.unicodeScalars { values.append(s.value) }
        if !values.isEmpty { localInsert(values, at: position) }
    }

    /// Deletes `length` scalars starting at `position`.
    ///
    /// The edit becomes one operation in this replica's log; send it to the others with ``ops(since:upTo:)``.
    /// - Throws: ``DomainError/Code/positionOutOfRange`` when the range is not inside the text.
    public mutating func delete(at position: Int, length: Int) throws(DomainError) {
        guard position >= 0, length >= 0, position + length <= count else {
            throw DomainError(.positionOutOfRange,
                              "delete of \(length) scalars at \(position) reaches past the text of \(count) scalars",
                              replica: replica)
        }
        if length > 0 { localDelete(at: position, length: length) }
    }

    /// Replaces `length` scalars at `position` by `text`: a deletion, then an insertion (as in the editing-traces
    /// corpus's patches `[position, deleted, inserted]`).
    public mutating func replace(at position: Int, length: Int, with text: String) throws(DomainError) {
        try delete(at: position, length: length)
        try insert(text, at: position)
    }

    /// Makes the text equal to `newText` with at most one deletion and one insertion: the scalars between the
    /// longest common prefix and the longest common suffix are replaced (editing a draft from a file).
    public mutating func setText(_ newText: String) {
        let old = unicodeScalars
        let new = Array(newText.unicodeScalars)
        var prefix = 0
        while prefix < old.count && prefix < new.count && old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix && suffix < new.count - prefix
            && old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        let deleted = old.count - prefix - suffix
        if deleted > 0 { localDelete(at: prefix, length: deleted) }
        let inserted = new[prefix..<(new.count - suffix)].map(\.value)
        if !inserted.isEmpty { localInsert(inserted, at: prefix) }
    }

    /// Local insertion of scalar values at a visible position (known to be valid). Returns the first seq used.
    @discardableResult
    @_spi(EditingTraces) public mutating func localInsert<Values: Collection>(_ values: Values, at position: Int) -> Int32
    where Values.Element == UInt32 {
        let agent = localAgent
        let seq = Int32(scalars[Int(agent)].count)
        let n = Int32(values.count)
        var pos: Position
        if position == count {
            let last = Int(order[order.count - 1])
            pos = Position(leaf: last, idx: Int(leafCount[last]))
        } else {
            let (leaf, idx, off) = locateVisible(position)
            pos = off > 0 ? splitRun(leaf: leaf, idx: idx, at: off) : Position(leaf: leaf, idx: idx)
        }
        let left = idBefore(pos)
        let right = idAt(pos)
        scalars[Int(agent)].append(contentsOf: values)
        leafOf[Int(agent)].append(contentsOf: repeatElement(-1, count: values.count))
        place(agent: agent, seq: seq, len: n, left: left, right: right, at: pos)
        appendInsertToLog(agent: agent, seq: seq, len: n, left: left, right: right)
        return seq
    }

    /// Local deletion of `length` visible scalars from `position` (known to be valid). Returns the first seq used.
    @discardableResult
    @_spi(EditingTraces) public mutating func localDelete(at position: Int, length: Int) -> Int32 {
        let agent = localAgent
        let seq = Int32(scalars[Int(agent)].count)
        var (leaf, idx, off) = locateVisible(position)
        var remaining = Int32(length)
        var spans: [Target] = []
        let c = leafCapacity
        while remaining > 0 {
            let r = runs[leaf * c + idx]
            if r.deleted || off >= Int(r.len) {
                advance(&leaf, &idx)
                off = 0
                continue
            }
            if off > 0 {
                let p = splitRun(leaf: leaf, idx: idx, at: off)
                leaf = p.leaf; idx = p.idx; off = 0
                continue
            }
            let take = min(remaining, r.len)
            if take < r.len {
                let p = splitRun(leaf: leaf, idx: idx, at: Int(take))
                leaf = p.leaf; idx = p.idx - 1
            }
            markDeleted(leaf: leaf, idx: idx)
            let id = Self.pack(r.agent, r.seq)
            if let last = spans.last, last.id &+ Int64(last.len) == id {
                spans[spans.count - 1].len += take
            } else {
                spans.append(Target(id: id, len: take, reversed: false))
            }
            remaining -= take
            if remaining > 0 { advance(&leaf, &idx) }
        }
        scalars[Int(agent)].append(contentsOf: repeatElement(0, count: length))
        leafOf[Int(agent)].append(contentsOf: repeatElement(-1, count: length))
        appendDeleteToLog(agent: agent, seq: seq, len: Int32(length), spans: spans)
        return seq
    }
}
