import XieshangCalendar
import XieshangFederation
import XieshangTestKinds
import XieshangWire

/// The simulator's figures source (a test source, no domain): a body's own `Note` events are its records, dated by
/// the day in the note's text ("2026-03-31") when it has one — the record's own date — else by the day they were
/// entered (China Standard Time). Figures: `notes` (how many) and `note_amount` (the sum of their amounts).
///
/// It counts what the core shows it (``FiguresSource/recorded(_:node:)``), so each node needs its own instance:
/// ``FederationConfig/figures`` is a factory.
public final class NoteFigures: FiguresSource {
    private var byDay: [Day: (count: Int64, amount: Int64)] = [:]
    private var overflowed: Day?

    /// An empty source.
    public init() {}

    /// The record date of a note entered at `timeMs`: the day its text names, else the entry day in CST.
    public static func day(of note: Note, enteredAtMs timeMs: Int64) -> Day {
        (try? Day(parsing: note.text, field: "note")) ?? Day(chinaTimeMs: timeMs)
    }

    /// Counts an own note; other events touch nothing.
    public func recorded(_ event: EventBody, node: String) -> FiguresTouch {
        guard event.kind == .testNote, ChainName.node(of: event.origin) == node,
              let note = try? Note(serializedBytes: event.payload) else { return .none }
        let day = NoteFigures.day(of: note, enteredAtMs: event.timeMs)
        var tally = byDay[day] ?? (0, 0)
        let (count, o1) = tally.count.addingReportingOverflow(1)
        let (amount, o2) = tally.amount.addingReportingOverflow(note.amount)
        if o1 || o2 { overflowed = day } else { tally = (count, amount) }
        byDay[day] = tally
        return FiguresTouch(days: [day])
    }

    /// Keeps no per-descendant tallies, so it recomputes nothing (ancestors then compare no report's own figures).
    public func recomputedFigures(of body: String, for period: Period, adding pending: [EventBody]) -> RecomputedFigures? { nil }

    /// `notes` and `note_amount` of the notes dated in `period`.
    /// - Throws: ``FederationError`` when a sum passes Int64's range (amounts come from outside).
    public func ownFigures(for period: Period) throws(FederationError) -> [String: Int64] {
        if let day = overflowed, period.contains(day) {
            throw FederationError(.config, "note amounts dated \(day) pass Int64's range; the figures of \(period) cannot be summed")
        }
        var notes: Int64 = 0
        var amount: Int64 = 0
        for (day, tally) in byDay where period.contains(day) {
            let (n, o1) = notes.addingReportingOverflow(tally.count)
            let (a, o2) = amount.addingReportingOverflow(tally.amount)
            if o1 || o2 { throw FederationError(.config, "note figures of \(period) pass Int64's range") }
            notes = n
            amount = a
        }
        return notes == 0 ? [:] : ["notes": notes, "note_amount": amount]
    }
}
