/// Keeps a table (or a few) in step with the log: a projection the operators query, rebuildable from the log.
///
/// A projector declares the tables it owns and the SQL that creates them, the event kinds it reads, and applies
/// one event at a time inside the append's transaction — so a projection never disagrees with the log. Applying
/// must be deterministic (depend only on the events, in log order), which is what makes a rebuild give identical
/// tables. Bump ``version`` when the schema or the rules change: the store then rebuilds the projection at open.
/// Domain projectors (proposals 提案, opinion reports 社情民意, …) are registered by a layer above the store.
public protocol Projector: Sendable {
    /// A unique name, used as the key of its high-water mark.
    var name: String { get }
    /// The projection's version; a change triggers a rebuild.
    var version: Int { get }
    /// The tables this projector owns; a rebuild drops them before running ``schema``.
    var tables: [String] { get }
    /// SQL that creates the tables (and indexes); run on an empty slate.
    var schema: String { get }
    /// The event kinds this projector reads; `nil` means every kind.
    var kinds: Set<Int32>? { get }
    /// Applies one event, in the same transaction as the append (or the rebuild) that carries it.
    /// - Throws: ``StoreError``; the whole transaction is then rolled back.
    func apply(_ event: StoredEvent, position: Int64, in db: Database) throws(StoreError)
}
