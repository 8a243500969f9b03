import XieshangWire

/// A scope as the store keeps it (`StoredEvent.scope`) and as routing reads it: `up`, `down`, `down:a,b`,
/// `alliance:<id>`, `direct:<node>`, `local`.
public enum Route: Hashable, Sendable {
    /// To the parent, on up the tree.
    case up
    /// To the children, recursively; `only` names the descendants that should get it (empty: all).
    case down(only: [String])
    /// To every member of an alliance.
    case alliance(String)
    /// To one node, along the tree.
    case direct(String)
    /// Never leaves the origin.
    case local

    /// The route of an event's scope (nil when the scope has no target).
    public init?(_ scope: Scope?) {
        switch scope?.target {
        case .up?: self = .up
        case .down(let d)?: self = .down(only: d.only)
        case .alliance(let a)?: self = .alliance(a)
        case .direct(let n)?: self = .direct(n)
        case .local?: self = .local
        case nil: return nil
        }
    }

    /// Parses the stored text form.
    public init(text: String) {
        if text == "up" { self = .up; return }
        if text == "down" { self = .down(only: []); return }
        if text.hasPrefix("down:") { self = .down(only: text.dropFirst(5).split(separator: ",").map(String.init)); return }
        if text.hasPrefix("alliance:") { self = .alliance(String(text.dropFirst(9))); return }
        if text.hasPrefix("direct:") { self = .direct(String(text.dropFirst(7))); return }
        self = .local
    }

    /// The stored text form.
    public var text: String {
        switch self {
        case .up: "up"
        case .down(let only): only.isEmpty ? "down" : "down:" + only.joined(separator: ",")
        case .alliance(let a): "alliance:" + a
        case .direct(let n): "direct:" + n
        case .local: "local"
        }
    }

    /// The wire scope.
    public var scope: Scope {
        switch self {
        case .up: Scope(target: .up(true))
        case .down(let only): Scope(target: .down(DownScope(only: only)))
        case .alliance(let a): Scope(target: .alliance(a))
        case .direct(let n): Scope(target: .direct(n))
        case .local: Scope(target: .local(true))
        }
    }
}
