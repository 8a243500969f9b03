import Foundation
import XieshangWire

/// `xieshang wire encode|decode|list`: a debugging door onto the wire format for people and scripts.
enum WireCommand {
    typealias Spec = Invocation.Spec

    static let jsonForm = """
          JSON is the proto3 canonical form (lowerCamelCase names, 64-bit integers as strings, bytes as base64,
          enums by name), as google.protobuf.json_format writes and reads it. TYPE is package.Message, or Message of
          xieshang.v1 (xieshang wire list). Bad input exits 1 with the error and writes nothing.
        """

    static let group = SubcommandGroup(
        name: "wire", summary: "encode and decode protobuf messages (JSON ⇄ binary) for debugging",
        commands: [
            (Spec(name: "wire encode", summary: "JSON on stdin → protobuf bytes of TYPE on stdout", positionals: ["TYPE"],
                  details: jsonForm + "\n  e.g. body.json: {\"origin\":\"cn.gz.tongren\",\"seq\":\"1\"}",
                  example: "xieshang wire encode xieshang.v1.EventBody < body.json > body.bin",
                  talksToNode: false, jsonOutput: .refused("encode writes protobuf bytes; `xieshang wire decode TYPE` writes JSON")),
             encode),
            (Spec(name: "wire decode", summary: "protobuf bytes of TYPE on stdin → JSON on stdout (--json: the same; it is JSON)",
                  positionals: ["TYPE"], details: jsonForm,
                  example: "xieshang wire decode xieshang.v1.EventBody < body.bin", talksToNode: false, jsonOutput: .prints),
             decode),
            (Spec(name: "wire list", summary: "the message types of Protos/, one a line (--json: a JSON array)",
                  example: "xieshang wire list --json", talksToNode: false, jsonOutput: .prints),
             list),
        ])

    static func run(_ args: [String]) -> Int32 { group.run(args) }

    static func list(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let names = ProtoRegistry.messageTypes.keys.sorted()
        print(inv.json ? "[" + names.map(AuditCommand.jsonString).joined(separator: ",") + "]" : names.joined(separator: "\n"))
        return ExitCode.done
    }

    static func encode(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let (name, type) = try messageType(inv)
        let input = FileHandle.standardInput.readDataToEndOfFile()
        guard let text = String(data: input, encoding: .utf8) else {
            return fail("wire encode \(name): standard input is not UTF-8 text", code: ExitCode.refused)
        }
        do {
            FileHandle.standardOutput.write(Data(try encode(type, json: text)))
        } catch {
            return fail("wire encode \(name): standard input: \(error)", code: ExitCode.refused)
        }
        return ExitCode.done
    }

    static func decode(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let (name, type) = try messageType(inv)
        let input = FileHandle.standardInput.readDataToEndOfFile()
        do {
            print(try decode(type, bytes: [UInt8](input)))
        } catch {
            return fail("wire decode \(name): standard input (\(input.count) bytes): \(error)", code: ExitCode.refused)
        }
        return ExitCode.done
    }

    /// The message type TYPE names (`xieshang.v1.` may be left out); a usage error with the nearest name otherwise.
    static func messageType(_ inv: Invocation) throws(Invocation.Exit) -> (String, any ProtoMessage.Type) {
        let name = inv.positional(0)
        guard let type = ProtoRegistry.messageTypes[name] ?? ProtoRegistry.messageTypes["xieshang.v1." + name] else {
            let names = Array(ProtoRegistry.messageTypes.keys)
            let hint = (suggestion(for: name, among: names) ?? suggestion(for: name, among: names.map { String($0.split(separator: ".").last ?? "") }))
                .map { " Did you mean '\($0)'?" }
                ?? " Run 'xieshang wire list' for the types."
            throw inv.usage("unknown message type '\(name)'.\(hint)")
        }
        return (name, type)
    }

    static func encode<M: ProtoMessage>(_ type: M.Type, json: String) throws -> [UInt8] {
        try M(jsonString: json).serializedBytes()
    }

    static func decode<M: ProtoMessage>(_ type: M.Type, bytes: [UInt8]) throws -> String {
        try M(serializedBytes: bytes).jsonString()
    }
}
