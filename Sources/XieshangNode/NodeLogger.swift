import Dispatch
import FoundationEssentials
import Glibc

/// The node's log (日志): one line per thing worth knowing, on standard error, with a level and the node id.
///
/// Every line is one line: the message is escaped with ``DisplayText/escaped(_:keepingLineBreaks:)``.
///
/// Levels: `debug` (every protocol step, off by default), `info` (links up and down, start and stop), `warning`
/// (refusals, alerts, closed links), `error` (fatal). Replicated events are never logged above `debug`.
public struct NodeLogger: Sendable {
    /// Severity of a line.
    public enum Level: Int, Sendable, Comparable {
        case debug, info, warning, error
        public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
        /// Parses `debug`, `info`, `warning` (or `warn`) and `error`.
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

    /// Lines below this level are dropped.
    public let minimum: Level
    /// The node id every line carries.
    public let node: String

    /// A logger for `node` at `minimum`.
    public init(node: String, minimum: Level) {
        self.node = node
        self.minimum = minimum
    }

    func write(_ level: Level, _ message: String) {
        guard level >= minimum else { return }
        var tv = timespec()
        clock_gettime(CLOCK_REALTIME, &tv)
        let ms = Int64(tv.tv_sec) * 1000 + Int64(tv.tv_nsec) / 1_000_000
        let name: String
        switch level {
        case .debug: name = "debug"
        case .info: name = "info"
        case .warning: name = "warning"
        case .error: name = "error"
        }
        // One line per call, whatever the message holds: text from peers (node ids, reasons, titles) is data, so
        // control characters, line breaks and bidi controls are escaped and cannot forge a line or drive a terminal.
        StandardError.write("\(ms) \(name) \(DisplayText.escaped(node)): \(DisplayText.escaped(message))\n")
    }

    /// Logs at debug level.
    public func debug(_ m: String) { write(.debug, m) }
    /// Logs at info level.
    public func info(_ m: String) { write(.info, m) }
    /// Logs at warning level.
    public func warning(_ m: String) { write(.warning, m) }
    /// Logs at error level.
    public func error(_ m: String) { write(.error, m) }
}
