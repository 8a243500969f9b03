/// Reporting periods (统计周期) of a timestamp: month `2026-11`, quarter `2026-Q4`, year `2026` (UTC).
public enum Period {
    /// The month, quarter and year containing `timeMs`.
    public static func all(containing timeMs: Int64) -> [String] {
        let (y, m) = yearMonth(timeMs)
        let month = "\(y)-" + (m < 10 ? "0\(m)" : "\(m)")
        return [month, "\(y)-Q\((m - 1) / 3 + 1)", "\(y)"]
    }

    /// The first millisecond after `period` ends (nil for text that is not a period, or of a year outside 1…9999).
    public static func endMs(of period: String) -> Int64? {
        let parts = period.split(separator: "-")
        guard let y = Int64(parts.first ?? ""), (1...9_999).contains(y) else { return nil }
        if parts.count == 1 { return startMs(year: y + 1, month: 1) }
        if parts[1].hasPrefix("Q"), let q = Int64(parts[1].dropFirst()), (1...4).contains(q) {
            return q == 4 ? startMs(year: y + 1, month: 1) : startMs(year: y, month: q * 3 + 1)
        }
        guard let m = Int64(parts[1]), (1...12).contains(m) else { return nil }
        return m == 12 ? startMs(year: y + 1, month: 1) : startMs(year: y, month: m + 1)
    }

    /// Civil date of a day count (Howard Hinnant's algorithm), returned as (year, month).
    static func yearMonth(_ timeMs: Int64) -> (Int64, Int64) {
        let days = timeMs >= 0 ? timeMs / 86_400_000 : (timeMs - 86_399_999) / 86_400_000
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m)
    }

    /// The first millisecond of `month` (1–12) of `year`, UTC.
    public static func startMs(year: Int64, month: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return (era * 146_097 + doe - 719_468) * 86_400_000
    }
}
