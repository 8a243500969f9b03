// xieshang: the command-line entry. For now only `diag serve`; the coordinator grows the dispatcher.
import XieshangTransport
#if canImport(Glibc)
import Glibc
#endif

/// Prints `text` to standard error.
func fail(_ text: String) -> Never {
    var line = text + "\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    exit(2)
}

let usage = """
    usage: xieshang diag serve --listen HOST:PORT [--listen HOST:PORT …] [--unix PATH]
      Serves only the Diagnostics service (Echo, EchoStream) for health checks and benchmarks.
      Prints one line "listening on ENDPOINT" per endpoint; stops on SIGINT or SIGTERM.
    """

/// `xieshang diag serve`: listens and serves Diagnostics until a signal arrives.
func diagServe(_ args: [String]) async -> Int32 {
    var endpoints: [Endpoint] = []
    var i = 0
    while i < args.count {
        let flag = args[i]
        guard i + 1 < args.count else { fail("\(flag) needs a value\n\n\(usage)") }
        let value = args[i + 1]
        switch flag {
        case "--listen":
            do { endpoints.append(try Endpoint(parsing: value)) } catch { fail("\(error)") }
        case "--unix":
            endpoints.append(.unix(path: value))
        default:
            fail("unknown option \(flag)\n\n\(usage)")
        }
        i += 2
    }
    if endpoints.isEmpty { fail("give at least one --listen or --unix\n\n\(usage)") }
    // Block the signals before the reactor thread exists, so only sigwait below receives them.
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, SIGINT)
    sigaddset(&set, SIGTERM)
    pthread_sigmask(SIG_BLOCK, &set, nil)
    let server: Server
    do {
        server = try Server(handlers: Diagnostics.handlers(), log: { line in
            var l = "xieshang: " + line + "\n"
            l.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
        })
        for e in endpoints {
            let bound = try server.listen(on: e)
            var line = "listening on \(bound)\n"
            line.withUTF8 { _ = write(1, $0.baseAddress, $0.count) }
        }
    } catch {
        fail("xieshang diag serve: \(error)")
    }
    // Wait for SIGINT/SIGTERM on a plain thread, then shut down gracefully.
    await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
        let box = Unmanaged.passRetained(SignalWaiter(c, set)).toOpaque()
        var tid = pthread_t()
        _ = pthread_create(&tid, nil, { arg in
            let w = Unmanaged<SignalWaiter>.fromOpaque(arg!).takeRetainedValue()
            var s = w.set
            var sig: Int32 = 0
            sigwait(&s, &sig)
            w.continuation.resume()
            return nil
        }, box)
    }
    await server.shutdown(gracePeriodSeconds: 5)
    return 0
}

/// Carries the continuation and signal set to the signal-waiting thread.
final class SignalWaiter: @unchecked Sendable {
    let continuation: CheckedContinuation<Void, Never>
    let set: sigset_t
    init(_ c: CheckedContinuation<Void, Never>, _ s: sigset_t) { continuation = c; set = s }
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch (arguments.first, arguments.dropFirst().first) {
case ("diag", "serve"):
    exit(await diagServe(Array(arguments.dropFirst(2))))
default:
    print(usage)
    exit(arguments.isEmpty ? 0 : 2)
}
