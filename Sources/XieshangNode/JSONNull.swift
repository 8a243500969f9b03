/// JSON `null` in the loosely typed trees (`[String: Any]`) the node builds for query rows and node.json; ``JSONText``
/// writes it as `null`. Stands in for Foundation's `NSNull`, so the node links FoundationEssentials only.
struct JSONNull: Sendable {}
