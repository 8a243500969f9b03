import Testing
import XieshangAccounts

/// The permission table of issue 17's roles: every role × every action, written out cell by cell.
struct RoleTests {
    /// What each role may do, listed explicitly (everything else is refused).
    static func allowed(_ role: Role) -> Set<WebAction> {
        let everyone: Set<WebAction> = [.changeOwnPassword]
        switch role {
        case .office:
            return Set(WebAction.all)
        case .committee:
            return everyone.union([.viewFigures, .viewReports, .viewRecords(.proposals), .viewRecords(.members),
                                   .viewRecords(.dutyRecords), .proposal(.submit), .proposal(.handle)])
        case .clerk:
            return everyone.union([.viewFigures, .viewReports, .viewRecords(.activities), .viewRecords(.suggestions),
                                   .viewRecords(.opinions), .viewRecords(.plans), .record(.activities), .record(.suggestions),
                                   .record(.opinions), .reportPlanStage])
        case .unit:
            return everyone.union([.viewRecords(.proposals), .proposal(.reply)])
        case .member:
            return everyone.union([.viewRecords(.proposals), .viewRecords(.opinions), .viewRecords(.dutyRecords),
                                   .record(.opinions), .proposal(.submit), .proposal(.evaluate)])
        case .viewer:
            return everyone.union([.viewFigures, .viewReports])
        }
    }

    static let roles: [Role] = [.office, .committee, .clerk, .unit("交通局"), .member("M001"), .viewer]

    @Test(arguments: roles)
    func everyRoleAndActionMatchesTheIssue(_ role: Role) {
        let expected = RoleTests.allowed(role)
        for action in WebAction.all {
            #expect(role.may(action) == expected.contains(action), "\(role) × \(action)")
        }
    }

    @Test func onlyTheOfficeManagesUsersReadsTheAuditAndTheITPage() {
        for role in RoleTests.roles where role != .office {
            #expect(!role.may(.manageUsers) && !role.may(.viewAudit) && !role.may(.viewSystem), "\(role)")
        }
    }

    @Test func aViewerMayUseNoForm() {
        for area in RecordArea.allCases { #expect(!Role.viewer.may(.record(area))) }
        for step in ProposalStep.allCases { #expect(!Role.viewer.may(.proposal(step))) }
    }

    @Test func rolesParseAndPrint() throws {
        for text in ["office", "committee", "clerk", "unit:交通局", "member:M001", "viewer"] {
            #expect(try Role(parsing: text).description == text)
        }
        #expect(try Role(parsing: "unit:交通局").recordScope == .assignedTo(unit: "交通局"))
        #expect(try Role(parsing: "member:M001").recordScope == .ownedBy(member: "M001"))
        for bad in ["admin", "unit:", "member:", "unit: 交通局", "unit:交通\u{202E}局", "member:\u{0}", "OFFICE", ""] {
            #expect(throws: AccountsError.self, "\(bad)") { try Role(parsing: bad) }
        }
    }

    @Test func aSessionThatMustChangeItsPasswordMayDoNothingElse() {
        let s = Session(username: "zhang", displayName: "张三", role: .office, csrfToken: "", mustChangePassword: true, createdMs: 0, lastSeenMs: 0)
        for action in WebAction.all { #expect(s.may(action) == (action == .changeOwnPassword), "\(action)") }
    }
}
