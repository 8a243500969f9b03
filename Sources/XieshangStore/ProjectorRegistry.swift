/// The set of projectors a store keeps, indexed by event kind.
///
/// Names must be unique, and no projector may claim a store table (`events`, `peer_cursors`, `projections`,
/// `schema_version`) or another projector's table — a programmer error caught at open as a ``StoreError``.
public struct ProjectorRegistry: Sendable {
    /// Every projector, in registration order (the order in which they see each event).
    public let all: [any Projector]
    private let byKind: [Int32: [Int]]
    private let forEveryKind: [Int]

    /// Builds the registry.
    /// - Throws: ``StoreError`` `.projector` for a duplicate name or a table claimed twice.
    public init(_ projectors: [any Projector]) throws(StoreError) {
        var names = Set<String>()
        var tables = StoreSchema.reservedTables
        var byKind: [Int32: [Int]] = [:]
        var every: [Int] = []
        for (i, p) in projectors.enumerated() {
            guard !p.name.isEmpty, names.insert(p.name).inserted else {
                throw StoreError(.projector, "projector name '\(p.name)' is empty or registered twice; give each projector a unique name")
            }
            for t in p.tables {
                guard tables.insert(t).inserted else {
                    throw StoreError(.projector, "projector \(p.name) claims table \(t), which the store or another projector owns")
                }
            }
            if let kinds = p.kinds {
                for k in kinds { byKind[k, default: []].append(i) }
            } else {
                every.append(i)
            }
        }
        self.all = projectors
        self.byKind = byKind
        self.forEveryKind = every
    }

    /// The projectors that read events of `kind`, in registration order.
    public func projectors(for kind: Int32) -> [any Projector] {
        if forEveryKind.isEmpty, byKind.isEmpty { return [] }
        let indexes = (byKind[kind] ?? []) + forEveryKind
        return indexes.sorted().map { all[$0] }
    }

    /// The projector named `name`, if registered.
    public func projector(named name: String) -> (any Projector)? { all.first { $0.name == name } }
}
