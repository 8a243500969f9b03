/// glibc's `mallopt`, which the Glibc module does not import (it lives in <malloc.h>).
@_silgen_name("mallopt")
private func c_mallopt(_ parameter: Int32, _ value: Int32) -> Int32

/// glibc's `malloc_trim` (<malloc.h>).
@_silgen_name("malloc_trim")
private func c_malloc_trim(_ pad: Int) -> Int32

/// Keeps a password check's 16 MiB from staying in the process after the check.
///
/// scrypt's working buffer (128·N·r bytes) comes from `malloc`. glibc serves the first one with `mmap` and returns it at
/// `free` — but then raises its mmap threshold to that size (the "dynamic threshold"), so every later buffer comes from
/// the heap, and the heap is not trimmed below the raised trim threshold: measured with `xieshang-bench scrypt`, the
/// process stayed 35 MiB larger after a few checks. Pinning the threshold at 1 MiB (which also switches the dynamic
/// adjustment off) makes every such buffer an `mmap` that `free` unmaps: RSS returns to within 3 MiB of where it was
/// (libcrypto's provider tables). Buffers below 1 MiB — everything else the node allocates — are unaffected.
public enum MallocTuning {
    /// `M_MMAP_THRESHOLD` in <malloc.h>.
    private static let mmapThreshold: Int32 = -3

    /// Pins glibc's mmap threshold at 1 MiB, once per process (later calls do nothing). Returns whether glibc accepted it.
    @discardableResult
    public static func returnLargeBuffersToTheSystem() -> Bool { pinned }

    private static let pinned: Bool = c_mallopt(mmapThreshold, 1 << 20) == 1

    /// Hands the free memory of every malloc arena back to the system (`malloc_trim(0)`), after a password check.
    ///
    /// The pinned threshold returns the 16 MiB buffer itself; what stays are the check's smaller allocations (libcrypto's
    /// KDF context, the p lanes' 5 KiB blocks, Swift's arrays) freed inside the heap of the thread's arena — a check
    /// runs on a Dispatch thread of the gate, whose arena glibc trims only when its top chunk passes the trim threshold,
    /// so a free page in the middle of it stays resident. `malloc_trim` walks every arena and releases such pages
    /// (`MADV_DONTNEED`): measured with `xieshang-bench scrypt` (`--no-trim` shows the difference). Costs well under a
    /// millisecond beside a check's 50–200 ms. Returns whether some memory was released.
    @discardableResult
    public static func releaseFreedMemory() -> Bool { c_malloc_trim(0) == 1 }
}
