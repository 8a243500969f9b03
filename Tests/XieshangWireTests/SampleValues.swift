@testable import XieshangWire

/// Builds, from a message's schema alone, a proto3 JSON value with every field set — the one description of test
/// values that both our codec and Python's protobuf read in the interop tests.
///
/// Variants: `typical` (Chinese text, mid-range numbers, the first oneof member), `extremes` (minimum and maximum
/// integers, infinities, empty strings where presence is explicit, the last oneof member) and `large` (repeated
/// fields of 1,000 elements).
enum SampleValues {
    enum Variant: String, CaseIterable {
        case typical, extremes, large
    }

    static func registry() -> [String: any ProtoMessage.Type] {
        ProtoRegistry.messageTypes.merging(ConformanceRegistry.messageTypes) { a, _ in a }
    }

    static func enumValues(_ name: String) -> [String] {
        let type = ProtoRegistry.enumTypes[name] ?? ConformanceRegistry.enumTypes[name]!
        return type.allKnownValues.compactMap { $0.protoValueName }
    }

    static func sample(_ typeName: String, _ variant: Variant, depth: Int = 0) -> JSONValue {
        let type = registry()[typeName]!
        var members: [JSONMember] = []
        var oneofsDone: Set<String> = []
        let fields = type.protoFields
        for field in fields {
            if let oneof = field.oneof {
                if oneofsDone.contains(oneof) { continue }
                let candidates = fields.filter { $0.oneof == oneof }
                let chosen = variant == .extremes ? candidates.last! : candidates.first!
                oneofsDone.insert(oneof)
                guard let v = value(chosen.type, variant, index: 0, depth: depth, explicit: true) else { continue }
                members.append((chosen.jsonName, v))
                continue
            }
            switch field.label {
            case .singular:
                if let v = value(field.type, variant, index: 0, depth: depth, explicit: false) { members.append((field.jsonName, v)) }
            case .optional:
                // Explicit presence: in `extremes` the zero value must still be written and read back as set.
                if let v = value(field.type, variant, index: variant == .extremes ? -1 : 0, depth: depth, explicit: true) {
                    members.append((field.jsonName, v))
                }
            case .repeated:
                let count = variant == .large ? 1000 : 3
                if case .message = field.type, depth >= 2 { continue }
                let elements = (0..<(depth > 0 && variant == .large ? 3 : count)).compactMap {
                    value(field.type, variant, index: $0, depth: depth, explicit: true)
                }
                members.append((field.jsonName, .array(elements)))
            case .map(let key):
                if case .message = field.type, depth >= 2 { continue }
                var entries: [JSONMember] = []
                let entryCount = key == .bool ? 2 : (variant == .large && depth == 0 ? 200 : 2)
                for i in 0..<entryCount {
                    guard let v = value(field.type, variant, index: i, depth: depth, explicit: true) else { continue }
                    entries.append((mapKey(key, i), v))
                }
                members.append((field.jsonName, .object(entries)))
            }
        }
        return .object(members)
    }

    static func mapKey(_ type: ProtoFieldType, _ i: Int) -> String {
        switch type {
        case .string: return ["铜仁市", "万山区", ""][i % 3] + (i >= 3 ? String(i) : "")
        case .bool: return i % 2 == 0 ? "true" : "false"
        case .int32, .sint32, .sfixed32: return String(i % 2 == 0 ? Int32.min + Int32(i) : Int32(i))
        case .int64, .sint64, .sfixed64: return String(i % 2 == 0 ? Int64.min + Int64(i) : Int64(i))
        default: return String(i % 2 == 0 ? UInt64.max - UInt64(i) : UInt64(i))
        }
    }

    /// A value for one element. `index` -1 asks for the type's zero value (for explicit presence).
    static func value(_ type: ProtoFieldType, _ variant: Variant, index: Int, depth: Int, explicit: Bool) -> JSONValue? {
        let zero = index == -1
        let high = variant == .extremes ? index % 2 == 0 : false
        switch type {
        case .double:
            if zero { return .number("0") }
            if variant == .extremes { return [.string("-Infinity"), .number("1.7976931348623157e308"), .number("-5e-324")][index % 3] }
            return .number(["2.5", "-1234.125", "0.1"][index % 3])
        case .float:
            if zero { return .number("0") }
            if variant == .extremes { return [.string("Infinity"), .number("3.4028234663852886e38"), .number("-1.1754943508222875e-38")][index % 3] }
            return .number(["0.5", "-8.25", "1024"][index % 3])
        case .int32, .sint32, .sfixed32:
            if zero { return .number("0") }
            return .number(variant == .extremes ? String(high ? Int32.max : Int32.min) : String([7, -42, 100_000][index % 3]))
        case .int64, .sint64, .sfixed64:
            if zero { return .string("0") }
            return .string(variant == .extremes ? String(high ? Int64.max : Int64.min) : String([1_700_000_000_000, -9, 3][index % 3]))
        case .uint32, .fixed32:
            if zero { return .number("0") }
            return .number(variant == .extremes ? String(high ? UInt32.max : 1) : String([7, 42, 100_000][index % 3]))
        case .uint64, .fixed64:
            if zero { return .string("0") }
            return .string(variant == .extremes ? String(high ? UInt64.max : 1) : String([1_700_000_000_000, 9, 3][index % 3]))
        case .bool:
            return .bool(!zero && index % 3 != 1 || variant == .typical && !zero)
        case .string:
            if zero { return .string("") }
            let texts = ["铜仁市政协 社情民意信息 第\(index)期", "Wuling 武陵山片区 \"联席会\"\n\t\\ 😀", "办结率 100%"]
            return .string(variant == .extremes && index % 3 == 2 ? "" : texts[index % 3])
        case .bytes:
            if zero { return .string("") }
            let bytes: [UInt8] = variant == .extremes ? (0...255).map { UInt8($0) } : Array("签名 \(index)".utf8)
            return .string(Base64.encode(bytes))
        case .enumeration(let name):
            let values = enumValues(name)
            if zero { return .string(values[0]) }
            return .string(values[1 + (index % max(1, values.count - 1))])
        case .message(let name):
            if depth >= 3 { return explicit ? .object([]) : nil }
            return sample(name, variant, depth: depth + 1)
        }
    }
}
