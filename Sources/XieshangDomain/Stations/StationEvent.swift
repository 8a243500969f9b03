/// A step of a sub-body unit 基层协商平台 (payload `StationEvent` of stations.proto): registered, then perhaps retired.
public struct StationEvent: Hashable, Sendable {
    /// The step.
    public enum Step: Hashable, Sendable {
        /// Registered 登记 (备案) with its name, kind and the unit it sits under (nil: directly under the body).
        case registered(name: String, kind: Station.Kind, parent: String?)
        /// Retired 撤销; the reason may be empty.
        case retired(reason: String)
    }

    /// Unit id, unique within the body.
    public var stationID: String
    /// Day of the step: the day it was set up, or the last day it worked.
    public var on: Day
    /// The step.
    public var step: Step

    /// Makes an event.
    public init(_ stationID: String, on: Day, _ step: Step) {
        self.stationID = stationID
        self.on = on
        self.step = step
    }
}
