/// Figure maps (统计数字): counter name → value, as `AggregateReport.own` and `totals` carry them. Sums are checked:
/// a value from outside that would pass Int64's range is an error naming the figure, never a trap or a wrap.
public enum FigureMap {
    /// `a + b`, figure by figure; nil with the figure's name when a sum leaves Int64's range.
    public static func sum(_ a: [String: Int64], _ b: [String: Int64]) -> Result<[String: Int64], Overflow> {
        var out = a
        for (k, v) in b {
            let (s, overflow) = (out[k] ?? 0).addingReportingOverflow(v)
            if overflow { return .failure(Overflow(figure: k)) }
            out[k] = s
        }
        return .success(out)
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
