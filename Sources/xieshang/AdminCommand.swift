import Foundation
import XieshangNode
import XieshangTransport
import XieshangWire

/// Operators' commands on their own node through its Admin socket: `status`, `query` (`stats` is StatsCommand).
enum AdminCommand {
    /// The result box a blocking CLI command waits on. Invariant: written once before the semaphore is signalled,
    /// read after the wait.
    final class Box: @unchecked Sendable {
        var result: Result<[UInt8], Error> = .success([])
    }

    /// An exit code carried as an error through `Result`.
    struct Exit: Error {
        let code: Int32
    }

    /// How long a command waits for the node's answer, in seconds: `XIESHANG_TIMEOUT`, or 60. A busy node (password
    /// checks queued behind sign-ins, a large import) can take seconds; a node that does not answer in a minute is
    /// stuck, not busy. ``Invocation/parse(_:_:)`` refuses a malformed value before any command runs.
    static let timeoutSeconds: Double = timeout(ProcessInfo.processInfo.environment["XIESHANG_TIMEOUT"]) ?? defaultTimeoutSeconds

    /// The wait when `XIESHANG_TIMEOUT` is not set.
    static let defaultTimeoutSeconds: Double = 60

    /// `XIESHANG_TIMEOUT`'s value: seconds, more than 0 and at most a day; the default when not set; nil when malformed.
    static func timeout(_ value: String?) -> Double? {
        guard let value else { return defaultTimeoutSeconds }
        guard let seconds = Double(value.trimmingCharacters(in: .whitespaces)), seconds.isFinite, seconds > 0, seconds <= 86_400 else {
            return nil
        }
        return seconds
    }

    /// One unary call on the admin socket, blocking the calling thread until it ends or ``timeoutSeconds`` pass.
    static func unary(_ socket: String, _ path: String, _ request: [UInt8]) -> Result<[UInt8], Error> {
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                var configuration = ClientConfiguration()
                configuration.defaultTimeoutSeconds = timeoutSeconds
                let client = try Client(target: .unix(path: socket), configuration: configuration)
                box.result = .success(try await client.unary(path, request))
                client.close()
            } catch {
                box.result = .failure(error)
            }
            done.signal()
        }
        done.wait()
        return box.result
    }

    /// The message when the node did not answer in time: what to do, and that the change may have been made.
    static func notAnswered(_ path: String, socket: String, _ error: TransportError) -> String {
        DisplayText.escaped("""
            the node on \(socket) did not answer \(path) within \(timeoutSeconds.formatted()) s (\(error.message)).
              It may be busy: wait longer with XIESHANG_TIMEOUT=SECONDS. A change may have been made all the same, or not
              at all (never half of one): look (`xieshang status`, `xieshang user list`, `xieshang query …`) before repeating it.
            """, keepingLineBreaks: true)
    }

    /// One unary call on the admin socket; exit code 3 naming the socket when the node is not there.
    static func call(_ socket: String, _ path: String, _ request: [UInt8]) -> Result<[UInt8], Exit> {
        switch unary(socket, path, request) {
        case .success(let bytes): return .success(bytes)
        case .failure(let error as TransportError) where error.code == .connect || (error.status == .unavailable && error.code != .rpc):
            return .failure(Exit(code: fail("the node is not reachable on \(socket): \(error.message). Is `xieshang node` running? Pass its socket with --node PATH.", code: ExitCode.unreachable)))
        case .failure(let error as TransportError) where error.code == .deadline || error.status == .deadlineExceeded:
            return .failure(Exit(code: fail(notAnswered(path, socket: socket, error), code: ExitCode.refused)))
        case .failure(let error):
            return .failure(Exit(code: fail(DisplayText.escaped("\(path): \(error)", keepingLineBreaks: true), code: ExitCode.refused)))
        }
    }

    static let statusSpec = Invocation.Spec(name: "status", summary: "the node's links, cursors, lag, last errors, event counts and alerts",
                                            example: "xieshang status --node /var/lib/xieshang/admin.sock")

    static func status(_ args: [String]) -> Int32 {
        do throws(Invocation.Exit) {
            let inv = try Invocation.parse(args, statusSpec)
            let bytes = try NodeClient(inv).call(AdminService.status.path, StatusRequest(recentAlerts: 20).serializedBytes())
            guard let s = try? StatusResponse(serializedBytes: bytes) else { return fail("the node's answer does not decode", code: ExitCode.refused) }
            if inv.json { print(s.jsonString()); return ExitCode.done }
            // Every line is escaped (DisplayText): ids, names and errors come from peers and must not drive the terminal.
            let print = { (line: String) in Swift.print(DisplayText.escaped(line)) }
            let fenced = s.fenced ? inv.text("  已隔离 FENCED（正在取回本节点的事件）", "  FENCED (restoring own events)") : ""
            print("\(s.nodeId)  \(s.name)  (\(s.tier))  " + inv.text("已运行 \(s.uptimeSeconds) 秒", "up \(s.uptimeSeconds) s") + fenced)
            print(inv.text("本节点序号 \(s.ownSeq)，已存事件 \(s.eventsStored)，公钥 \(s.publicKey)",
                           "own seq \(s.ownSeq), events stored \(s.eventsStored), key \(s.publicKey)"))
            if s.queued > 0 || s.queuedRefused > 0 {
                print(inv.text("排队 \(s.queued)（上级确认链后按序记录），排队后被规则拒绝 \(s.queuedRefused)（见告警 queued_refused）",
                               "queued 排队 \(s.queued) (originated once the parent confirmed the chain), refused after queueing \(s.queuedRefused) (see alerts queued_refused)"))
            }
            for l in s.links {
                let error = l.lastError.isEmpty ? "" : inv.text("  最近错误：", "  last error: ") + l.lastError
                print("  \(l.peer.padding(toLength: 18, withPad: " ", startingAt: 0)) \(l.role.padding(toLength: 8, withPad: " ", startingAt: 0)) "
                      + "\(l.state.padding(toLength: 12, withPad: " ", startingAt: 0)) acked \(l.acked) lag \(l.lag) refused \(l.refused)\(error)")
            }
            for a in s.alerts { print(inv.text("  告警 \(a.code)（\(a.subject)）：\(a.message)", "  alert \(a.code) about \(a.subject): \(a.message)")) }
            return ExitCode.done
        } catch {
            return error.code
        }
    }

    static let querySpec = Invocation.Spec(
        name: "query", summary: "list records as JSON lines, one object per line", positionals: ["TYPE"], valued: ["origin", "limit"],
        repeated: ["filter"], details: queryDetails(), example: "xieshang query events --origin county1 --limit 20")

    /// The query types the node answers, with their summaries and filters, as `xieshang query --help` lists them
    /// (from the node's ``QueryCatalog``).
    static func queryDetails() -> String {
        var lines = ["  --filter NAME=VALUE: one of the type's filters (repeatable); --origin ID: the same as --filter origin=ID;",
                     "  --limit N: at most N rows (0: all). An event's `actor` is who made it at its origin (user:<name> on the web,",
                     "  os:<name>(uid N) with this CLI; empty for the node's own events).", "  TYPE:"]
        for q in QueryCatalog.entries {
            lines.append("    " + q.name.padding(toLength: 20, withPad: " ", startingAt: 0) + q.summary)
            for f in q.filters { lines.append("        " + ("--filter " + f.name + "=…").padding(toLength: 24, withPad: " ", startingAt: 0) + f.meaning) }
        }
        return lines.joined(separator: "\n")
    }

    static func query(_ args: [String]) -> Int32 {
        do throws(Invocation.Exit) {
            let inv = try Invocation.parse(args, querySpec)
            let limit = try inv.int("limit", default: 0)
            guard let limit32 = UInt32(exactly: limit) else { throw inv.usage("--limit \(limit) is more than \(UInt32.max).") }
            var request = QueryRequest(recordType: inv.positional(0), limit: limit32)
            if let o = inv.value("origin") { request.filter["origin"] = o }
            for f in inv.allValues("filter") {
                guard let eq = f.firstIndex(of: "="), eq != f.startIndex else {
                    throw inv.usage("--filter takes NAME=VALUE (e.g. --filter period=2026), not '\(f)'.")
                }
                request.filter[String(f[..<eq])] = String(f[f.index(after: eq)...])
            }
            let bytes = try NodeClient(inv).call(AdminService.query.path, request.serializedBytes())
            guard let r = try? QueryResponse(serializedBytes: bytes) else { return fail("the node's answer does not decode", code: ExitCode.refused) }
            for row in r.rowsJson { print(row) }
            return ExitCode.done
        } catch {
            return error.code
        }
    }
}
