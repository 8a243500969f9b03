/// One thing in a bundle that does not hold.
public struct AuditProblem: Hashable, Sendable, CustomStringConvertible {
    /// What kind of thing failed.
    public enum Kind: String, Hashable, Sendable {
        /// An event's signature does not verify against its signer's key.
        case signature
        /// A chain link: a gap, a wrong previous hash, an event missing at a chain's end.
        case chain
        /// A report's own figure differs from what the body's signed records give.
        case figure
        /// A report's subtree figure differs from its own plus its cited children's (stated or recomputed).
        case subtotal
        /// A report's citation of a child report does not hold.
        case citation
        /// An approval names a report the bundle does not hold as it says.
        case approval
        /// A key is missing, malformed, or not the one the root's signed roster names.
        case key
        /// An event or payload does not decode.
        case decode
        /// The bundle's seal disagrees with its events.
        case seal
    }

    /// What kind of thing failed.
    public var kind: Kind
    /// The body it belongs to (empty for the bundle itself).
    public var body: String
    /// The event involved, `origin#seq` (empty when none).
    public var event: String
    /// The figure involved, by its stats.proto name (empty when none).
    public var figure: String
    /// What failed, in a sentence.
    public var message: String
    /// The same in Chinese 中文说明.
    public var messageZh: String

    /// A problem, said in Chinese (`zh`) and English.
    public init(_ kind: Kind, body: String, event: String = "", figure: String = "", zh: String, _ message: String) {
        self.kind = kind
        self.body = body
        self.event = event
        self.figure = figure
        self.messageZh = zh
        self.message = message
    }

    /// The sentence, with the event and figure named.
    public var description: String {
        var head = kind.rawValue
        if !event.isEmpty { head += " " + event }
        if !figure.isEmpty { head += " [" + figure + "]" }
        return head + ": " + message
    }
}
