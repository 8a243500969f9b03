import Testing
import XieshangAccounts

/// Usernames and display names: lengths, characters, Chinese display names, hostile unicode.
struct NamesTests {
    @Test func usernamesFollowTheRules() throws {
        #expect(try Names.username("ZhangSan") == "zhangsan")
        #expect(try Names.username("wanshan.clerk-1") == "wanshan.clerk-1")
        for bad in ["ab", String(repeating: "a", count: 33), "1abc", "_abc", "zhang san", "张三", "robert'); DROP TABLE accounts;--",
                    "admin\u{0}", "adm\u{202E}in", "ad\u{200B}min", "ａｄｍｉｎ"] {
            #expect(throws: AccountsError.self, "\(bad)") { try Names.username(bad) }
        }
    }

    @Test func chineseDisplayNamesAreAllowedAndInvisibleCharactersRefused() throws {
        #expect(try Names.displayName("张三") == "张三")
        #expect(try Names.displayName("欧阳 修") == "欧阳 修")
        #expect(try Names.displayName("'); DROP TABLE accounts;--") == "'); DROP TABLE accounts;--")
        for bad in ["", " 张三", "张三 ", "张\u{202E}三", "张\u{2066}三", "张\u{200F}三", "张\u{200B}三", "张\u{0007}三", "张\n三",
                    "张\u{2028}三", "张\u{E000}三", "张\u{FEFF}三", String(repeating: "张", count: 41)] {
            #expect(throws: AccountsError.self, "\(bad.unicodeScalars.map { String($0.value, radix: 16) })") { try Names.displayName(bad) }
        }
    }

    @Test func visibleEscapesUnprintableScalars() {
        #expect(Names.visible("a\u{202E}b\u{0}") == "a\\u{202e}b\\u{0}")
        #expect(Names.visible(String(repeating: "x", count: 100)).count == 65)
    }
}
