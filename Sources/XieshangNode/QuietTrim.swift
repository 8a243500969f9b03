import Dispatch
import XieshangAccounts

/// Hands the memory the node freed back to the system once it has gone quiet (闲时归还内存): when the log's end has
/// not moved over one interval, `malloc_trim(0)` once (``MallocTuning/releaseFreedMemory()``), then not again until
/// something is stored. glibc keeps what a thread's arena freed in the middle of its heap; a node's executor and
/// transport threads each have an arena, so a township that received and projected its year kept several MiB it no
/// longer used (issue 17: an idle township with the web on within 24 MB). The store's page caches are emptied first
/// (``NodeRuntime/releaseMemory()``): a township restarted with its year of records kept the whole file in them (the
/// open's integrity check and the replay read it), and releasing them took 1.6 MB off its anonymous memory (debug,
/// Ops/bench/README.md). One trim costs well under a millisecond; the next page reads its pages from the system's
/// file cache.
/// Touched only on the runtime's queue (as ``NodeRuntime``'s own state).
final class QuietTrim: @unchecked Sendable {
    private var lastPosition: Int64?
    private var trimmedAt: Int64?

    /// One check with the log's end `position`: true when it trims (the end is where the previous check saw it, and
    /// no trim was made at this end yet).
    func check(position: Int64, trim: () -> Void = { MallocTuning.releaseFreedMemory() }) -> Bool {
        defer { lastPosition = position }
        guard position == lastPosition, trimmedAt != position else { return false }
        trimmedAt = position
        trim()
        return true
    }
}

extension NodeRuntime {
    /// Hands back what an idle node holds and does not read: the store's page caches (``Store/releaseMemory()``), then
    /// every malloc arena's free pages (``MallocTuning/releaseFreedMemory()``). On the executor, which owns the store.
    func releaseMemory() {
        core.store.releaseMemory()
        MallocTuning.releaseFreedMemory()
    }

    /// Checks every `seconds` on the executor whether the node went quiet (``QuietTrim``), until it stops.
    func trimWhenQuiet(_ state: QuietTrim = QuietTrim(), every seconds: Int = 10) {
        queue.asyncAfter(deadline: .now() + .seconds(seconds)) { [weak self] in
            guard let self, !self.stopping else { return }
            if let position = try? self.core.store.reader.lastPosition() { _ = state.check(position: position, trim: self.releaseMemory) }
            self.trimWhenQuiet(state, every: seconds)
        }
    }
}
