import Foundation
import XieshangTransport

/// `xieshang diag serve`: a server with only the Diagnostics service (诊断: Echo, EchoStream), for health checks,
/// interop tests and benchmarks.
enum DiagCommand {
    typealias Spec = Invocation.Spec

    static let group = SubcommandGroup(
        name: "diag", summary: "serve the Diagnostics service (Echo, EchoStream) for health checks and benchmarks",
        commands: [
            (Spec(name: "diag serve", summary: "serves only the Diagnostics service (Echo, EchoStream) over HTTP/2 with gRPC framing (h2c)",
                  repeated: ["listen", "unix"],
                  details: """
                      --listen HOST:PORT (port 0 picks a free port) and --unix PATH, each as often as wanted; at least one.
                      Prints one line "listening on ENDPOINT" per endpoint (--json: {"listening":"ENDPOINT"}), as scripts read
                      it; stops gracefully on SIGINT or SIGTERM. A bad address exits 2 before anything listens.
                    """,
                  example: "xieshang diag serve --listen 127.0.0.1:50051 --unix /tmp/xieshang-diag.sock",
                  talksToNode: false, jsonOutput: .prints), serve),
        ])

    static func run(_ args: [String]) -> Int32 { group.run(args) }

    /// The endpoints of `--listen` and `--unix`, each checked (a numeric host, a port 0–65535, a Unix path within the
    /// limit) before anything listens.
    static func endpoints(_ inv: Invocation) throws(Invocation.Exit) -> [Endpoint] {
        var endpoints: [Endpoint] = []
        for (option, text) in inv.allValues("listen").map({ ("listen", $0) }) + inv.allValues("unix").map({ ("unix", $0) }) {
            let endpoint: Endpoint
            do throws(TransportError) {
                endpoint = option == "unix" ? Endpoint.unix(path: text) : try Endpoint(parsing: text)
                try endpoint.checkAddress()
            } catch {
                throw inv.usage("--\(option) '\(text)': \(error.message)")
            }
            if case .unix(let path) = endpoint, path.isEmpty { throw inv.usage("--\(option) '\(text)' names no socket path.") }
            endpoints.append(endpoint)
        }
        if endpoints.isEmpty { throw inv.usage("give at least one --listen HOST:PORT or --unix PATH.") }
        return endpoints
    }

    static func serve(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let endpoints = try endpoints(inv)
        // Block SIGINT/SIGTERM before any other thread exists, so only sigwait below receives them.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &signals, nil)

        let server: Server
        do {
            server = try Server(handlers: Diagnostics.handlers(), log: { line in
                FileHandle.standardError.write(Data(("xieshang: " + line + "\n").utf8))
            })
            for endpoint in endpoints {
                let bound = try server.listen(on: endpoint)
                let line = inv.json ? "{\"listening\":\(AuditCommand.jsonString(bound.description))}" : "listening on \(bound)"
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
            }
        } catch {
            return fail("diag serve: \(error)", code: ExitCode.refused)
        }
        var received: Int32 = 0
        sigwait(&signals, &received)
        let stopped = DispatchSemaphore(value: 0)
        Task {
            await server.shutdown(gracePeriodSeconds: 5)
            stopped.signal()
        }
        stopped.wait()
        return ExitCode.done
    }
}
