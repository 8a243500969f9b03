import Foundation
import Synchronization
import Testing
@testable import XieshangTransport
import XieshangWire

/// A well-behaved client that keeps calling Echo in the background while a test misbehaves on other connections.
final class SteadyClient: Sendable {
    private final class Counts: Sendable {
        let state = Mutex<(ok: Int, failures: [String])>((0, []))
        func withLock<R>(_ body: (inout (ok: Int, failures: [String])) -> R) -> R { state.withLock { body(&$0) } }
    }
    private let counts = Counts()
    private let task = Mutex<Task<Void, Never>?>(nil)
    let client: Client

    init(_ endpoint: Endpoint) throws {
        client = try Client(target: endpoint)
        let t = Task { [client, counts] in
            var i = 0
            while !Task.isCancelled {
                i += 1
                do {
                    let r = try await TestSupport.echo(client, text: "稳定\(i)", timeout: 10)
                    if r.text == "稳定\(i)" { counts.withLock { $0.ok += 1 } } else {
                        counts.withLock { $0.failures.append("wrong echo \(r.text)") }
                    }
                } catch {
                    if Task.isCancelled { return }
                    counts.withLock { $0.failures.append("\(error)") }
                }
            }
        }
        task.withLock { $0 = t }
    }

    var successes: Int { counts.withLock { $0.ok } }

    /// Waits for `more` further successful calls (the server is still serving), then checks nothing failed.
    func expectStillServed(more: Int = 20) async throws {
        let start = successes
        try await TestSupport.waitUntil("the well-behaved client completes \(more) more calls") { self.successes >= start + more }
        let failures = counts.withLock { $0.failures }
        #expect(failures.isEmpty, "well-behaved client saw failures: \(failures.prefix(3))")
        let rss = TestSupport.residentBytes()
        #expect(rss < 200 * 1024 * 1024, "RSS \(rss / 1024 / 1024) MB over the 200 MB bound")
    }

    func stop() {
        task.withLock { $0?.cancel() }
    }
}
