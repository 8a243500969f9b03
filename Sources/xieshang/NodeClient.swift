import Foundation
import XieshangNode
import XieshangDomain
import XieshangTransport
import XieshangWire

/// The record commands' calls to the local node's Admin socket, with the exit codes of every command: a refusal by a
/// rule is 1 (the node's message names the rule), an unreachable node 3 (which socket, how to start the node).
struct NodeClient {
    let socket: String

    init(_ inv: Invocation) { socket = inv.socket }
    init(socket: String) { self.socket = socket }

    /// One call; errors become printed messages and exit codes.
    func call(_ path: String, _ request: [UInt8]) throws(Invocation.Exit) -> [UInt8] {
        switch AdminCommand.unary(socket, path, request) {
        case .success(let bytes): return bytes
        case .failure(let error as TransportError) where error.code == .connect || (error.status == .unavailable && error.code != .rpc):
            throw Invocation.Exit(code: fail("""
                the node is not reachable on \(socket): \(error.message)
                  Start it with `xieshang node --config node.json` (run from the node's directory, or install the systemd
                  unit from Ops/systemd), or pass its socket with --node PATH / XIESHANG_NODE.
                """, code: ExitCode.unreachable))
        case .failure(let error as TransportError) where error.code == .deadline || error.status == .deadlineExceeded:
            throw Invocation.Exit(code: fail(AdminCommand.notAnswered(path, socket: socket, error), code: ExitCode.refused))
        case .failure(let error as TransportError) where error.code == .rpc:
            // The node's refusal may quote text of other bodies: escaped (DisplayText), its line breaks kept.
            throw Invocation.Exit(code: fail(DisplayText.escaped(error.message, keepingLineBreaks: true), code: ExitCode.refused))
        case .failure(let error):
            throw Invocation.Exit(code: fail(DisplayText.escaped("\(path) failed: \(error)", keepingLineBreaks: true), code: ExitCode.refused))
        }
    }

    /// Submits domain commands (`first` then `batch`, all of one kind) as `actor`; all or nothing.
    func submit(_ first: DomainEvent, batch: [DomainEvent] = [], actor: String) throws(Invocation.Exit) -> SubmitResponse {
        let request = SubmitRequest(kind: first.eventKind, payload: first.payloadBytes(), actor: actor,
                                    batch: batch.map { $0.payloadBytes() })
        let bytes = try call(AdminService.submit.path, request.serializedBytes())
        guard let r = try? SubmitResponse(serializedBytes: bytes) else {
            throw Invocation.Exit(code: fail("the node's answer to Submit does not decode", code: ExitCode.refused))
        }
        return r
    }


    /// Rows of a record type as JSON objects.
    func query(_ type: String, filter: [String: String] = [:], id: String = "") throws(Invocation.Exit) -> [[String: Any]] {
        let bytes = try call(AdminService.query.path, QueryRequest(recordType: type, filter: filter, id: id).serializedBytes())
        guard let r = try? QueryResponse(serializedBytes: bytes) else {
            throw Invocation.Exit(code: fail("the node's answer to Query does not decode", code: ExitCode.refused))
        }
        return r.rowsJson.compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }
    }

    /// Names and tiers of this body and the bodies of its subtree it knows (config and rosters), by node id.
    func bodies() throws(Invocation.Exit) -> [String: (name: String, tier: String)] {
        var out: [String: (name: String, tier: String)] = [:]
        for r in try query("bodies") {
            guard let id = r["node_id"] as? String else { continue }
            out[id] = (r["name"] as? String ?? "", r["tier"] as? String ?? "")
        }
        return out
    }

    /// The node's status.
    func status() throws(Invocation.Exit) -> StatusResponse {
        let bytes = try call(AdminService.status.path, StatusRequest().serializedBytes())
        guard let r = try? StatusResponse(serializedBytes: bytes) else {
            throw Invocation.Exit(code: fail("the node's answer to Status does not decode", code: ExitCode.refused))
        }
        return r
    }

    /// Figures for a period (with the subtree when `drill`).
    func stats(period: String, drill: Bool) throws(Invocation.Exit) -> StatsResponse {
        let bytes = try call(AdminService.stats.path, StatsRequest(period: period, drill: drill).serializedBytes())
        guard let r = try? StatsResponse(serializedBytes: bytes) else {
            throw Invocation.Exit(code: fail("the node's answer to Stats does not decode", code: ExitCode.refused))
        }
        return r
    }
}

/// Prints what a record command recorded.
enum Recorded {
    /// When true (the demo), nothing is printed for a recorded command. Invariant: set only on the main thread before
    /// any command runs.
    nonisolated(unsafe) static var quiet = false

    static func print(_ inv: Invocation, _ r: SubmitResponse, zh: String, en: String) -> Int32 {
        if quiet { return ExitCode.done }
        if inv.json {
            Swift.print(r.jsonString())
        } else if r.queued > 0 {
            // Not recorded yet: the node cannot originate (it has not reached its parent since it started); the
            // command passed the rules and waits durably in the node's queue.
            Swift.print(inv.text("已排队：\(zh)（排队号 \(r.queued)；与上级连通并确认后按顺序记录）",
                                 "queued: \(en) (queue #\(r.queued); recorded in order once the parent confirmed the chain)"))
        } else {
            let seqs = (r.seqs.isEmpty ? [r.seq] : r.seqs).map(String.init).joined(separator: ", ")
            Swift.print(inv.text("已记录：\(zh)（事件 \(seqs)）", "recorded: \(en) (event \(seqs))"))
        }
        return ExitCode.done
    }
}
