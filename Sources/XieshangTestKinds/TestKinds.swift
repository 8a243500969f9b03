import XieshangWire

/// The event kinds of the test schema (Protos/xieshang/testing/v1/testing.proto beside this file): numbers the
/// product schema reserves for tests (envelope.proto), whose payloads only this module holds. What test wiring passes
/// as `FederationConfig.testKinds` (the simulator, the federation's tests, `xieshang-node-test`); the shipped node
/// passes none and refuses them.
public enum TestKinds {
    /// Every kind of the test schema: the Note (``Note``) of ``XieshangWire/EventKind/testNote``.
    public static let all: Set<EventKind> = [.testNote]
}
