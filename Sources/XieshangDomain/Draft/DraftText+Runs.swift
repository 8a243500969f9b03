// The run storage of DraftText: fixed-capacity leaves of runs, their document order, and the cached cursor.

extension DraftText {
    /// Finds the `position`-th visible scalar (0-based, `position < count`): its leaf, run index and offset.
    /// Moves the cursor to that leaf.
    mutating func locateVisible(_ position: Int) -> (leaf: Int, idx: Int, off: Int) {
        var o = cursorOrder
        var before = cursorVisibleBefore
        while before > position {
            o -= 1
            before -= Int(leafVisible[Int(order[o])])
        }
        while true {
            let v = Int(leafVisible[Int(order[o])])
            if position < before + v { break }
            before += v
            o += 1
        }
        cursorOrder = o
        cursorVisibleBefore = before
        let leaf = Int(order[o])
        let base = leaf * leafCapacity
        var rem = position - before
        let visible = Int(leafVisible[leaf])
        if rem >= visible / 2 {
            // Closer to the end: scan backwards, counting visible scalars after the target.
            var after = visible - rem  // visible scalars from the target to the leaf's end, target included
            var i = Int(leafCount[leaf]) - 1
            while i >= 0 {
                let r = runs[base + i]
                if !r.deleted {
                    if after <= Int(r.len) { return (leaf, i, Int(r.len) - after) }
                    after -= Int(r.len)
                }
                i -= 1
            }
            preconditionFailure("DraftText: leaf visible count out of step with its runs")
        }
        for i in 0..<Int(leafCount[leaf]) {
            let r = runs[base + i]
            if r.deleted { continue }
            if rem < Int(r.len) { return (leaf, i, rem) }
            rem -= Int(r.len)
        }
        preconditionFailure("DraftText: leaf visible count out of step with its runs")
    }

    /// Finds the character `(agent, seq)`, which must be present: its leaf, run index and offset in the run.
    func locate(agent: Int32, seq: Int32) -> (leaf: Int, idx: Int, off: Int) {
        let leaf = Int(leafOf[Int(agent)][Int(seq)])
        let base = leaf * leafCapacity
        for i in 0..<Int(leafCount[leaf]) {
            let r = runs[base + i]
            if r.agent == agent && seq >= r.seq && seq < r.seq + r.len { return (leaf, i, Int(seq - r.seq)) }
        }
        preconditionFailure("DraftText: character map out of step with the runs")
    }

    /// Finds the character with packed id `id`.
    @inline(__always) func locate(_ id: Int64) -> (leaf: Int, idx: Int, off: Int) {
        locate(agent: Self.agentOf(id), seq: Self.seqOf(id))
    }

    /// An order key of a present character: keys compare like document positions (tombstones included).
    func orderKey(_ id: Int64) -> Int64 {
        let (leaf, idx, off) = locate(id)
        let base = leaf * leafCapacity
        var offset = off
        for i in 0..<idx { offset += Int(runs[base + i].len) }
        return Int64(orderIndex[leaf]) << 32 | Int64(offset)
    }

    /// The run before a position between runs, if any.
    func runBefore(_ pos: Position) -> Position? {
        if pos.idx > 0 { return Position(leaf: pos.leaf, idx: pos.idx - 1) }
        var o = Int(orderIndex[pos.leaf]) - 1
        while o >= 0 {
            let leaf = Int(order[o])
            let n = Int(leafCount[leaf])
            if n > 0 { return Position(leaf: leaf, idx: n - 1) }
            o -= 1
        }
        return nil
    }

    /// The run at or after a position between runs, if any.
    func runAt(_ pos: Position) -> Position? {
        if pos.idx < Int(leafCount[pos.leaf]) { return pos }
        var o = Int(orderIndex[pos.leaf]) + 1
        while o < order.count {
            let leaf = Int(order[o])
            if leafCount[leaf] > 0 { return Position(leaf: leaf, idx: 0) }
            o += 1
        }
        return nil
    }

    /// The packed id of the character just before a position between runs (`noID` at the start).
    func idBefore(_ pos: Position) -> Int64 {
        guard let p = runBefore(pos) else { return Self.noID }
        let r = runs[p.leaf * leafCapacity + p.idx]
        return Self.pack(r.agent, r.seq + r.len - 1)
    }

    /// The packed id of the character just after a position between runs (`noID` at the end).
    func idAt(_ pos: Position) -> Int64 {
        guard let p = runAt(pos) else { return Self.noID }
        let r = runs[p.leaf * leafCapacity + p.idx]
        return Self.pack(r.agent, r.seq)
    }

    /// Moves to the next run in document order (staying put at the very end).
    func advance(_ leaf: inout Int, _ idx: inout Int) {
        if idx + 1 < Int(leafCount[leaf]) {
            idx += 1
            return
        }
        if let p = runAt(Position(leaf: leaf, idx: Int(leafCount[leaf]))) {
            leaf = p.leaf
            idx = p.idx
        } else {
            idx = Int(leafCount[leaf])
        }
    }

    /// Records that a leaf's visible count changed by `delta`, keeping the cursor's prefix count right.
    @inline(__always) mutating func noteVisible(leaf: Int, delta: Int32) {
        leafVisible[leaf] += delta
        count += Int(delta)
        if Int(orderIndex[leaf]) < cursorOrder { cursorVisibleBefore += Int(delta) }
    }

    /// Marks a visible run deleted.
    mutating func markDeleted(leaf: Int, idx: Int) {
        let i = leaf * leafCapacity + idx
        runs[i].deleted = true
        noteVisible(leaf: leaf, delta: -runs[i].len)
    }

    /// Splits run `idx` of `leaf` so that its first `k` characters stay and the rest become the next run.
    /// - Returns: the position of the second part; the first part is the run just before it.
    mutating func splitRun(leaf: Int, idx: Int, at k: Int) -> Position {
        let i = leaf * leafCapacity + idx
        let r = runs[i]
        let k32 = Int32(k)
        let second = Run(agent: r.agent, seq: r.seq + k32, len: r.len - k32, deleted: r.deleted,
                         left: Self.pack(r.agent, r.seq + k32 - 1), right: r.right)
        runs[i].len = k32
        return insertRun(second, leaf: leaf, idx: idx + 1, from: leaf)
    }

    /// Inserts a run at a position between runs, splitting a full leaf.
    /// - Parameters:
    ///   - from: the leaf whose counts and character map already include the run (a split), or -1 for new characters.
    /// - Returns: where the run went.
    @discardableResult
    mutating func insertRun(_ run: Run, leaf: Int, idx: Int, from: Int) -> Position {
        let c = leafCapacity
        var pos = Position(leaf: leaf, idx: idx)
        if Int(leafCount[leaf]) == c { pos = splitLeaf(leaf, insertingAt: idx) }
        let base = pos.leaf * c
        let n = Int(leafCount[pos.leaf])
        var j = n
        while j > pos.idx {
            runs[base + j] = runs[base + j - 1]
            j -= 1
        }
        runs[base + pos.idx] = run
        leafCount[pos.leaf] += 1
        if from != pos.leaf {
            let map = Int32(pos.leaf)
            let a = Int(run.agent)
            for s in Int(run.seq)..<Int(run.seq + run.len) { leafOf[a][s] = map }
            if !run.deleted {
                if from >= 0 {
                    // The run's characters move from `from` to the leaf right after it.
                    leafVisible[from] -= run.len
                    leafVisible[pos.leaf] += run.len
                    let fromOrder = Int(orderIndex[from]), toOrder = Int(orderIndex[pos.leaf])
                    if fromOrder < cursorOrder && toOrder >= cursorOrder { cursorVisibleBefore -= Int(run.len) }
                } else {
                    noteVisible(leaf: pos.leaf, delta: run.len)
                }
            }
        }
        return pos
    }

    /// Moves the upper half of a full leaf to a new leaf placed after it in document order.
    /// - Returns: where a run meant for index `idx` of the old leaf goes now.
    mutating func splitLeaf(_ leaf: Int, insertingAt idx: Int) -> Position {
        let c = leafCapacity
        let half = c / 2
        let fresh = leafCount.count
        runs.append(contentsOf: repeatElement(runs[leaf * c], count: c))
        leafCount.append(Int32(c - half))
        leafCount[leaf] = Int32(half)
        var moved: Int32 = 0
        let from = leaf * c, to = fresh * c
        let map = Int32(fresh)
        for j in 0..<(c - half) {
            let r = runs[from + half + j]
            runs[to + j] = r
            if !r.deleted { moved += r.len }
            let a = Int(r.agent)
            for s in Int(r.seq)..<Int(r.seq + r.len) { leafOf[a][s] = map }
        }
        leafVisible[leaf] -= moved
        leafVisible.append(moved)
        let q = Int(orderIndex[leaf])
        order.insert(Int32(fresh), at: q + 1)
        orderIndex.append(0)
        for o in (q + 1)..<order.count { orderIndex[Int(order[o])] = Int32(o) }
        if cursorOrder > q { cursorOrder += 1 }
        return idx <= half ? Position(leaf: leaf, idx: idx) : Position(leaf: fresh, idx: idx - half)
    }

    /// Places new characters `(agent, seq ..< seq + len)` with the given origins at a position between runs,
    /// extending the run before it when they continue that run.
    mutating func place(agent: Int32, seq: Int32, len: Int32, left: Int64, right: Int64, at pos: Position) {
        if let p = runBefore(pos) {
            let i = p.leaf * leafCapacity + p.idx
            let r = runs[i]
            if r.agent == agent && r.seq + r.len == seq && !r.deleted && r.right == right
                && left == Self.pack(agent, seq - 1) {
                runs[i].len += len
                let map = Int32(p.leaf)
                let a = Int(agent)
                for s in Int(seq)..<Int(seq + len) { leafOf[a][s] = map }
                noteVisible(leaf: p.leaf, delta: len)
                return
            }
        }
        insertRun(Run(agent: agent, seq: seq, len: len, deleted: false, left: left, right: right),
                  leaf: pos.leaf, idx: pos.idx, from: -1)
    }
}
