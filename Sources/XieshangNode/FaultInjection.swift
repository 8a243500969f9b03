/// A point in the node's work where a test may inject a fault (故障注入点): the places where a crash tests that
/// nothing acknowledged is lost and nothing is counted twice.
public enum FaultPoint: Sendable, Equatable {
    /// A Push batch from a child was committed; its Ack is about to be written (the child must resend, the parent
    /// must apply the resend once).
    case afterCommitBeforeAck
    /// An Ack arrived on a Push stream this node dialed; its outbound cursor has not moved yet (the node must push
    /// the acknowledged range again after a restart, and the peer apply it once).
    case afterAckBeforeCursor
}

/// Fault injection (故障注入): what a test wires into a node to act at a ``FaultPoint`` (typically exit the process
/// there). The production wiring (`xieshang-node`, `xieshang node`) passes none; only the test executable
/// `xieshang-node-test` does.
public protocol FaultInjection: Sendable {
    /// Called when the node reaches `point`; returning lets the node go on.
    func reached(_ point: FaultPoint)
}
