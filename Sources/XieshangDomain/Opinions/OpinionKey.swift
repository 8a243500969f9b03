/// The provenance key of a public-opinion report: where it was first submitted and its id there.
/// Every body holding a copy keys it the same way.
public struct OpinionKey: Hashable, Sendable, CustomStringConvertible {
    /// Node id of the origin body.
    public var originBody: String
    /// Report id at the origin body.
    public var originReportID: String

    /// Makes a key.
    public init(originBody: String, originReportID: String) {
        self.originBody = originBody
        self.originReportID = originReportID
    }

    /// "body/id".
    public var description: String { "\(originBody)/\(originReportID)" }
}
