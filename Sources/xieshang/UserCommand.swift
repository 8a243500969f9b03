import Foundation
import XieshangAccounts
import XieshangNode
import XieshangWire

/// `xieshang user add|list|disable|reset|audit`: the web's accounts at this node (用户管理), through the admin socket.
/// The node records each change in its audit trail with the OS user running this command (the kernel tells it).
enum UserCommand {
    typealias Spec = Invocation.Spec

    static let roles = "office, committee, clerk, unit:<单位名称>, member:<委员编号>, viewer"

    static let group = SubcommandGroup(name: "user", summary: "web accounts 用户: add, list, disable, reset a password, export the audit trail", commands: [
        (Spec(name: "user add", summary: "adds an account and prints its one-time initial password (changed at first login)",
              positionals: ["USERNAME"], valued: ["name", "role"], flags: ["password-stdin"], required: ["name", "role"],
              details: "  --role: \(roles)\n  --password-stdin: read the initial password from standard input instead of generating one\n"
                + "  usernames: 3–32 lowercase letters, digits, . _ -, starting with a letter; --name may be Chinese",
              example: "xieshang user add wanshan.clerk --name 李文书 --role clerk"), add),
        (Spec(name: "user list", summary: "the accounts with their role and state", example: "xieshang user list"), list),
        (Spec(name: "user disable", summary: "disables an account and ends its sessions", positionals: ["USERNAME"],
              example: "xieshang user disable wanshan.clerk"), disable),
        (Spec(name: "user reset", summary: "sets a new one-time password (changed at the next login), clears a lockout, ends the sessions",
              positionals: ["USERNAME"], flags: ["password-stdin"], example: "xieshang user reset wanshan.clerk"), reset),
        (Spec(name: "user audit", summary: "the audit trail of logins and account changes, as a table or a CSV file for Excel",
              valued: ["csv", "since"], details: "  --csv FILE: write UTF-8 CSV with BOM; --since YYYY-MM-DD: rows from that day (Beijing time)",
              example: "xieshang user audit --csv audit.csv"), audit),
    ])

    static func run(_ args: [String]) -> Int32 { group.run(args) }

    /// The password from standard input (first line), when `--password-stdin` is given.
    static func stdinPassword(_ inv: Invocation) throws(Invocation.Exit) -> String {
        guard inv.flags.contains("password-stdin") else { return "" }
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw inv.usage("--password-stdin: standard input holds no password line.")
        }
        return line
    }

    static func decode<M: ProtoMessage>(_ type: M.Type, _ bytes: [UInt8]) throws(Invocation.Exit) -> M {
        guard let m = try? M(serializedBytes: bytes) else {
            throw Invocation.Exit(code: fail("the node's answer (\(M.protoName)) does not decode", code: ExitCode.refused))
        }
        return m
    }

    static func printIssued(_ inv: Invocation, _ r: IssuedPasswordResponse, zh: String, en: String) -> Int32 {
        if inv.json { print(r.jsonString()); return ExitCode.done }
        print(inv.text("\(zh)：\(r.username)", "\(en): \(r.username)"))
        if r.generated {
            print(inv.text("初始密码（只显示这一次，首次登录时须修改）：", "initial password (shown only now; it must be changed at first login): ") + r.password)
        } else {
            print(inv.text("已使用标准输入给出的密码，首次登录时须修改。", "the password from standard input is set; it must be changed at first login."))
        }
        return ExitCode.done
    }

    static func add(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let request = AddUserRequest(username: inv.positional(0), displayName: try inv.required("name"), role: try inv.required("role"),
                                     initialPassword: try stdinPassword(inv))
        let bytes = try NodeClient(inv).call(AccountsService.addUser.path, request.serializedBytes())
        return printIssued(inv, try decode(IssuedPasswordResponse.self, bytes), zh: "已新增用户", en: "user added")
    }

    static func reset(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let request = ResetPasswordRequest(username: inv.positional(0), newPassword: try stdinPassword(inv))
        let bytes = try NodeClient(inv).call(AccountsService.resetPassword.path, request.serializedBytes())
        return printIssued(inv, try decode(IssuedPasswordResponse.self, bytes), zh: "已重置密码", en: "password reset")
    }

    static func state(_ u: UserEntry, _ inv: Invocation) -> String {
        if u.disabled { return inv.text("已停用", "disabled") }
        if u.lockedUntilMs > Int64(Date().timeIntervalSince1970 * 1000) {
            return inv.text("锁定至 ", "locked until ") + AuditCSV.chinaTime(u.lockedUntilMs)
        }
        if u.mustChangePassword { return inv.text("待修改初始密码", "must change password") }
        return inv.text("正常", "active")
    }

    static func list(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let bytes = try NodeClient(inv).call(AccountsService.listUsers.path, ListUsersRequest().serializedBytes())
        let users = try decode(ListUsersResponse.self, bytes).users
        if inv.json {
            for u in users { print(u.jsonString()) }
            return ExitCode.done
        }
        let header = inv.language == .zh ? ["用户名", "姓名", "角色", "状态", "最近登录"] : ["username", "name", "role", "state", "last login"]
        var rows = [header]
        for u in users {
            let role = (try? Role(parsing: u.role)).map { inv.language == .zh ? $0.label : $0.description } ?? u.role
            rows.append([u.username, u.displayName, role, state(u, inv), u.lastLoginMs == 0 ? "—" : AuditCSV.chinaTime(u.lastLoginMs)]
                .map { DisplayText.escaped($0) })
        }
        let widths = (0..<header.count).map { c in rows.map { $0[c].count }.max() ?? 0 }
        for r in rows {
            print(r.enumerated().map { $0.element.padding(toLength: widths[$0.offset] + 2, withPad: " ", startingAt: 0) }.joined().trimmingCharacters(in: .whitespaces))
        }
        return ExitCode.done
    }

    static func disable(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let bytes = try NodeClient(inv).call(AccountsService.disableUser.path, DisableUserRequest(username: inv.positional(0)).serializedBytes())
        let u = try decode(UserEntry.self, bytes)
        if inv.json { print(u.jsonString()); return ExitCode.done }
        print(inv.text("已停用用户：\(u.username)（其会话已全部结束）", "user disabled: \(u.username) (its sessions ended)"))
        return ExitCode.done
    }

    static func audit(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let since = try inv.optionalDay("since").map { $0.startMsChinaTime } ?? 0
        let file = inv.value("csv")
        let bytes = try NodeClient(inv).call(AccountsService.audit.path, AuditRequest(sinceMs: since, export: file != nil).serializedBytes())
        let entries = try decode(AuditResponse.self, bytes).entries
        let records = entries.compactMap { e in
            AuditEvent(rawValue: e.event).map {
                AuditRecord(id: e.id, timeMs: e.timeMs, event: $0, username: e.username, actor: e.actor, source: e.source,
                            succeeded: e.succeeded, detail: e.detail)
            }
        }
        if let file {
            guard FileManager.default.createFile(atPath: file, contents: Data(AuditCSV.bytes(records)), attributes: [.posixPermissions: 0o600]) else {
                return fail("cannot write \(file); check that its directory exists and is writable", code: ExitCode.refused)
            }
            print(inv.text("已导出 \(records.count) 条审计记录：\(file)", "\(records.count) audit rows written to \(file)"))
            return ExitCode.done
        }
        if inv.json {
            for e in entries { print(e.jsonString()) }
            return ExitCode.done
        }
        for r in records {
            let line = [AuditCSV.chinaTime(r.timeMs), inv.language == .zh ? r.event.label : r.event.rawValue, r.username, r.actor, r.source,
                        r.succeeded ? inv.text("成功", "ok") : inv.text("失败", "failed"), r.detail]
            print(DisplayText.escaped(line.joined(separator: "  ")))
        }
        return ExitCode.done
    }
}
