import XieshangAccounts
import enum XieshangDomain.RecordType
import XieshangTransport
import XieshangWire

/// The one Submit path of a record's command through the admin socket (every ``RecordType``: the family's recorder,
/// ``DomainSubmit`` or ``AllianceRecorder``, checks and originates it), and its audit row (录入审计): who recorded what, as the web's entry forms
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
    /// A kind of `type` that no command may carry (a joint proposal, which its host originates when every
    /// co-sponsor signed) is `INVALID_ARGUMENT`, and nothing is recorded.
    static func submit(_ runtime: NodeRuntime, _ request: SubmitRequest, type: RecordType, accounts: AccountBook?, actor: String) async throws -> SubmitResponse {
        guard type.submittedKinds.contains(request.kind) else {
            throw TransportError.status(.invalidArgument,
                "Submit of \(request.kind.protoValueName ?? "\(request.kind)") is refused: \(type.en) (\(type.zh)) are originated by the node itself, never submitted; \(type == .jointProposal ? "sign the joint draft with `xieshang draft sign`: its host forwards it once every co-sponsor signed" : "record it with `xieshang \(type.commandGroups.first ?? "query")`")")
        }
        let what = description(request)
        let response: SubmitResponse
        do {
            switch type.family {
            case .domain: response = try await DomainSubmit.submit(runtime, request, madeBy: actor)
            case .alliance: response = try await AllianceRecorder.submit(runtime, request, madeBy: actor)
            }
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
