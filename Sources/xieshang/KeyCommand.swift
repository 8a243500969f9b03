import Foundation
import XieshangNode
import XieshangWire

/// `xieshang key rotate|revoke` 密钥轮换与吊销 (README, "Rotating and revoking keys"), on the running node's Admin socket.
///
/// `rotate` makes a new signing key beside the node's key file, announces it in a key record signed by the old and the
/// new key, and signs with it from then on; peers switch their pins as they receive the record. `revoke` runs at the
/// parent of a body whose key leaked: from `--from-seq` of the child's chain on, that key's signatures are refused.
enum KeyCommand {
    typealias Spec = Invocation.Spec

    static let group = SubcommandGroup(name: "key", summary: "signing keys 密钥: rotate this node's key, revoke a child's leaked key", commands: [
        (Spec(name: "key rotate", summary: "makes a new key beside the key file, announces it (signed by the old and the new key) and signs with it",
              details: "  the key file named in node.json stays the node's identity (peers pin it); the new key is written as KEY_FILE.rotated-<fingerprint>, mode 0600",
              example: "xieshang key rotate --node /srv/xieshang/wanshan/admin.sock"), rotate),
        (Spec(name: "key revoke", summary: "revokes a child's key from a seq of its chain on (run at the child's parent)",
              valued: ["child", "from-seq", "reason"], required: ["child", "from-seq"],
              details: "  --from-seq N   the first seq of the child's chain whose signatures with that key are refused (1 or more)",
              example: "xieshang key revoke --child town3 --from-seq 120 --reason 密钥泄露 --node /srv/xieshang/county/admin.sock"), revoke),
    ])

    static func run(_ args: [String]) -> Int32 { group.run(args) }

    static func rotate(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        guard inv.positionals.isEmpty else { throw inv.usage("takes no arguments (the node makes the new key itself).") }
        return try change(inv, AdminService.rotateKey.path, RotateKeyRequest(actor: osActor()).serializedBytes()) { change in
            inv.text("\(change.nodeId) 的签名密钥已轮换：\(change.oldFingerprint) → \(change.newFingerprint)（新密钥文件 \(change.keyFile)；密钥记录 \(change.events.joined(separator: "、"))）",
                     "\(change.nodeId) rotated its signing key: \(change.oldFingerprint) → \(change.newFingerprint) (new key file \(change.keyFile); key records \(change.events.joined(separator: ", ")))")
        }
    }

    static func revoke(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        guard inv.positionals.isEmpty else { throw inv.usage("takes no positional arguments; name the child with --child.") }
        let child = try inv.required("child")
        let text = try inv.required("from-seq")
        guard let fromSeq = UInt64(text), fromSeq >= 1 else {
            throw inv.usage("--from-seq '\(DisplayText.escaped(text))' is not a seq (a whole number, 1 or more).")
        }
        let request = RevokeKeyRequest(child: child, fromSeq: fromSeq, reason: inv.value("reason") ?? "", actor: osActor())
        return try change(inv, AdminService.revokeKey.path, request.serializedBytes()) { change in
            inv.text("\(change.nodeId) 的密钥 \(change.oldFingerprint) 已吊销：自序号 \(fromSeq) 起用它签名的事件一律拒收（吊销记录 \(change.events.joined(separator: "、"))）",
                     "key \(change.oldFingerprint) of \(change.nodeId) revoked: its signatures from seq \(fromSeq) on are refused (revocation records \(change.events.joined(separator: ", ")))")
        }
    }

    /// Calls `path` on the node and prints its ``KeyChange`` (JSON with --json, else `text`).
    static func change(_ inv: Invocation, _ path: String, _ request: [UInt8], text: (KeyChange) -> String) throws(Invocation.Exit) -> Int32 {
        let bytes = try NodeClient(inv).call(path, request)
        guard let change = try? KeyChange(serializedBytes: bytes) else {
            throw Invocation.Exit(code: fail("the node's answer to \(path) does not decode", code: ExitCode.refused))
        }
        print(inv.json ? change.jsonString() : text(change))
        return ExitCode.done
    }

    /// The OS user running the CLI, for the node's log.
    static func osActor() -> String { "os:" + (ProcessInfo.processInfo.environment["USER"] ?? "unknown") }
}
