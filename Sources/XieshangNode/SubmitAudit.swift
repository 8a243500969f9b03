import XieshangAccounts
import XieshangTransport
import XieshangWire

/// The audit row (录入审计) of a domain Submit through the admin socket: who recorded what, as the web's entry forms
/// audit theirs (``AccountBook/noteRecorded(username:actor:source:succeeded:detail:)``), so `xieshang user audit`
/// shows records made with the CLI and on the web side by side. The actor is the OS user the kernel reports for the
/// Unix socket (`SO_PEERCRED`, `os:<name>(uid N)`), never a name the client writes in the request.
///
/// The record comes first: the events are stored (or queued) in the store's own transaction before the audit row is
/// written, and an audit write that fails (a full disk, a locked or damaged table) neither undoes nor fails the
/// command — the caller gets its seqs, and the node logs a warning with the row it could not write, so an operator
/// sees the gap and can fill it from the log.
enum SubmitAudit {
    /// Runs the domain Submit `request` and audits it with `actor`: a success with its seqs (or the queue entry
    /// while fenced), a broken rule (`FAILED_PRECONDITION`) with the rule's message. Other failures (a payload that
    /// does not decode) recorded nothing anyone asked for and are not audited.
    static func submit(_ runtime: NodeRuntime, _ request: SubmitRequest, accounts: AccountBook?, actor: String) async throws -> SubmitResponse {
        let what = description(request)
        let response: SubmitResponse
        do {
            response = try await DomainSubmit.submit(runtime, request, madeBy: actor)
        } catch let error as TransportError where error.status == .failedPrecondition {
            await note(runtime, accounts, actor: actor, succeeded: false, detail: "\(what) refused: \(error.message)")
            throw error
        }
        await note(runtime, accounts, actor: actor, succeeded: true, detail: "\(what): \(outcome(response))")
        return response
    }

    /// The request's kind and count, as the audit row names it ("activity", "suggestion ×3").
    static func description(_ request: SubmitRequest) -> String {
        let kind = "\(request.kind)"
        return request.batch.isEmpty ? kind : "\(kind) ×\(request.batch.count + 1)"
    }

    /// What became of a recorded command, as the audit row says it: its seqs, or its place in the queue while fenced.
    static func outcome(_ response: SubmitResponse) -> String {
        if response.queued != 0 { return "queued (\(response.queued)): waits for the parent, recorded in order" }
        return "seqs " + response.seqs.map(String.init).joined(separator: ",")
    }

    /// Writes the row; a failure is logged, never thrown (see the type's comment).
    static func note(_ runtime: NodeRuntime, _ accounts: AccountBook?, actor: String, succeeded: Bool, detail: String) async {
        guard let accounts else { return }
        do {
            try await accounts.noteRecorded(username: "", actor: actor, source: AccountsHandlers.source, succeeded: succeeded, detail: detail)
        } catch {
            runtime.logger.warning("audit: cannot write the audit row of a Submit by \(actor) (\(succeeded ? "recorded" : "refused"): \(detail)): \(error.message); the command itself is \(succeeded ? "recorded" : "refused") as answered")
        }
    }
}
