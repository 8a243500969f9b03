import Foundation
import XieshangDomain
import XieshangNode
import XieshangWire

/// The CLI's text of zones 片区 (``ZoneGroups`` in XieshangNode) and coverage 报送情况: per tier the bodies reporting
/// out of those in the roster ("县区 10/10 报送，乡镇 172/172 报送").
extension ZoneGroups {
    /// A tier's label: 市, 县区, 乡镇, 村（社区）; the tier itself when unknown.
    static func tierLabel(_ tier: String, _ language: Invocation.Language) -> String {
        FigureNames.tierLabel(tier, zh: language == .zh)
    }

    /// "县区 10/10 报送，乡镇 172/172 报送" (English: "county 10/10 reporting, township 172/172 reporting"); empty
    /// without a roster.
    static func coverageLine(_ coverage: [TierCoverage], _ language: Invocation.Language) -> String {
        coverage.map { c in
            language == .zh ? "\(tierLabel(c.tier, .zh)) \(c.reporting)/\(c.expected) 报送" : "\(tierLabel(c.tier, .en)) \(c.reporting)/\(c.expected) reporting"
        }.joined(separator: language == .zh ? "，" : ", ")
    }

    /// The subtotal row's label in a drill-down table: 〔东片区〕小计.
    static func subtotalLabel(_ zone: String, _ language: Invocation.Language) -> String {
        language == .zh ? "〔\(zone)〕小计" : "[\(zone)] subtotal"
    }
}
