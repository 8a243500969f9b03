import XieshangDomain
import XieshangWire

/// A body's policy settings 规则设置 as JSON — the shape `xieshang policy show --json` prints — read over a policy.
///
/// `xieshang policy set --file F` reads a file of this shape (all of it, or only the settings to change) and records
/// the result as the body's next signed policy version; `--set key=value,…` gives the same keys inline
/// (`duty.base_tenths=650`). `version`, `effective` and `history` are what the node computed: accepted so a shown
/// policy can be edited and given back, and ignored (the next version and its `--effective` day are the command's).
/// Types and field names are checked here, with the file and the field in the error; ranges and the rules between
/// settings are the domain's (`policy.values`), checked when the record is made.
public enum PolicySettings {
    /// Keys the node computes: accepted and ignored.
    static let computed: Set<String> = ["version", "effective", "history"]

    /// Every top-level key a settings object may hold.
    public static var keys: [String] {
        (XieshangDomain.Policy.settings.map(\.key) + ["registers_proposals", "reply_classes", "not_registered_reasons", "satisfaction_formula", "duty"]
            + computed).sorted()
    }

    /// `base` with the settings of `json` applied (keys left out keep `base`'s value).
    /// - Throws: ``NodeError`` `.config` naming `source` and the field: an unknown key, a value of the wrong type.
    public static func applying(_ json: JSONValue, to base: XieshangDomain.Policy, source: String) throws(NodeError) -> XieshangDomain.Policy {
        let reader = FieldReader(file: source)
        let wide = -1_000_000...1_000_000  // types here; the domain checks each setting's own range
        var p = base
        let fields = try reader.object(json, at: "", allowed: Set(keys))
        for setting in XieshangDomain.Policy.settings {
            p[keyPath: setting.path] = try reader.integer(fields[setting.key], at: setting.key, default: p[keyPath: setting.path], range: wide)
        }
        p.registersProposals = try reader.bool(fields["registers_proposals"], at: "registers_proposals", default: p.registersProposals)
        let formula = try reader.choice(fields["satisfaction_formula"], at: "satisfaction_formula", default: p.satisfactionFormula.rawValue,
                                        among: [XieshangDomain.Policy.SatisfactionFormula.satisfiedOrBasic.rawValue, XieshangDomain.Policy.SatisfactionFormula.satisfiedOnly.rawValue])
        p.satisfactionFormula = XieshangDomain.Policy.SatisfactionFormula(rawValue: formula) ?? p.satisfactionFormula
        if let v = fields["reply_classes"] { p.replyClasses = try choices(v, at: "reply_classes", reader) }
        if let v = fields["not_registered_reasons"] { p.notRegisteredReasons = try choices(v, at: "not_registered_reasons", reader) }
        if let v = fields["duty"] {
            let duty = try reader.object(v, at: "duty", allowed: Set(XieshangDomain.Policy.dutySettings.map(\.key) + ["caps_tenths"]))
            for setting in XieshangDomain.Policy.dutySettings {
                p.duty[keyPath: setting.path] = try reader.integer(duty[setting.key], at: "duty." + setting.key,
                                                                   default: p.duty[keyPath: setting.path], range: wide)
            }
            if let v = duty["caps_tenths"] {
                let caps = try reader.object(v, at: "duty.caps_tenths", allowed: Set(DutyCategory.allCases.map(\.rawValue)))
                for category in DutyCategory.allCases {
                    p.duty.capTenths[category] = try reader.integer(caps[category.rawValue], at: "duty.caps_tenths." + category.rawValue,
                                                                    default: p.duty.capTenths[category] ?? 0, range: wide)
                }
            }
        }
        return p
    }

    /// `reply_classes` / `not_registered_reasons`: a non-empty list of {"code", "zh", "en"} with distinct codes.
    private static func choices(_ v: JSONValue, at: String, _ reader: FieldReader) throws(NodeError) -> [XieshangDomain.PolicyChoice] {
        let list = try reader.array(v, at: at) { item, path throws(NodeError) in
            let f = try reader.object(item, at: path, allowed: ["code", "zh", "en"])
            let code = try reader.string(f["code"], at: path + ".code")
            return XieshangDomain.PolicyChoice(code: code, labelZh: try reader.string(f["zh"], at: path + ".zh"),
                                labelEn: try reader.string(f["en"], at: path + ".en", default: code))
        }
        guard !list.isEmpty else { throw reader.fail(at, "a non-empty list of {\"code\", \"zh\", \"en\"}", v) }
        var seen: Set<String> = []
        for c in list where !seen.insert(c.code).inserted {
            throw NodeError(.config, "\(reader.file): field \"\(at)\": the code \"\(c.code)\" is given twice", path: reader.file)
        }
        return list
    }

    /// `key=value,…` (as `xieshang policy set --set` takes them: `reply_months=2,duty.base_tenths=650`) as a settings
    /// object; a value is a JSON number, `true`/`false`, or else a string.
    /// - Throws: ``NodeError`` `.config` naming the item that is not `key=value`.
    public static func inline(_ items: [String], source: String) throws(NodeError) -> JSONValue {
        var top: [JSONMember] = [], duty: [JSONMember] = [], caps: [JSONMember] = []
        for item in items {
            guard let eq = item.firstIndex(of: "="), eq != item.startIndex else {
                throw NodeError(.config, "\(source): '\(item)' is not key=value (e.g. reply_months=2 or duty.base_tenths=650)", path: source)
            }
            let key = trimmed(item[..<eq])
            let text = trimmed(item[item.index(after: eq)...])
            let value: JSONValue = text == "true" ? .bool(true) : text == "false" ? .bool(false)
                : Int(text) != nil ? .number(text) : .string(text)
            if key.hasPrefix("duty.caps_tenths.") {
                caps.append((String(key.dropFirst("duty.caps_tenths.".count)), value))
            } else if key.hasPrefix("duty.") {
                duty.append((String(key.dropFirst(5)), value))
            } else {
                top.append((key, value))
            }
        }
        if !caps.isEmpty { duty.append(("caps_tenths", .object(caps))) }
        if !duty.isEmpty { top.append(("duty", .object(duty))) }
        return .object(top)
    }

    private static func trimmed(_ s: Substring) -> String {
        String(s.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
