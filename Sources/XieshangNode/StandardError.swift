import Glibc

/// Writes to the process's standard error (file descriptor 2) directly: Foundation's `FileHandle` is not in
/// FoundationEssentials.
enum StandardError {
    /// Writes `text` whole (retrying short writes and interrupted calls); gives up silently when stderr is closed.
    static func write(_ text: String) {
        let bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(2, $0.baseAddress! + done, $0.count - done) }
            if n > 0 { done += n } else if n < 0 && errno == EINTR { continue } else { return }
        }
    }
}
