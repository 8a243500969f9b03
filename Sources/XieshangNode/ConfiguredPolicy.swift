import FoundationEssentials
import Glibc
import XieshangCalendar
import XieshangDomain
import XieshangStore
import XieshangWire

/// node.json's `policy` settings, applied as a signed record (issue 18 item 1): at start, when the settings differ
/// from the last ones applied from node.json, the node records them over its applied policy as the next policy
/// version, effective from their `effective` day (default: the day of the start), made by `config:node.json`.
///
/// The last settings applied are kept in the data directory (``markerName``), so a restart with the same node.json
/// records nothing and never undoes a version the office recorded since with `xieshang policy set`; editing the
/// settings in node.json records a version again. Settings equal to the applied policy record nothing. Settings the
/// rules refuse (`policy.values`, `policy.effective`) stop the start with exit 78 and the rule's message: the file
/// must be fixed, and a restart cannot help.
enum ConfiguredPolicy {
    /// The file in the data directory holding the settings last applied from node.json (compact JSON, sorted keys).
    static let markerName = "policy-from-node-json.json"

    /// Applies `runtime.config.policy` as described above; returns a line for the log, nil when nothing was recorded.
    /// - Throws: ``NodeError`` `.config` naming `configFile`'s `policy` field and what is wrong with it.
    static func apply(_ runtime: NodeRuntime, configFile: String) async throws(NodeError) -> String? {
        guard let settings = runtime.config.policy else { return nil }
        let canonical = JSONText.compact(JSONText.tree(settings)) ?? ""
        let marker = PathText.appending(runtime.config.dataDir, markerName)
        if let kept = FileManager.default.contents(atPath: marker), String(decoding: kept, as: UTF8.self) == canonical { return nil }
        let field = "\(configFile): field \"policy\""
        let current: XieshangDomain.Policy
        do {
            let database = try Database(path: runtime.core.store.path, readOnly: true, create: false)
            current = try runtime.records.state(in: database).policy
        } catch {
            throw NodeError(.config, "\(field): cannot read the applied policy to compare: \(error)", path: configFile)
        }
        var next = try PolicySettings.applying(settings, to: current, source: "\(configFile) (policy)")
        let effective: Day
        switch settings {
        case .object(let members):
            if let value = members.first(where: { $0.0 == "effective" })?.1 {
                guard case .string(let text) = value, let day = try? Day(parsing: text, field: "policy.effective") else {
                    throw NodeError(.config, "\(field): \"effective\" must be a day YYYY-MM-DD", path: configFile)
                }
                effective = day
            } else {
                effective = Day(chinaTimeMs: runtime.now())
            }
        default:
            throw NodeError(.config, "\(field): expected an object", path: configFile)
        }
        next.version = current.version
        next.effective = current.effective
        if next == current {
            try keep(canonical, at: marker, configFile)
            return nil
        }
        next.version = current.version + 1
        next.effective = effective
        switch await DomainSubmit.record(runtime, [.policy(next)], actor: .office, madeBy: "config:node.json") {
        case .failure(let error):
            throw NodeError(.config, "\(field): the node refuses these settings as its policy version \(next.version): \(error.message)",
                            path: configFile)
        case .success(let response):
            try keep(canonical, at: marker, configFile)
            return response.queued > 0
                ? "policy version \(next.version) from node.json queued (#\(response.queued)): recorded once the parent confirmed the chain"
                : "policy version \(next.version) from node.json recorded (event \(response.seq)), effective \(next.effective)"
        }
    }

    private static func keep(_ canonical: String, at marker: String, _ configFile: String) throws(NodeError) {
        do { try DurableFile.write(Array(canonical.utf8), to: marker, mode: 0o600) } catch {
            throw NodeError(.config, "\(configFile): field \"policy\": applied, but \(error.message)", path: marker)
        }
    }
}
