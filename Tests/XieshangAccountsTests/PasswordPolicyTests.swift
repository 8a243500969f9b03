import Testing
import XieshangAccounts

/// The complexity rules and their Chinese messages.
struct PasswordPolicyTests {
    @Test func acceptablePasswords() {
        for good in ["Correct-horse1", "abcdefGH12", "茶园春色Spring2026", "tea garden 2026!"] {
            #expect(PasswordPolicy.problems(good, username: "zhangsan").isEmpty, "\(good)")
        }
    }

    @Test func everyRuleHasItsChineseMessage() throws {
        #expect(PasswordPolicy.problems("Ab1!", username: "zhang") == [.tooShort(minimum: 10)])
        #expect(PasswordPolicy.problems("abcdefghijkl", username: "zhang") == [.tooFewClasses(found: 1)])
        #expect(PasswordPolicy.problems("zhangsan-2026A", username: "ZhangSan") == [.containsUsername])
        #expect(PasswordPolicy.problems("Abcdefgh12\u{202E}", username: "zhang") == [.invisibleCharacter])
        #expect(PasswordPolicy.problems("Abcdefgh12!", username: "zhang", current: "Abcdefgh12!") == [.sameAsCurrent])
        #expect(PasswordPolicy.problems(String(repeating: "Ab1!", count: 40), username: "zhang") == [.tooLong(maximum: 128)])
        do {
            try PasswordPolicy.check("abc", username: "zhang")
            Issue.record("a weak password was accepted")
        } catch {
            #expect(error.code == .weakPassword)
            #expect(error.chinese == "密码至少需要 10 个字符；密码须包含小写字母、大写字母、数字、其他符号中的至少 3 类（现有 1 类）")
            #expect(error.problems.count == 2)
        }
        #expect(PasswordProblem.containsUsername.chinese == "密码不能包含用户名")
        #expect(PasswordProblem.sameAsCurrent.chinese == "新密码不能与当前密码相同")
    }

    @Test func generatedInitialPasswordsFollowTheRulesAndDiffer() throws {
        var seen = Set<String>()
        for _ in 0..<50 {
            let p = try PasswordPolicy.generateInitial(username: "zhangsan")
            #expect(p.count == 16 && PasswordPolicy.problems(p, username: "zhangsan").isEmpty, "\(p)")
            seen.insert(p)
        }
        #expect(seen.count == 50)
    }
}
