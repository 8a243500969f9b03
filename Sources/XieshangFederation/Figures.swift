import XieshangWire

/// The figures (统计数字) a node counts from its own events until the domain projections land: one counter per
/// event kind (`note`, `activity`, `plan`, …) and the sum of `Note.amount` as `note_amount`.
///
/// Federation bookkeeping (aggregate reports, alerts, rosters) is not counted.
public enum Figures {
    /// Adds the figures of one own event to `into`; false when the kind is not counted.
    @discardableResult
    public static func add(kind: EventKind, payload: [UInt8], into figures: inout [String: Int64]) -> Bool {
        switch kind {
        case .aggregateReport, .alert, .roster, .unspecified: return false
        default: break
        }
        figures[name(of: kind), default: 0] += 1
        if kind == .note, let note = try? Note(serializedBytes: payload) {
            figures["note_amount", default: 0] += note.amount
        }
        return true
    }

    /// The figure name of a kind: the proto value name without its prefix, lower case (`EVENT_KIND_NOTE` → `note`).
    public static func name(of kind: EventKind) -> String {
        guard let n = kind.protoValueName else { return "kind_\(kind.protoValue)" }
        return String(n.dropFirst("EVENT_KIND_".count)).lowercased()
    }

    /// `a + b`, figure by figure.
    public static func sum(_ a: [String: Int64], _ b: [String: Int64]) -> [String: Int64] {
        var out = a
        for (k, v) in b { out[k, default: 0] &+= v }
        return out
    }

    /// Figure maps compared with absent = 0.
    public static func equal(_ a: [String: Int64], _ b: [String: Int64]) -> Bool {
        firstDifference(a, b) == nil
    }

    /// The first figure (in name order) where `a` and `b` differ, absent counting as 0.
    public static func firstDifference(_ a: [String: Int64], _ b: [String: Int64]) -> String? {
        for k in Set(a.keys).union(b.keys).sorted() where (a[k] ?? 0) != (b[k] ?? 0) { return k }
        return nil
    }
}
