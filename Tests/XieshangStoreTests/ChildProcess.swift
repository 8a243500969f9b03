import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process with its stdout and stderr on one pipe, read line by line with deadlines.
final class ChildProcess {
    let pid: pid_t
    private let fd: Int32
    private var buffer: [UInt8] = []
    private(set) var lines: [String] = []
    private(set) var finished = false

    init(_ executable: String, _ arguments: [String]) throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw POSIXError(.EMFILE) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 2)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let rc = posix_spawn(&child, executable, &actions, nil, argv, environ)
        close(fds[1])
        guard rc == 0 else {
            close(fds[0])
            throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .ENOENT)
        }
        pid = child
        fd = fds[0]
    }

    deinit {
        if !finished { kill(pid, SIGKILL); _ = reap() }
        close(fd)
    }

    /// Reads what is available within `timeoutMs`; returns false at end of file.
    @discardableResult
    func pump(timeoutMs: Int32) -> Bool {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&p, 1, timeoutMs) > 0 else { return true }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let n = read(fd, &chunk, chunk.count)
        if n <= 0 { return false }
        buffer += chunk[0..<n]
        while let nl = buffer.firstIndex(of: UInt8(ascii: "\n")) {
            lines.append(String(decoding: buffer[..<nl], as: UTF8.self))
            buffer.removeSubrange(...nl)
        }
        return true
    }

    /// Reads until `condition` holds over the lines so far, or the deadline passes, or the child's output ends.
    func wait(seconds: Double, until condition: ([String]) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !condition(lines) {
            if Date() > deadline { return false }
            if !pump(timeoutMs: 50) { return condition(lines) }
        }
        return true
    }

    /// Reads everything up to end of file (after the child died).
    func drain() {
        let deadline = Date().addingTimeInterval(10)
        while pump(timeoutMs: 100), Date() < deadline {}
    }

    /// Waits for the child to exit and returns its wait status.
    @discardableResult
    func reap() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        finished = true
        return status
    }

    /// Runs to completion and returns (exit code, output lines).
    func run(seconds: Double = 60) -> (Int32, [String]) {
        let deadline = Date().addingTimeInterval(seconds)
        while pump(timeoutMs: 100), Date() < deadline {}
        if Date() >= deadline { kill(pid, SIGKILL) }
        let status = reap()
        return ((status >> 8) & 0xff, lines)
    }
}
