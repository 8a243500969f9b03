import FoundationEssentials
import XieshangDomain
import XieshangStore
import XieshangTransport
import XieshangWeb
import XieshangWire

/// The web's plan board, opinion desk and joint drafts (issue 19): the records as this body's rules hold them (the
/// projection's ``DomainState`` and the alliance ledger), and alliance commands through the admin Submit's own path
/// (``AllianceRecorder``). Every call runs on the node's executor, like an admin call.
extension NodeWebData {
    func plans() async -> Result<[ConsultationPlan], WebDataError> {
        await state { $0.plans.values.sorted { ($0.key.issuer, $0.key.planID) < ($1.key.issuer, $1.key.planID) } }
    }

    func plansBelow() async -> Result<[ConsultationPlan], WebDataError> {
        let runtime = runtime
        return await runtime.read {
            do throws(StoreError) {
                let database = try Database(path: runtime.core.store.path, readOnly: true, create: false)
                return .success(DomainSubmit.plansBelow(try runtime.records.descendantStates(in: database)))
            } catch {
                return .failure(.unavailable("读取下级分解计划失败：\(error.message)"))
            }
        }
    }

    func opinionReports() async -> Result<[OpinionReport], WebDataError> {
        await state { $0.opinions.values.sorted { ($0.key.originBody, $0.key.originReportID) < ($1.key.originBody, $1.key.originReportID) } }
    }

    /// The domain state read once on the executor, mapped by `pick`.
    private func state<T: Sendable>(_ pick: @escaping @Sendable (DomainState) -> T) async -> Result<T, WebDataError> {
        let runtime = runtime
        return await runtime.read {
            do throws(StoreError) {
                let database = try Database(path: runtime.core.store.path, readOnly: true, create: false)
                return .success(pick(try runtime.records.state(in: database)))
            } catch {
                return .failure(.unavailable("读取本级记录失败：\(error.message)"))
            }
        }
    }

    func bodies() async -> [XieshangDomain.BodyInfo] {
        let runtime = runtime
        return await runtime.read {
            (try? DomainSubmit.knownBodies(runtime)) ?? []
        }
    }

    func jointDrafts() async -> Result<[AllianceLedger.DraftEntry], WebDataError> {
        let runtime = runtime
        return await runtime.read {
            guard let projector = AllianceRecorder.projector(runtime) else { return .success([]) }
            do throws(TransportError) {
                let ledger = try AllianceRecorder.currentLedger(runtime, projector)
                return .success(ledger.drafts.keys.sorted().compactMap { ledger.drafts[$0] })
            } catch {
                return .failure(.unavailable("读取联名提案草稿失败：\(error)"))
            }
        }
    }

    func recordAlliance(_ kind: EventKind, payload: [UInt8], madeBy: String) async -> Result<RecordOutcome, WebDataError> {
        guard kind == .draft || kind == .draftSignOff else { return .failure(.unavailable("the web records drafts and sign-offs only")) }
        do {
            let response = try await AllianceRecorder.submit(runtime, SubmitRequest(kind: kind, payload: payload), madeBy: madeBy)
            return .success(.recorded(seqs: response.seqs))
        } catch let error as TransportError {
            return .failure(.unavailable(error.message))
        } catch {
            return .failure(.unavailable("\(error)"))
        }
    }
}
