import Dispatch
import FoundationEssentials
import Glibc
import XieshangDomain
import XieshangFederation
import XieshangStore
import XieshangTransport
import XieshangWire

/// Alliance commands through Admin Submit 片区协作命令: joint drafts (create, edit, sign), charters and joint
/// activities are checked against the node's ``AllianceProjector`` state and originated with scope `alliance:<id>`;
/// a draft this node hosts that every co-sponsor signed is forwarded upward as a ``JointProposal``, once.
///
/// Everything runs on the runtime's executor, so reading the state and originating are one step: two commands never
/// build text operations from the same state (which would reuse this replica's sequence numbers).
enum AllianceRecorder {
    /// The Submit kinds handled here: the commands of every alliance record type (``RecordType``).
    static let kinds: Set<EventKind> = RecordType.submittedKinds(of: .alliance)

    /// The node's alliance projector (registered with the store in ``Node``).
    static func projector(_ runtime: NodeRuntime) -> AllianceProjector? {
        runtime.core.store.registry.all.lazy.compactMap { $0 as? AllianceProjector }.first
    }

    /// Checks and originates an alliance command. Payloads: `DraftAction` (kind DRAFT), `DraftSign`
    /// (DRAFT_SIGN_OFF), `AllianceCharter` (ALLIANCE_CHARTER), `JointActivity` (JOINT_ACTIVITY).
    /// - Throws: `TransportError` status FAILED_PRECONDITION naming the broken rule (nothing recorded),
    ///   INVALID_ARGUMENT when the payload does not decode.
    /// `madeBy` (`user:<name>` on the web, the OS user `os:<name>(uid N)` on the admin socket) is signed into each
    /// event as who made it.
    static func submit(_ runtime: NodeRuntime, _ request: SubmitRequest, madeBy: String = "") async throws -> SubmitResponse {
        try await runtime.read { () -> Result<SubmitResponse, TransportError> in
            submitOnQueue(runtime, request, madeBy: madeBy)
        }.get()
    }

    private static func submitOnQueue(_ runtime: NodeRuntime, _ request: SubmitRequest, madeBy: String) -> Result<SubmitResponse, TransportError> {
        guard let projector = projector(runtime) else {
            return .failure(.status(.internal, "the node has no alliance projection; this is a bug"))
        }
        if let wait = runtime.originationBlocked() { return .failure(.status(.failedPrecondition, wait)) }
        let ledger: AllianceLedger
        do { ledger = try currentLedger(runtime, projector) } catch { return .failure(error) }
        let originations: [AllianceLedger.Origination]
        do {
            switch request.kind {
            case .draft:
                let command = try AdminHandlers.decode(DraftAction.self, request.payload)
                switch command.action {
                case .create(let c)?: originations = try ledger.createCommand(c, today: today(runtime))
                case .edit(let e)?: originations = [try ledger.editCommand(e)]
                case nil: return .failure(.status(.invalidArgument, "DraftAction carries no action (create or edit)"))
                }
            case .draftSignOff:
                let command = try AdminHandlers.decode(DraftSign.self, request.payload)
                originations = [try ledger.signCommand(command, key: runtime.core.config.privateKey)]
            case .allianceCharter:
                originations = [try ledger.charterCommand(try AdminHandlers.decode(AllianceCharter.self, request.payload))]
            default:
                originations = [try ledger.activityCommand(try AdminHandlers.decode(JointActivity.self, request.payload))]
            }
        } catch let error as DomainError {
            return .failure(.status(.failedPrecondition, "refused at \(runtime.config.nodeId): \(error)"))
        } catch let error as TransportError {
            return .failure(error)
        } catch {
            return .failure(.status(.invalidArgument, "\(error)"))
        }
        let who = madeBy.isEmpty ? "" : EventActor.bounded(madeBy)
        return originate(runtime, originations.map { LocalCommand(kind: $0.kind, payload: $0.payload, scope: Scope(target: .alliance($0.alliance)), actor: who) })
    }

    /// Originates `commands` on the executor in one store transaction (all or nothing): the last event's seq and hash
    /// and every seq, or the core's refusal.
    private static func originate(_ runtime: NodeRuntime, _ commands: [LocalCommand]) -> Result<SubmitResponse, TransportError> {
        var response = SubmitResponse()
        var refusals: [String] = []
        for output in runtime.handleOnQueue(commands.count == 1 ? .originate(commands[0]) : .originateMany(commands)) {
            if case .originated(let origin, let seq) = output {
                response.seqs.append(seq)
                response.seq = seq
                response.hash = (try? runtime.core.store.reader.events(origin: origin, seqs: seq...seq))?.first?.hash ?? []
            }
            if case .commandRefused(let reason) = output { refusals.append(reason) }
        }
        if !refusals.isEmpty { return .failure(.status(.failedPrecondition, refusals.joined(separator: "; "))) }
        if response.seqs.count != commands.count {
            return .failure(.status(.internal, "the node stored \(response.seqs.count) of \(commands.count) events of the command"))
        }
        return .success(response)
    }

    static func currentLedger(_ runtime: NodeRuntime, _ projector: AllianceProjector) throws(TransportError) -> AllianceLedger {
        let path = runtime.core.store.path
        do {
            let db = try Database(path: path, readOnly: true, create: false)
            return try projector.ledger(in: db)
        } catch {
            throw .status(.internal, "cannot read the alliance records from \(path): \(error.message)")
        }
    }

    /// Today in Beijing time on the node's clock.
    static func today(_ runtime: NodeRuntime) -> Day {
        Day(chinaTimeMs: runtime.now())
    }

    // MARK: Forwarding submitted joint proposals

    /// Hooks the projector to the runtime and checks once now (a proposal submitted before a restart is forwarded
    /// after it).
    static func start(_ runtime: NodeRuntime) {
        guard let projector = projector(runtime) else { return }
        projector.onSubmitted { runtime.queue.async { forwardSubmitted(runtime) } }
        runtime.queue.async { forwardSubmitted(runtime) }
    }

    /// On the executor: forwards every submitted draft this node hosts and has not forwarded, scope `up`, to its
    /// parent. The projector marks a draft forwarded in the same append that stores the forwarding event, so a
    /// second check finds nothing to do: each proposal goes up once. While the node may not originate yet (its
    /// parent not reached since start), it tries again a second later.
    static func forwardSubmitted(_ runtime: NodeRuntime) {
        dispatchPrecondition(condition: .onQueue(runtime.queue))
        guard !runtime.stopping, runtime.config.parent != nil, let projector = projector(runtime),
              let ledger = try? currentLedger(runtime, projector) else { return }
        let ids = ledger.unforwarded
        guard !ids.isEmpty else { return }
        if runtime.originationBlocked() != nil {
            runtime.queue.asyncAfter(deadline: .now() + 1) { forwardSubmitted(runtime) }
            return
        }
        for id in ids {
            guard let proposal = ledger.jointProposal(id) else { continue }
            switch originate(runtime, [LocalCommand(kind: .jointProposal, payload: proposal.serializedBytes(), scope: Scope(target: .up(true)))]) {
            case .success(let r):
                runtime.logger.info("joint proposal \(id) signed by every co-sponsor; forwarded to \(runtime.config.parent?.nodeId ?? "") as seq \(r.seq)")
            case .failure(let e):
                runtime.logger.warning("cannot forward joint proposal \(id): \(e); retrying in 1 s")
                runtime.queue.asyncAfter(deadline: .now() + 1) { forwardSubmitted(runtime) }
                return
            }
        }
    }
}
