import XieshangTransport

/// What a page lets its reader do (权限): every route of ``WebSite`` declares the one capability it needs, so roles
/// can later be mapped onto capabilities without touching the pages.
public enum WebCapability: String, Sendable, CaseIterable {
    /// 节点状态: this body's links and alerts (`/`, `/healthz`).
    case viewStatus
    /// 统计数字: the dashboard of this body's and its subtree's figures (`/figures`).
    case viewFigures
    /// 业务记录: the lists and detail pages of proposals, opinion reports, activities … (`/records/…`).
    case viewRecords
}

/// The one hook deciding whether a request may use a route's capability, called before every route's handler. The
/// node supplies it; an implementation answers nil to let the route answer, or the response to send instead (a
/// login page, a 403 page).
public protocol WebGate: Sendable {
    /// nil when `request` may use `capability`; otherwise the response that refuses it.
    func check(_ capability: WebCapability, _ request: HTTPRequest) async -> HTTPResponse?
}

/// The gate of a node without accounts: it admits every request to every capability. The pages behind it only
/// read (status, figures, records), and the listener serves whoever reaches it on the intranet; the accounts module
/// replaces this gate with one that checks the session's role.
public struct OpenGate: WebGate {
    /// The gate that admits everything.
    public init() {}

    /// Always nil: every request is admitted.
    public func check(_ capability: WebCapability, _ request: HTTPRequest) async -> HTTPResponse? { nil }
}
