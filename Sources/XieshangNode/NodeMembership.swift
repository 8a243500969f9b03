import Dispatch
import FoundationEssentials
import Glibc
import XieshangCalendar
import XieshangFederation
import XieshangTransport
import XieshangWire

/// Membership changes at run time (成员变更, Admin.Peer): a peer added, removed, re-addressed or a child retired while
/// the node runs (`xieshang peer add|remove|set-address|retire`).
///
/// Order of a change, on the executor: the request is checked against the current config and turned into a new one;
/// the new node.json text (the file as it is, with only `parent`, `children`, `alliances` and `zones` replaced) is
/// parsed back with the same rules as at start; only then is it written (``DurableFile``: temporary file, fsync,
/// rename) and the runtime and core take the new peers. A refused request, or a file that cannot be written, changes
/// nothing.
enum NodeMembership {
    static func handlers(_ runtime: NodeRuntime) -> [String: RPCHandler] {
        [
            AdminService.peer.path: .unary { bytes, _ in
                let request = try AdminHandlers.decode(PeerRequest.self, bytes)
                return try await runtime.read { change(runtime, request) }.get().serializedBytes()
            },
        ]
    }

    /// Carries out `request` (on the executor).
    static func change(_ runtime: NodeRuntime, _ request: PeerRequest) -> Result<PeerResponse, TransportError> {
        dispatchPrecondition(condition: .onQueue(runtime.queue))
        guard let file = runtime.configFile else {
            return .failure(.status(.failedPrecondition, "peer: \(runtime.config.nodeId) was started without a config file, so a membership change has nowhere to be written; change the config and restart it"))
        }
        let old = runtime.config
        let updated: NodeConfig
        let relink: Set<String>
        do {
            (updated, relink) = try changed(old, request)
        } catch {
            return .failure(error)
        }
        let text: String
        do {
            text = try fileText(file, with: updated)
        } catch {
            return .failure(error)
        }
        var federation = runtime.core.config
        Node.setPeers(of: &federation, from: updated)
        do throws(FederationError) { try federation.validate() } catch {
            return .failure(.status(.invalidArgument, "peer: \(error.message); node.json is unchanged"))
        }
        if request.action == .remove, old.leavingParent?.nodeId == request.nodeId, !runtime.core.leavingParentHasAll {
            return .failure(.status(.failedPrecondition, "peer remove: \(request.nodeId) has not yet acknowledged the move record and the figures before the move; "
                + "wait until `xieshang status` shows lag 0 for it (it must be reachable), then remove it; node.json is unchanged"))
        }
        let original = FileManager.default.contents(atPath: file).map { Array($0) } ?? []
        do throws(DurableFile.Failure) { try DurableFile.write(Array(text.utf8), to: file, mode: 0o600) } catch {
            return .failure(.status(.internal, "peer: \(error.message); node.json is unchanged and so are the links"))
        }
        let done: FederationNode.MembershipChange
        do {
            if request.action == .move, let parent = federation.parent, let day = try? Day(parsing: request.date, field: "date") {
                done = try runtime.move(updated, to: parent, effective: day)
            } else {
                done = try runtime.replacePeers(updated, federation: federation, relink: relink)
            }
        } catch {
            // The running node refused (fenced, a store failure): the file goes back to what it was.
            try? DurableFile.write(original, to: file, mode: 0o600)
            return .failure(.status(.failedPrecondition, "peer \(verbName(request.action)): refused by the running node: \(error.message); node.json is unchanged"))
        }
        let retired = request.action == .retire ? [request.nodeId] : []
        runtime.logger.info("membership: \(describe(request)) (node.json rewritten)")
        return .success(PeerResponse(configFile: file, added: done.added, removed: done.removed, relinked: done.relinked, retired: retired))
    }

    static func describe(_ r: PeerRequest) -> String {
        switch r.action {
        case .add: return "added \(r.nodeId) as \(r.role)\(r.address.isEmpty ? "" : " at \(r.address)")"
        case .remove: return "removed \(r.nodeId)\(r.role.isEmpty ? "" : " as \(r.role)")"
        case .setAddress: return "address of \(r.nodeId) set to \(r.address.isEmpty ? "none (it dials this node)" : r.address)"
        case .retire: return "retired \(r.nodeId) from \(r.date)"
        case .move: return "moved to \(r.nodeId) from \(r.date)"
        default: return "no change"
        }
    }

    /// The config `request` makes of `config`, and the peers to link again.
    /// - Throws: `invalidArgument`, `notFound` or `alreadyExists` naming what is wrong and what to do.
    static func changed(_ config: NodeConfig, _ request: PeerRequest) throws(TransportError) -> (NodeConfig, Set<String>) {
        let id = request.nodeId
        let verb = "peer \(verbName(request.action))"
        switch request.action {
        case .add, .remove, .setAddress, .retire, .move: break
        default: throw .status(.invalidArgument, "peer: no known action given; use add, remove, set-address, retire or move")
        }
        guard NodeConfig.isNodeId(id) else {
            throw .status(.invalidArgument, "\(verb): '\(DisplayText.escaped(id))' is not a node id (1–128 lowercase letters, digits, '.', '-', '_', e.g. county1-town4)")
        }
        if id == config.nodeId { throw .status(.invalidArgument, "\(verb): \(id) is this node itself") }
        var c = config
        let roles = roles(of: id, in: config)
        switch request.action {
        case .add:
            let peer = NodeConfig.Peer(nodeId: id, address: try address(request.address, verb), publicKey: try key(request.publicKey, verb),
                                       name: request.name, tier: request.tier)
            let role = request.role
            if let existing = roles.first, role == "child" || role == "parent" || !existing.hasPrefix("alliance:") || roles.contains(role) {
                throw .status(.alreadyExists, "\(verb): \(id) is already \(roles.joined(separator: " and ")) of \(config.nodeId) in node.json; "
                    + "use `xieshang peer set-address` to change its address, or `xieshang peer remove` first")
            }
            if let other = (c.parent.map { [$0] } ?? []).first(where: { $0.publicKey.rawRepresentation == peer.publicKey.rawRepresentation })
                ?? c.children.first(where: { $0.publicKey.rawRepresentation == peer.publicKey.rawRepresentation }) {
                throw .status(.alreadyExists, "\(verb): the key given for \(id) is already pinned for \(other.nodeId); each body has its own key (`xieshang init` prints it)")
            }
            switch role {
            case "child": c.children.append(peer)
            case "parent":
                if let parent = c.parent {
                    throw .status(.alreadyExists, "\(verb): \(config.nodeId) already has a parent, \(parent.nodeId); remove it first (`xieshang peer remove \(parent.nodeId)`)")
                }
                c.parent = peer
            default:
                guard role.hasPrefix("alliance:"), let i = c.alliances.firstIndex(where: { "alliance:" + $0.id == role }) else {
                    let alliances = config.alliances.map { "alliance:" + $0.id }
                    throw .status(.invalidArgument, "\(verb): role '\(DisplayText.escaped(role))' is not child, parent or an alliance of \(config.nodeId)"
                        + (alliances.isEmpty ? "" : " (\(alliances.joined(separator: ", ")))"))
                }
                c.alliances[i].members.append(peer)
            }
            return (c, [])
        case .remove:
            guard !roles.isEmpty else { throw notPeer(verb, id, config) }
            let role = request.role
            if !role.isEmpty && !roles.contains(role) {
                throw .status(.notFound, "\(verb): \(id) is not \(role) of \(config.nodeId); it is \(roles.joined(separator: ", "))")
            }
            if role.isEmpty || role == "parent", c.parent?.nodeId == id { c.parent = nil }
            if role.isEmpty || role == "leaving-parent", c.leavingParent?.nodeId == id { c.leavingParent = nil }
            if role.isEmpty || role == "child" {
                c.children.removeAll { $0.nodeId == id }
                c.zones = c.zones.map { NodeConfig.Zone(name: $0.name, members: $0.members.filter { $0 != id }) }.filter { !$0.members.isEmpty }
            }
            for i in c.alliances.indices where role.isEmpty || role == "alliance:" + c.alliances[i].id {
                c.alliances[i].members.removeAll { $0.nodeId == id }
            }
            return (c, [])
        case .setAddress:
            guard !roles.isEmpty else { throw notPeer(verb, id, config) }
            let address = try address(request.address, verb)
            if c.parent?.nodeId == id { c.parent?.address = address }
            for i in c.children.indices where c.children[i].nodeId == id { c.children[i].address = address }
            for i in c.alliances.indices {
                for j in c.alliances[i].members.indices where c.alliances[i].members[j].nodeId == id { c.alliances[i].members[j].address = address }
            }
            return (c, [id])
        case .retire:
            guard let i = c.children.firstIndex(where: { $0.nodeId == id }) else {
                throw roles.isEmpty ? notPeer(verb, id, config)
                    : .status(.invalidArgument, "\(verb): \(id) is not a child of \(config.nodeId) (it is \(roles.joined(separator: ", "))); only a child body is retired")
            }
            do throws(CalendarError) { c.children[i].retiredFrom = try Day(parsing: request.date, field: "date") } catch {
                throw .status(.invalidArgument, "\(verb): \(error.messageEn); give the first day \(id) no longer exists as YYYY-MM-DD, e.g. 2026-07-01")
            }
            return (c, [])
        case .move:
            guard let old = c.parent else {
                throw .status(.failedPrecondition, "\(verb): \(config.nodeId) has no parent to move away from; add one with `xieshang peer add ID --role parent`")
            }
            if let leaving = c.leavingParent {
                throw .status(.failedPrecondition, "\(verb): \(config.nodeId) is still leaving \(leaving.nodeId); remove it (`xieshang peer remove \(leaving.nodeId)`) once it holds the earlier move record")
            }
            if !roles.isEmpty {
                throw .status(.alreadyExists, "\(verb): \(id) is already \(roles.joined(separator: " and ")) of \(config.nodeId); a body moves to a county it is not linked to yet")
            }
            let day = try moveDate(request.date, verb)
            guard request.tier.isEmpty || old.tier.isEmpty || request.tier == old.tier else {
                throw .status(.invalidArgument, "\(verb): \(id) is a \(request.tier) and \(old.nodeId) a \(old.tier); a body moves to a parent of the tier it leaves (区划调整)")
            }
            _ = day
            c.leavingParent = old
            c.parent = NodeConfig.Peer(nodeId: id, address: try address(request.address, verb), publicKey: try key(request.publicKey, verb),
                                       name: request.name, tier: request.tier.isEmpty ? old.tier : request.tier)
            return (c, [])
        default:
            throw .status(.invalidArgument, "peer: no known action given; use add, remove, set-address, retire or move")
        }
    }

    /// The effective date of a move: YYYY-MM-DD, not after today (China Standard Time): from the move on, records
    /// dated before it are refused, so a move dated ahead would close today's records.
    static func moveDate(_ text: String, _ verb: String) throws(TransportError) -> Day {
        let day: Day
        do throws(CalendarError) { day = try Day(parsing: text, field: "date") } catch {
            throw .status(.invalidArgument, "\(verb): \(error.messageEn); give the first day under the new parent as YYYY-MM-DD, e.g. 2026-07-01")
        }
        let today = Day(chinaTimeMs: Int64(Date().timeIntervalSince1970 * 1000))
        guard day <= today else {
            throw .status(.invalidArgument, "\(verb): the move date \(day) is after today (\(today)); record the move on or after its date")
        }
        return day
    }

    static func verbName(_ action: PeerAction) -> String {
        switch action {
        case .move: return "move"
        case .add: return "add"
        case .remove: return "remove"
        case .setAddress: return "set-address"
        case .retire: return "retire"
        default: return "change"
        }
    }

    /// The roles `id` has in `config`: parent, child, alliance:<id>.
    static func roles(of id: String, in config: NodeConfig) -> [String] {
        var out: [String] = []
        if config.parent?.nodeId == id { out.append("parent") }
        if config.leavingParent?.nodeId == id { out.append("leaving-parent") }
        if config.children.contains(where: { $0.nodeId == id }) { out.append("child") }
        for a in config.alliances where a.members.contains(where: { $0.nodeId == id }) { out.append("alliance:" + a.id) }
        return out
    }

    static func notPeer(_ verb: String, _ id: String, _ config: NodeConfig) -> TransportError {
        .status(.notFound, "\(verb): \(id) is not a peer of \(config.nodeId) in node.json; `xieshang status` lists its peers")
    }

    /// `host:port` (or empty: the peer dials this node), checked as node.json and the dialer check it.
    static func address(_ text: String, _ verb: String) throws(TransportError) -> String {
        guard !text.isEmpty else { return "" }
        do {
            let checked = try FieldReader(file: "request").address(.string(text), at: "address", required: false)
            _ = try Endpoint(parsing: checked)
            return checked
        } catch {
            throw .status(.invalidArgument, "\(verb): address '\(DisplayText.escaped(text))' is not HOST:PORT (e.g. 127.0.0.1:7100 or [::1]:7100)")
        }
    }

    static func key(_ text: String, _ verb: String) throws(TransportError) -> Ed25519.PublicKey {
        guard let key = try? Ed25519.PublicKey(text: text) else {
            throw .status(.invalidArgument, "\(verb): public key '\(DisplayText.escaped(String(text.prefix(80))))' is not ed25519:<base64 of 32 bytes> as `xieshang init` prints it")
        }
        return key
    }

    /// The text of `file` with its peer fields replaced by those of `config`, checked by parsing it back.
    /// - Throws: `failedPrecondition` when the file cannot be read or parsed now; `invalidArgument` when the new
    ///   config breaks a rule of node.json (the message names it).
    static func fileText(_ file: String, with config: NodeConfig) throws(TransportError) -> String {
        guard let data = FileManager.default.contents(atPath: file), let original = String(data: data, encoding: .utf8),
              var tree = JSONText.parse(original) as? [String: Any] else {
            throw .status(.failedPrecondition, "peer: cannot read \(file) as JSON now; fix it by hand (the node runs with the config it was started with)")
        }
        for field in NodeConfig.peerFields { tree[field] = nil }
        tree.merge(config.peersJSON()) { _, new in new }
        guard let text = JSONText.pretty(tree) else { throw .status(.internal, "peer: cannot write the new config as JSON") }
        let base = PathText.directory(of: file)
        let parsed: NodeConfig
        do {
            parsed = try NodeConfig.parse(text, file: file, baseDirectory: base.isEmpty ? "." : base)
        } catch {
            throw .status(.invalidArgument, "peer: refused, the change would break node.json: \(error.message); node.json is unchanged")
        }
        guard parsed.nodeId == config.nodeId, parsed.parent == config.parent, parsed.children == config.children,
              parsed.alliances == config.alliances else {
            throw .status(.failedPrecondition, "peer: \(file) no longer describes the running node \(config.nodeId) (edited by hand?); restart the node with it first")
        }
        return text + "\n"
    }
}
