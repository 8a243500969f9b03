import Dispatch
import FoundationEssentials
import Glibc
import XieshangFederation

/// The node's log (日志): one logfmt line per thing worth knowing, on standard error.
///
/// Format (one format, README "Logs"): `ts=<UTC time, ms> level=<debug|info|warning|error> node=<id> [peer=<id>]
/// code=<what happened> msg="<message>"`, e.g.
/// `ts=2026-12-02T08:00:01.250Z level=warning node=county1 peer=county1-town1 code=event_refused msg="refused …"`.
/// A value is double-quoted when it is empty or holds a space, `=`, `"`, `\` or a character that must be escaped; inside
/// quotes `\` and `"` are escaped with `\`, and line breaks, tabs, other control characters and bidi controls are
/// written `\n`, `\r`, `\t` and `\u{HEX}` (``DisplayText/escaped(_:keepingLineBreaks:)``), so text from peers (node ids,
/// reasons, titles) cannot forge a line, add a field or drive a terminal.
///
/// Levels: `debug` (every protocol step, off by default), `info` (links up and down, start and stop), `warning`
/// (refusals, alerts, closed links), `error` (fatal). Replicated events are never logged above `debug`.
/// Codes: the core's ``LogRecord/Code`` raw values, and the runtime's own (``Code``).
public struct NodeLogger: Sendable {
    /// Severity of a line (the core's levels).
    public typealias Level = LogRecord.Level

    /// What a line of the runtime's own is about (the core's lines carry ``LogRecord/Code``).
    public enum Code: String, Sendable {
        /// Start, stop, signals, the data directory and limits.
        case node
        /// An alert raised (the alert's own code is in the message).
        case alert
        /// A local command refused, queued or originated.
        case command
        /// A link this node dialed went down.
        case linkDown = "link_down"
        /// A TLS handshake refused (a key that does not match its pin, no certificate).
        case tlsRefused = "tls_refused"
        /// A Hello refused before the handshake (not a pinned peer).
        case helloRefused = "hello_refused"
        /// The transport's own lines (protocol errors, limits, `accept` failures).
        case transport
        /// The web listener's lines.
        case web
        /// Backups, the audit trail, alliance forwarding.
        case operation
    }

    /// Lines below this level are dropped.
    public let minimum: Level
    /// The node id every line carries.
    public let node: String

    /// A logger for `node` at `minimum`.
    public init(node: String, minimum: Level) {
        self.node = node
        self.minimum = minimum
    }

    /// Writes one line (when `level` is at least ``minimum``).
    public func log(_ level: Level, _ code: String, peer: String? = nil, _ message: String) {
        guard level >= minimum else { return }
        var tv = timespec()
        clock_gettime(CLOCK_REALTIME, &tv)
        StandardError.write(NodeLogger.line(timeMs: Int64(tv.tv_sec) * 1000 + Int64(tv.tv_nsec) / 1_000_000, level: level,
                                            node: node, peer: peer, code: code, message: message))
    }

    /// Writes a record of the federation core.
    public func log(_ record: LogRecord) { log(record.level, record.code.rawValue, peer: record.peer, record.message) }

    /// The logfmt line (with its line break) for these fields.
    static func line(timeMs: Int64, level: Level, node: String, peer: String?, code: String, message: String) -> String {
        var out = "ts=" + timestamp(ms: timeMs) + " level=" + level.name + " node=" + value(node)
        if let peer { out += " peer=" + value(peer) }
        out += " code=" + value(code) + " msg=" + value(message) + "\n"
        return out
    }

    /// A logfmt value: as it is when it is not empty and holds no space, `=`, `"`, `\` or character that must be
    /// escaped; else double-quoted with `\` and `"` escaped by `\`, and line breaks, tabs, other control characters and
    /// bidi controls written `\n`, `\r`, `\t`, `\u{HEX}` (``DisplayText/escaped(_:keepingLineBreaks:)``).
    static func value(_ text: String) -> String {
        let plain = !text.isEmpty && !text.unicodeScalars.contains { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "\\" }
        if plain && DisplayText.escaped(text) == text { return text }
        var quoted = String.UnicodeScalarView()
        for c in text.unicodeScalars {
            if c == "\\" || c == "\"" { quoted.append("\\") }
            quoted.append(c)
        }
        return "\"" + DisplayText.escaped(String(quoted)) + "\""
    }

    /// `2026-12-02T08:00:01.250Z` (UTC, milliseconds).
    static func timestamp(ms: Int64) -> String {
        var seconds = time_t(ms.quotientAndRemainder(dividingBy: 1000).quotient)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ v: Int32, _ width: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        let millis = Int32(((ms % 1000) + 1000) % 1000)
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2)).\(pad(millis, 3))Z"
    }

    /// Logs at debug level.
    public func debug(_ m: String, code: Code = .node, peer: String? = nil) { log(.debug, code.rawValue, peer: peer, m) }
    /// Logs at info level.
    public func info(_ m: String, code: Code = .node, peer: String? = nil) { log(.info, code.rawValue, peer: peer, m) }
    /// Logs at warning level.
    public func warning(_ m: String, code: Code = .node, peer: String? = nil) { log(.warning, code.rawValue, peer: peer, m) }
    /// Logs at error level.
    public func error(_ m: String, code: Code = .node, peer: String? = nil) { log(.error, code.rawValue, peer: peer, m) }
}

extension LogRecord.Level {
    /// Parses `debug`, `info`, `warning` (or `warn`) and `error` (the config's `log_level`).
    public init?(name: String) {
        switch name {
        case "debug": self = .debug
        case "info": self = .info
        case "warning", "warn": self = .warning
        case "error": self = .error
        default: return nil
        }
    }
}
