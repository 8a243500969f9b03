/// A step of a research or inspection report 调研视察报告 (payload `ResearchEvent` of research.proto).
public struct ResearchEvent: Hashable, Sendable {
    /// The step.
    public enum Step: Hashable, Sendable {
        /// Written, reporting on a research visit or inspection of the body.
        case reported(activityID: String, title: String, text: String)
        /// A leader's instruction 批示.
        case instructed(leader: String, level: String, text: String)
        /// Its results turned into a proposal, an opinion report or a 建议案 (成果转化).
        case converted(ResearchReport.Conversion)
    }

    /// Report id, unique within the body.
    public var reportID: String
    /// Day of the step.
    public var on: Day
    /// The step.
    public var step: Step

    /// Makes an event (a command until validated).
    public init(_ reportID: String, on: Day, _ step: Step) {
        self.reportID = reportID
        self.on = on
        self.step = step
    }
}
