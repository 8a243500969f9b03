import Foundation
import Testing
@testable import XieshangNode
import XieshangWire

/// The node.json fields membership changes write (#20 item 2): a child's `retired_from` and the `leaving_parent` of a
/// body that moved are read, written back, and refused when malformed, naming the field.
struct MembershipConfigTests {
    let parentKey = try! Ed25519.PrivateKey().publicKey
    let childKey = try! Ed25519.PrivateKey().publicKey
    let oldParentKey = try! Ed25519.PrivateKey().publicKey

    func config(child extra: String = "", _ overrides: String = "") -> String {
        """
        {
          "node_id": "cn.gz.tongren.wanshan",
          "tier": "county",
          "listen": "127.0.0.1:7101",
          "parent": {"node_id": "cn.gz.tongren", "address": "127.0.0.1:7100", "public_key": "\(parentKey.text)"},
          "children": [{"node_id": "cn.gz.tongren.wanshan.aozhai", "public_key": "\(childKey.text)"\(extra)}]\(overrides)
        }
        """
    }

    func parse(_ text: String) throws(NodeError) -> NodeConfig {
        try NodeConfig.parse(text, file: "node.json", baseDirectory: "/srv/xs")
    }

    @Test func retiredFromIsReadAndWrittenBack() throws {
        let c = try parse(config(child: #", "retired_from": "2026-07-01""#))
        #expect(c.children[0].retiredFrom?.description == "2026-07-01")
        #expect(try parse(c.jsonText()).children[0].retiredFrom?.description == "2026-07-01")
    }

    @Test(arguments: [#""2026/07/01""#, #""2026-02-30""#, "20260701", #""""#])
    func aMalformedRetiredFromNamesTheField(_ value: String) {
        let error = #expect(throws: NodeError.self) { try parse(config(child: #", "retired_from": "# + value)) }
        #expect(error?.message.contains("children[0].retired_from") == true, "\(error?.message ?? "")")
    }

    @Test func leavingParentIsReadWrittenBackAndIsNotAlsoAChild() throws {
        let leaving = #", "leaving_parent": {"node_id": "cn.gz.tongren.bijiang", "address": "127.0.0.1:7103", "public_key": "\#(oldParentKey.text)"}"#
        let c = try parse(config(leaving))
        #expect(c.leavingParent?.nodeId == "cn.gz.tongren.bijiang")
        #expect(c.peersWithRoles.map(\.role) == ["parent", "leaving-parent", "child"])
        #expect(try parse(c.jsonText()).leavingParent == c.leavingParent)
        let twice = #", "leaving_parent": {"node_id": "cn.gz.tongren.wanshan.aozhai", "public_key": "\#(childKey.text)"}"#
        let error = #expect(throws: NodeError.self) { try parse(config(twice)) }
        #expect(error?.message.contains("leaving_parent names cn.gz.tongren.wanshan.aozhai") == true || error?.message.contains("children[0] names") == true,
                "\(error?.message ?? "")")
    }
}
