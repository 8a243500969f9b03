import Testing
@testable import XieshangNode

/// Path text for node.json's relative paths: joining, the directory part, lexical standardising.
@Suite("PathText")
struct PathTextTests {
    @Test("appending joins with one slash and keeps absolute components")
    func appending() {
        #expect(PathText.appending("/srv/x", "node.db") == "/srv/x/node.db")
        #expect(PathText.appending("/srv/x/", "node.db") == "/srv/x/node.db")
        #expect(PathText.appending("/srv/x", "/etc/key") == "/etc/key")
        #expect(PathText.appending("", "a") == "a")
    }

    @Test("directory drops the last component")
    func directory() {
        #expect(PathText.directory(of: "/srv/x/node.json") == "/srv/x")
        #expect(PathText.directory(of: "/node.json") == "/")
        #expect(PathText.directory(of: "node.json") == "")
        #expect(PathText.directory(of: "a/b/") == "a")
    }

    @Test("standardized removes dot, doubled slashes and folds dot-dot")
    func standardized() {
        #expect(PathText.standardized("/srv/x/./data//../node.key") == "/srv/x/node.key")
        #expect(PathText.standardized("/../a") == "/a")
        #expect(PathText.standardized("../a/./b/..") == "../a")
        #expect(PathText.standardized("./") == ".")
        #expect(PathText.standardized("/srv/x/") == "/srv/x")
    }
}
