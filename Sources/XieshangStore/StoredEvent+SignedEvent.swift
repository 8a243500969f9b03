import XieshangWire

/// Between the wire envelope (`SignedEvent`, `EventBody`) and the store's value.
extension StoredEvent {
    /// The store's value for a received `SignedEvent`: the body is decoded for its chain fields, and ``hash`` is the
    /// SHA-256 of the envelope's deterministic encoding. The signature is not verified here — the federation layer
    /// authenticates runs before it appends them.
    /// - Throws: ``StoreError`` `.invalidEvent` when the body is malformed or misses a required field (the wire
    ///   error is the ``StoreError/underlying`` cause).
    public init(_ signed: SignedEvent) throws(StoreError) {
        let body: EventBody
        do throws(WireError) {
            body = try signed.decodedBody()
        } catch {
            throw StoreError(.invalidEvent, "cannot store an event whose envelope does not decode: \(error)", underlying: error)
        }
        self.init(origin: body.origin, seq: body.seq, prevHash: body.prevHash, hash: signed.hash, timeMs: body.timeMs,
                  scope: StoredEvent.scopeName(body.scope), kind: body.kind.protoValue, body: signed.body,
                  signature: signed.signature)
    }

    /// The envelope to forward: the stored body and signature bytes, unchanged.
    public var signedEvent: SignedEvent { SignedEvent(body: body, signature: signature) }

    /// The text form of a scope kept in the `scope` column and used by ``EventReader/entries(scope:after:limit:)``:
    /// `up`, `down`, `alliance:<id>`, `direct:<node>`, `local` (empty when there is none).
    public static func scopeName(_ scope: Scope?) -> String {
        switch scope?.target {
        case .up?: return "up"
        case .down?: return "down"
        case .alliance(let id)?: return "alliance:" + id
        case .direct(let node)?: return "direct:" + node
        case .local?: return "local"
        case nil: return ""
        }
    }

    /// The scope named by ``scopeName(_:)``'s text, or nil for text it does not produce.
    public static func scope(named name: String) -> Scope? {
        if name == "up" { return Scope(target: .up(true)) }
        if name == "down" { return Scope(target: .down(DownScope())) }
        if name == "local" { return Scope(target: .local(true)) }
        if name.hasPrefix("alliance:") { return Scope(target: .alliance(String(name.dropFirst(9)))) }
        if name.hasPrefix("direct:") { return Scope(target: .direct(String(name.dropFirst(7)))) }
        return nil
    }
}
