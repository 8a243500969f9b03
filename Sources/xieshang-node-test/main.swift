// xieshang-node-test: the node process for tests only (never installed; `make dist` ships `xieshang-node`, which
// wires no test hook). It enables the event kinds the product schema reserves for tests (XieshangTestKinds: the Note
// the federation's process tests replicate), and `XIESHANG_TEST_CRASH` names a point where the process exits at
// once, as a crash would: `after-commit-before-ack` (exit 86) or `after-ack-before-cursor` (exit 87).
import Glibc
import XieshangNode
import XieshangTestKinds

/// Exits the process at one point.
struct ExitAt: FaultInjection {
    let point: FaultPoint
    let name: String
    let code: Int32

    func reached(_ p: FaultPoint) {
        guard p == point else { return }
        let line = "xieshang: test hook \(name): exiting\n"
        _ = line.withCString { write(2, $0, strlen($0)) }
        _exit(code)
    }
}

let faults: ExitAt?
switch getenv("XIESHANG_TEST_CRASH").map({ String(cString: $0) }) {
case nil, ""?: faults = nil
case "after-commit-before-ack"?: faults = ExitAt(point: .afterCommitBeforeAck, name: "after-commit-before-ack", code: 86)
case "after-ack-before-cursor"?: faults = ExitAt(point: .afterAckBeforeCursor, name: "after-ack-before-cursor", code: 87)
case let other?:
    let line = "xieshang-node-test: unknown XIESHANG_TEST_CRASH '\(other)'; use after-commit-before-ack or after-ack-before-cursor\n"
    _ = line.withCString { write(2, $0, strlen($0)) }
    exit(2)
}
exit(NodeProcess.run(Array(CommandLine.arguments.dropFirst()), command: "xieshang-node-test", faults: faults, testKinds: TestKinds.all))
