extension DomainState {
    /// This state with the body's parent set to `parent`: after a move to another parent at run time (区划调整), the
    /// commands decided next (a report forwarded to the parent, the routing up) follow the new parent, while the
    /// records already folded stay as they were.
    public func reparented(to parent: String?) -> DomainState {
        var state = self
        state.body.parent = parent
        return state
    }
}
