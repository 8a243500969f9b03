/// A gRPC status code (`grpc-status`), as defined by gRPC's `statuscodes.md`.
public struct StatusCode: Hashable, Sendable, CustomStringConvertible {
    /// The numeric code sent in `grpc-status`.
    public let rawValue: Int

    /// Wraps a numeric code; codes outside 0…16 are kept as they are (peers may send them).
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Success.
    public static let ok = StatusCode(rawValue: 0)
    /// The operation was cancelled, typically by the caller.
    public static let cancelled = StatusCode(rawValue: 1)
    /// An error without a more specific code.
    public static let unknown = StatusCode(rawValue: 2)
    /// The caller sent an invalid argument.
    public static let invalidArgument = StatusCode(rawValue: 3)
    /// The deadline passed before the call completed.
    public static let deadlineExceeded = StatusCode(rawValue: 4)
    /// A requested entity was not found.
    public static let notFound = StatusCode(rawValue: 5)
    /// The entity the caller tried to create exists.
    public static let alreadyExists = StatusCode(rawValue: 6)
    /// The caller may not do this.
    public static let permissionDenied = StatusCode(rawValue: 7)
    /// A resource (message size, streams, quota) is exhausted.
    public static let resourceExhausted = StatusCode(rawValue: 8)
    /// The system is not in a state the call needs.
    public static let failedPrecondition = StatusCode(rawValue: 9)
    /// The operation was aborted (a conflict).
    public static let aborted = StatusCode(rawValue: 10)
    /// A value was out of range.
    public static let outOfRange = StatusCode(rawValue: 11)
    /// The method or feature is not implemented.
    public static let unimplemented = StatusCode(rawValue: 12)
    /// An invariant broke inside the server.
    public static let `internal` = StatusCode(rawValue: 13)
    /// The service is unavailable; retrying may help.
    public static let unavailable = StatusCode(rawValue: 14)
    /// Data was lost or corrupted.
    public static let dataLoss = StatusCode(rawValue: 15)
    /// The caller is not authenticated.
    public static let unauthenticated = StatusCode(rawValue: 16)

    private static let names = ["OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND",
                                "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION",
                                "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS",
                                "UNAUTHENTICATED"]

    /// The upper-case name gRPC uses (`DEADLINE_EXCEEDED`), or `CODE_<n>` for codes outside the table.
    public var description: String {
        rawValue >= 0 && rawValue < Self.names.count ? Self.names[rawValue] : "CODE_\(rawValue)"
    }
}
