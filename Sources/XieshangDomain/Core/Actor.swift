/// Who issues a command 操作人: checked against the rule's "who" column.
public enum Actor: Hashable, Sendable, CustomStringConvertible {
    /// A member 委员, by member id.
    case member(String)
    /// The proposals committee 提案委员会 (or the office acting for it).
    case committee
    /// A handling unit 承办单位, by name.
    case unit(String)
    /// The body's office 办公室 (clerks recording activities, reports, plans, attendance).
    case office

    /// Readable form for messages.
    public var description: String {
        switch self {
        case .member(let id): return "member \(id)"
        case .committee: return "proposals committee"
        case .unit(let name): return "unit \(name)"
        case .office: return "office"
        }
    }
}
