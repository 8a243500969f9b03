import XieshangCalendar
import XieshangFederation
import XieshangTestKinds
import XieshangWire

/// What the simulated bodies record and how their own figures count it — the simulator's side of the figures seam
/// (``FiguresSource``), so the domain-free core can run a domain's records through its fault schedules: the layer
/// that knows the records (the node's domain) supplies them, the core's default is ``NoteRecords``.
///
/// The simulator asks ``commands(body:serial:recordDay:roll:amount:random:)`` for most of a body's local commands,
/// opens every node with a source from ``figuresSource(body:parent:depth:)``, and after the run checks every node's
/// latest report of every period against what its subtree originated, counted from the stored logs with
/// ``originated(_:body:)`` — an independent count from each own event alone, not from the figures source.
public protocol SimulatedRecords: Sendable {
    /// A new figures source for simulated body `body` (parent nil at a root; `depth` 0 at a root, 1 below it, …).
    func figuresSource(body: String, parent: String?, depth: Int) -> any FiguresSource

    /// The record commands body `body` originates now, as one group (one store transaction).
    /// - Parameters:
    ///   - serial: unique in the run (for record ids).
    ///   - recordDay: the record's own date (up to two days before it is entered).
    ///   - roll: 0..<60, the simulator's draw for this command (what to record).
    ///   - amount: 0..<50, a size the simulator drew.
    ///   - random: further draws.
    func commands(body: String, serial: Int, recordDay: Day, roll: Int, amount: Int64,
                  random: inout DeterministicRandom) -> [LocalCommand]

    /// What an event `body` originated adds to its own figures, by stats.proto name, and the day (the record's own
    /// date) it counts on; nil when it adds nothing.
    func originated(_ event: EventBody, body: String) -> (day: Day, figures: [String: Int64])?

    /// Figures the rollup check leaves out: those no own record of a body makes (`bodies`; figures that steps of
    /// other bodies change, such as plan items assigned by a plan issued from above).
    var uncheckedFigures: Set<String> { get }
}

/// The core's own simulated records (no domain): `Note` events dated by their text, counted by ``NoteFigures``
/// (`notes`, `note_amount`), and now and then an `activity` event with a note payload (replicated, counted nowhere).
public struct NoteRecords: SimulatedRecords {
    /// The note workload.
    public init() {}

    /// A ``NoteFigures``.
    public func figuresSource(body: String, parent: String?, depth: Int) -> any FiguresSource { NoteFigures() }

    /// A note dated `recordDay` of `amount` (roll < 45), else an activity event with a note payload.
    public func commands(body: String, serial: Int, recordDay: Day, roll: Int, amount: Int64,
                         random: inout DeterministicRandom) -> [LocalCommand] {
        if roll < 45 {
            return [LocalCommand(kind: .testNote, payload: Note(text: recordDay.description, amount: amount).serializedBytes(), scope: Route.up.scope)]
        }
        return [LocalCommand(kind: .activity, payload: Note(text: "activity").serializedBytes(), scope: Route.up.scope)]
    }

    /// A note: one `notes` and its amount, on its own date.
    public func originated(_ event: EventBody, body: String) -> (day: Day, figures: [String: Int64])? {
        guard event.kind == .testNote, let note = try? Note(serializedBytes: event.payload) else { return nil }
        return (NoteFigures.day(of: note, enteredAtMs: event.timeMs), ["notes": 1, "note_amount": note.amount])
    }

    /// Nothing is left out.
    public var uncheckedFigures: Set<String> { [] }
}
