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
    typealias Spec = Invocation.Spec

    static let group = SubcommandGroup(name: "draft", summary: "joint drafts 联名提案草稿 of an alliance: new, show, edit, sign, list", commands: [
        (Spec(name: "draft new", summary: "starts a joint draft hosted by this node; every co-sponsor must sign it",
              valued: ["alliance", "title", "cosponsors", "file", "id"], required: ["alliance", "title", "cosponsors"],
              details: """
                  --cosponsors a,b[,c]  the bodies that must sign it (members of the alliance)
                  --file F              its first text (UTF-8); --id ID  default <alliance>/<this node>/<n>
                """,
              example: "xieshang draft new --alliance wuling --title 关于旅游年票互认的联名提案 --cosponsors tongren,enshi,xiangxi --file draft.txt"),
         runNew),
        (Spec(name: "draft show", summary: "the text, its content hash, who signed which version (void marks), status",
              positionals: ["ID"], example: "xieshang draft show wuling/tongren/1"), runShow),
        (Spec(name: "draft edit", summary: "makes the draft's text the file's (only the changed parts are sent; earlier sign-offs become void)",
              positionals: ["ID"], valued: ["file"], required: ["file"],
              example: "xieshang draft edit wuling/tongren/1 --file draft.txt"), runEdit),
        (Spec(name: "draft sign", summary: "signs the current content as this body",
              positionals: ["ID"], valued: ["hash"],
              details: "  --hash H  the content hash you read (64 hex digits, from `draft show`): refused if the text changed since",
              example: "xieshang draft sign wuling/tongren/1 --hash 3f2a…"), runSign),
        (Spec(name: "draft list", summary: "every draft this node holds", valued: ["alliance"],
              example: "xieshang draft list --alliance wuling --json"), runList),
    ])

    static func run(_ args: [String]) -> Int32 { group.run(args) }

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

    /// The value of a callable function, or the exit it already explained.
    static func value<T>(_ result: Result<T, AdminCommand.Exit>) throws(Invocation.Exit) -> T {
        switch result {
        case .success(let v): return v
        case .failure(let e): throw Invocation.Exit(code: e.code)
        }
    }

    /// The text of file `--name`, or empty when not given (a file that cannot be read is a usage error).
    static func fileText(_ inv: Invocation, _ name: String) throws(Invocation.Exit) -> String {
        guard let path = inv.value(name) else { return "" }
        guard let text = readText(path) else { throw Invocation.Exit(code: ExitCode.usage) }
        return text
    }

    static func runNew(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let coSponsors = inv.list("cosponsors")
        let id = try value(create(socket: inv.socket, alliance: try inv.required("alliance"), title: try inv.required("title"),
                                  coSponsors: coSponsors, text: try fileText(inv, "file"), id: inv.value("id")))
        print(inv.json ? AllianceCommand.json(["id": id])
              : inv.text("草稿 \(id) 已创建；联名单位 \(coSponsors.joined(separator: "、")) 须全部签署",
                         "draft \(id) created; co-sponsors \(coSponsors.joined(separator: ", ")) must all sign it"))
        return ExitCode.done
    }

    static func runShow(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let id = inv.positional(0)
        let row = try value(show(socket: inv.socket, id: id))
        if inv.json { print(AllianceCommand.json(row)); return ExitCode.done }
        let hash = row["content_hash"] as? String ?? ""
        // Drafts are written by other bodies: each line escaped (DisplayText); the body keeps its line breaks.
        let print = { (line: String) in Swift.print(DisplayText.escaped(line)) }
        let cos = row["co_sponsors"] as? [String] ?? []
        print("\(row["id"] ?? id)  \(row["title"] ?? "")")
        print(inv.text("片区 \(row["alliance"] ?? "")  发起 \(row["host"] ?? "")  联名 \(cos.joined(separator: "、"))",
                       "alliance \(row["alliance"] ?? "")  host \(row["host"] ?? "")  co-sponsors \(cos.joined(separator: ", "))"))
        let forwarded = (row["forwarded_seq"] as? NSNumber).map { inv.text("（已作为事件 \($0) 上报）", "  (forwarded upward as seq \($0))") } ?? ""
        print(inv.text("状态 ", "status ") + "\(row["status"] ?? "")\(forwarded)")
        print(inv.text("内容哈希 ", "content hash ") + hash)
        print(inv.text("版本 ", "version ") + versionText(row["version"]))
        print("---")
        Swift.print(DisplayText.escaped(row["text"] as? String ?? "", keepingLineBreaks: true))
        print("---")
        let signOffs = row["sign_offs"] as? [[String: Any]] ?? []
        if signOffs.isEmpty { print(inv.text("尚无签署", "no sign-offs yet")) }
        for s in signOffs {
            let void = s["void"] as? Bool == true
            let h = s["content_hash"] as? String ?? ""
            let signer = (s["signer"] as? String ?? "").padding(toLength: 16, withPad: " ", startingAt: 0)
            let this = h == hash ? inv.text("（即当前内容）", " (this content)") : ""
            print("  \(void ? inv.text("作废 VOID", "VOID  ") : inv.text("有效     ", "valid ")) \(signer) "
                  + inv.text("签署 \(h.prefix(16))… 于版本 \(versionText(s["version"]))\(this)",
                             "signed \(h.prefix(16))… at version \(versionText(s["version"]))\(this)"))
        }
        let valid = Set(signOffs.filter { $0["void"] as? Bool == false }.compactMap { $0["signer"] as? String })
        let missing = cos.filter { !valid.contains($0) }
        if row["status"] as? String != "submitted", !missing.isEmpty {
            print(inv.text("待签署：\(missing.joined(separator: "、"))", "waiting for: \(missing.joined(separator: ", "))"))
        }
        return ExitCode.done
    }

    static func runEdit(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let id = inv.positional(0)
        guard let text = readText(try inv.required("file")) else { throw Invocation.Exit(code: ExitCode.usage) }
        let patches = try value(edit(socket: inv.socket, id: id, newText: text))
        if inv.json {
            print(AllianceCommand.json(["id": id, "patches": patches.map { ["position": Int($0.position), "deleted": Int($0.deleted), "inserted": $0.inserted] }]))
        } else if patches.isEmpty {
            print(inv.text("草稿 \(id)：文件即当前文本，无需发送", "draft \(id): the file is the current text; nothing to send"))
        } else {
            let inserted = patches.reduce(0) { $0 + $1.inserted.unicodeScalars.count }, deleted = patches.reduce(0) { $0 + Int($1.deleted) }
            print(inv.text("草稿 \(id)：已发送 \(patches.count) 处修改，插入 \(inserted) 字、删除 \(deleted) 字；此前的签署作废",
                           "draft \(id): \(patches.count) change(s) sent, \(inserted) character(s) inserted, \(deleted) deleted; earlier sign-offs are void"))
        }
        return ExitCode.done
    }

    static func runSign(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let id = inv.positional(0)
        let r = try value(sign(socket: inv.socket, id: id, hash: inv.value("hash")))
        print(inv.json ? r.jsonString() : inv.text("草稿 \(id) 已签署（事件 \(r.seq)）", "draft \(id) signed (event seq \(r.seq))"))
        return ExitCode.done
    }

    static func runList(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let rows = try value(list(socket: inv.socket, alliance: inv.value("alliance")))
        for r in rows {
            if inv.json { print(AllianceCommand.json(r)); continue }
            let cos = r["co_sponsors"] as? [String] ?? [], signed = r["signed"] as? [String] ?? []
            let id = (r["id"] as? String ?? "").padding(toLength: 24, withPad: " ", startingAt: 0)
            let status = (r["status"] as? String ?? "").padding(toLength: 10, withPad: " ", startingAt: 0)
            print(DisplayText.escaped("\(id) \(status) " + inv.text("已签 \(signed.count)/\(cos.count)", "signed \(signed.count)/\(cos.count)")
                                      + "  \(r["title"] ?? "")"))
        }
        if rows.isEmpty && !inv.json { print(inv.text("没有草稿", "no drafts")) }
        return ExitCode.done
    }

    // MARK: Helpers

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
