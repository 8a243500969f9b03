import XieshangWire

extension DutyEvent {
    /// The payload message.
    public var wireMessage: XieshangWire.DutyEvent {
        typealias W = XieshangWire.DutyEvent
        let wireRecord: W.Record
        switch record {
        case .attendance(let meeting, let attendance):
            let a: XieshangWire.Attendance = switch attendance {
            case .present: .present
            case .excused: .excused
            case .unexcused: .unexcused
            }
            wireRecord = .attendance(W.AttendanceRecorded(meetingId: meeting, attendance: a))
        case .adjustment(let category, let tenths, let reason):
            wireRecord = .adjustment(W.Adjustment(category: category.rawValue, tenths: Int64(tenths), reason: reason))
        }
        return W(memberId: memberID, on: on.description, record: wireRecord)
    }

    /// From the payload message.
    /// - Throws: `DomainError` for a malformed day, a missing record, or an unknown attendance or category.
    public init(wire m: XieshangWire.DutyEvent) throws {
        guard let wireRecord = m.record else { throw wireMissing("DutyEvent.record") }
        let record: Record
        switch wireRecord {
        case .attendance(let a):
            let attendance: Attendance
            switch a.attendance {
            case .present: attendance = .present
            case .excused: attendance = .excused
            case .unexcused: attendance = .unexcused
            default: throw wireMissing("DutyEvent.AttendanceRecorded.attendance")
            }
            record = .attendance(meetingID: a.meetingId, attendance)
        case .adjustment(let a):
            guard let category = DutyCategory(rawValue: a.category), let tenths = Int(exactly: a.tenths),
                  (-DutyEvent.maxAdjustmentTenths...DutyEvent.maxAdjustmentTenths).contains(tenths) else {
                throw wireMissing("DutyEvent.Adjustment.category")
            }
            record = .adjustment(category, tenths: tenths, reason: a.reason)
        }
        self.init(m.memberId, on: try wireDay(m.on, "DutyEvent.on"), record)
    }
}
