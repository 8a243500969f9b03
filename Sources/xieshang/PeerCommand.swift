import XieshangNode
import XieshangWire

/// `xieshang peer add|remove|set-address|retire`: membership changes 成员变更 at run time, through the admin socket. The
/// running node checks the change, writes node.json atomically and links or unlinks at once; a refused change leaves
/// node.json and the links as they were.
enum PeerCommand {
    typealias Spec = Invocation.Spec

    static let group = SubcommandGroup(name: "peer", summary: "membership changes 成员变更 while the node runs: add, remove, set-address, retire, move", commands: [
        (Spec(name: "peer add", summary: "pins a new peer (a child, the parent or an alliance member), writes node.json and links it",
              positionals: ["NODE_ID"], valued: ["role", "key", "address", "name", "tier"], required: ["role", "key"],
              details: "  --role child | parent | alliance:<id>\n  --key: the peer's public key as its `xieshang init` printed it (ed25519:…)\n"
                + "  --address HOST:PORT to dial it (leave it out when the peer dials this node)\n  --name, --tier: its display name (中文) and tier (county, township, …)",
              example: "xieshang peer add cn.gz.tongren.wanshan.gaolouping --role child --key ed25519:AbC…= --address 10.2.0.7:7100 --name 高楼坪乡联络组 --tier township"), add),
        (Spec(name: "peer remove", summary: "unpins a peer, closes its links and writes node.json (a removed child's figures stop counting here; its records stay)",
              positionals: ["NODE_ID"], valued: ["role"], details: "  --role: only this role (child, parent, alliance:<id>); default every role",
              example: "xieshang peer remove cn.gz.tongren.wanshan.gaolouping"), remove),
        (Spec(name: "peer set-address", summary: "gives a peer a new address (it moved host or port), writes node.json and links it again",
              positionals: ["NODE_ID", "ADDRESS"], details: "  ADDRESS: HOST:PORT, or none when the peer dials this node",
              example: "xieshang peer set-address cn.gz.tongren.wanshan 10.2.0.9:7100"), setAddress),
        (Spec(name: "peer retire", summary: "retires a child 撤销: its history stays counted, it is not expected to report from the date on",
              positionals: ["NODE_ID"], valued: ["from"], required: ["from"], details: "  --from YYYY-MM-DD: the first day the body no longer exists",
              example: "xieshang peer retire cn.gz.tongren.wanshan.gaolouping --from 2026-07-01"), retire),
        (Spec(name: "peer move", summary: "moves this body to a new parent from a date 区划调整: records before it count under the old parent, from it under the new",
              positionals: ["NEW_PARENT"], valued: ["key", "address", "from", "name", "tier"], required: ["key", "from"],
              details: "  --key: the new parent's public key; --address HOST:PORT to dial it; --from YYYY-MM-DD: the first day under it (today or earlier)\n"
                + "  then the new parent adds this body (`xieshang peer add ID --role child`); the old parent stays linked until it holds the\n"
                + "  move record (`xieshang status`: lag 0), then it removes this body and this body removes it (`xieshang peer remove`)",
              example: "xieshang peer move cn.gz.tongren.bijiang --key ed25519:AbC…= --address 10.2.0.3:7100 --from 2026-07-01"), move),
    ])

    static func run(_ args: [String]) -> Int32 { group.run(args) }

    static func add(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let request = PeerRequest(action: .add, nodeId: inv.positional(0), role: try inv.required("role"), publicKey: try inv.required("key"),
                                  address: inv.value("address") ?? "", name: inv.value("name") ?? "", tier: inv.value("tier") ?? "")
        return try send(inv, request, zh: "已加入", en: "added")
    }

    static func remove(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        try send(inv, PeerRequest(action: .remove, nodeId: inv.positional(0), role: inv.value("role") ?? ""), zh: "已移除", en: "removed")
    }

    static func setAddress(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let address = inv.positional(1) == "none" ? "" : inv.positional(1)
        return try send(inv, PeerRequest(action: .setAddress, nodeId: inv.positional(0), address: address), zh: "已改地址", en: "address set")
    }

    static func retire(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        try send(inv, PeerRequest(action: .retire, nodeId: inv.positional(0), date: try inv.required("from")), zh: "已撤销", en: "retired")
    }

    static func move(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let request = PeerRequest(action: .move, nodeId: inv.positional(0), publicKey: try inv.required("key"), address: inv.value("address") ?? "",
                                  name: inv.value("name") ?? "", tier: inv.value("tier") ?? "", date: try inv.required("from"))
        return try send(inv, request, zh: "已迁至", en: "moved to")
    }

    static func send(_ inv: Invocation, _ request: PeerRequest, zh: String, en: String) throws(Invocation.Exit) -> Int32 {
        let bytes = try NodeClient(inv).call(AdminService.peer.path, request.serializedBytes())
        guard let r = try? PeerResponse(serializedBytes: bytes) else {
            throw Invocation.Exit(code: fail("the node's answer (PeerResponse) does not decode", code: ExitCode.refused))
        }
        if inv.json { print(r.jsonString()); return ExitCode.done }
        var parts: [String] = []
        if !r.added.isEmpty { parts.append(inv.text("新链接 ", "linking ") + r.added.joined(separator: ", ")) }
        if !r.relinked.isEmpty { parts.append(inv.text("重新链接 ", "relinking ") + r.relinked.joined(separator: ", ")) }
        if !r.removed.isEmpty { parts.append(inv.text("已断开 ", "unlinked ") + r.removed.joined(separator: ", ")) }
        let done = parts.isEmpty ? "" : inv.text("；", "; ") + parts.joined(separator: inv.text("；", "; "))
        print(inv.text("\(zh) \(request.nodeId)\(done)；已写入 \(r.configFile)", "\(en) \(request.nodeId)\(done); written to \(r.configFile)"))
        return ExitCode.done
    }
}
