// DO NOT EDIT — generated from Protos/xieshang/v1/accounts.proto by xieshang-protogen.
// Change the .proto file and run `make generate`; a test fails when this file drifts from Protos/.

/// A new account.
public struct AddUserRequest: ProtoMessage {
    public static let protoName = "xieshang.v1.AddUserRequest"

    /// Login name: 3–32 lowercase letters, digits, . _ -, starting with a letter.
    public var username: String = ""
    /// Display name (Chinese welcome).
    public var displayName: String = ""
    /// office, committee, clerk, unit:<name>, member:<id> or viewer.
    public var role: String = ""
    /// The initial password; empty means the node generates one.
    public var initialPassword: String = ""
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        username: String = "",
        displayName: String = "",
        role: String = "",
        initialPassword: String = ""
    ) {
        self.username = username
        self.displayName = displayName
        self.role = role
        self.initialPassword = initialPassword
    }
}

extension AddUserRequest {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "username", jsonName: "username", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "display_name", jsonName: "displayName", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "role", jsonName: "role", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "initial_password", jsonName: "initialPassword", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, username, field: 1)
        n += WireSize.singular(StringCodec.self, displayName, field: 2)
        n += WireSize.singular(StringCodec.self, role, field: 3)
        n += WireSize.singular(StringCodec.self, initialPassword, field: 4)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, username, field: 1)
        w.singular(StringCodec.self, displayName, field: 2)
        w.singular(StringCodec.self, role, field: 3)
        w.singular(StringCodec.self, initialPassword, field: 4)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): username = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): displayName = try StringCodec.read(from: &r)
            case (3, .lengthDelimited): role = try StringCodec.read(from: &r)
            case (4, .lengthDelimited): initialPassword = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("username", StringCodec.self, username)
        j.singular("displayName", StringCodec.self, displayName)
        j.singular("role", StringCodec.self, role)
        j.singular("initialPassword", StringCodec.self, initialPassword)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "username": username = try StringCodec.readJSON(value, path: p)
            case "displayName", "display_name": displayName = try StringCodec.readJSON(value, path: p)
            case "role": role = try StringCodec.readJSON(value, path: p)
            case "initialPassword", "initial_password": initialPassword = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// An initial password, shown once.
public struct IssuedPasswordResponse: ProtoMessage {
    public static let protoName = "xieshang.v1.IssuedPasswordResponse"

    /// The account.
    public var username: String = ""
    /// The initial password, to be changed at first login.
    public var password: String = ""
    /// True when the node generated it.
    public var generated: Bool = false
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        username: String = "",
        password: String = "",
        generated: Bool = false
    ) {
        self.username = username
        self.password = password
        self.generated = generated
    }
}

extension IssuedPasswordResponse {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "username", jsonName: "username", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "password", jsonName: "password", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "generated", jsonName: "generated", type: .bool, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, username, field: 1)
        n += WireSize.singular(StringCodec.self, password, field: 2)
        n += WireSize.singular(BoolCodec.self, generated, field: 3)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, username, field: 1)
        w.singular(StringCodec.self, password, field: 2)
        w.singular(BoolCodec.self, generated, field: 3)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): username = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): password = try StringCodec.read(from: &r)
            case (3, .varint): generated = try BoolCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("username", StringCodec.self, username)
        j.singular("password", StringCodec.self, password)
        j.singular("generated", BoolCodec.self, generated)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "username": username = try StringCodec.readJSON(value, path: p)
            case "password": password = try StringCodec.readJSON(value, path: p)
            case "generated": generated = try BoolCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// Asks for the accounts.
public struct ListUsersRequest: ProtoMessage {
    public static let protoName = "xieshang.v1.ListUsersRequest"

    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

}

extension ListUsersRequest {
    public static let protoFields: [ProtoFieldDescriptor] = [
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// One account (never its hash).
public struct UserEntry: ProtoMessage {
    public static let protoName = "xieshang.v1.UserEntry"

    /// Login name.
    public var username: String = ""
    /// Display name.
    public var displayName: String = ""
    /// Role text, e.g. unit:交通局.
    public var role: String = ""
    /// True when disabled.
    public var disabled: Bool = false
    /// True when the password must be changed at the next login.
    public var mustChangePassword: Bool = false
    /// End of the current lockout (ms since the Unix epoch), 0 when not locked.
    public var lockedUntilMs: Int64 = 0
    /// Consecutive failed logins.
    public var failures: UInt32 = 0
    /// When the account was added (ms since the Unix epoch).
    public var createdMs: Int64 = 0
    /// Who added it.
    public var createdBy: String = ""
    /// The last successful login (ms since the Unix epoch), 0 when never.
    public var lastLoginMs: Int64 = 0
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        username: String = "",
        displayName: String = "",
        role: String = "",
        disabled: Bool = false,
        mustChangePassword: Bool = false,
        lockedUntilMs: Int64 = 0,
        failures: UInt32 = 0,
        createdMs: Int64 = 0,
        createdBy: String = "",
        lastLoginMs: Int64 = 0
    ) {
        self.username = username
        self.displayName = displayName
        self.role = role
        self.disabled = disabled
        self.mustChangePassword = mustChangePassword
        self.lockedUntilMs = lockedUntilMs
        self.failures = failures
        self.createdMs = createdMs
        self.createdBy = createdBy
        self.lastLoginMs = lastLoginMs
    }
}

extension UserEntry {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "username", jsonName: "username", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "display_name", jsonName: "displayName", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "role", jsonName: "role", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "disabled", jsonName: "disabled", type: .bool, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 5, name: "must_change_password", jsonName: "mustChangePassword", type: .bool, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 6, name: "locked_until_ms", jsonName: "lockedUntilMs", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 7, name: "failures", jsonName: "failures", type: .uint32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 8, name: "created_ms", jsonName: "createdMs", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 9, name: "created_by", jsonName: "createdBy", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 10, name: "last_login_ms", jsonName: "lastLoginMs", type: .int64, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, username, field: 1)
        n += WireSize.singular(StringCodec.self, displayName, field: 2)
        n += WireSize.singular(StringCodec.self, role, field: 3)
        n += WireSize.singular(BoolCodec.self, disabled, field: 4)
        n += WireSize.singular(BoolCodec.self, mustChangePassword, field: 5)
        n += WireSize.singular(Int64Codec.self, lockedUntilMs, field: 6)
        n += WireSize.singular(UInt32Codec.self, failures, field: 7)
        n += WireSize.singular(Int64Codec.self, createdMs, field: 8)
        n += WireSize.singular(StringCodec.self, createdBy, field: 9)
        n += WireSize.singular(Int64Codec.self, lastLoginMs, field: 10)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, username, field: 1)
        w.singular(StringCodec.self, displayName, field: 2)
        w.singular(StringCodec.self, role, field: 3)
        w.singular(BoolCodec.self, disabled, field: 4)
        w.singular(BoolCodec.self, mustChangePassword, field: 5)
        w.singular(Int64Codec.self, lockedUntilMs, field: 6)
        w.singular(UInt32Codec.self, failures, field: 7)
        w.singular(Int64Codec.self, createdMs, field: 8)
        w.singular(StringCodec.self, createdBy, field: 9)
        w.singular(Int64Codec.self, lastLoginMs, field: 10)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): username = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): displayName = try StringCodec.read(from: &r)
            case (3, .lengthDelimited): role = try StringCodec.read(from: &r)
            case (4, .varint): disabled = try BoolCodec.read(from: &r)
            case (5, .varint): mustChangePassword = try BoolCodec.read(from: &r)
            case (6, .varint): lockedUntilMs = try Int64Codec.read(from: &r)
            case (7, .varint): failures = try UInt32Codec.read(from: &r)
            case (8, .varint): createdMs = try Int64Codec.read(from: &r)
            case (9, .lengthDelimited): createdBy = try StringCodec.read(from: &r)
            case (10, .varint): lastLoginMs = try Int64Codec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("username", StringCodec.self, username)
        j.singular("displayName", StringCodec.self, displayName)
        j.singular("role", StringCodec.self, role)
        j.singular("disabled", BoolCodec.self, disabled)
        j.singular("mustChangePassword", BoolCodec.self, mustChangePassword)
        j.singular("lockedUntilMs", Int64Codec.self, lockedUntilMs)
        j.singular("failures", UInt32Codec.self, failures)
        j.singular("createdMs", Int64Codec.self, createdMs)
        j.singular("createdBy", StringCodec.self, createdBy)
        j.singular("lastLoginMs", Int64Codec.self, lastLoginMs)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "username": username = try StringCodec.readJSON(value, path: p)
            case "displayName", "display_name": displayName = try StringCodec.readJSON(value, path: p)
            case "role": role = try StringCodec.readJSON(value, path: p)
            case "disabled": disabled = try BoolCodec.readJSON(value, path: p)
            case "mustChangePassword", "must_change_password": mustChangePassword = try BoolCodec.readJSON(value, path: p)
            case "lockedUntilMs", "locked_until_ms": lockedUntilMs = try Int64Codec.readJSON(value, path: p)
            case "failures": failures = try UInt32Codec.readJSON(value, path: p)
            case "createdMs", "created_ms": createdMs = try Int64Codec.readJSON(value, path: p)
            case "createdBy", "created_by": createdBy = try StringCodec.readJSON(value, path: p)
            case "lastLoginMs", "last_login_ms": lastLoginMs = try Int64Codec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// The accounts, by username.
public struct ListUsersResponse: ProtoMessage {
    public static let protoName = "xieshang.v1.ListUsersResponse"

    /// Every account.
    public var users: [UserEntry] = []
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        users: [UserEntry] = []
    ) {
        self.users = users
    }
}

extension ListUsersResponse {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "users", jsonName: "users", type: .message("xieshang.v1.UserEntry"), label: .repeated, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.messages(users, field: 1)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.messages(users, field: 1)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): users.append(try r.readMessage(UserEntry.self))
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.messages("users", users)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "users": users = try JSONRead.messages(UserEntry.self, value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// An account to disable.
public struct DisableUserRequest: ProtoMessage {
    public static let protoName = "xieshang.v1.DisableUserRequest"

    /// Its login name.
    public var username: String = ""
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        username: String = ""
    ) {
        self.username = username
    }
}

extension DisableUserRequest {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "username", jsonName: "username", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, username, field: 1)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, username, field: 1)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): username = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("username", StringCodec.self, username)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "username": username = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// An account whose password to reset.
public struct ResetPasswordRequest: ProtoMessage {
    public static let protoName = "xieshang.v1.ResetPasswordRequest"

    /// Its login name.
    public var username: String = ""
    /// The new initial password; empty means the node generates one.
    public var newPassword: String = ""
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        username: String = "",
        newPassword: String = ""
    ) {
        self.username = username
        self.newPassword = newPassword
    }
}

extension ResetPasswordRequest {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "username", jsonName: "username", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "new_password", jsonName: "newPassword", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, username, field: 1)
        n += WireSize.singular(StringCodec.self, newPassword, field: 2)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, username, field: 1)
        w.singular(StringCodec.self, newPassword, field: 2)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): username = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): newPassword = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("username", StringCodec.self, username)
        j.singular("newPassword", StringCodec.self, newPassword)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "username": username = try StringCodec.readJSON(value, path: p)
            case "newPassword", "new_password": newPassword = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// Asks for audit rows.
public struct AuditRequest: ProtoMessage {
    public static let protoName = "xieshang.v1.AuditRequest"

    /// Rows from this time on (ms since the Unix epoch); 0 for all kept rows.
    public var sinceMs: Int64 = 0
    /// True when the caller exports the rows (the export itself is audited).
    public var export: Bool = false
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        sinceMs: Int64 = 0,
        export: Bool = false
    ) {
        self.sinceMs = sinceMs
        self.export = export
    }
}

extension AuditRequest {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "since_ms", jsonName: "sinceMs", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "export", jsonName: "export", type: .bool, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(Int64Codec.self, sinceMs, field: 1)
        n += WireSize.singular(BoolCodec.self, export, field: 2)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(Int64Codec.self, sinceMs, field: 1)
        w.singular(BoolCodec.self, export, field: 2)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .varint): sinceMs = try Int64Codec.read(from: &r)
            case (2, .varint): export = try BoolCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("sinceMs", Int64Codec.self, sinceMs)
        j.singular("export", BoolCodec.self, export)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "sinceMs", "since_ms": sinceMs = try Int64Codec.readJSON(value, path: p)
            case "export": export = try BoolCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// One audit row.
public struct AuditEntry: ProtoMessage {
    public static let protoName = "xieshang.v1.AuditEntry"

    /// Row id, increasing.
    public var id: Int64 = 0
    /// When (ms since the Unix epoch).
    public var timeMs: Int64 = 0
    /// Event code: login, login_failed, login_refused, lockout, logout, session_expired, password_changed,
    /// user_added, user_disabled, password_reset, audit_exported.
    public var event: String = ""
    /// The account concerned.
    public var username: String = ""
    /// Who did it: user:<name> or os:<name>(uid N).
    public var actor: String = ""
    /// Client address, or admin-socket.
    public var source: String = ""
    /// True for success.
    public var succeeded: Bool = false
    /// Detail.
    public var detail: String = ""
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        id: Int64 = 0,
        timeMs: Int64 = 0,
        event: String = "",
        username: String = "",
        actor: String = "",
        source: String = "",
        succeeded: Bool = false,
        detail: String = ""
    ) {
        self.id = id
        self.timeMs = timeMs
        self.event = event
        self.username = username
        self.actor = actor
        self.source = source
        self.succeeded = succeeded
        self.detail = detail
    }
}

extension AuditEntry {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "id", jsonName: "id", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "time_ms", jsonName: "timeMs", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "event", jsonName: "event", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "username", jsonName: "username", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 5, name: "actor", jsonName: "actor", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 6, name: "source", jsonName: "source", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 7, name: "succeeded", jsonName: "succeeded", type: .bool, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 8, name: "detail", jsonName: "detail", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(Int64Codec.self, id, field: 1)
        n += WireSize.singular(Int64Codec.self, timeMs, field: 2)
        n += WireSize.singular(StringCodec.self, event, field: 3)
        n += WireSize.singular(StringCodec.self, username, field: 4)
        n += WireSize.singular(StringCodec.self, actor, field: 5)
        n += WireSize.singular(StringCodec.self, source, field: 6)
        n += WireSize.singular(BoolCodec.self, succeeded, field: 7)
        n += WireSize.singular(StringCodec.self, detail, field: 8)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(Int64Codec.self, id, field: 1)
        w.singular(Int64Codec.self, timeMs, field: 2)
        w.singular(StringCodec.self, event, field: 3)
        w.singular(StringCodec.self, username, field: 4)
        w.singular(StringCodec.self, actor, field: 5)
        w.singular(StringCodec.self, source, field: 6)
        w.singular(BoolCodec.self, succeeded, field: 7)
        w.singular(StringCodec.self, detail, field: 8)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .varint): id = try Int64Codec.read(from: &r)
            case (2, .varint): timeMs = try Int64Codec.read(from: &r)
            case (3, .lengthDelimited): event = try StringCodec.read(from: &r)
            case (4, .lengthDelimited): username = try StringCodec.read(from: &r)
            case (5, .lengthDelimited): actor = try StringCodec.read(from: &r)
            case (6, .lengthDelimited): source = try StringCodec.read(from: &r)
            case (7, .varint): succeeded = try BoolCodec.read(from: &r)
            case (8, .lengthDelimited): detail = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("id", Int64Codec.self, id)
        j.singular("timeMs", Int64Codec.self, timeMs)
        j.singular("event", StringCodec.self, event)
        j.singular("username", StringCodec.self, username)
        j.singular("actor", StringCodec.self, actor)
        j.singular("source", StringCodec.self, source)
        j.singular("succeeded", BoolCodec.self, succeeded)
        j.singular("detail", StringCodec.self, detail)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "id": id = try Int64Codec.readJSON(value, path: p)
            case "timeMs", "time_ms": timeMs = try Int64Codec.readJSON(value, path: p)
            case "event": event = try StringCodec.readJSON(value, path: p)
            case "username": username = try StringCodec.readJSON(value, path: p)
            case "actor": actor = try StringCodec.readJSON(value, path: p)
            case "source": source = try StringCodec.readJSON(value, path: p)
            case "succeeded": succeeded = try BoolCodec.readJSON(value, path: p)
            case "detail": detail = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// Audit rows, oldest first.
public struct AuditResponse: ProtoMessage {
    public static let protoName = "xieshang.v1.AuditResponse"

    /// The rows.
    public var entries: [AuditEntry] = []
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        entries: [AuditEntry] = []
    ) {
        self.entries = entries
    }
}

extension AuditResponse {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "entries", jsonName: "entries", type: .message("xieshang.v1.AuditEntry"), label: .repeated, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.messages(entries, field: 1)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.messages(entries, field: 1)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): entries.append(try r.readMessage(AuditEntry.self))
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.messages("entries", entries)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "entries": entries = try JSONRead.messages(AuditEntry.self, value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// User management on the admin socket. Every call is audited with the OS user of the calling process (SO_PEERCRED).
public enum AccountsService {
    /// The service's full name, as it appears in request paths.
    public static let name = "xieshang.v1.Accounts"

    /// Adds an account; answers its initial password, to be changed at first login.
    public static let addUser = RPCMethod<AddUserRequest, IssuedPasswordResponse>(
        service: name, method: "AddUser", kind: .unary)

    /// Lists the accounts.
    public static let listUsers = RPCMethod<ListUsersRequest, ListUsersResponse>(
        service: name, method: "ListUsers", kind: .unary)

    /// Disables an account and ends its sessions.
    public static let disableUser = RPCMethod<DisableUserRequest, UserEntry>(
        service: name, method: "DisableUser", kind: .unary)

    /// Sets a new initial password (to be changed at the next login), clears a lockout, ends the sessions.
    public static let resetPassword = RPCMethod<ResetPasswordRequest, IssuedPasswordResponse>(
        service: name, method: "ResetPassword", kind: .unary)

    /// The audit trail of logins and account changes.
    public static let audit = RPCMethod<AuditRequest, AuditResponse>(
        service: name, method: "Audit", kind: .unary)
}
