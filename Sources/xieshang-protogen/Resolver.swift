/// Resolves type names in fields and methods to fully qualified message or enum names, following protobuf's
/// scoping rules (innermost scope first) and seeing only the file's own types and those of its imports.
struct Resolver {
    enum Kind { case message, enumeration }
    /// Every type of every file: full name → (kind, defining file).
    var types: [String: (kind: Kind, file: String)] = [:]
    var files: [String: ProtoFile] = [:]

    init(files: [ProtoFile]) throws {
        for file in files {
            self.files[file.path] = file
            func addMessage(_ m: MessageDecl) throws {
                try add(m.fullName, .message, file.path, m.location)
                for nested in m.messages { try addMessage(nested) }
                for e in m.enums { try add(e.fullName, .enumeration, file.path, e.location) }
            }
            for m in file.messages { try addMessage(m) }
            for e in file.enums { try add(e.fullName, .enumeration, file.path, e.location) }
        }
    }

    mutating func add(_ name: String, _ kind: Kind, _ file: String, _ location: SourceLocation) throws {
        if let existing = types[name] {
            throw ProtoError(location: location, message: "\(name) is defined twice (also in \(existing.file))")
        }
        types[name] = (kind, file)
    }

    /// Files whose types `path` may use: itself, its imports, and what those import publicly.
    func visibleFiles(from path: String) throws -> Set<String> {
        var visible: Set<String> = [path]
        guard let file = files[path] else { return visible }
        for imp in file.imports {
            guard files[imp.path] != nil else {
                throw ProtoError(location: nil, message: "\(path) imports \(imp.path), which is not under the proto root")
            }
            visible.insert(imp.path)
            var queue = [imp.path]
            while let next = queue.popLast() {
                for pub in files[next]?.imports ?? [] where pub.isPublic && !visible.contains(pub.path) {
                    visible.insert(pub.path)
                    queue.append(pub.path)
                }
            }
        }
        return visible
    }

    func resolve(_ name: String, scope: String, from path: String, at location: SourceLocation) throws -> (String, Kind) {
        let visible = try visibleFiles(from: path)
        func lookup(_ full: String) throws -> (String, Kind)? {
            guard let found = types[full] else { return nil }
            guard visible.contains(found.file) else {
                throw ProtoError(location: location, message: "\(name) is defined in \(found.file), which \(path) does not import")
            }
            return (full, found.kind)
        }
        if name.hasPrefix(".") {
            if let r = try lookup(String(name.dropFirst())) { return r }
        } else {
            var parts = scope.split(separator: ".").map(String.init)
            while true {
                let candidate = (parts + [name]).joined(separator: ".")
                if let r = try lookup(candidate) { return r }
                if parts.isEmpty { break }
                parts.removeLast()
            }
        }
        throw ProtoError(location: location, message: "unknown type \(name)")
    }

    func resolveAll(_ file: inout ProtoFile) throws {
        func resolveMessage(_ m: inout MessageDecl) throws {
            for i in m.fields.indices {
                let f = m.fields[i]
                if scalarTypes.contains(f.typeName) {
                    m.fields[i].resolved = .scalar(f.typeName)
                } else {
                    let (full, kind) = try resolve(f.typeName, scope: m.fullName, from: file.path, at: f.location)
                    m.fields[i].resolved = kind == .message ? .message(full) : .enumeration(full)
                }
            }
            for i in m.messages.indices { try resolveMessage(&m.messages[i]) }
        }
        for i in file.messages.indices { try resolveMessage(&file.messages[i]) }
        for s in file.services.indices {
            for m in file.services[s].methods.indices {
                let method = file.services[s].methods[m]
                let (input, k1) = try resolve(method.input, scope: file.package, from: file.path, at: method.location)
                let (output, k2) = try resolve(method.output, scope: file.package, from: file.path, at: method.location)
                guard k1 == .message, k2 == .message else {
                    throw ProtoError(location: method.location, message: "rpc \(method.name) must take and return messages")
                }
                file.services[s].methods[m].resolvedInput = input
                file.services[s].methods[m].resolvedOutput = output
            }
        }
    }
}
