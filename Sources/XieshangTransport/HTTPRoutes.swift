/// A plain HTTP request (网页请求) that arrived on the HTTP/2 server beside gRPC: anything whose content-type is not
/// `application/grpc` goes to the server's ``HTTPRoutes``. The body is complete and within
/// ``HTTPRoutes/maxBodyBytes`` when a handler sees it.
public struct HTTPRequest: Sendable {
    /// `GET`, `POST`, … as the client sent it.
    public let method: String
    /// The path without the query (`/records`), as sent (not percent-decoded).
    public let path: String
    /// The raw query after `?` (empty when none).
    public let rawQuery: String
    /// Every request header other than the HTTP/2 pseudo-headers, names in lower case, in arrival order.
    public let headers: [(String, String)]
    /// `:authority` (the host the client asked for).
    public let authority: String
    /// The request body.
    public let body: [UInt8]
    /// The client's address.
    public let peer: String

    /// Makes a request (tests and the server).
    public init(method: String, path: String, rawQuery: String = "", headers: [(String, String)] = [], authority: String = "",
                body: [UInt8] = [], peer: String = "") {
        self.method = method
        self.path = path
        self.rawQuery = rawQuery
        self.headers = headers
        self.authority = authority
        self.body = body
        self.peer = peer
    }

    /// The first value of header `name` (lower case), nil when absent.
    public func header(_ name: String) -> String? { headers.first { $0.0 == name }?.1 }

    /// The cookies, from every `cookie` header (HTTP/2 clients may split them across several), in order; a pair
    /// without `=` is skipped.
    public var cookies: [(String, String)] {
        var out: [(String, String)] = []
        for (n, v) in headers where n == "cookie" {
            for part in v.split(separator: ";") {
                let t = part.drop { $0 == " " }
                guard let eq = t.firstIndex(of: "=") else { continue }
                out.append((String(t[..<eq]), String(t[t.index(after: eq)...])))
            }
        }
        return out
    }

    /// The value of cookie `name`, nil when absent.
    public func cookie(_ name: String) -> String? { cookies.first { $0.0 == name }?.1 }

    /// The query's fields, decoded as `application/x-www-form-urlencoded`.
    /// - Throws: ``HTTPFormError`` when a `%` escape is malformed or the result is not UTF-8.
    public func query() throws(HTTPFormError) -> [(String, String)] { try FormEncoding.decode(Array(rawQuery.utf8)) }

    /// The body's fields when it is `application/x-www-form-urlencoded`.
    /// - Throws: ``HTTPFormError`` when the content-type is another one, a `%` escape is malformed or the result is
    ///   not UTF-8.
    public func form() throws(HTTPFormError) -> [(String, String)] {
        let type = header("content-type") ?? ""
        guard type.split(separator: ";").first.map({ $0.trimmingSpaces.lowercased() }) == "application/x-www-form-urlencoded" else {
            throw HTTPFormError(message: "the body is '\(type)', not application/x-www-form-urlencoded")
        }
        return try FormEncoding.decode(body)
    }
}

/// A response to an ``HTTPRequest``: status, headers and body. The transport adds `content-length`, and drops any
/// header whose name is not a lower-case token or whose value holds a control character (no header injection).
public struct HTTPResponse: Sendable {
    /// The status code, e.g. 200.
    public var status: Int
    /// Response headers (lower-case names).
    public var headers: [(String, String)]
    /// The body.
    public var body: [UInt8]

    /// Makes a response.
    public init(status: Int, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// Why the transport or the route table answered instead of a route's handler.
public struct HTTPRefusal: Sendable, Equatable {
    /// 400 (malformed request), 404 (no route), 405 (no route for the method), 413 (body over the limit).
    public let status: Int
    /// What was wrong, in English, for the log and the page.
    public let reason: String
    /// For 405: the methods the path allows (the `allow` header).
    public let allowed: [String]

    /// Makes a refusal.
    public init(status: Int, reason: String, allowed: [String] = []) {
        self.status = status
        self.reason = reason
        self.allowed = allowed
    }
}

/// A malformed `application/x-www-form-urlencoded` text (query or form body).
public struct HTTPFormError: Error, Sendable, Equatable {
    /// What was wrong.
    public let message: String
}

/// The HTTP routes of a ``Server`` (网页路由表): handlers by exact path and method. An unknown path, a method the
/// path does not allow and a body over ``maxBodyBytes`` are answered by ``refusal`` (which the web layer renders as
/// a page with its security headers) — never by a trap.
public struct HTTPRoutes: Sendable {
    /// A route's handler.
    public typealias Handler = @Sendable (HTTPRequest) async -> HTTPResponse
    /// Largest request body; a longer one gets 413 before a handler runs. Default 1 MiB.
    public var maxBodyBytes: Int
    /// Renders what the transport or the table answers itself.
    public let refusal: @Sendable (HTTPRefusal) -> HTTPResponse
    private var table: [String: [String: Handler]] = [:]
    private var prefixes: [(prefix: String, methods: [String: Handler])] = []

    /// An empty table.
    public init(maxBodyBytes: Int = 1024 * 1024, refusal: @escaping @Sendable (HTTPRefusal) -> HTTPResponse) {
        self.maxBodyBytes = maxBodyBytes
        self.refusal = refusal
    }

    /// Adds `handler` for `method` on `path` (exact match; `path` starts with `/`).
    public mutating func add(_ method: String, _ path: String, _ handler: @escaping Handler) {
        precondition(path.hasPrefix("/"), "route path \(path) must start with /")
        table[path, default: [:]][method] = handler
    }

    /// Adds `handler` for `method` on every path under `prefix` (which starts and ends with `/`, e.g. `/records/`)
    /// that has no exact route; the longest matching prefix wins. The handler parses the rest of the path itself.
    public mutating func add(_ method: String, prefix: String, _ handler: @escaping Handler) {
        precondition(prefix.hasPrefix("/") && prefix.hasSuffix("/"), "route prefix \(prefix) must start and end with /")
        if let i = prefixes.firstIndex(where: { $0.prefix == prefix }) {
            prefixes[i].methods[method] = handler
        } else {
            prefixes.append((prefix, [method: handler]))
            prefixes.sort { $0.prefix.utf8.count > $1.prefix.utf8.count }
        }
    }

    /// The paths with a route.
    public var paths: [String] { table.keys.sorted() }

    /// Answers `request`: its route's handler (exact path first, then the longest prefix route), or a refusal (404,
    /// 405).
    public func respond(_ request: HTTPRequest) async -> HTTPResponse {
        guard let methods = table[request.path] ?? prefixes.first(where: { request.path.hasPrefix($0.prefix) && request.path.utf8.count > $0.prefix.utf8.count })?.methods else {
            return refusal(HTTPRefusal(status: 404, reason: "no page at this path"))
        }
        guard let handler = methods[request.method] else {
            return refusal(HTTPRefusal(status: 405, reason: "method \(request.method) is not allowed here",
                                       allowed: methods.keys.sorted()))
        }
        return await handler(request)
    }
}

/// `application/x-www-form-urlencoded` (HTML forms and URL queries): `+` is a space, `%XX` a byte; strict, unlike
/// gRPC's lenient ``PercentEncoding``: a malformed escape or bytes that are not UTF-8 are refused.
public enum FormEncoding {
    /// The name–value pairs of `bytes`, in order; an empty part (`a=1&&b=2`) is skipped, a part without `=` has an
    /// empty value.
    /// - Throws: ``HTTPFormError`` naming the bad part.
    public static func decode(_ bytes: [UInt8]) throws(HTTPFormError) -> [(String, String)] {
        var out: [(String, String)] = []
        for part in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let eq = part.firstIndex(of: UInt8(ascii: "="))
            let name = try component(eq.map { part[part.startIndex..<$0] } ?? part[...])
            let value = try eq.map { i throws(HTTPFormError) in try component(part[part.index(after: i)...]) } ?? ""
            out.append((name, value))
        }
        return out
    }

    /// Encodes one name or value (everything but unreserved ASCII as `%XX`, space as `+`).
    public static func encode(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                 UInt8(ascii: "*"):
                out.append(b)
            case UInt8(ascii: " "): out.append(UInt8(ascii: "+"))
            default: out += [UInt8(ascii: "%"), hex[Int(b >> 4)], hex[Int(b & 0xF)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func component(_ bytes: ArraySlice<UInt8>) throws(HTTPFormError) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == UInt8(ascii: "+") {
                out.append(UInt8(ascii: " "))
                i += 1
            } else if b == UInt8(ascii: "%") {
                guard bytes.endIndex - i >= 3, let h = PercentEncoding.nibble(bytes[i + 1]), let l = PercentEncoding.nibble(bytes[i + 2]) else {
                    throw HTTPFormError(message: "malformed %-escape at byte \(i - bytes.startIndex) of a form field")
                }
                out.append(h << 4 | l)
                i += 3
            } else {
                out.append(b)
                i += 1
            }
        }
        guard let text = String(validating: out, as: UTF8.self) else {
            throw HTTPFormError(message: "a form field is not UTF-8 text")
        }
        return text
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return s
    }
}

/// Response header fields as HTTP/2 sends them: `:status`, the handler's headers that are safe (lower-case token
/// names, values without control characters; `content-length` and connection-specific ones are the transport's),
/// and `content-length`.
func responseHeaderFields(_ r: HTTPResponse) -> [(String, [UInt8])] {
    let status = (100...599).contains(r.status) ? r.status : 500
    var fields: [(String, [UInt8])] = [(":status", Array(String(status).utf8))]
    let forbidden: Set<String> = ["content-length", "connection", "keep-alive", "transfer-encoding", "upgrade", "proxy-connection", "te"]
    for (name, value) in r.headers {
        let nameOK = !name.isEmpty && name.utf8.allSatisfy { b in
            (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
                || b == UInt8(ascii: "-") || b == UInt8(ascii: "_")
        }
        let valueOK = value.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x7F }
        guard nameOK, valueOK, !forbidden.contains(name) else { continue }
        fields.append((name, Array(value.utf8)))
    }
    fields.append(("content-length", Array(String(r.body.count).utf8)))
    return fields
}
