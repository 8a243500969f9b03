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

    struct Parsed {
        var socket: String
        var json = false
        var values: [String: String] = [:]
        var flags: Set<String> = []
    }

    static func parse(_ args: [String], valued: [String], flags: [String], usage: String) -> Result<Parsed, Exit> {
        var p = Parsed(socket: ProcessInfo.processInfo.environment["XIESHANG_NODE"] ?? "admin.sock")
        var rest = args[...]
        while let flag = rest.first {
            rest = rest.dropFirst()
            if flag == "--help" || flag == "-h" { print(usage); return .failure(Exit(code: ExitCode.done)) }
            if flag == "--json" { p.json = true; continue }
            if flags.contains(flag) { p.flags.insert(flag); continue }
            guard flag == "--node" || valued.contains(flag) else {
                return .failure(Exit(code: fail("unknown option \(flag).\n\n\(usage)", code: ExitCode.usage)))
            }
            guard let value = rest.first else { return .failure(Exit(code: fail("\(flag) needs a value.\n\n\(usage)", code: ExitCode.usage))) }
            rest = rest.dropFirst()
            if flag == "--node" { p.socket = value } else { p.values[String(flag.dropFirst(2))] = value }
        }
        return .success(p)
    }

    /// One unary call on the admin socket, blocking the calling thread until it ends (10 s deadline).
    static func unary(_ socket: String, _ path: String, _ request: [UInt8]) -> Result<[UInt8], Error> {
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                var configuration = ClientConfiguration()
                configuration.defaultTimeoutSeconds = 10
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

    /// One unary call on the admin socket; exit code 3 naming the socket when the node is not there.
    static func call(_ socket: String, _ path: String, _ request: [UInt8]) -> Result<[UInt8], Exit> {
        switch unary(socket, path, request) {
        case .success(let bytes): return .success(bytes)
        case .failure(let error as TransportError) where error.code == .connect || (error.status == .unavailable && error.code != .rpc):
            return .failure(Exit(code: fail("the node is not reachable on \(socket): \(error.message). Is `xieshang node` running? Pass its socket with --node PATH.", code: ExitCode.unreachable)))
        case .failure(let error):
            return .failure(Exit(code: fail(DisplayText.escaped("\(path): \(error)", keepingLineBreaks: true), code: ExitCode.refused)))
        }
    }

    static let statusUsage = "usage: xieshang status [--node SOCKET] [--json]\n  The node's links, cursors, lag, last errors, event counts and alerts."

    static func status(_ args: [String]) -> Int32 {
        let parsed = parse(args, valued: [], flags: [], usage: statusUsage)
        guard case .success(let p) = parsed else { if case .failure(let e) = parsed { return e.code }; return ExitCode.usage }
        switch call(p.socket, AdminService.status.path, StatusRequest(recentAlerts: 20).serializedBytes()) {
        case .failure(let e): return e.code
        case .success(let bytes):
            guard let s = try? StatusResponse(serializedBytes: bytes) else { return fail("the node's answer does not decode", code: ExitCode.refused) }
            if p.json { print(s.jsonString()); return ExitCode.done }
            // Every line is escaped (DisplayText): ids, names and errors come from peers and must not drive the terminal.
            let print = { (line: String) in Swift.print(DisplayText.escaped(line)) }
            print("\(s.nodeId)  \(s.name)  (\(s.tier))  up \(s.uptimeSeconds) s\(s.fenced ? "  FENCED (restoring own events)" : "")")
            print("own seq \(s.ownSeq), events stored \(s.eventsStored), key \(s.publicKey)")
            if s.queued > 0 || s.queuedRefused > 0 {
                print("queued 排队 \(s.queued) (originated once the parent confirmed the chain), refused after queueing \(s.queuedRefused) (see alerts queued_refused)")
            }
            for l in s.links {
                print("  \(l.peer.padding(toLength: 18, withPad: " ", startingAt: 0)) \(l.role.padding(toLength: 8, withPad: " ", startingAt: 0)) \(l.state.padding(toLength: 12, withPad: " ", startingAt: 0)) acked \(l.acked) lag \(l.lag) refused \(l.refused)\(l.lastError.isEmpty ? "" : "  last error: " + l.lastError)")
            }
            for a in s.alerts { print("  alert \(a.code) about \(a.subject): \(a.message)") }
            return ExitCode.done
        }
    }

    static let queryUsage = "usage: xieshang query TYPE [--origin ID] [--limit N] [--node SOCKET]\n  TYPE: events, origins, alerts, proposals, opinions, activities, plan_items, members, problems,\n        proposal, suggestions, plans, plan_tree, figures, bodies, drafts, draft, meetings, joint_research, charters,\n        joint_proposals, alliance_problems, research, research_report.\n  Prints one JSON object per line; an event's `actor` is who made it at its origin\n  (user:<name> on the web, os:<name>(uid N) with this CLI; empty for the node's own events)."

    static func query(_ args: [String]) -> Int32 {
        if args.first == "--help" || args.first == "-h" { print(queryUsage); return ExitCode.done }
        guard let type = args.first, !type.hasPrefix("-") else { return fail("give a record type.\n\n\(queryUsage)", code: ExitCode.usage) }
        let parsed = parse(Array(args.dropFirst()), valued: ["--origin", "--limit"], flags: [], usage: queryUsage)
        guard case .success(let p) = parsed else { if case .failure(let e) = parsed { return e.code }; return ExitCode.usage }
        var request = QueryRequest(recordType: type, limit: UInt32(p.values["limit"] ?? "0") ?? 0)
        if let o = p.values["origin"] { request.filter["origin"] = o }
        switch call(p.socket, AdminService.query.path, request.serializedBytes()) {
        case .failure(let e): return e.code
        case .success(let bytes):
            guard let r = try? QueryResponse(serializedBytes: bytes) else { return fail("the node's answer does not decode", code: ExitCode.refused) }
            for row in r.rowsJson { print(row) }
            return ExitCode.done
        }
    }
}
