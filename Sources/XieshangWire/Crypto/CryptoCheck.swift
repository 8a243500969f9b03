import CCrypto

/// Drains libcrypto's thread-local error queue into one readable string (the one OpenSSL error drain: the wire
/// module's checks and the accounts module use it).
///
/// OpenSSL keeps a queue of errors per thread; reading it with `ERR_get_error` also clears it, so a later
/// failure never reports a stale cause.
public func openSSLErrors() -> String {
    var parts: [String] = []
    while true {
        let code = ERR_get_error()
        if code == 0 { break }
        var buffer = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &buffer, buffer.count)
        parts.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }
    return parts.isEmpty ? "no detail from libcrypto" : parts.joined(separator: "; ")
}

/// Checks a libcrypto return code (1 is success) and throws a ``WireError`` naming the operation.
@inline(__always)
func check(_ rc: Int32, _ operation: @autoclosure () -> String) throws(WireError) {
    if rc != 1 {
        throw WireError(.crypto, "\(operation()) failed: \(openSSLErrors())")
    }
}
