import XieshangDomain
import XieshangFederation

/// The node's figures source (统计口径) for code outside the node that runs federation cores of its own: the
/// simulator's domain workload (XieshangSimulation's ``SimulatedDomainRecords``) counts with the node's real rules.
public enum DomainFigures {
    /// A figures source for `body`, as a node of that body uses it.
    public static func source(body: BodyInfo) -> any FiguresSource { NodeFigures(body: body) }
}
