import Foundation
import Testing
import XieshangDomain
@testable import XieshangNode
import XieshangStore
import enum XieshangWire.EventKind

/// The record framework's descriptions (issue 18, item 3): each record type is described once (``RecordType``), its
/// projection tables with named columns (``RecordTables``), and the projectors, the Submit paths and the CLI read
/// those descriptions. These tests check that the descriptions agree with what the code does.
@Suite("Record types and their tables")
struct RecordTablesTests {
    /// Every column of every table in `db`, as `table(column type notnull pk)` lines, and every index as
    /// `index table(columns)`, sorted — the shape a database holds, whatever SQL text made it.
    static func shape(_ db: Database) throws -> [String] {
        var lines: [String] = []
        let tables = try db.rows("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").compactMap { r -> String? in
            if case .text(let t) = r[0] { return t }
            return nil
        }
        for table in tables {
            for c in try db.rows("SELECT name, type, \"notnull\", pk FROM pragma_table_info(?) ORDER BY cid", [.text(table)]) {
                lines.append("\(table)(\(c.map(\.description).joined(separator: " ")))")
            }
            for i in try db.rows("SELECT name FROM pragma_index_list(?) WHERE origin = 'c' ORDER BY name", [.text(table)]) {
                guard case .text(let index) = i[0] else { continue }
                let columns = try db.rows("SELECT name FROM pragma_index_info(?) ORDER BY seqno", [.text(index)]).map { $0[0].description }
                lines.append("index \(index) \(table)(\(columns.joined(separator: ",")))")
            }
        }
        return lines
    }

    @Test("the described tables are exactly the tables written by hand before (no rebuild of older databases)")
    func describedTablesMatchTheHandWrittenOnes() throws {
        let dir = RecordsTempDir()
        defer { dir.cleanUp() }
        let fixture = OpsFederationScriptTests.root + "/Tests/XieshangNodeTests/Fixtures/projection-tables-v4.sql"
        let before = try Database(path: dir.file("before.db"))
        try before.executeScript(try String(contentsOfFile: fixture, encoding: .utf8))
        let now = try Database(path: dir.file("now.db"))
        try now.executeScript(RecordTables.sql(of: .domain) + RecordTables.sql(of: .alliance))
        let old = try Self.shape(before), new = try Self.shape(now)
        #expect(old.count > 150, "the fixture holds the projection tables (\(old.count) columns and indexes)")
        #expect(new == old, "differences: \(Set(new).symmetricDifference(Set(old)).sorted())")
        // The projectors own exactly those tables.
        let owned = Set(DomainProjector(body: BodyInfo(id: "t", name: "t", tier: "township", parent: nil)).tables
                        + RecordTables.tables(of: .alliance).map(\.name))
        let made = Set(try now.rows("SELECT name FROM sqlite_master WHERE type = 'table'").compactMap { r -> String? in
            if case .text(let t) = r[0] { return t }
            return nil
        })
        #expect(owned == made)
    }

    @Test("a fresh domain projection holds the body's first policy version, written from the named row")
    func freshProjectionHoldsTheFirstPolicy() throws {
        let dir = RecordsTempDir()
        defer { dir.cleanUp() }
        let body = BodyInfo(id: "township-a", name: "甲镇", tier: "township", parent: "county-a")
        let projector = DomainProjector(body: body)
        let store = try Store(path: dir.file("t.db"), projectors: [projector])
        let rows = try store.reader.rows("SELECT version, reply_months, satisfaction_formula, registers_proposals FROM policy_versions")
        let policy = DomainState(body: body).policy
        #expect(rows == [[.integer(1), .integer(Int64(policy.replyMonths)), .text(policy.satisfactionFormula.rawValue),
                          .integer(policy.registersProposals ? 1 : 0)]])
    }

    @Test("a row is written by column name: a missing, unknown, repeated or NULL-in-NOT-NULL column is refused, naming it, and nothing is written")
    func namedRowsAreChecked() throws {
        let dir = RecordsTempDir()
        defer { dir.cleanUp() }
        let db = try Database(path: dir.file("rows.db"))
        let table = RecordTables.suggestions
        try db.executeScript(table.sql)
        let good: KeyValuePairs<String, DatabaseValue> = [
            "id": "s1", "text": "修路", "addressee": "交通局", "activity_id": "a1", "members": "", "status": "open",
            "made_on": "2026-03-01", "adopted_on": .null, "adopted_by": .null, "closed_on": .null,
        ]
        try db.insert(table, good)
        #expect(try db.scalar("SELECT count(*) FROM suggestions") == .integer(1))

        let missing: KeyValuePairs<String, DatabaseValue> = ["id": "s2", "text": "x"]
        let unknown: KeyValuePairs<String, DatabaseValue> = [
            "id": "s3", "text": "x", "addressee": "y", "activity_id": "a1", "members": "", "status": "open", "made_on": "2026-03-01",
            "adopted_on": .null, "adopted_by": .null, "closed_on": .null, "colour": "red",
        ]
        let repeated: KeyValuePairs<String, DatabaseValue> = [
            "id": "s4", "text": "x", "addressee": "y", "activity_id": "a1", "members": "", "status": "open", "made_on": "2026-03-01",
            "adopted_on": .null, "adopted_by": .null, "closed_on": .null, "status": "adopted",
        ]
        let nullInNotNull: KeyValuePairs<String, DatabaseValue> = [
            "id": "s5", "text": .null, "addressee": "y", "activity_id": "a1", "members": "", "status": "open", "made_on": "2026-03-01",
            "adopted_on": .null, "adopted_by": .null, "closed_on": .null,
        ]
        for (bad, names) in [(missing, "misses column 'addressee'"), (unknown, "column 'colour', which the table does not have"),
                             (repeated, "column 'status' twice"), (nullInNotNull, "NULL in column 'text'")] {
            do {
                try db.insert(table, bad)
                Issue.record("the row \(bad) was written")
            } catch {
                #expect(error.code == .projector)
                #expect(error.message.contains("table suggestions") && error.message.contains(names), "\(error.message)")
            }
        }
        #expect(try db.scalar("SELECT count(*) FROM suggestions") == .integer(1), "nothing but the good row was written")
    }

    @Test("every record event kind belongs to exactly one record type, decodes in its family, and the Submit and projector kinds derive from the types")
    func everyKindHasOneRecordType() throws {
        var seen: [EventKind: RecordType] = [:]
        for type in RecordType.allCases {
            #expect(!type.eventKinds.isEmpty, "\(type) has event kinds")
            #expect(!type.zh.isEmpty && !type.en.isEmpty, "\(type) has names")
            for kind in type.eventKinds {
                #expect(seen.updateValue(type, forKey: kind) == nil, "\(kind) belongs to one record type")
                #expect(RecordType(kind: kind) == type)
                if type.family == .domain {
                    // A domain kind decodes as a DomainEvent: an empty payload fails on a field, never on the kind.
                    do {
                        let event = try DomainEvent(kind: kind, payload: [])
                        #expect(event.recordType == type)
                    } catch let error as DomainError {
                        #expect(error.rule != "wire.kind", "\(kind) decodes as a domain event")
                    }
                } else {
                    // An alliance kind is the alliance ledger's, never a domain event.
                    do {
                        _ = try DomainEvent(kind: kind, payload: [])
                        Issue.record("\(kind) decoded as a domain event")
                    } catch let error as DomainError {
                        #expect(error.rule == "wire.kind")
                    }
                }
            }
        }
        // Kinds that are no record's are no record type's, and do not decode as domain events.
        for kind in [EventKind.roster, .aggregateReport, .approval, .keyRotation, .membership] {
            #expect(RecordType(kind: kind) == nil)
            #expect(throws: DomainError.self) { try DomainEvent(kind: kind, payload: []) }
        }
        #expect(DomainSubmit.kinds == RecordType.submittedKinds(of: .domain))
        #expect(DomainProjector.domainKinds == Set(RecordType.eventKinds(of: .domain).map(\.protoValue)))
        #expect(AllianceProjector.allianceKinds == Set(RecordType.eventKinds(of: .alliance).map(\.protoValue)))
        #expect(AllianceRecorder.kinds == RecordType.submittedKinds(of: .alliance))
        #expect(!AllianceRecorder.kinds.contains(.jointProposal), "a joint proposal is originated by its host, never submitted")
        // Every table belongs to one record type or to its projector.
        var owners: [String: String] = [:]
        for type in RecordType.allCases { for t in type.tables { #expect(owners.updateValue(type.rawValue, forKey: t.name) == nil, "\(t.name) has one owner") } }
        for t in RecordTables.domainOwn + RecordTables.allianceOwn { #expect(owners.updateValue("projector", forKey: t.name) == nil) }
    }

    @Test("every record type with a list is exported by `xieshang export`, in columns its query answers")
    func everyListedRecordTypeIsExported() {
        for type in RecordType.allCases where ![.policy, .duty].contains(type) {
            #expect(QueryCatalog.entries.contains { $0.recordType == type && $0.export != nil }, "\(type) has an exported query")
        }
        for q in QueryCatalog.entries {
            guard let export = q.export else { continue }
            #expect(!export.isEmpty && Set(export).isSubset(of: q.columns), "\(q.name) exports \(Set(export).subtracting(q.columns).sorted())")
        }
    }

    @Test("a 'did you mean' hint compares only names of a near length, so a huge name from a request costs nothing")
    func hintsSkipNamesOfAnotherLength() {
        #expect(NameHint.closest(to: "proposls", among: QueryCatalog.entries.map(\.name)) == "proposals")
        #expect(NameHint.closest(to: String(repeating: "p", count: 1_000_000), among: QueryCatalog.entries.map(\.name)) == nil)
        #expect(NameHint.closest(to: "", among: ["ab", "abcd"]) == "ab")
    }

    @Test("xieshang --help lists the command group of every record type, under its Chinese name")
    func cliListsEveryRecordTypesGroup() async throws {
        let help = try await CLICommandTests.run(["--help"])
        #expect(help.status == 0)
        let commands = Set(help.output.split(separator: "\n").filter { $0.hasPrefix("  ") }
            .compactMap { $0.split(separator: " ").first.map(String.init) })
        for type in RecordType.allCases {
            for group in type.commandGroups {
                #expect(commands.contains(group), "xieshang --help lists \(group) for \(type)")
            }
            #expect(help.output.contains(type.zh), "xieshang --help names \(type) as \(type.zh)")
        }
    }
}
