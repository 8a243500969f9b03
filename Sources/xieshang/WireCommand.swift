import Foundation
import XieshangWire

/// `xieshang wire encode|decode|list`: a debugging door onto the wire format for people and scripts.
enum WireCommand {
    static let help = """
    usage: xieshang wire encode <package.Message>   JSON on stdin  → protobuf bytes on stdout
           xieshang wire decode <package.Message>   protobuf bytes on stdin → JSON on stdout
           xieshang wire list                       the message types of Protos/

    JSON is the proto3 canonical form (lowerCamelCase names, 64-bit integers as strings, bytes as base64,
    enums by name), as google.protobuf.json_format writes and reads it. Bad input exits 1 with the error.

    example:
      echo '{"origin":"cn.gz.tongren","seq":"1"}' | xieshang wire encode xieshang.v1.EventBody > body.bin
      xieshang wire decode xieshang.v1.EventBody < body.bin
    """

    static func run(_ args: [String]) -> Int32 {
        guard let verb = args.first, verb != "--help", verb != "-h" else {
            print(help)
            return args.isEmpty ? ExitCode.usage : ExitCode.done
        }
        if verb == "list" {
            for name in ProtoRegistry.messageTypes.keys.sorted() { print(name) }
            return ExitCode.done
        }
        guard verb == "encode" || verb == "decode" else {
            let hint = suggestion(for: verb, among: ["encode", "decode", "list"]).map { " Did you mean '\($0)'?" } ?? ""
            return fail("wire: unknown subcommand '\(verb)'.\(hint)\n\n\(help)", code: ExitCode.usage)
        }
        guard args.count == 2 else {
            return fail("wire \(verb): name one message type, e.g. xieshang.v1.EventBody\n\n\(help)", code: ExitCode.usage)
        }
        let name = args[1]
        guard let type = ProtoRegistry.messageTypes[name] ?? ProtoRegistry.messageTypes["xieshang.v1." + name] else {
            let names = ProtoRegistry.messageTypes.keys
            let hint = (suggestion(for: name, among: Array(names)) ?? suggestion(for: name, among: names.map { String($0.split(separator: ".").last!) }))
                .map { " Did you mean '\($0)'?" }
                ?? " Run 'xieshang wire list' for the types."
            return fail("wire \(verb): unknown message type '\(name)'.\(hint)", code: ExitCode.usage)
        }
        let input = FileHandle.standardInput.readDataToEndOfFile()
        do {
            if verb == "encode" {
                guard let text = String(data: input, encoding: .utf8) else {
                    return fail("wire encode: standard input is not UTF-8 text", code: ExitCode.refused)
                }
                let bytes = try encode(type, json: text)
                FileHandle.standardOutput.write(Data(bytes))
            } else {
                print(try decode(type, bytes: [UInt8](input)))
            }
            return ExitCode.done
        } catch {
            return fail("wire \(verb) \(name): \(error)", code: ExitCode.refused)
        }
    }

    static func encode<M: ProtoMessage>(_ type: M.Type, json: String) throws -> [UInt8] {
        try M(jsonString: json).serializedBytes()
    }

    static func decode<M: ProtoMessage>(_ type: M.Type, bytes: [UInt8]) throws -> String {
        try M(serializedBytes: bytes).jsonString()
    }
}
