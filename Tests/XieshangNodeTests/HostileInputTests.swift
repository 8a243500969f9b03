import Foundation
import Testing
import XieshangDomain
import XieshangNode
import XieshangStore
import XieshangTransport
import XieshangWire

/// Issue 16, the operator's side: what a node accepts from its config, its files, its database, its admin socket and
/// its peers' text — each finding reproduced against real `xieshang` processes, as an operator would meet it.
@Suite("hostile input: config, files, store, admin, text (issue 16)", .serialized)
struct HostileInputTests {
    static var xieshang: String { get throws {
        guard let exe = LocalFederation.xieshang() else { throw LocalFederation.Failure(description: "xieshang not built; run swift build --build-tests") }
        return exe
    } }

    func tempDir() throws -> String {
        let dir = "/tmp/xshi-" + String(UUID().uuidString.prefix(8)).lowercased()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Runs `xieshang args` under `umask 022` (the usual login umask, so a mode is what the code set, not the umask).
    func run(_ args: [String]) async throws -> ProcessRun {
        let quoted = args.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        return try await ProcessRun.run("/bin/sh", ["-c", "umask 022; exec '\(try Self.xieshang)' \(quoted)"])
    }

    /// Starts `xieshang node --config` under umask 022, and returns the process once its admin socket answers `status`
    /// (or nil with the output when it exits first). A node that keeps running past `seconds` without answering fails.
    func startNode(_ config: String, socket: String, seconds: Double = 30) async throws -> (process: Process?, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "umask 022; exec '\(try Self.xieshang)' node --config '\(config)'"]
        let log = config + ".log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        p.standardOutput = handle
        p.standardError = handle
        try p.run()
        var patience = Patience(seconds: seconds)
        while patience.remains() {
            if !p.isRunning {
                p.waitUntilExit()
                return (nil, "exit \(p.terminationStatus) (\(p.terminationReason == .uncaughtSignal ? "signal" : "exit")): "
                    + ((try? String(contentsOfFile: log, encoding: .utf8)) ?? ""))
            }
            if try await run(["status", "--node", socket]).status == 0 { return (p, "") }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        return (p, "still running after \(Int(seconds)) s")
    }

    /// Runs the node on `config` expecting it to refuse to start: its exit status and output (a node that starts
    /// instead is stopped and reported as status -1). A refusing node exits at once, but on a loaded machine the test's
    /// Process can see that exit late (its reaping runs on a Dispatch queue), so the wait is long; a node that starts
    /// answers `status` and ends the wait early.
    func expectRefusal(_ config: String, socket: String) async throws -> (status: Int32, output: String) {
        let (p, output) = try await startNode(config, socket: socket, seconds: 60)
        if let p {
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            return (-1, "the node started: " + output)
        }
        let status = Int32(output.dropFirst(5).prefix { $0 != " " }) ?? -2
        return (output.contains("(signal)") ? -3 : status, output)
    }

    func stop(_ p: Process) -> Int32 {
        kill(p.processIdentifier, SIGTERM)
        p.waitUntilExit()
        return p.terminationStatus
    }

    func mode(_ path: String) -> Int {
        var st = stat()
        return lstat(path, &st) == 0 ? Int(st.st_mode & 0o777) : -1
    }

    func editConfig(_ path: String, _ change: (inout [String: Any]) -> Void) throws {
        var o = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
        change(&o)
        try JSONSerialization.data(withJSONObject: o).write(to: URL(fileURLWithPath: path))
    }

    /// Finding (issue 16, 6): `init` and the README's deployment wrote plain h2c on 0.0.0.0 and the node served it
    /// without a word. Now a node whose `tls` is off refuses a listen address other than loopback (exit 78, which the
    /// systemd unit does not restart on) unless `insecure_h2c` says so; h2c on 127.0.0.1 stays allowed.
    @Test("a node refuses plain h2c on a non-loopback address (exit 78, no restart) unless insecure_h2c; loopback h2c is allowed")
    func h2cOffLoopbackIsRefused() async throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let made = try await run(["init", "--id", "town9", "--listen", "127.0.0.1:0", "--dir", dir])
        #expect(made.status == 0, "\(made.output)")
        let config = dir + "/node.json"
        let port = try LocalFederation.freePortRange(1)
        try editConfig(config) { $0["tls"] = false; $0["listen"] = "0.0.0.0:\(port)" }
        let (status, output) = try await expectRefusal(config, socket: dir + "/admin.sock")
        #expect(status == NodeProcess.exitConfig, "\(output)")
        #expect(output.contains("0.0.0.0:\(port)") && output.contains("\"tls\": true") && output.contains("insecure_h2c"), "\(output)")
        // The unit file does not restart a node on that exit code.
        let unit = try String(contentsOfFile: ExportCommandTests.packageRoot + "/Ops/systemd/xieshang-node@.service", encoding: .utf8)
        #expect(unit.contains("RestartPreventExitStatus=78"))
        // An explicit insecure_h2c is accepted (the config loads); so is h2c on loopback, and TLS anywhere.
        try editConfig(config) { $0["insecure_h2c"] = true }
        #expect(try NodeConfig.load(from: config).insecureH2c)
        for (listen, tls) in [("127.0.0.1:\(port)", false), ("[::1]:\(port)", false), ("0.0.0.0:\(port)", true)] {
            try editConfig(config) { $0["insecure_h2c"] = nil; $0["tls"] = tls; $0["listen"] = listen }
            #expect(throws: Never.self, "\(listen) tls \(tls)") { try NodeConfig.load(from: config) }
        }
        try editConfig(config) { $0["tls"] = false; $0["listen"] = "10.1.0.5:\(port)" }
        #expect(throws: NodeError.self) { try NodeConfig.load(from: config) }
    }

    /// Finding (issue 16, 9): the data directory and node.db (with its -wal and -shm) were created world-readable.
    @Test("init makes the data directory 0700 and node.json 0600; the node's database, WAL and shared memory are 0600")
    func dataDirectoryAndDatabaseArePrivate() async throws {
        let root = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let dir = root + "/body"
        let made = try await run(["init", "--id", "town9", "--listen", "127.0.0.1:0", "--dir", dir])
        #expect(made.status == 0, "\(made.output)")
        let socket = dir + "/admin.sock"
        let (node, output) = try await startNode(dir + "/node.json", socket: socket)
        guard let node else { Issue.record("the node did not start: \(output)"); return }
        let record = try await run(["activity", "add", "--id", "Q-1", "--kind", "research", "--topic", "调研", "--participants", "1", "--node", socket])
        #expect(record.status == 0, "\(record.output)")
        #expect(mode(dir) == 0o700, "data directory mode \(String(mode(dir), radix: 8))")
        for file in ["node.json", "node.key", "node.db", "node.db-wal", "node.db-shm"] {
            #expect(mode(dir + "/" + file) == 0o600, "\(file) mode \(String(mode(dir + "/" + file), radix: 8))")
        }
        #expect(stop(node) == 0)
    }

    /// Finding (issue 16, 9): the key file was checked with `stat` and then opened (a race, no owner check, and it
    /// followed symbolic links). Now it is opened with O_NOFOLLOW and checked on the open descriptor.
    @Test("the node refuses a key file that is a symbolic link or owned by another user, saying what to run (exit 78)")
    func keyFileIsOpenedWithoutFollowingLinksAndMustBeOurs() async throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let made = try await run(["init", "--id", "town9", "--listen", "127.0.0.1:0", "--dir", dir])
        #expect(made.status == 0, "\(made.output)")
        let key = dir + "/node.key"
        #expect(rename(key, dir + "/real.key") == 0 && symlink(dir + "/real.key", key) == 0)
        let linked = try await expectRefusal(dir + "/node.json", socket: dir + "/admin.sock")
        #expect(linked.status == NodeProcess.exitConfig, "\(linked.output)")
        #expect(linked.output.contains("symbolic link") && linked.output.contains(key), "\(linked.output)")
        #expect(unlink(key) == 0 && rename(dir + "/real.key", key) == 0)
        guard geteuid() == 0 else { return }  // only root can give the file to another user
        #expect(chown(key, 65_534, 65_534) == 0)
        let foreign = try await expectRefusal(dir + "/node.json", socket: dir + "/admin.sock")
        #expect(foreign.status == NodeProcess.exitConfig, "\(foreign.output)")
        #expect(foreign.output.contains("owned by uid 65534") && foreign.output.contains("chown 0 \(key)"), "\(foreign.output)")
    }

    /// Finding (issue 16, 9): a negative `seq` in the database trapped at open. Now a damaged row is a typed store
    /// error naming the table and the rowid, and the node exits 1 with it (no signal, no crash loop).
    @Test("a negative seq in node.db: the node refuses to start naming table events and the rowid, without a trap")
    func negativeSeqInTheDatabaseIsNamedNotATrap() async throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try await run(["init", "--id", "town9", "--listen", "127.0.0.1:0", "--dir", dir])
        let socket = dir + "/admin.sock"
        let (node, output) = try await startNode(dir + "/node.json", socket: socket)
        guard let node else { Issue.record("the node did not start: \(output)"); return }
        for i in 1...3 {
            let record = try await run(["activity", "add", "--id", "Q-\(i)", "--kind", "research", "--topic", "调研", "--participants", "1", "--node", socket])
            #expect(record.status == 0, "\(record.output)")
        }
        #expect(stop(node) == 0)
        do {
            let db = try Database(path: dir + "/node.db", create: false)
            try db.execute("UPDATE events SET seq = -5 WHERE position = 2")
        }
        let refused = try await expectRefusal(dir + "/node.json", socket: socket)
        #expect(refused.status == NodeProcess.exitRefused, "\(refused.output)")
        #expect(refused.output.contains("table events") && refused.output.contains("row 2 (rowid)"), "\(refused.output)")
    }

    /// Finding (issue 16, 9): the admin Stats call accepted a period the CLI refuses (`99999999999`), and computed
    /// with it. Now the admin handler answers INVALID_ARGUMENT, and the node keeps answering.
    @Test("admin Stats refuses an out-of-range period with INVALID_ARGUMENT through the admin socket; the node stays up")
    func adminStatsRefusesAnOutOfRangePeriod() async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 0)
        defer { fed.stopAll() }
        try await fed.start("city")
        for period in ["99999999999", "2026-13", "0000", "-2026", "2026-Q9999999999999999999"] {
            do {
                _ = try await fed.call("city", AdminService.stats.path, StatsRequest(period: period).serializedBytes())
                Issue.record("period \(period) was accepted")
            } catch let error as TransportError {
                #expect(error.status == .invalidArgument, "\(period): \(error)")
                #expect(error.message.contains("period"), "\(period): \(error)")
            }
        }
        let fine = try StatsResponse(serializedBytes: try await fed.call("city", AdminService.stats.path, StatsRequest(period: "2026-Q3").serializedBytes()))
        #expect(fine.period == "2026-Q3")
        #expect(try await fed.status("city").nodeId == "city")
        #expect(fed.stop("city") == 0)
    }

    /// Finding (issue 16, 4): duty scoring and policy values with extreme settings (points per category, thresholds,
    /// minimums) were summed and multiplied past Int.max and trapped. Now a policy with absurd values is refused when
    /// recorded, naming the field, and the node keeps serving `member list` with duty scores.
    @Test("a policy with absurd duty values is refused naming the field; the node keeps scoring members")
    func absurdPolicyValuesAreRefusedNamingTheField() async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 0)
        defer { fed.stopAll() }
        try await fed.start("city")
        let socket = fed.member("city").config.adminSocket
        for args in [["member", "add", "--id", "M1", "--name", "张明", "--sector", "经济界", "--date", "2026-01-05"],
                     ["member", "add", "--id", "M2", "--name", "李华", "--sector", "农业界", "--date", "2026-01-05"],
                     ["proposal", "submit", "--id", "TA-1", "--title", "关于茶产业的建议", "--text", "建议…", "--by", "M1",
                      "--kind", "joint", "--cosigners", "M2", "--date", "2026-01-10"]] {
            let r = try await run(args + ["--node", socket])
            #expect(r.status == 0, "\(args): \(r.output)")
        }
        let cases: [(String, (inout Policy) -> Void)] = [
            ("duty.proposal_tenths", { $0.duty.proposalTenths = Int.max }),
            ("duty.base_tenths", { $0.duty.baseTenths = Int.max - 5 }),
            ("duty.cap_proposals_tenths", { $0.duty.capTenths[.proposals] = Int.max }),
            ("duty.resignation_after_years", { $0.duty.resignationAfterYears = Int(Int32.max) }),
            ("duty.unexcused_absence_tenths", { $0.duty.unexcusedAbsenceTenths = Int.min }),
            ("reply_months", { $0.replyMonths = Int(Int32.max); $0.maxExtensionMonths = Int(Int32.max) }),
        ]
        for (field, change) in cases {
            var policy = Policy()
            policy.version = 2
            change(&policy)
            let request = SubmitRequest(kind: .policySet, payload: policy.wireMessage.serializedBytes(), actor: "office")
            do {
                _ = try await fed.call("city", AdminService.submit.path, request.serializedBytes())
                Issue.record("a policy with an absurd \(field) was recorded")
            } catch let error as TransportError {
                #expect(error.status == .failedPrecondition, "\(field): \(error)")
                #expect(error.message.contains(field), "the refusal names \(field): \(error.message)")
            }
        }
        let list = try await run(["member", "list", "--node", socket])
        #expect(list.status == 0 && list.output.contains("张明") && list.output.contains("李华"), "\(list.output)")
        #expect(try await fed.status("city").nodeId == "city")
    }

    /// Finding (issue 16, 7): a node id in an unauthenticated Hello wrote forged lines into the log and escape
    /// sequences into `xieshang status`; record titles reached CLI tables raw. Peer text is data now: control
    /// characters, line breaks and bidi overrides are escaped (DisplayText) in the log file and in every CLI output.
    @Test("a Hello with a node id holding a newline, ESC and a bidi override: no forged log line, no escape in status or tables")
    func peerTextIsEscapedInTheLogAndTheCLI() async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 0)
        defer { fed.stopAll() }
        try await fed.start("city")
        let city = fed.member("city").config
        let forged = "2026-12-02 00:00:00 info city: forged line"
        let hostile = "evil\n\(forged)\u{1b}[2J\u{202E}x"
        var configuration = ClientConfiguration()
        configuration.defaultTimeoutSeconds = 5
        let client = try Client(target: try Endpoint(parsing: city.listen), configuration: configuration)
        let hello = HelloRequest(nodeId: hostile, publicKey: [UInt8](repeating: 9, count: 32), incarnation: [1, 2, 3],
                                 challenge: [UInt8](repeating: 7, count: 32), protocolVersion: 1)
        // Refused before anything of it is logged or echoed (the id is checked against the node-id rule first).
        do {
            _ = try await client.unary(FederationService.hello.path, hello.serializedBytes())
            Issue.record("a Hello with a hostile node id was answered")
        } catch let error as TransportError {
            #expect(error.status == .invalidArgument, "\(error)")
            #expect(!error.message.contains("evil"), "the refusal echoes the id: \(error.message)")
        }
        client.close()
        // A record whose title holds the same text, shown in a CLI table.
        let socket = city.adminSocket
        #expect(try await run(["member", "add", "--id", "M1", "--name", "张明", "--sector", "经济界", "--date", "2026-01-05", "--node", socket]).status == 0)
        let submitted = try await run(["proposal", "submit", "--id", "TA-1", "--title", "标题\u{1b}[31m红\u{202E}反\n\(forged)", "--text", "x",
                                       "--by", "M1", "--date", "2026-01-10", "--node", socket])
        #expect(submitted.status == 0, "\(submitted.output)")
        let outputs = [("the log", (try? String(contentsOfFile: fed.dir("city") + "/node.log", encoding: .utf8)) ?? ""),
                       ("xieshang status", try await run(["status", "--node", socket]).output),
                       ("proposal list", try await run(["proposal", "list", "--node", socket]).output),
                       ("proposal show", try await run(["proposal", "show", "TA-1", "--node", socket]).output)]
        for (what, text) in outputs {
            #expect(!text.unicodeScalars.contains { $0 == "\u{1b}" || $0 == "\u{202E}" || $0 == "\r" }, "\(what) holds a raw control: \(text.debugDescription)")
            #expect(!text.split(separator: "\n").contains { $0.hasPrefix("2026-12-02") }, "\(what) holds a forged line: \(text)")
        }
        #expect(outputs[2].1.contains("标题\\u{1B}[31m红\\u{202E}反"), "\(outputs[2].1)")
        #expect(fed.stop("city") == 0)
    }
}
