// transport: our client against our server in one process over loopback (unary Echo, 300-byte payload).
// The h2load comparison with other implementations is Ops/bench/transport.sh; this measures our client too.
import Dispatch
import Synchronization
import XieshangTransport
import XieshangWire

/// `xieshang-bench transport [CALLS] [CONCURRENCY]`: calls/s of Client → Server over one TCP connection.
func runTransportBench(_ args: [String]) -> Int32 {
    let calls = args.first.flatMap { Int($0) } ?? 200_000
    let concurrency = args.dropFirst().first.flatMap { Int($0) } ?? 40
    let done = DispatchSemaphore(value: 0)
    let result = Mutex<Int32>(0)
    Task {
        do {
            let server = try Server(handlers: Diagnostics.handlers())
            let endpoint = try server.listen(on: .tcp(host: "127.0.0.1", port: 0))
            let client = try Client(target: endpoint)
            let request = EchoRequest(payload: Array(repeating: 0x78, count: 300), text: "协商").serializedBytes()
            let start = ContinuousClock.now
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in 0..<concurrency {
                    group.addTask {
                        var i = worker
                        while i < calls {
                            _ = try await client.unary(DiagnosticsService.echo.path, request)
                            i += concurrency
                        }
                    }
                }
                try await group.waitForAll()
            }
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            print("transport: \(calls) unary calls, \(concurrency) concurrent, one connection: \(Int(Double(calls) / seconds)) calls/s")
            await server.shutdown()
        } catch {
            print("transport bench failed: \(error)")
            result.withLock { $0 = 1 }
        }
        done.signal()
    }
    done.wait()
    return result.withLock { $0 }
}
