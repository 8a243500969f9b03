/// A step of a suggestion 意见建议 to the local party committee or government (payload `SuggestionEvent`).
public struct SuggestionEvent: Hashable, Sendable {
    /// The step.
    public enum Step: Hashable, Sendable {
        /// Made (text, addressee, activity id, authors).
        case made(text: String, addressee: String, activityID: String, members: [String])
        /// 批示采纳 by a leader.
        case adopted(by: String, note: String)
        /// 办结.
        case closed(note: String)
    }

    /// Suggestion id, unique within the body.
    public var suggestionID: String
    /// Day of the step.
    public var on: Day
    /// The step.
    public var step: Step

    /// Makes an event.
    public init(_ suggestionID: String, on: Day, _ step: Step) {
        self.suggestionID = suggestionID
        self.on = on
        self.step = step
    }
}
