/// One line for the node's log (日志记录), as the core hands it to its runtime: a level, what happened (``Code``), the
/// peer it concerns when there is one, and the message for people. The runtime decides severity, a peer's last error
/// and its counters from these fields, never by searching the message for words.
public struct LogRecord: Sendable, Hashable {
    /// Severity.
    public enum Level: Int, Sendable, Hashable, Comparable {
        case debug, info, warning, error
        public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
        /// The level's name in a log line: `debug`, `info`, `warning`, `error`.
        public var name: String {
            switch self {
            case .debug: return "debug"
            case .info: return "info"
            case .warning: return "warning"
            case .error: return "error"
            }
        }
    }

    /// What happened; the raw value is the `code` field of the log line.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// A link this node dialed finished its handshake.
        case linkUp = "link_up"
        /// A handshake failed: the peer refused this node's, or this node refused the peer's answer.
        case handshakeRefused = "handshake_refused"
        /// This node refused an accepted connection's handshake (a second live copy, a bad proof).
        case connectionRefused = "connection_refused"
        /// A peer broke the protocol on a connection, which is closed.
        case protocolViolation = "protocol_violation"
        /// A late or duplicate handshake message, ignored.
        case ignored = "ignored"
        /// This node refused an event a peer delivered (``rule`` holds the rule's code).
        case eventRefused = "event_refused"
        /// A peer refused an event this node sent (``rule`` holds the peer's code).
        case refusedByPeer = "refused_by_peer"
        /// A stored event that could not be applied to the in-memory views.
        case eventSkipped = "event_skipped"
        /// A batch that overtook its predecessor, dropped until resent.
        case batchOutOfOrder = "batch_out_of_order"
        /// The buffer of events held for a gap is full; a run was dropped (the sender resends).
        case gapBufferFull = "gap_buffer_full"
        /// A peer holds more of this node's own chain than its store: fenced until pulled back.
        case fenced = "fenced"
        /// The parent confirmed the own chain (or it was pulled back): originating again.
        case fenceReleased = "fence_released"
        /// The per-subject alert limit was reached; further alerts are not stored until the window ends.
        case alertsThrottled = "alerts_throttled"
        /// Reading or writing the store failed (the step is retried or the sender resends).
        case storeFailed = "store_failed"
        /// A rollup could not be made or emitted now.
        case rollupFailed = "rollup_failed"
        /// A queued local command could not be originated or marked.
        case queueFailed = "queue_failed"
        /// A node announced a new signing key (密钥轮换), applied here.
        case keyRotated = "key_rotated"
        /// A parent revoked a node's key (密钥吊销), applied here.
        case keyRevoked = "key_revoked"
        /// Peers were added, removed, re-addressed or retired at run time (成员变更).
        case membershipChanged = "membership_changed"
        /// This body moved to another parent (区划调整).
        case moved = "moved"
    }

    /// Severity.
    public var level: Level
    /// What happened.
    public var code: Code
    /// The peer the record concerns (a node id), nil when none.
    public var peer: String?
    /// For ``Code/eventRefused`` and ``Code/refusedByPeer``: the refusal's code (`bad_signature`, …); nil otherwise.
    public var rule: String?
    /// How many events the record counts (a refusal that cuts off the rest of a run counts them all); 1 otherwise.
    public var count: Int
    /// The message for people (English; node ids and reasons as data).
    public var message: String

    /// Makes a record.
    public init(_ level: Level, _ code: Code, peer: String? = nil, rule: String? = nil, count: Int = 1, _ message: String) {
        self.level = level
        self.code = code
        self.peer = peer
        self.rule = rule
        self.count = count
        self.message = message
    }

    /// Whether the record is a refusal (counted per peer and in the node's metrics).
    public var isRefusal: Bool {
        switch code {
        case .handshakeRefused, .connectionRefused, .eventRefused, .refusedByPeer: return true
        default: return false
        }
    }
}
