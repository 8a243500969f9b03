import Foundation
import XieshangTransport

/// `xieshang diag serve`: a server with only the Diagnostics service (诊断: Echo, EchoStream), for health checks,
/// interop tests and benchmarks.
enum DiagCommand {
    static let usage = """
        usage: xieshang diag serve --listen HOST:PORT [--listen HOST:PORT …] [--unix PATH]
          Serves only the Diagnostics service (Echo, EchoStream) over HTTP/2 with gRPC framing (h2c).
          Prints one line "listening on ENDPOINT" per endpoint (port 0 picks a free port);
          stops gracefully on SIGINT or SIGTERM.
        """

    static func run(_ args: [String]) -> Int32 {
        guard args.first == "serve" else {
            if args.contains("--help") || args.contains("-h") || args.isEmpty {
                print(usage)
                return args.isEmpty ? ExitCode.usage : ExitCode.done
            }
            return fail("unknown diag command '\(args[0])'.\n\n\(usage)", code: ExitCode.usage)
        }
        var endpoints: [Endpoint] = []
        var rest = Array(args.dropFirst())
        while let flag = rest.first {
            if flag == "--help" || flag == "-h" {
                print(usage)
                return ExitCode.done
            }
            guard rest.count >= 2 else { return fail("\(flag) needs a value.\n\n\(usage)", code: ExitCode.usage) }
            let value = rest[1]
            rest.removeFirst(2)
            switch flag {
            case "--listen":
                do { endpoints.append(try Endpoint(parsing: value)) } catch {
                    return fail("\(error)", code: ExitCode.usage)
                }
            case "--unix":
                endpoints.append(.unix(path: value))
            default:
                return fail("unknown option \(flag).\n\n\(usage)", code: ExitCode.usage)
            }
        }
        if endpoints.isEmpty { return fail("give at least one --listen or --unix.\n\n\(usage)", code: ExitCode.usage) }

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
                FileHandle.standardOutput.write(Data("listening on \(bound)\n".utf8))
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
