import Foundation
import Testing
import XieshangStore
import XieshangStoreTesting
#if canImport(Glibc)
import Glibc
#endif

/// Rows a damaged (or hand-edited) database holds that SQLite's integrity check accepts: integers out of range, or
/// values of the wrong storage class. Issue 16: a negative `seq` trapped at open (`UInt64(Int64)`); now every integer
/// the store reads is checked and a damaged row is a `.corrupt` error naming the table and the rowid.
struct DamagedRowTests {
    func store(_ dir: TempDir) throws -> String { try StoreOpenTests().populatedStore(dir) }

    func expectCorruptRow(_ what: String, rowid: Int64?, _ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            try body()
            Issue.record("\(what) should fail with a corrupt row", sourceLocation: sourceLocation)
        } catch let error as StoreError {
            #expect(error.code == .corrupt, "\(what): \(error)", sourceLocation: sourceLocation)
            #expect(error.message.contains("table events"), "\(what): \(error.message)", sourceLocation: sourceLocation)
            if let rowid { #expect(error.message.contains("row \(rowid) (rowid)"), "\(what): \(error.message)", sourceLocation: sourceLocation) }
            #expect(error.message.contains("restore it from a backup"), sourceLocation: sourceLocation)
        } catch {
            Issue.record("\(what): \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test("a negative seq, a seq of text and an out-of-range kind: open, replay, reads and appends name the row; no trap")
    func outOfRangeIntegersAreCorruptRowsNotTraps() throws {
        for (sql, rowid) in [("UPDATE events SET seq = -5 WHERE position = 3", Int64(3)),
                             ("UPDATE events SET seq = -9223372036854775808 WHERE position = 5", 5),
                             ("UPDATE events SET seq = 'x' WHERE position = 2", 2),
                             ("UPDATE events SET kind = 4294967296 WHERE position = 4", 4),
                             ("UPDATE events SET time_ms = 1.5 WHERE position = 1", 1)] {
            let dir = TempDir()
            defer { dir.cleanUp() }
            let path = try store(dir)
            try rawDatabase(path).execute(sql)
            // Open with a projection the file has not seen: the open replays the whole log into it.
            expectCorruptRow(sql + " / open", rowid: rowid) { _ = try Store(path: path, projectors: [KindCountProjector()]) }
            let store = try Store(path: path)
            expectCorruptRow(sql + " / entries", rowid: rowid) { _ = try store.reader.entries(after: 0) }
            if sql.contains("seq") {
                expectCorruptRow(sql + " / highest seqs", rowid: nil) { _ = try store.reader.highestSeqs() }
            }
        }
    }

    @Test("every seq of a chain negative: the chain head and the highest seq name the row")
    func negativeHeadIsNamed() throws {
        let dir = TempDir()
        defer { dir.cleanUp() }
        let path = try store(dir)
        try rawDatabase(path).execute("UPDATE events SET seq = -seq WHERE origin = 'a'")
        let store = try Store(path: path)
        expectCorruptRow("highest seq", rowid: nil) { _ = try store.reader.highestSeq(origin: "a") }
        var chain = EventChainBuilder(origin: "a", key: testKey("a"))
        expectCorruptRow("append", rowid: nil) { _ = try store.append(makeEvents(&chain, 1)) }
    }
}

/// Every input in FuzzCorpus (seeds and past crashes of `xieshang-fuzz-store`) goes through the fuzzer's harness: a
/// damaged database opened, replayed, read and appended to, ending in a typed error or a working store.
struct StoreFuzzCorpusTests {
    @Test func everyCorpusInputEndsInATypedErrorOrAWorkingStore() throws {
        let dir = packageRoot() + "/Tests/XieshangStoreTests/FuzzCorpus"
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0 != "README.md" }.sorted()
        #expect(files.count >= 10)
        for file in files {
            let bytes = [UInt8](FileManager.default.contents(atPath: dir + "/" + file) ?? Data())
            StoreFuzzing.exercise(bytes)
        }
    }
}
