import Foundation
import XieshangNode
import XieshangDomain
import XieshangWire

/// `xieshang approve` and `xieshang return`: the office approves (审核) its figures for a period after its children
/// approved theirs, which locks the period at the body; the parent returns (退回) a child's approval with a reason,
/// which unlocks it. A refusal by a rule (children not approved, already approved, own approval standing, not a
/// child) is exit 1 with the node's message.
enum ApprovalCommand {
    static let approveSpec = Invocation.Spec(
        name: "approve", summary: "approve this body's figures for a period (审核), after every child approved; locks the period here",
        valued: ["period"], required: ["period"],
        details: "  --period P   month 2026-03, quarter 2026-Q1, half 2026-H1, year 2026 or a session 2026-01-15~2027-01-19\n"
            + "  records dated in an approved period are refused here (rule period.locked) until the parent returns the approval",
        example: "xieshang approve --period 2026-03 --node /srv/xieshang/town1/admin.sock")

    static let returnSpec = Invocation.Spec(
        name: "return", summary: "return a child's approval of a period with a reason (退回); unlocks the period at the child",
        valued: ["child", "period", "reason"], required: ["child", "period", "reason"],
        details: "  --child ID   a direct child's node id (at the root, its own id withdraws its own approval)\n"
            + "  only while this body's own approval of the period does not stand (its parent returns that first)",
        example: "xieshang return --child town1 --period 2026-03 --reason \"3月活动人次有误，请核实\"")

    /// `xieshang approve --period P`.
    static func approve(_ args: [String]) -> Int32 {
        do throws(Invocation.Exit) {
            let inv = try Invocation.parse(args, approveSpec)
            let period = try checkedPeriod(inv)
            let request = SubmitRequest(kind: .approval, payload: Approval(period: period).serializedBytes())
            let r = try submit(NodeClient(inv), request)
            return Recorded.print(inv, r, zh: "\(period) 审核通过（已锁定）", en: "approved \(period) (locked)")
        } catch {
            return error.code
        }
    }

    /// `xieshang return --child ID --period P --reason TEXT`.
    static func returnApproval(_ args: [String]) -> Int32 {
        do throws(Invocation.Exit) {
            let inv = try Invocation.parse(args, returnSpec)
            let period = try checkedPeriod(inv)
            let payload = ApprovalReturn(child: try inv.required("child"), period: period, reason: try inv.required("reason"))
            let r = try submit(NodeClient(inv), SubmitRequest(kind: .approvalReturn, payload: payload.serializedBytes()))
            let child = payload.child
            return Recorded.print(inv, r, zh: "已退回 \(child) 的 \(period) 审核", en: "returned \(child)'s approval of \(period)")
        } catch {
            return error.code
        }
    }

    static func checkedPeriod(_ inv: Invocation) throws(Invocation.Exit) -> String {
        let text = try inv.required("period")
        guard let p = try? Period(parsing: text) else {
            throw inv.usage("--period '\(text)' is not 2026, 2026-H1, 2026-Q3, 2026-11 or 2026-01-15~2027-01-19 (a session period).")
        }
        return p.description
    }

    static func submit(_ client: NodeClient, _ request: SubmitRequest) throws(Invocation.Exit) -> SubmitResponse {
        let bytes = try client.call(AdminService.submit.path, request.serializedBytes())
        guard let r = try? SubmitResponse(serializedBytes: bytes) else {
            throw Invocation.Exit(code: fail("the node's answer to Submit does not decode", code: ExitCode.refused))
        }
        return r
    }

    /// The approval column of `stats` for one body: 已审核, 已审核（数字已变）, 已退回（reason）or 未审核.
    static func cell(_ b: BodyFigures, _ inv: Invocation) -> String {
        FigureNames.approvalLabel(b.approval, zh: inv.language == .zh)
            + (b.approval == "returned" ? "（\(DisplayText.escaped(b.returnReason))）" : "")
    }

    /// The completeness and timeliness column of `stats`: reported/expected children, and how many on time.
    static func completeness(_ b: BodyFigures) -> String {
        b.expectedChildren == 0 ? "—" : "\(b.reportedChildren)/\(b.expectedChildren) ⏱\(b.onTimeChildren)"
    }
}
