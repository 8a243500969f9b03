import Dispatch
import Synchronization
import Glibc
import XieshangWire

/// The node process's entry point (节点进程), shared by `xieshang node` and the lean `xieshang-node` executable:
/// reads and validates `--config`, runs the node, and stops it gracefully on SIGINT or SIGTERM.
public enum NodeProcess {
    /// Success, and the graceful stop after a signal.
    public static let exitDone: Int32 = 0
    /// The node refused to start for a reason a restart may cure (the store, the listen port; the message says which).
    public static let exitRefused: Int32 = 1
    /// The config or the key file is wrong (EX_CONFIG of sysexits.h): a restart cannot help until an operator fixes
    /// the file the message names, so the systemd unit does not restart on it (`RestartPreventExitStatus=78`).
    public static let exitConfig: Int32 = 78
    /// The command line itself is wrong.
    public static let exitUsage: Int32 = 2

    /// The usage text, naming the command as the operator typed it (`xieshang node` or `xieshang-node`).
    public static func usage(command: String) -> String {
        """
        usage: \(command) --config FILE
          Runs this body's node: the Federation service on `listen`, the Admin service on the Unix socket.
          Stops gracefully on SIGINT or SIGTERM. On a fatal error, a message and exit 78 when the config or key file
          must be fixed first (a restart cannot help), exit 1 otherwise.
        """
    }

    /// The command line of the lean executables (`xieshang-node --config FILE`, which link no CLI): runs the node
    /// with ``serve(configFile:faults:testKinds:)``; usage to stdout for `--help`. `xieshang node` parses its command
    /// line with the CLI's own parser and calls `serve` itself. `faults` and `testKinds` (the event kinds reserved
    /// for tests the node makes and accepts) are for the test executable `xieshang-node-test` only.
    public static func run(_ args: [String], command: String, faults: (any FaultInjection)? = nil,
                           testKinds: Set<EventKind> = []) -> Int32 {
        guard args.count == 2, args[0] == "--config" else {
            if args.contains("--help") || args.contains("-h") {
                print(usage(command: command))
                return exitDone
            }
            return fail("give --config FILE.\n\n\(usage(command: command))", code: exitUsage)
        }
        return serve(configFile: args[1], faults: faults, testKinds: testKinds)
    }

    /// Runs the node of the config file `configFile` until SIGINT or SIGTERM; returns the exit code. Errors go to
    /// stderr prefixed `xieshang: `.
    public static func serve(configFile: String, faults: (any FaultInjection)? = nil, testKinds: Set<EventKind> = []) -> Int32 {
        // Block SIGINT/SIGTERM before any other thread exists, so only sigwait below receives them.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        signal(SIGPIPE, SIG_IGN)
        let node: Node
        do {
            let config = try NodeConfig.load(from: configFile)
            node = try Node(config: config, configFile: configFile, faults: faults, testKinds: testKinds)
        } catch {
            return fail("node: \(error)", code: error.code == .config || error.code == .keyFile ? exitConfig : exitRefused)
        }
        // node.json's policy settings, recorded as the next signed policy version when they changed (ConfiguredPolicy).
        if node.runtime.config.policy != nil {
            let outcome = Mutex<Result<String?, NodeError>>(.success(nil))
            let applied = DispatchSemaphore(value: 0)
            Task {
                let result: Result<String?, NodeError>
                do throws(NodeError) { result = .success(try await ConfiguredPolicy.apply(node.runtime, configFile: configFile)) } catch { result = .failure(error) }
                outcome.withLock { $0 = result }
                applied.signal()
            }
            applied.wait()
            switch outcome.withLock({ $0 }) {
            case .success(let line): if let line { node.logger.info(line) }
            case .failure(let error):
                let stopped = DispatchSemaphore(value: 0)
                Task {
                    await node.shutdown()
                    stopped.signal()
                }
                stopped.wait()
                return fail("node: \(error)", code: exitConfig)
            }
        }
        var received: Int32 = 0
        sigwait(&signals, &received)
        node.logger.info("signal \(received): shutting down")
        let stopped = DispatchSemaphore(value: 0)
        Task {
            await node.shutdown()
            stopped.signal()
        }
        stopped.wait()
        return exitDone
    }

    private static func fail(_ message: String, code: Int32) -> Int32 {
        StandardError.write("xieshang: " + message + "\n")
        return code
    }
}
