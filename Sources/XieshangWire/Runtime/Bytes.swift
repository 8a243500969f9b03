/// Calls `body` with a contiguous view of `bytes`, copying only when the collection has no contiguous storage.
@inline(__always)
func withContiguousBytes<C: Collection, R>(_ bytes: C, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R
where C.Element == UInt8 {
    if let r = try bytes.withContiguousStorageIfAvailable(body) { return r }
    return try Array(bytes).withUnsafeBufferPointer(body)
}
