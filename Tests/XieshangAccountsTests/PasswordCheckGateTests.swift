import Dispatch
import Testing
import XieshangAccounts

/// The gate bounds concurrent scrypt runs (memory) and refuses a flood instead of queueing it.
struct PasswordCheckGateTests {
    @Test func atMostTheLimitRunsAndTheRestWaitOrAreRefused() async throws {
        let gate = PasswordCheckGate(limit: 2, maxWaiting: 3)
        let results = await withTaskGroup(of: Bool.self) { group -> [Bool] in
            for _ in 0..<12 {
                group.addTask {
                    do {
                        _ = try await gate.run { () throws(AccountsError) -> [UInt8] in
                            try Scrypt.derive(password: [1], salt: [2], parameters: ScryptParameters(n: 1 << 12, r: 8, p: 1))
                        }
                        return true
                    } catch {
                        return false
                    }
                }
            }
            var out: [Bool] = []
            for await r in group { out.append(r) }
            return out
        }
        #expect(gate.peakRunning <= 2)
        #expect(results.filter { $0 }.count >= 2, "at least the first two ran")
        #expect(results.count == 12)
    }

    @Test func aFullQueueIsRefusedWithBusy() async throws {
        let gate = PasswordCheckGate(limit: 1, maxWaiting: 0)
        // The first check holds the only slot until the test lets it go (it blocks a gate thread, not the pool).
        let release = DispatchSemaphore(value: 0)
        async let held: Int = gate.run { () throws(AccountsError) -> Int in
            release.wait()
            return 1
        }
        // Wait until the held check has the slot (a condition, not a sleep).
        while gate.peakRunning == 0 { await Task.yield() }
        do {
            _ = try await gate.run { () throws(AccountsError) -> Int in 2 }
            Issue.record("a check beyond the gate's room ran")
        } catch {
            #expect(error.code == .busy && error.chinese == "登录人数过多，请稍后再试")
        }
        release.signal()
        #expect(try await held == 1)
        #expect(try await gate.run { () throws(AccountsError) -> Int in 3 } == 3, "the slot is free again")
    }
}
