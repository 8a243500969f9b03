#if canImport(Glibc)
import Glibc
#endif

/// Who is at the other end of a Unix-socket connection, as the kernel saw it at connect time (`SO_PEERCRED`): the
/// process id, user id and group id. The admin socket (mode 0600) uses it so a record made with the CLI carries the
/// OS user who made it. TCP and TLS connections have none.
public struct PeerCredentials: Hashable, Sendable {
    /// The connecting process's id.
    public let pid: Int32
    /// Its user id.
    public let uid: UInt32
    /// Its group id.
    public let gid: UInt32

    /// Credentials as given (tests, other sources).
    public init(pid: Int32, uid: UInt32, gid: UInt32) {
        self.pid = pid
        self.uid = uid
        self.gid = gid
    }

    /// The credentials of the peer of `fd` when it is a connected Unix-domain socket; nil for any other socket.
    static func of(socket fd: Int32) -> PeerCredentials? {
        var domain: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &domain, &length) == 0, domain == AF_UNIX else { return nil }
        // struct ucred { pid_t pid; uid_t uid; gid_t gid; } — Glibc hides the type without _GNU_SOURCE, so read the
        // three 32-bit fields into a buffer of the same layout.
        var fields = [UInt32](repeating: 0, count: 3)
        length = socklen_t(MemoryLayout<UInt32>.size * 3)
        guard getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &fields, &length) == 0, length == socklen_t(MemoryLayout<UInt32>.size * 3) else {
            return nil
        }
        return PeerCredentials(pid: Int32(bitPattern: fields[0]), uid: fields[1], gid: fields[2])
    }

    /// The user's login name from the password database (`getpwuid_r`), nil when it has none. May consult NSS
    /// (LDAP…): call it from a handler, never on the reactor.
    public var userName: String? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getpwuid_r(uid, &entry, &buffer, buffer.count, &result) == 0, result != nil, let name = entry.pw_name else { return nil }
        return String(cString: name)
    }

    /// The actor text of a command made through this connection: `os:<name>(uid N)`, or `os:uid N` without a name.
    public var actor: String {
        userName.map { "os:\($0)(uid \(uid))" } ?? "os:uid \(uid)"
    }
}
