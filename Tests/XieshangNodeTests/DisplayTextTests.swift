import Testing
import XieshangNode

/// The one escaping rule for text from outside shown in logs and on terminals (issue 16, 7).
struct DisplayTextTests {
    /// Every C0 control, DEL, every C1 control, the line and paragraph separators and every bidi control come out as
    /// a visible escape; nothing that acts on a terminal or a log survives, and Chinese text is unchanged.
    @Test func controlSeparatorAndBidiScalarsAreEscapedByRule() {
        let dangerous: [UInt32] = Array(0...0x1F) + [0x7F] + Array(0x80...0x9F) + [0x2028, 0x2029, 0x061C, 0x200E, 0x200F]
            + Array(0x202A...0x202E) + Array(0x2066...0x2069)
        for v in dangerous {
            let s = "a" + String(Unicode.Scalar(v)!) + "b"
            let e = DisplayText.escaped(s)
            #expect(!e.unicodeScalars.contains { $0.value == v }, "U+\(String(v, radix: 16)) survives")
            #expect(e.hasPrefix("a\\") && e.hasSuffix("b"), "\(e.debugDescription)")
        }
        #expect(DisplayText.escaped("x\n2026 forged\u{1b}[2J") == "x\\n2026 forged\\u{1B}[2J")
        #expect(DisplayText.escaped("铜仁市政协 cn.gz.tongren — 「提案」") == "铜仁市政协 cn.gz.tongren — 「提案」")
        #expect(DisplayText.escaped("第一行\n第二行\t\u{1b}", keepingLineBreaks: true) == "第一行\n第二行\t\\u{1B}")
        let once = DisplayText.escaped("\u{202E}\r\n\u{85}")
        #expect(DisplayText.escaped(once) == once, "escaping is idempotent")
    }
}
