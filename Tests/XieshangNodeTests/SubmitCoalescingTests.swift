import Foundation
import Testing
@testable import XieshangNode
import XieshangFederation
import XieshangTestKinds
import XieshangWire

/// Local commands that reach the executor together are originated in one store transaction (one `originateMany`),
/// and each caller still gets its own answer.
@Suite(.serialized)
struct SubmitCoalescingTests {
    static func note(_ i: Int) -> FederationInput {
        .originate(LocalCommand(kind: .testNote, payload: Note(text: "c\(i)", amount: 1).serializedBytes(), scope: Scope(target: .up(true))))
    }

    /// Holds the executor while `inputs` are submitted concurrently, releases it once all are queued, returns the answers.
    static func submitTogether(_ runtime: NodeRuntime, _ inputs: [FederationInput]) async throws -> [[FederationOutput]] {
        let before = runtime.originationCounters.withLock { $0.requested }
        runtime.queue.suspend()
        return try await withThrowingTaskGroup(of: (Int, [FederationOutput]).self) { g in
            for (i, input) in inputs.enumerated() { g.addTask { (i, await runtime.submit(input)) } }
            do {
                try await waitUntil("all \(inputs.count) commands are queued", seconds: 60) {
                    runtime.originationCounters.withLock { $0.requested } - before == inputs.count
                }
            } catch {
                runtime.queue.resume()   // else the group would wait forever for the submits held by the suspended queue
                throw error
            }
            runtime.queue.resume()
            var out = [[FederationOutput]](repeating: [], count: inputs.count)
            for try await (i, outputs) in g { out[i] = outputs }
            return out
        }
    }

    @Test func concurrentSubmitsShareOneTransactionAndEachGetsItsOwnSeq() async throws {
        let pair = try await CountyWithFakeTownship.make()
        let runtime = pair.county.runtime
        let groupsBefore = runtime.originationCounters.withLock { $0.groups }
        let answers = try await Self.submitTogether(runtime, (0..<200).map(Self.note))
        let groups = runtime.originationCounters.withLock { $0.groups } - groupsBefore
        let held = await runtime.read { (try? runtime.core.store.reader.highestSeqs()["county1"]) ?? 0 }
        await pair.close()
        var seqs: [UInt64] = []
        for a in answers {
            #expect(a.count == 1, "a caller got \(a.count) outputs")
            if case .originated(let origin, let seq)? = a.first, origin == "county1" { seqs.append(seq) }
        }
        #expect(seqs.count == 200)
        #expect(Set(seqs).count == 200, "two callers were told the same seq")
        #expect(held >= (seqs.max() ?? 1))
        #expect(groups == 1, "200 commands queued together were originated in \(groups) groups")
    }

    @Test func aRefusedCommandDoesNotRefuseTheOthersOfItsGroup() async throws {
        let pair = try await CountyWithFakeTownship.make()
        let runtime = pair.county.runtime
        var inputs = (0..<30).map(Self.note)
        inputs.insert(.originate(LocalCommand(kind: .roster, payload: [], scope: Scope(target: .up(true)))), at: 10)
        let answers = try await Self.submitTogether(runtime, inputs)
        await pair.close()
        for (i, a) in answers.enumerated() {
            if i == 10 {
                guard case .commandRefused(let reason)? = a.first else { Issue.record("the roster command was not refused: \(a)"); continue }
                #expect(reason.contains("made by the node itself"), "\(reason)")
            } else {
                guard case .originated? = a.first else { Issue.record("command \(i) was not originated: \(a)"); continue }
            }
        }
    }
}
