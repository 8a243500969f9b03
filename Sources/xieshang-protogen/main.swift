// xieshang-protogen: generates Swift value types and codecs from the proto3 files under a root folder.
//
//   xieshang-protogen [--proto-root Protos] [--out Sources/XieshangWire/Generated] [--import XieshangWire]
//
// --registry names the registry type (ProtoRegistry by default).
// --import names the module holding the wire runtime, for code generated outside XieshangWire (test schemas).
//
// Every *.proto under the root is read; each gives <name>.pb.swift in the output folder, plus ProtoRegistry.swift.
// Files in the output folder that no longer correspond to a .proto are removed.
import Foundation

func run() throws {
    var root = "Protos"
    var outDir = "Sources/XieshangWire/Generated"
    var importModule: String? = nil
    var registryName = "ProtoRegistry"
    var args = Array(CommandLine.arguments.dropFirst())
    while !args.isEmpty {
        let a = args.removeFirst()
        switch a {
        case "--proto-root": guard !args.isEmpty else { throw ProtoError(message: "--proto-root needs a folder") }; root = args.removeFirst()
        case "--out": guard !args.isEmpty else { throw ProtoError(message: "--out needs a folder") }; outDir = args.removeFirst()
        case "--import": guard !args.isEmpty else { throw ProtoError(message: "--import needs a module name") }; importModule = args.removeFirst()
        case "--registry": guard !args.isEmpty else { throw ProtoError(message: "--registry needs a type name") }; registryName = args.removeFirst()
        case "-h", "--help":
            print("usage: xieshang-protogen [--proto-root Protos] [--out Sources/XieshangWire/Generated] [--import XieshangWire] [--registry ProtoRegistry]")
            return
        default: throw ProtoError(message: "unknown argument \(a); see --help")
        }
    }
    let fm = FileManager.default
    guard let enumerator = fm.enumerator(atPath: root) else {
        throw ProtoError(message: "cannot read the proto root \(root)")
    }
    let paths = enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".proto") }.sorted()
    guard !paths.isEmpty else { throw ProtoError(message: "no .proto files under \(root)") }

    var files: [ProtoFile] = []
    for path in paths {
        let full = root + "/" + path
        guard let data = fm.contents(atPath: full), let text = String(data: data, encoding: .utf8) else {
            throw ProtoError(message: "cannot read \(full) as UTF-8")
        }
        var parser = Parser(tokens: try Lexer.tokenize(text, file: full), path: path)
        files.append(try parser.parse())
    }
    let resolver = try Resolver(files: files)
    for i in files.indices { try resolver.resolveAll(&files[i]) }

    // Swift names: the proto name without its package.
    var names: [String: String] = [:]
    var enums: [String: EnumDecl] = [:]
    var messageNames: [String] = []
    var bySwiftName: [String: String] = [:]
    func register(_ full: String, package: String) throws {
        let swift = package.isEmpty ? full : String(full.dropFirst(package.count + 1))
        if let clash = bySwiftName[swift] {
            throw ProtoError(message: "\(full) and \(clash) would both be the Swift type \(swift)")
        }
        bySwiftName[swift] = full
        names[full] = swift
    }
    for file in files {
        func walk(_ m: MessageDecl) throws {
            try register(m.fullName, package: file.package)
            messageNames.append(m.fullName)
            for e in m.enums { try register(e.fullName, package: file.package); enums[e.fullName] = e }
            for n in m.messages { try walk(n) }
        }
        for m in file.messages { try walk(m) }
        for e in file.enums { try register(e.fullName, package: file.package); enums[e.fullName] = e }
    }
    try checkNoRecursion(files)

    try fm.createDirectory(atPath: outDir, withIntermediateDirectories: true)
    var written: Set<String> = []
    var renderer = SwiftRenderer(swiftNames: names, enums: enums, importModule: importModule)
    for file in files {
        let base = (file.path as NSString).lastPathComponent.replacingOccurrences(of: ".proto", with: "")
        let name = base.prefix(1).uppercased() + base.dropFirst() + ".pb.swift"
        guard written.insert(name).inserted else { throw ProtoError(message: "two .proto files would both generate \(name)") }
        try renderer.render(file).write(toFile: outDir + "/" + name, atomically: true, encoding: .utf8)
    }
    let registry = SwiftRenderer.renderRegistry(messages: messageNames, enums: Array(enums.keys), names: names, importModule: importModule, typeName: registryName)
    try registry.write(toFile: outDir + "/\(registryName).swift", atomically: true, encoding: .utf8)
    written.insert("\(registryName).swift")
    for stale in (try fm.contentsOfDirectory(atPath: outDir)) where stale.hasSuffix(".swift") && !written.contains(stale) {
        try fm.removeItem(atPath: outDir + "/" + stale)
    }
    print("xieshang-protogen: \(files.count) files, \(messageNames.count) messages, \(enums.count) enums → \(outDir)")
}

/// A message that holds itself through singular message fields cannot be a Swift struct; refuse it clearly.
func checkNoRecursion(_ files: [ProtoFile]) throws {
    var singular: [String: [String]] = [:]
    func walk(_ m: MessageDecl) {
        singular[m.fullName] = m.fields.compactMap { f in
            if case .message(let t) = f.resolved, f.label == .singular || f.label == .optional { return t }
            return nil
        }
        m.messages.forEach(walk)
    }
    files.forEach { $0.messages.forEach(walk) }
    for start in singular.keys {
        var seen: Set<String> = []
        var stack = singular[start] ?? []
        while let next = stack.popLast() {
            if next == start {
                throw ProtoError(message: "\(start) contains itself through singular message fields; use a repeated field or bytes")
            }
            if seen.insert(next).inserted { stack += singular[next] ?? [] }
        }
    }
}

do {
    try run()
} catch {
    FileHandle.standardError.write(Data("xieshang-protogen: \(error)\n".utf8))
    exit(1)
}
