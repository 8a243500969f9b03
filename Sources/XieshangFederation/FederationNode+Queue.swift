import XieshangStore
import XieshangWire

/// What a queued entry becomes once the node may originate: the layer that wrote it (the node's Submit, which knows
/// the body's rules) checks it again against the records as they are then — exactly as a live command — and answers
/// the commands to originate, or why a rule refuses it now.
///
/// The core calls it on its own executor, once per waiting entry, in queue order, after the events of the entries
/// before it were stored: a rule sees everything originated or pulled back before, including the node's own events
/// a restored store learned back from its parent.
public protocol QueuedCommandRules: AnyObject {
    /// The commands `entry` makes now (originated as one group, all or nothing), or why it is refused.
    func commands(for entry: [UInt8]) -> Result<[LocalCommand], QueuedCommandRefusal>
}

/// Why a rule refused a queued command once it could be originated (the rule's message, for the office).
public struct QueuedCommandRefusal: Error, Hashable, Sendable {
    /// The rule's message.
    public var message: String
    /// A refusal with `message`.
    public init(_ message: String) { self.message = message }
}

/// Recording while fenced (离线排队): a node with a parent that restarted cannot originate until the parent has
/// confirmed how far its own chain goes (a store restored from a backup must not reuse a seq). Local commands it
/// receives meanwhile go into a durable queue in the store, and are originated in order once the fence lifts — each
/// through the same rules as a live command (``QueuedCommandRules``), each in its own transaction together with its
/// removal from the queue, so a kill at any point neither loses nor duplicates one. A queued command a rule refuses
/// then is kept, marked refused with the rule's message, and raises a `queued_refused` alert to the office.
extension FederationNode {
    /// Queued entries originated per turn; a longer queue goes on at the ``FederationTimer/drainQueue`` timer, so
    /// the runtime answers other inputs (status, peers) while it drains.
    static let drainChunk = 16
    /// How long a drain stopped by a store failure waits before it tries the same entry again.
    static let drainRetryMs: Int64 = 1_000

    /// Handles ``FederationInput/enqueue(entry:)``: stores the entry, then drains at once when the node may originate
    /// (so an entry never overtakes one queued before it).
    func enqueue(_ entry: [UInt8]) {
        guard queueRules != nil else {
            return outputs.append(.commandRefused(reason: "\(id) cannot queue local commands (no queue rules configured); retry when the link to the parent is up"))
        }
        do throws(StoreError) {
            let queued = try store.enqueue(entry, atMs: now)
            queuedWaiting += 1
            outputs.append(.commandQueued(id: queued))
        } catch {
            return outputs.append(.commandRefused(reason: "cannot queue the command in \(store.path): \(error.message); nothing was stored"))
        }
        drainQueue()
    }

    /// Originates the oldest waiting entries in order (a chunk; the rest at the ``FederationTimer/drainQueue`` timer),
    /// when the node may originate. An entry whose group cannot be stored (a store failure) stops the drain: it stays
    /// first in the queue and is tried again after ``drainRetryMs`` (or at the next enqueue), so order is kept.
    func drainQueue() {
        guard !fenced, let rules = queueRules, queuedWaiting > 0 else { return }
        let batch: [Store.QueuedEntry]
        do throws(StoreError) {
            batch = try store.waitingEntries(limit: FederationNode.drainChunk + 1)
        } catch {
            return outputs.append(.log(LogRecord(.warning, .queueFailed, "cannot read the queued commands in \(store.path): \(error.message); retrying at the next command")))
        }
        for entry in batch.prefix(FederationNode.drainChunk) {
            guard drain(entry, rules) else {
                return outputs.append(.setTimer(.drainQueue, atMs: now + FederationNode.drainRetryMs))
            }
        }
        if batch.count > FederationNode.drainChunk {
            outputs.append(.setTimer(.drainQueue, atMs: now))
        } else {
            queuedWaiting = 0
        }
    }

    /// Originates one entry (or marks it refused); false when the drain must stop here (nothing changed for it).
    private func drain(_ entry: Store.QueuedEntry, _ rules: any QueuedCommandRules) -> Bool {
        let commands: [LocalCommand]
        switch rules.commands(for: entry.entry) {
        case .failure(let refusal): return refuse(entry, refusal.message)
        case .success(let made): commands = made
        }
        for command in commands {
            if let why = FederationNode.refusal(of: command.kind, testKinds: config.testKinds) { return refuse(entry, why) }
        }
        let group = commands.map(Origination.init)
        do throws(GroupRefusal) {
            if group.isEmpty {
                do throws(StoreError) {
                    try store.write { (db) throws(StoreError) in try Store.dequeue(entry.id, in: db) }
                } catch {
                    throw GroupRefusal(error: FederationError(.store, "cannot remove queued command \(entry.id) from \(store.path): \(error.message)", node: id), index: nil)
                }
            } else {
                _ = try originateGroup(group) { (db) throws(StoreError) in try Store.dequeue(entry.id, in: db) }
            }
            queuedWaiting = max(0, queuedWaiting - 1)
            return true
        } catch {
            if error.index != nil { return refuse(entry, error.error.message) }
            outputs.append(.log(LogRecord(.warning, .queueFailed, "cannot originate queued command \(entry.id): \(error.error.message); it stays first in the queue (nothing of it was stored)")))
            return false
        }
    }

    /// Keeps `entry` in the queue marked refused with `reason` and raises `queued_refused`.
    private func refuse(_ entry: Store.QueuedEntry, _ reason: String) -> Bool {
        do throws(StoreError) {
            try store.refuseQueued(entry.id, reason: reason, atMs: now)
        } catch {
            outputs.append(.log(LogRecord(.warning, .queueFailed, "cannot mark queued command \(entry.id) refused in \(store.path): \(error.message); it stays first in the queue")))
            return false
        }
        queuedWaiting = max(0, queuedWaiting - 1)
        queuedRefused += 1
        raiseAlert(Alert(subject: id, code: "queued_refused",
                         message: "\(id): a record queued while the node could not reach its parent (queue entry \(entry.id)) was refused once its chain was confirmed: \(reason); it is kept in the queue, marked refused — correct it and record it again",
                         period: "", figure: "", evidence: [entry.entry]))
        return true
    }
}
