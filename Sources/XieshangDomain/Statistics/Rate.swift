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

    /// Whether the rate is below `percent`, compared exactly (numerator × 100 < percent × denominator), never on the
    /// rounded display: 1,599 of 2,000 (79.95%, shown "80.0%") is below 80%. No data (denominator 0) is never below.
    public func isBelow(percent: Int) -> Bool {
        guard denominator > 0 else { return false }
        let (left, o1) = numerator.multipliedReportingOverflow(by: 100)
        let (right, o2) = Int64(percent).multipliedReportingOverflow(by: denominator)
        if o1 || o2 { return Double(numerator) * 100 < Double(percent) * Double(denominator) }
        return left < right
    }

    /// "98.2%", or "—" when there is no data.
    public var description: String {
        guard let p = permille else { return "—" }
        return "\(p / 10).\(p % 10)%"
    }
}
