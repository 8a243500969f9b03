import Dispatch
import Foundation
import XieshangNode
import XieshangTransport
import XieshangWire

/// `xieshang backup FILE` and `xieshang restore FILE --config node.json` 备份与恢复 (README, "Operations").
///
/// `backup` asks the running node (its Admin socket) for an online copy of its database: the node writes FILE (a plain
/// SQLite database) and FILE.manifest (node id, key fingerprint, SHA-256, size) while it keeps recording; progress is
/// shown on a terminal. `restore` runs with the node stopped: it refuses another node's backup (naming both ids), a
/// damaged one (naming the file) and a running node, then installs the backup and keeps the replaced database as
/// node.db.before-restore-<UTC time>. Started again, the node is fenced until it has pulled its newer events back from
/// its parent.
enum BackupCommand {
    static let backupSpec = Invocation.Spec(
        name: "backup", summary: "online backup of the running node's database to FILE, with FILE.manifest (checksum, node id) beside it",
        positionals: ["FILE"],
        details: "  the node keeps recording while it runs; FILE is written by the node's process (its user needs write access to the folder)",
        example: "xieshang backup /srv/xieshang/backups/wanshan-$(date +%F).db --node /srv/xieshang/wanshan/admin.sock")
    static let restoreSpec = Invocation.Spec(
        name: "restore", summary: "installs a backup of this node (node stopped); keeps the current database as node.db.before-restore-<time>",
        positionals: ["FILE"], valued: ["config"], required: ["config"],
        details: "  refuses a backup of another node, a damaged backup, and a node that is running; the restored node pulls its newer events back from its parent",
        example: "xieshang restore /srv/xieshang/backups/wanshan-2026-12-01.db --config /srv/xieshang/wanshan/node.json")

    /// Exit code of a refused restore or backup (another node's, damaged, node running).
    static func backup(_ args: [String]) -> Int32 {
        do throws(Invocation.Exit) {
            let inv = try Invocation.parse(args, backupSpec)
            guard inv.positionals.count == 1 else { throw inv.usage("give one backup FILE.") }
            let file = absolute(inv.positional(0))
            let result = call(inv.socket, BackupRequest(file: file)) { progress in
                Progress.show(inv.text("备份", "backing up"), Int(clamping: progress.pagesDone), Int(clamping: progress.pagesTotal))
            }
            switch result {
            case .success(let done):
                if inv.json {
                    print(done.jsonString())
                } else {
                    print(inv.text("已备份到 \(done.file)（\(done.bytes) 字节，\(done.events) 个事件，本节点链到 \(done.ownSeq)，SHA-256 \(done.sha256)，清单 \(done.file).manifest）",
                                   "backup written to \(done.file) (\(done.bytes) bytes, \(done.events) events, own chain at \(done.ownSeq), SHA-256 \(done.sha256), manifest \(done.file).manifest)"))
                }
                return ExitCode.done
            case .failure(let error as TransportError) where error.code == .connect || (error.status == .unavailable && error.code != .rpc):
                return fail("the node is not reachable on \(inv.socket): \(error.message)\n  backup needs the running node; pass its socket with --node PATH / XIESHANG_NODE", code: ExitCode.unreachable)
            case .failure(let error as TransportError):
                return fail(DisplayText.escaped(error.message, keepingLineBreaks: true), code: ExitCode.refused)
            case .failure(let error):
                return fail("backup failed: \(error)", code: ExitCode.refused)
            }
        } catch {
            return error.code
        }
    }

    static func restore(_ args: [String]) -> Int32 {
        do throws(Invocation.Exit) {
            let inv = try Invocation.parse(args, restoreSpec)
            guard inv.positionals.count == 1 else { throw inv.usage("give one backup FILE.") }
            let file = inv.positional(0), configPath = try inv.required("config")
            let config: NodeConfig
            do { config = try NodeConfig.load(from: configPath) } catch { return fail(error.message, code: ExitCode.usage) }
            let restored: NodeBackup.Restored
            do { restored = try NodeBackup.restore(file: file, config: config) } catch {
                return fail("restore refused: " + error.message, code: ExitCode.refused)
            }
            let m = restored.manifest
            if inv.json {
                let aside = restored.keptAside.map { "\"\($0)\"" } ?? "null"
                print("{\"database\":\"\(restored.database)\",\"kept_aside\":\(aside),\"node_id\":\"\(m.nodeId)\",\"own_seq\":\(m.ownSeq),\"events\":\(m.events),\"created_utc\":\"\(m.createdUTC)\"}")
            } else {
                let aside = restored.keptAside.map { inv.text("原数据库保留为 \($0)；", "the previous database is kept as \($0); ") } ?? ""
                print(inv.text("已恢复 \(m.nodeId) 的备份（\(m.createdUTC)，\(m.events) 个事件）到 \(restored.database)；\(aside)启动节点后，它先从上级取回备份之后的事件，再记录新的。",
                               "restored the backup of \(m.nodeId) (\(m.createdUTC), \(m.events) events) to \(restored.database); \(aside)start the node: it pulls its newer events back from its parent before it records anything new."))
            }
            return ExitCode.done
        } catch {
            return error.code
        }
    }

    /// The node writes the file, maybe from another working directory: the path it gets is absolute.
    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    /// The result box of the blocking call. Invariant: written once before the semaphore is signalled, read after.
    final class Outcome: @unchecked Sendable {
        var result: Result<BackupProgress, Error> = .failure(TransportError.status(.internal, "backup: no answer"))
    }

    /// Admin.Backup on the node's socket, blocking this (main) thread; `progress` sees each progress message.
    static func call(_ socket: String, _ request: BackupRequest, progress: @escaping @Sendable (BackupProgress) -> Void) -> Result<BackupProgress, Error> {
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                var configuration = ClientConfiguration()
                // A large database takes minutes; the node reports progress all along, and a hung node is still noticed.
                configuration.defaultTimeoutSeconds = 6 * 3600
                let client = try Client(target: .unix(path: socket), configuration: configuration)
                defer { client.close() }
                outcome.result = .success(try await client.serverStreaming(AdminService.backup.path, request.serializedBytes()) { responses in
                    for try await bytes in responses {
                        let message = try BackupProgress(serializedBytes: bytes)
                        if message.done { return message }
                        progress(message)
                    }
                    throw TransportError.status(.internal, "backup: the node ended the call before the backup was done")
                })
            } catch {
                outcome.result = .failure(error)
            }
            done.signal()
        }
        done.wait()
        return outcome.result
    }
}
