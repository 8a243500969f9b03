import Foundation
import XieshangNode
import XieshangDomain
import XieshangTransport
import XieshangWire

/// Joint drafts 联名提案草稿 on the local node: `xieshang draft new|show|edit|sign|list`.
///
/// Each subcommand has a function other Swift code can call (the demo does): it takes the node's admin socket and
/// the parameters and returns a result, or an ``AdminCommand/Exit`` carrying the exit code (1 refused by a rule,
/// 3 node unreachable) after writing the reason to standard error.
enum DraftCommand {
    static let usage = """
        usage: xieshang draft <new|show|edit|sign|list> [options] [--node SOCKET] [--json]
          new  --alliance ID --title T --cosponsors a,b[,c] [--file TEXT] [--id ID]
                                 start a joint draft hosted by this node (the co-sponsors must all sign it)
          show ID                the text, its content hash, who signed which version (void marks), status
          edit ID --file F       make the draft's text the file's (only the changed parts are sent)
          sign ID [--hash H]     sign the current content as this body (H: the hash you read, from `draft show`)
          list [--alliance ID]   every draft this node holds
        example:
          xieshang draft new --alliance wuling --title 关于旅游年票互认的联名提案 --cosponsors tongren,enshi,xiangxi --file draft.txt
          xieshang draft edit wuling/tongren/1 --file draft.txt && xieshang draft sign wuling/tongren/1
        """

    /// One example per subcommand, for `xieshang draft <subcommand> --help`.
    static let examples = [
        "new": "--alliance wuling --title 关于旅游年票互认的联名提案 --cosponsors tongren,enshi,xiangxi --file draft.txt",
        "show": "wuling/tongren/1",
        "edit": "wuling/tongren/1 --file draft.txt",
        "sign": "wuling/tongren/1 --hash 3f2a…（`draft show` 打印的内容哈希）",
        "list": "--alliance wuling --json",
    ]

    static func run(_ args: [String]) -> Int32 {
        guard let sub = args.first, !sub.hasPrefix("-") else {
            if args.first == "--help" || args.first == "-h" { print(usage); return ExitCode.done }
            return fail("give a subcommand.\n\n\(usage)", code: ExitCode.usage)
        }
        let rest = Array(args.dropFirst())
        if rest.contains("--help") || rest.contains("-h"), let example = examples[sub] {
            print("\(usage)\nexample:\n  xieshang draft \(sub) \(example)")
            return ExitCode.done
        }
        switch sub {
        case "new": return runNew(rest)
        case "show": return runShow(rest)
        case "edit": return runEdit(rest)
        case "sign": return runSign(rest)
        case "list": return runList(rest)
        default:
            let hint = suggestion(for: sub, among: ["new", "show", "edit", "sign", "list"]).map { " Did you mean '\($0)'?" } ?? ""
            return fail("unknown draft subcommand '\(sub)'.\(hint)\n\n\(usage)", code: ExitCode.usage)
        }
    }

    // MARK: Callable from Swift

    /// Creates a draft hosted by the node at `socket`; returns its id (`<alliance>/<node>/<n>` unless `id` is given).
    static func create(socket: String, alliance: String, title: String, coSponsors: [String], text: String,
                       id: String? = nil) -> Result<String, AdminCommand.Exit> {
        var draftID = id ?? ""
        if draftID.isEmpty {
            let node: String
            switch call(socket, AdminService.status.path, StatusRequest(), StatusResponse.self) {
            case .failure(let e): return .failure(e)
            case .success(let s): node = s.nodeId
            }
            switch rows(socket, QueryRequest(recordType: "drafts", filter: ["alliance": alliance, "host": node])) {
            case .failure(let e): return .failure(e)
            case .success(let held): draftID = "\(alliance)/\(node)/\(held.count + 1)"
            }
        }
        let action = DraftAction(action: .create(DraftNew(allianceId: alliance, draftId: draftID, title: title, coSponsors: coSponsors, text: text)))
        return submit(socket, .draft, action.serializedBytes()).map { _ in draftID }
    }

    /// One draft as the node holds it: the `draft` query's row (id, title, co_sponsors, status, content_hash,
    /// version, text, submitted_hash, forwarded_seq, sign_offs).
    static func show(socket: String, id: String) -> Result<[String: Any], AdminCommand.Exit> {
        rows(socket, QueryRequest(recordType: "draft", id: id)).flatMap { list in
            list.first.map { .success($0) } ?? .failure(AdminCommand.Exit(code: fail("no draft '\(id)'", code: ExitCode.refused)))
        }
    }

    /// Makes the draft's text `newText`: diffs it against the current text (lines, then Unicode scalars) and sends
    /// the changed parts, with the version they were made on. Returns the patches sent (none when nothing changed).
    static func edit(socket: String, id: String, newText: String) -> Result<[DraftPatch], AdminCommand.Exit> {
        edit(socket: socket, id: id) { _ in newText }
    }

    /// Edits the draft's text by `change`, applied to the very text (and version) the edit is then made on: a caller
    /// that read the text earlier could otherwise undo a concurrent edit that arrived in between.
    static func edit(socket: String, id: String, change: (String) -> String) -> Result<[DraftPatch], AdminCommand.Exit> {
        let row: [String: Any]
        switch show(socket: socket, id: id) {
        case .failure(let e): return .failure(e)
        case .success(let r): row = r
        }
        let current = row["text"] as? String ?? ""
        let patches = DraftPatch.between(current, change(current))
        guard !patches.isEmpty else { return .success([]) }
        let version = (row["version"] as? [String: Any] ?? [:]).mapValues { UInt32(($0 as? NSNumber)?.intValue ?? 0) }
        let edit = DraftEdit(draftId: id, baseHash: bytes(fromHex: row["content_hash"] as? String ?? "") ?? [], patches: patches,
                             baseVersion: version)
        return submit(socket, .draft, DraftAction(action: .edit(edit)).serializedBytes()).map { _ in patches }
    }

    /// Signs the draft's current content as the node's body; `hash` (hex), when given, must be that content's hash.
    static func sign(socket: String, id: String, hash: String? = nil) -> Result<SubmitResponse, AdminCommand.Exit> {
        var expected: [UInt8] = []
        if let hash {
            guard let b = bytes(fromHex: hash), b.count == 32 else {
                return .failure(AdminCommand.Exit(code: fail("--hash must be 64 hex digits (the content hash `draft show` prints)", code: ExitCode.usage)))
            }
            expected = b
        }
        return submit(socket, .draftSignOff, DraftSign(draftId: id, contentHash: expected).serializedBytes())
    }

    /// The drafts the node holds (rows of the `drafts` query), optionally of one alliance.
    static func list(socket: String, alliance: String? = nil) -> Result<[[String: Any]], AdminCommand.Exit> {
        var request = QueryRequest(recordType: "drafts")
        if let alliance { request.filter["alliance"] = alliance }
        return rows(socket, request)
    }

    // MARK: Command lines

    static func runNew(_ args: [String]) -> Int32 {
        guard case .success(let p) = parsed(args, valued: ["--alliance", "--title", "--cosponsors", "--file", "--id"]) else { return exitCode(args, valued: ["--alliance", "--title", "--cosponsors", "--file", "--id"]) }
        guard let alliance = p.values["alliance"], let title = p.values["title"], let cos = p.values["cosponsors"] else {
            return fail("draft new needs --alliance, --title and --cosponsors.\n\n\(usage)", code: ExitCode.usage)
        }
        var text = ""
        if let file = p.values["file"] {
            guard let t = readText(file) else { return ExitCode.usage }
            text = t
        }
        let coSponsors = cos.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        switch create(socket: p.socket, alliance: alliance, title: title, coSponsors: coSponsors, text: text, id: p.values["id"]) {
        case .failure(let e): return e.code
        case .success(let id):
            print(p.json ? AllianceCommand.json(["id": id]) : "draft \(id) created; co-sponsors \(coSponsors.joined(separator: ", ")) must all sign it")
            return ExitCode.done
        }
    }

    static func runShow(_ args: [String]) -> Int32 {
        guard let id = args.first, !id.hasPrefix("-") else { return fail("draft show needs the draft's id.\n\n\(usage)", code: ExitCode.usage) }
        guard case .success(let p) = parsed(Array(args.dropFirst()), valued: []) else { return exitCode(Array(args.dropFirst()), valued: []) }
        switch show(socket: p.socket, id: id) {
        case .failure(let e): return e.code
        case .success(let row):
            if p.json { print(AllianceCommand.json(row)); return ExitCode.done }
            let hash = row["content_hash"] as? String ?? ""
            // Drafts are written by other bodies: each line escaped (DisplayText); the body keeps its line breaks.
            let print = { (line: String) in Swift.print(DisplayText.escaped(line)) }
            print("\(row["id"] ?? id)  \(row["title"] ?? "")")
            print("alliance \(row["alliance"] ?? "")  host \(row["host"] ?? "")  co-sponsors \((row["co_sponsors"] as? [String] ?? []).joined(separator: ", "))")
            print("status \(row["status"] ?? "")\((row["forwarded_seq"] as? NSNumber).map { "  (forwarded upward as seq \($0))" } ?? "")")
            print("content hash \(hash)")
            print("version \(versionText(row["version"]))")
            print("---")
            Swift.print(DisplayText.escaped(row["text"] as? String ?? "", keepingLineBreaks: true))
            print("---")
            let signOffs = row["sign_offs"] as? [[String: Any]] ?? []
            if signOffs.isEmpty { print("no sign-offs yet") }
            for s in signOffs {
                let void = s["void"] as? Bool == true
                let h = s["content_hash"] as? String ?? ""
                print("  \(void ? "VOID  " : "valid ") \((s["signer"] as? String ?? "").padding(toLength: 16, withPad: " ", startingAt: 0)) signed \(h.prefix(16))… at version \(versionText(s["version"]))\(h == hash ? " (this content)" : "")")
            }
            let cos = row["co_sponsors"] as? [String] ?? []
            let valid = Set(signOffs.filter { $0["void"] as? Bool == false }.compactMap { $0["signer"] as? String })
            let missing = cos.filter { !valid.contains($0) }
            if row["status"] as? String != "submitted", !missing.isEmpty { print("waiting for: \(missing.joined(separator: ", "))") }
            return ExitCode.done
        }
    }

    static func runEdit(_ args: [String]) -> Int32 {
        guard let id = args.first, !id.hasPrefix("-") else { return fail("draft edit needs the draft's id.\n\n\(usage)", code: ExitCode.usage) }
        let rest = Array(args.dropFirst())
        guard case .success(let p) = parsed(rest, valued: ["--file"]) else { return exitCode(rest, valued: ["--file"]) }
        guard let file = p.values["file"] else { return fail("draft edit needs --file F.\n\n\(usage)", code: ExitCode.usage) }
        guard let text = readText(file) else { return ExitCode.usage }
        switch edit(socket: p.socket, id: id, newText: text) {
        case .failure(let e): return e.code
        case .success(let patches):
            if p.json {
                print(AllianceCommand.json(["id": id, "patches": patches.map { ["position": Int($0.position), "deleted": Int($0.deleted), "inserted": $0.inserted] }]))
            } else if patches.isEmpty {
                print("draft \(id): the file is the current text; nothing to send")
            } else {
                let inserted = patches.reduce(0) { $0 + $1.inserted.unicodeScalars.count }, deleted = patches.reduce(0) { $0 + Int($1.deleted) }
                print("draft \(id): \(patches.count) change(s) sent, \(inserted) character(s) inserted, \(deleted) deleted; earlier sign-offs are void")
            }
            return ExitCode.done
        }
    }

    static func runSign(_ args: [String]) -> Int32 {
        guard let id = args.first, !id.hasPrefix("-") else { return fail("draft sign needs the draft's id.\n\n\(usage)", code: ExitCode.usage) }
        let rest = Array(args.dropFirst())
        guard case .success(let p) = parsed(rest, valued: ["--hash"]) else { return exitCode(rest, valued: ["--hash"]) }
        switch sign(socket: p.socket, id: id, hash: p.values["hash"]) {
        case .failure(let e): return e.code
        case .success(let r):
            print(p.json ? r.jsonString() : "draft \(id) signed (event seq \(r.seq))")
            return ExitCode.done
        }
    }

    static func runList(_ args: [String]) -> Int32 {
        guard case .success(let p) = parsed(args, valued: ["--alliance"]) else { return exitCode(args, valued: ["--alliance"]) }
        switch list(socket: p.socket, alliance: p.values["alliance"]) {
        case .failure(let e): return e.code
        case .success(let rows):
            for r in rows {
                if p.json { print(AllianceCommand.json(r)); continue }
                let cos = r["co_sponsors"] as? [String] ?? [], signed = r["signed"] as? [String] ?? []
                print(DisplayText.escaped("\((r["id"] as? String ?? "").padding(toLength: 24, withPad: " ", startingAt: 0)) \((r["status"] as? String ?? "").padding(toLength: 10, withPad: " ", startingAt: 0)) signed \(signed.count)/\(cos.count)  \(r["title"] ?? "")"))
            }
            if rows.isEmpty && !p.json { print("no drafts") }
            return ExitCode.done
        }
    }

    // MARK: Helpers

    static func parsed(_ args: [String], valued: [String]) -> Result<AdminCommand.Parsed, AdminCommand.Exit> {
        AdminCommand.parse(args, valued: valued, flags: [], usage: usage)
    }

    static func exitCode(_ args: [String], valued: [String]) -> Int32 {
        if case .failure(let e) = parsed(args, valued: valued) { return e.code }
        return ExitCode.usage
    }

    static func readText(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else {
            _ = fail("cannot read \(path); give a UTF-8 text file", code: ExitCode.usage)
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            _ = fail("\(path) is not UTF-8 text", code: ExitCode.usage)
            return nil
        }
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    static func versionText(_ value: Any?) -> String {
        let v = value as? [String: Any] ?? [:]
        return "{" + v.keys.sorted().map { "\($0): \(v[$0]!)" }.joined(separator: ", ") + "}"
    }

    static func call<R: ProtoMessage>(_ socket: String, _ path: String, _ request: some ProtoMessage, _: R.Type) -> Result<R, AdminCommand.Exit> {
        AdminCommand.call(socket, path, request.serializedBytes()).flatMap { bytes in
            do { return .success(try R(serializedBytes: bytes)) } catch {
                return .failure(AdminCommand.Exit(code: fail("the node's answer does not decode: \(error)", code: ExitCode.refused)))
            }
        }
    }

    static func submit(_ socket: String, _ kind: EventKind, _ payload: [UInt8]) -> Result<SubmitResponse, AdminCommand.Exit> {
        call(socket, AdminService.submit.path, SubmitRequest(kind: kind, payload: payload), SubmitResponse.self)
    }

    static func rows(_ socket: String, _ request: QueryRequest) -> Result<[[String: Any]], AdminCommand.Exit> {
        call(socket, AdminService.query.path, request, QueryResponse.self).map { r in
            r.rowsJson.compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }
        }
    }
}
