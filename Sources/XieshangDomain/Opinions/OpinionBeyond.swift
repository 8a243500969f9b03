/// The steps of an opinion report beyond the federation 联邦之外: sent up to the provincial or national CPPCC by the
/// body at the top of the federation, adopted there, and sent to government departments with their replies.
public enum AboveLevel: String, Hashable, Sendable, CaseIterable {
    /// 省政协.
    case province
    /// 全国政协.
    case national

    /// The Chinese name people read (省政协, 全国政协).
    public var label: String {
        switch self {
        case .province: "省政协"
        case .national: "全国政协"
        }
    }

    /// The level named by its code ("province", "national") or its Chinese name; nil for anything else.
    public init?(named text: String) {
        guard let level = AboveLevel.allCases.first(where: { $0.rawValue == text || $0.label == text }) else { return nil }
        self = level
    }
}

/// A department's result 办理结果 on an opinion report sent to it.
public enum DepartmentResult: String, Hashable, Sendable, CaseIterable {
    /// 已采纳.
    case adopted
    /// 部分采纳.
    case partlyAdopted = "partly_adopted"
    /// 留作参考.
    case forReference = "for_reference"
    /// 未采纳.
    case notAdopted = "not_adopted"

    /// The Chinese name people read.
    public var label: String {
        switch self {
        case .adopted: "已采纳"
        case .partlyAdopted: "部分采纳"
        case .forReference: "留作参考"
        case .notAdopted: "未采纳"
        }
    }

    /// The result named by its code or its Chinese name; nil for anything else.
    public init?(named text: String) {
        guard let result = DepartmentResult.allCases.first(where: { $0.rawValue == text || $0.label == text }) else { return nil }
        self = result
    }

    /// Every result as people read them ("已采纳、部分采纳、留作参考、未采纳"), for error messages.
    public static var labels: String { allCases.map(\.label).joined(separator: "、") }
}

extension OpinionReport {
    /// 报送省政协/全国政协: the report sent up outside the federation (at the body that sent it).
    public struct AboveSend: Hashable, Sendable {
        /// Where to.
        public var level: AboveLevel
        /// Day sent.
        public var on: Day
    }

    /// 省政协/全国政协采用: an adoption above the federation, at the body that sent it up and at the origin body.
    public struct AboveAdoption: Hashable, Sendable {
        /// Who adopted it.
        public var level: AboveLevel
        /// Bulletin issue there.
        public var bulletinIssue: String
        /// The body that recorded it (the one that sent the report up).
        public var recordedBy: String
        /// Day recorded.
        public var on: Day
    }

    /// 转送部门: a department the report was sent to, and where its handling stands.
    public struct DepartmentSend: Hashable, Sendable {
        /// The department's name.
        public var department: String
        /// Day sent.
        public var sentOn: Day
        /// The reply, once recorded (nil: awaiting the department's reply).
        public var reply: DepartmentReply?
    }

    /// A department's reply 办理答复.
    public struct DepartmentReply: Hashable, Sendable {
        /// Result.
        public var result: DepartmentResult
        /// Handling 办理情况.
        public var text: String
        /// Day recorded.
        public var on: Day
    }
}
