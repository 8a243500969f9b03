import XieshangAccounts
import XieshangTransport
import XieshangWire

/// The Accounts service (用户管理) on the admin socket: `xieshang user add|list|disable|reset|audit`.
///
/// Every change is audited with the OS user of the calling process, which the kernel reports for the Unix socket
/// (`SO_PEERCRED`, ``PeerCredentials``) — not a name the client could write in a header.
enum AccountsHandlers {
    /// The source recorded for commands that came through the admin socket.
    static let source = "admin-socket"

    static func handlers(_ accounts: AccountBook) -> [String: RPCHandler] {
        [
            AccountsService.addUser.path: .unary { bytes, context in
                let r = try AdminHandlers.decode(AddUserRequest.self, bytes)
                let issued = try await answer {
                    try await accounts.addUser(username: r.username, displayName: r.displayName, role: r.role,
                                               initialPassword: r.initialPassword.isEmpty ? nil : r.initialPassword,
                                               actor: actor(context), source: source, wanted: waiting(context))
                }
                return IssuedPasswordResponse(username: issued.username, password: issued.password, generated: issued.generated).serializedBytes()
            },
            AccountsService.listUsers.path: .unary { bytes, _ in
                _ = try AdminHandlers.decode(ListUsersRequest.self, bytes)
                let users = try await answer { try await accounts.users() }
                return ListUsersResponse(users: users.map(entry)).serializedBytes()
            },
            AccountsService.disableUser.path: .unary { bytes, context in
                let r = try AdminHandlers.decode(DisableUserRequest.self, bytes)
                let account = try await answer { try await accounts.disableUser(r.username, actor: actor(context), source: source) }
                return entry(account).serializedBytes()
            },
            AccountsService.resetPassword.path: .unary { bytes, context in
                let r = try AdminHandlers.decode(ResetPasswordRequest.self, bytes)
                let issued = try await answer {
                    try await accounts.resetPassword(r.username, newPassword: r.newPassword.isEmpty ? nil : r.newPassword,
                                                     actor: actor(context), source: source, wanted: waiting(context))
                }
                return IssuedPasswordResponse(username: issued.username, password: issued.password, generated: issued.generated).serializedBytes()
            },
            AccountsService.audit.path: .unary { bytes, context in
                let r = try AdminHandlers.decode(AuditRequest.self, bytes)
                let records = try await answer { try await accounts.auditRecords(sinceMs: r.sinceMs) }
                if r.export {
                    try await answer { try await accounts.noteAuditExport(actor: actor(context), source: source, count: records.count) }
                }
                return AuditResponse(entries: records.map {
                    AuditEntry(id: $0.id, timeMs: $0.timeMs, event: $0.event.rawValue, username: $0.username, actor: $0.actor,
                               source: $0.source, succeeded: $0.succeeded, detail: $0.detail)
                }).serializedBytes()
            },
        ]
    }

    /// Whether the caller still waits for the answer: false once its deadline (`grpc-timeout`) passed, when the CLI has
    /// reported a failure already and a password generated now would be shown to nobody.
    static func waiting(_ context: ServerContext) -> @Sendable () -> Bool {
        { context.remainingSeconds.map { $0 > 0 } ?? true }
    }

    /// The OS user of the calling process, as the audit trail records it.
    static func actor(_ context: ServerContext) -> String {
        context.connection.peerCredentials?.actor ?? "os:unknown"
    }

    static func entry(_ a: Account) -> UserEntry {
        UserEntry(username: a.username, displayName: a.displayName, role: a.role.description, disabled: a.disabled,
                  mustChangePassword: a.mustChangePassword, lockedUntilMs: a.lockedUntilMs, failures: UInt32(clamping: a.failures),
                  createdMs: a.createdMs, createdBy: a.createdBy, lastLoginMs: a.lastLoginMs ?? 0)
    }

    /// Runs `body`, turning an ``AccountsError`` into the gRPC status the CLI shows (its message, and the Chinese one).
    static func answer<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as AccountsError {
            let status: StatusCode
            switch error.code {
            case .unknownUser: status = .notFound
            case .duplicateUser: status = .alreadyExists
            case .busy: status = .resourceExhausted
            case .abandoned: status = .deadlineExceeded
            case .store, .crypto: status = .internal
            default: status = .invalidArgument
            }
            throw TransportError.status(status, "\(error.message) (\(error.chinese))")
        }
    }
}
