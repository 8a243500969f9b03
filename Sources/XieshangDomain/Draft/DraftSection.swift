/// A section of a joint draft (草稿的章节): a heading line of the text and the lines under it.
///
/// Sections are not a separate structure: they are headings inside the text, so that concurrent edits to sections
/// merge like any other text. A heading is a line that starts with `# ` (number sign, space); the heading's title is
/// the rest of that line. Text before the first heading belongs to an untitled preamble section.
public struct DraftSection: Hashable, Sendable {
    /// The heading's title without the `# ` marker; empty for the preamble.
    public var title: String
    /// The lines under the heading, up to the next heading (without the heading line itself).
    public var body: String
    /// Scalar position of the heading line (or 0 for the preamble).
    public var position: Int

    /// Creates a section.
    public init(title: String, body: String, position: Int) {
        self.title = title
        self.body = body
        self.position = position
    }

    /// Splits a text into sections; the preamble is omitted when it is empty.
    public static func sections(of text: String) -> [DraftSection] {
        var out: [DraftSection] = []
        var current = DraftSection(title: "", body: "", position: 0)
        var hasHeading = false
        var position = 0
        var bodyLines: [Substring] = []
        func close() {
            current.body = bodyLines.joined(separator: "\n")
            if hasHeading || !current.body.isEmpty { out.append(current) }
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("# ") {
                close()
                current = DraftSection(title: String(line.dropFirst(2)), body: "", position: position)
                hasHeading = true
                bodyLines = []
            } else {
                bodyLines.append(line)
            }
            position += line.unicodeScalars.count + 1
        }
        close()
        return out
    }
}
