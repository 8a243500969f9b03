/// A rate 比率 derived from two counters (never summed: rates of a subtree come from the summed counters).
public struct Rate: Hashable, Sendable, CustomStringConvertible {
    /// Numerator.
    public var numerator: Int64
    /// Denominator (0 means "no data").
    public var denominator: Int64

    /// Makes a rate.
    public init(_ numerator: Int64, of denominator: Int64) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// Percent in tenths (982 = 98.2%), rounded half up; nil when the denominator is 0.
    public var permille: Int64? {
        guard denominator > 0 else { return nil }
        let (scaled, overflow) = numerator.multipliedReportingOverflow(by: 2000)
        if overflow || denominator > Int64.max / 2 {
            // Counters this large never come from real records; still answer instead of trapping.
            return Int64((Double(numerator) * 1000 / Double(denominator)).rounded())
        }
        let (sum, overflow2) = scaled.addingReportingOverflow(denominator)
        if overflow2 { return Int64((Double(numerator) * 1000 / Double(denominator)).rounded()) }
        return sum / (2 * denominator)
    }

    /// "98.2%", or "—" when there is no data.
    public var description: String {
        guard let p = permille else { return "—" }
        return "\(p / 10).\(p % 10)%"
    }
}
