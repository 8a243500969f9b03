import XieshangDomain

/// The CLI's language switch over the shared figure labels (``FigureNames`` in XieshangDomain, also used by the web).
extension FigureNames {
    /// The label of a key that `Labels` does not know, in the invocation's language.
    static func fallback(_ key: String, _ language: Invocation.Language) -> String { fallback(key, zh: language == .zh) }

    /// A figure's label in the invocation's language.
    static func figure(_ key: String, _ language: Invocation.Language) -> String { figure(key, zh: language == .zh) }
}
