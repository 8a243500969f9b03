/// Figure maps (统计数字): counter name → value, as `AggregateReport.own` and `totals` carry them. Sums are checked:
/// a value from outside that would pass Int64's range is an error naming the figure, never a trap or a wrap.
///
/// A missing name means 0: a report carries only the figures that are not zero (``nonZero(_:)``), and every reader
/// sums and compares with absent = 0, so a report stored before (which named every counter, zeros included) equals
/// the same figures carried the new way.
public enum FigureMap {
    /// `m` without its zero figures: how a report carries them. Most of a township's ~40 counters are zero; naming
    /// them all made every report, and every parent report that repeats a child's totals, several times larger.
    public static func nonZero(_ m: [String: Int64]) -> [String: Int64] {
        m.filter { $0.value != 0 }
    }

    /// `a + b`, figure by figure; nil with the figure's name when a sum leaves Int64's range.
    public static func sum(_ a: [String: Int64], _ b: [String: Int64]) -> Result<[String: Int64], Overflow> {
        var out = a
        if let overflow = add(b, to: &out) { return .failure(overflow) }
        return .success(out)
    }

    /// Adds `b` to `a` figure by figure, in place; the overflow naming the figure when a sum leaves Int64's range,
    /// with `a` then holding the figures added before it (callers drop it).
    public static func add(_ b: [String: Int64], to a: inout [String: Int64]) -> Overflow? {
        for (k, v) in b {
            let (s, overflow) = a[k, default: 0].addingReportingOverflow(v)
            if overflow { return Overflow(figure: k) }
            a[k] = s
        }
        return nil
    }

    /// A sum that left Int64's range.
    public struct Overflow: Error, Hashable, Sendable {
        /// The figure whose sum overflowed.
        public var figure: String
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
