/// A duty record 履职记录 that has no other record: attendance, or an explicit adjustment (payload `DutyEvent`).
public struct DutyEvent: Hashable, Sendable {
    /// Attendance at a meeting.
    public enum Attendance: String, Hashable, Sendable, CaseIterable {
        /// 出席.
        case present
        /// 请假.
        case excused
        /// 无故缺席.
        case unexcused
    }

    /// What is recorded.
    public enum Record: Hashable, Sendable {
        /// Attendance at one meeting.
        case attendance(meetingID: String, Attendance)
        /// An adjustment in tenths of a point, with the decision cited.
        case adjustment(DutyCategory, tenths: Int, reason: String)
    }

    /// Largest adjustment, in tenths, either way (keeps every score sum far from overflow).
    public static let maxAdjustmentTenths = 10_000

    /// Member id.
    public var memberID: String
    /// Day.
    public var on: Day
    /// The record.
    public var record: Record

    /// Makes a duty record.
    public init(_ memberID: String, on: Day, _ record: Record) {
        self.memberID = memberID
        self.on = on
        self.record = record
    }
}
