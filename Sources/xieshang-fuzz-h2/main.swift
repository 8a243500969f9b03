// xieshang-fuzz-h2: libFuzzer target for the HTTP/2 server (issue 16). Each input is what an HTTP/2 client sends after
// its connection preface (frames, HPACK header blocks, gRPC-framed messages); it is written into one end of a
// socketpair whose other end a real Server serves (Server.serve(connectedSocket:peer:)): the same reactor, nghttp2
// session, ServerConnection, budgets and handlers as on a listener, with pre-authentication limits on.
//
// Build and run (make fuzz does this):
//   swift build -c release -Xswiftc -sanitize=fuzzer --product xieshang-fuzz-h2 --scratch-path .build-fuzz
//   SWIFT_BACKTRACE=enable=no .build-fuzz/release/xieshang-fuzz-h2 -max_total_time=60 <corpus dir>
// The seed corpus (and every crash input, with its fix) is in Tests/XieshangTransportTests/FuzzCorpus.
import CFuzzer
import XieshangTransport
import XieshangWire
#if canImport(Glibc)
import Glibc
#endif

/// Plain HTTP routes beside gRPC (issue 17): `GET /hello` reads the query and cookies, `POST /form` decodes the body;
/// small body limit so 413 is reached.
func fuzzRoutes() -> HTTPRoutes {
    var routes = HTTPRoutes(maxBodyBytes: 4096) { r in HTTPResponse(status: r.status, body: Array(r.reason.utf8)) }
    routes.add("GET", "/hello") { r in
        let q = (try? r.query()) ?? []
        return HTTPResponse(status: 200, headers: q.map { ("x-" + $0.0, $0.1) }, body: Array("\(q.count) \(r.cookies.count)".utf8))
    }
    routes.add("POST", "/form") { r in
        let fields = (try? r.form()) ?? []
        return HTTPResponse(status: 200, body: Array(fields.map { $0.0 + "=" + $0.1 }.joined(separator: "&").utf8))
    }
    return routes
}

/// The server every input talks to: Diagnostics, a method that authenticates its connection, a bidirectional echo,
/// and plain HTTP routes; short deadlines so a stalled input ends quickly.
let fuzzServer: Server = {
    var configuration = ServerConfiguration()
    configuration.unauthenticated = UnauthenticatedLimits()
    configuration.handshakeTimeoutSeconds = 1
    configuration.silentStreamTimeoutSeconds = 1
    var handlers = Diagnostics.handlers()
    handlers["/f.F/Login"] = .unary { request, context in
        context.connection.markAuthenticated()
        return request
    }
    handlers["/f.F/Echo"] = .bidirectionalStreaming { requests, writer, _ in
        for try await message in requests { try await writer.write(message) }
    }
    do {
        return try Server(handlers: handlers, routes: fuzzRoutes(), configuration: configuration)
    } catch {
        print("xieshang-fuzz-h2: cannot make the server: \(error)")
        exit(2)
    }
}()

let preface = Array("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".utf8)

/// Monotonic milliseconds.
func nowMs() -> Int {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return ts.tv_sec * 1000 + ts.tv_nsec / 1_000_000
}

/// Writes `input` to the server through a socketpair while reading what it answers, until the server closes its end
/// or stays quiet for 10 ms after the last byte was written (at most 2 s per input); then closes the client end.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = preface + (data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    var fds: [Int32] = [-1, -1]
    guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &fds) == 0 else { return 0 }
    let client = fds[1]
    fuzzServer.serve(connectedSocket: fds[0], peer: "fuzz")
    _ = fcntl(client, F_SETFL, fcntl(client, F_GETFL) | O_NONBLOCK)
    var sink = [UInt8](repeating: 0, count: 65536)
    var offset = 0
    let deadline = nowMs() + 2000
    while nowMs() < deadline {
        let writing = offset < input.count
        var p = pollfd(fd: client, events: Int16(POLLIN) | (writing ? Int16(POLLOUT) : 0), revents: 0)
        let ready = poll(&p, 1, writing ? 100 : 10)
        if ready < 0 { break }
        if ready == 0 && !writing { break }  // quiet after the whole input: done
        if p.revents & Int16(POLLOUT) != 0 && writing {
            let n = input.withUnsafeBytes { send(client, $0.baseAddress! + offset, input.count - offset, Int32(MSG_NOSIGNAL)) }
            if n > 0 { offset += n } else if n < 0 && errno != EAGAIN { offset = input.count }
        }
        if p.revents & (Int16(POLLIN) | Int16(POLLHUP) | Int16(POLLERR)) != 0 {
            let n = recv(client, &sink, sink.count, 0)
            if n == 0 || (n < 0 && errno != EAGAIN) { break }  // the server closed the connection
        }
    }
    close(client)
    return 0
}

guard xs_fuzzer_linked() != 0 else {
    print("xieshang-fuzz-h2 was built without libFuzzer; build it with -Xswiftc -sanitize=fuzzer (see `make fuzz`).")
    exit(2)
}
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(xs_fuzzer_run(&argc, &argv) { data, size in fuzzOneInput(data, size) })
