/// One coded choice of a policy list (a reply class 答复类别, a not-registered reason 不予立案理由).
public struct PolicyChoice: Hashable, Sendable {
    /// Stable code stored in records ("A").
    public var code: String
    /// Chinese label ("已经解决或基本解决").
    public var labelZh: String
    /// English label.
    public var labelEn: String

    /// Makes a choice.
    public init(code: String, labelZh: String, labelEn: String) {
        self.code = code
        self.labelZh = labelZh
        self.labelEn = labelEn
    }
}
