/// A sub-body unit 基层协商平台 a body registers under itself as data, not as a node: 赤水's four-level platform
/// (乡、村、组、户) — village stations 村(社区)民主协商中心站, group points 组民主协商中心点 under them, households
/// 民主协商中心户 under those — and community liaison stations 政协联络站. Its activities are the body's activities,
/// counted once in the body's figures, and broken down per unit (``StationFigures``).
public struct Station: Hashable, Sendable {
    /// What kind of unit, and so where it may sit (``parentKinds``).
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// 村(社区)民主协商中心站: directly under the body.
        case village
        /// 组民主协商中心点: under a village station.
        case group
        /// 民主协商中心户: under a group point.
        case household
        /// 政协联络站 / 委员工作站 (a community's, a park's): directly under the body.
        case liaison

        /// The kinds of unit this kind may sit under; empty: directly under the body, never under a unit.
        public var parentKinds: Set<Kind> {
            switch self {
            case .village, .liaison: return []
            case .group: return [.village]
            case .household: return [.group]
            }
        }
    }

    /// Longest unit id (ASCII letters, digits, '-', '_', '.').
    public static let maxIDLength = 32
    /// Longest unit name, in characters.
    public static let maxNameLength = 40

    /// Id, unique within the body forever (a retired unit keeps its id).
    public var id: String
    /// Display name, e.g. 高竹村民主协商中心站.
    public var name: String
    /// Kind.
    public var kind: Kind
    /// The unit it sits under; nil directly under the body.
    public var parent: String?
    /// The day it was set up (registered).
    public var established: Day
    /// The last day it worked, once retired 撤销: it keeps its history and takes no activity dated after it.
    public var retiredOn: Day?

    /// Makes a unit.
    public init(id: String, name: String, kind: Kind, parent: String? = nil, established: Day, retiredOn: Day? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.parent = parent
        self.established = established
        self.retiredOn = retiredOn
    }

    /// Whether the unit works on `day`: set up by then and not retired before it.
    public func isOpen(on day: Day) -> Bool { day >= established && retiredOn.map { day <= $0 } ?? true }
}
