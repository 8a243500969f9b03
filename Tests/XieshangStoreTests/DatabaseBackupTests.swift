import Foundation
import Testing
import XieshangStore
import XieshangStoreTesting
import XieshangWire

/// Online backups (``DatabaseBackup``) and the database lock (``StoreLock``), issue 20 item 4.
struct DatabaseBackupTests {
    /// Finding this guards against: `sqlite3_backup_step` restarts from the first page whenever another connection
    /// commits to the source between steps, so a stepped backup of a node that commits all the time never finishes
    /// (and one in a single step gives no progress). The copy must hold one read snapshot for its whole run.
    @Test("a copy in one-page steps finishes while the writer commits after every step, and holds the snapshot of its start")
    func copyFinishesUnderCommits() throws {
        let dir = TempDir()
        defer { dir.cleanUp() }
        let path = dir.file("node.db")
        let store = try Store(path: path)
        var chain = EventChainBuilder(origin: "town", key: testKey("town"))
        _ = try store.append(makeEvents(&chain, 500))
        var steps = 0, pagesAtStart = 0, lastDone = 0
        let copy = try DatabaseBackup.copy(from: path, to: dir.file("backup.db"), origin: "town", pagesPerStep: 1) { progress in
            steps += 1
            if pagesAtStart == 0 { pagesAtStart = progress.pagesTotal }
            #expect(progress.pagesDone >= lastDone || steps > 200, "progress went back from \(lastDone) to \(progress.pagesDone): the copy restarted")
            lastDone = progress.pagesDone
            // The node keeps committing (stops after 200 steps, so a copy that restarts still ends and the test fails).
            if steps <= 200 { _ = try? store.append(makeEvents(&chain, 1)) }
        }
        #expect(pagesAtStart > 20)
        #expect(steps <= pagesAtStart + 1, "\(steps) steps for \(pagesAtStart) pages: the copy restarted when the writer committed")
        #expect(copy.events == 500 && copy.originSeq == 500, "the copy holds \(copy.events) events: not the snapshot of its start")
        #expect(try store.reader.count() == 500 + min(steps, 200))
        #expect(!FileManager.default.fileExists(atPath: dir.file("backup.db-wal")) && !FileManager.default.fileExists(atPath: dir.file("backup.db.partial")))
        #expect(copy.sha256 == SHA256.hash([UInt8](try Data(contentsOf: URL(fileURLWithPath: dir.file("backup.db"))))))
        try DatabaseBackup.check(dir.file("backup.db"))
        let reopened = try Store(path: dir.file("backup.db"))
        #expect(try reopened.reader.highestSeq(origin: "town") == 500)
    }

    @Test("a damaged copy fails the check naming the file")
    func damagedCopyFailsCheck() throws {
        let dir = TempDir()
        defer { dir.cleanUp() }
        let store = try Store(path: dir.file("node.db"))
        var chain = EventChainBuilder(origin: "town", key: testKey("town"))
        _ = try store.append(makeEvents(&chain, 300))
        _ = try DatabaseBackup.copy(from: dir.file("node.db"), to: dir.file("backup.db"), origin: "town") { _ in }
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir.file("backup.db"))))
        try Data(bytes.prefix(bytes.count / 2)).write(to: URL(fileURLWithPath: dir.file("cut.db")))
        for i in stride(from: 4096 + 100, to: 4096 * 3, by: 7) { bytes[i] ^= 0xff }
        try Data(bytes).write(to: URL(fileURLWithPath: dir.file("flipped.db")))
        for name in ["cut.db", "flipped.db"] {
            let error = #expect(throws: StoreError.self) { try DatabaseBackup.check(dir.file(name)) }
            #expect(error?.message.contains(dir.file(name)) == true, "\(String(describing: error))")
        }
    }

    /// Finding: nothing stopped a second node process (or a restore) from writing the database of a running node;
    /// SQLite serializes their transactions, so both would originate events under the same id.
    @Test("the database lock is exclusive, names its holder, and is free again once released")
    func lockIsExclusive() throws {
        let dir = TempDir()
        defer { dir.cleanUp() }
        let path = dir.file("node.db")
        let first = try StoreLock(databasePath: path)
        let error = #expect(throws: StoreError.self) { try StoreLock(databasePath: path, holder: "xieshang restore") }
        #expect(error?.code == .locked && error?.message.contains("pid \(getpid())") == true, "\(String(describing: error))")
        first.release()
        let second = try StoreLock(databasePath: path)
        second.release()
    }
}
