import CNghttp2

/// What an ``HTTP2Session`` reports while it parses the peer's bytes. Called on the reactor thread, from inside
/// `nghttp2_session_mem_recv` / `mem_send`; implementations only record what happened (they never call back
/// into the session's recv/send).
protocol HTTP2SessionDelegate: AnyObject {
    /// A HEADERS frame began a new stream (server) or a response header block (client).
    func streamHeadersBegan(_ streamID: Int32)
    /// One header field. Returning false resets just this stream; throwing fails the whole connection (the session
    /// stores the error and ``HTTP2Session/receive(_:)`` rethrows it once `mem_recv` has returned).
    func header(_ streamID: Int32, name: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>)
        throws(TransportError) -> Bool
    /// A header block ended; `endStream` when it also ended the peer's side.
    func headersComplete(_ streamID: Int32, endStream: Bool)
    /// Body bytes of a stream.
    func data(_ streamID: Int32, _ bytes: UnsafeRawBufferPointer)
    /// The peer ended its side of the stream with a DATA frame.
    func peerEnded(_ streamID: Int32)
    /// The stream is closed; `errorCode` is the HTTP/2 error code (0 = NO_ERROR).
    func streamClosed(_ streamID: Int32, errorCode: UInt32)
    /// Copies outgoing body bytes of `streamID` into `buffer`.
    /// - Returns: bytes copied, whether the body is complete, whether trailers follow; nil to defer.
    func readBody(_ streamID: Int32, into buffer: UnsafeMutableRawBufferPointer) -> (count: Int, eof: Bool)?
    /// The peer sent GOAWAY.
    func goawayReceived(lastStreamID: Int32)
    /// A HEADERS frame that ended our side of a stream went out.
    func endStreamSent(_ streamID: Int32)
    /// The peer's SETTINGS frame (not an ACK) arrived; for a server, the first one follows the client's preface.
    func settingsReceived()
    /// Whether a server's body of `streamID` ends the stream itself (plain HTTP) instead of being followed by
    /// trailers (gRPC).
    func bodyEndsStream(_ streamID: Int32) -> Bool
}

extension HTTP2SessionDelegate {
    /// gRPC everywhere but a server's HTTP routes: trailers follow.
    func bodyEndsStream(_ streamID: Int32) -> Bool { false }
}

/// One nghttp2 session (server or client) fed with `mem_recv` and drained with `mem_send`, so nghttp2 never touches
/// a socket. The C callbacks are capture-free and find `self` through nghttp2's `user_data` (an unretained
/// pointer: the owning connection keeps the session alive and frees it in `deinit`).
///
/// Confined to the reactor thread.
final class HTTP2Session {
    private var session: OpaquePointer?
    unowned let delegate: HTTP2SessionDelegate
    /// A protocol error recorded inside a callback, rethrown after `mem_recv` returns.
    private var pendingError: TransportError?
    let isServer: Bool

    /// Limits announced to the peer in SETTINGS.
    struct Settings {
        var maxConcurrentStreams: UInt32
        var initialWindowSize: UInt32
        var maxHeaderListSize: UInt32
    }

    init(server: Bool, delegate: HTTP2SessionDelegate, settings: Settings) throws(TransportError) {
        self.isServer = server
        self.delegate = delegate
        var callbacks: OpaquePointer?
        nghttp2_session_callbacks_new(&callbacks)
        defer { nghttp2_session_callbacks_del(callbacks) }
        nghttp2_session_callbacks_set_on_begin_headers_callback(callbacks, onBeginHeaders)
        nghttp2_session_callbacks_set_on_header_callback(callbacks, onHeader)
        nghttp2_session_callbacks_set_on_frame_recv_callback(callbacks, onFrameRecv)
        nghttp2_session_callbacks_set_on_data_chunk_recv_callback(callbacks, onDataChunk)
        nghttp2_session_callbacks_set_on_stream_close_callback(callbacks, onStreamClose)
        nghttp2_session_callbacks_set_on_frame_send_callback(callbacks, onFrameSend)
        var option: OpaquePointer?
        nghttp2_option_new(&option)
        defer { nghttp2_option_del(option) }
        // Stream windows are reopened only when the application takes messages (backpressure); see consume().
        nghttp2_option_set_no_auto_window_update(option, 1)
        nghttp2_option_set_max_send_header_block_length(option, 64 * 1024)
        let user = Unmanaged.passUnretained(self).toOpaque()
        let rc = server
            ? nghttp2_session_server_new2(&session, callbacks, user, option)
            : nghttp2_session_client_new2(&session, callbacks, user, option)
        guard rc == 0 else {
            throw TransportError(.protocolViolation, status: .internal, "nghttp2 session creation failed",
                                 cause: String(cString: nghttp2_strerror(rc)))
        }
        var iv = [
            nghttp2_settings_entry(settings_id: Int32(NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS.rawValue),
                                   value: settings.maxConcurrentStreams),
            nghttp2_settings_entry(settings_id: Int32(NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE.rawValue),
                                   value: settings.initialWindowSize),
            nghttp2_settings_entry(settings_id: Int32(NGHTTP2_SETTINGS_MAX_HEADER_LIST_SIZE.rawValue),
                                   value: settings.maxHeaderListSize),
        ]
        if !server { iv[0].value = 100 }
        _ = nghttp2_submit_settings(session, UInt8(NGHTTP2_FLAG_NONE.rawValue), &iv, iv.count)
        // A larger connection window than the 64 KiB default, so many streams can make progress at once.
        _ = nghttp2_session_set_local_window_size(session, UInt8(NGHTTP2_FLAG_NONE.rawValue), 0, 4 * 1024 * 1024)
    }

    deinit { nghttp2_session_del(session) }

    /// Feeds bytes read from the socket.
    /// - Throws: ``TransportError`` `.protocolViolation` when the peer broke HTTP/2 (the connection must close).
    func receive(_ bytes: UnsafeRawBufferPointer) throws(TransportError) {
        let rc = nghttp2_session_mem_recv(session, bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count)
        if let e = pendingError {
            pendingError = nil
            throw e
        }
        if rc < 0 {
            throw TransportError(.protocolViolation, status: .unavailable,
                                 "the peer broke the HTTP/2 protocol; closing the connection",
                                 cause: String(cString: nghttp2_strerror(Int32(rc))))
        }
    }

    /// Appends frames nghttp2 wants to send to `out` until it has no more or `out` holds `limit` bytes.
    func produce(into out: inout [UInt8], limit: Int) throws(TransportError) {
        while out.count < limit {
            var ptr: UnsafePointer<UInt8>?
            let n = nghttp2_session_mem_send(session, &ptr)
            if n < 0 {
                throw TransportError(.protocolViolation, status: .internal, "nghttp2_session_mem_send failed",
                                     cause: String(cString: nghttp2_strerror(Int32(n))))
            }
            if n == 0 { break }
            out.append(contentsOf: UnsafeBufferPointer(start: ptr, count: n))
        }
    }

    var wantsRead: Bool { nghttp2_session_want_read(session) != 0 }
    var wantsWrite: Bool { nghttp2_session_want_write(session) != 0 }

    /// Reopens `n` bytes of the stream's and connection's receive window.
    func consume(_ streamID: Int32, _ n: Int) {
        guard n > 0 else { return }
        _ = nghttp2_session_consume(session, streamID, n)
    }

    /// Reopens `n` bytes of the connection window only (the stream's stays closed: the reader is slow).
    func consumeConnection(_ n: Int) {
        guard n > 0 else { return }
        _ = nghttp2_session_consume_connection(session, n)
    }

    /// Reopens `n` bytes of one stream's window.
    func consumeStream(_ streamID: Int32, _ n: Int) {
        guard n > 0 else { return }
        _ = nghttp2_session_consume_stream(session, streamID, n)
    }

    /// Calls `body` with `headers` as an nghttp2_nv array (nghttp2 copies them during submit).
    private func withNV<R>(_ headers: [(String, [UInt8])], _ body: (UnsafePointer<nghttp2_nv>, Int) -> R) -> R {
        var flat: [UInt8] = []
        for (n, v) in headers { flat.append(contentsOf: n.utf8); flat.append(contentsOf: v) }
        return flat.withUnsafeMutableBufferPointer { buf in
            var nv: [nghttp2_nv] = []
            nv.reserveCapacity(headers.count)
            var off = 0
            for (n, v) in headers {
                let nl = n.utf8.count
                nv.append(nghttp2_nv(name: buf.baseAddress! + off, value: buf.baseAddress! + off + nl, namelen: nl,
                                     valuelen: v.count, flags: UInt8(NGHTTP2_NV_FLAG_NONE.rawValue)))
                off += nl + v.count
            }
            return nv.withUnsafeBufferPointer { body($0.baseAddress!, $0.count) }
        }
    }

    private func provider() -> nghttp2_data_provider {
        var p = nghttp2_data_provider()
        p.read_callback = readCallback
        return p
    }

    /// Submits response headers; with `body` a data provider reads the stream's queued bytes.
    func submitResponse(_ streamID: Int32, headers: [(String, [UInt8])], body: Bool) {
        var p = provider()
        withNV(headers) { nv, n in
            _ = body ? nghttp2_submit_response(session, streamID, nv, n, &p)
                : nghttp2_submit_response(session, streamID, nv, n, nil)
        }
    }

    /// Submits a request; the body is read through the data provider.
    /// - Returns: the new stream id, or a negative nghttp2 error.
    func submitRequest(headers: [(String, [UInt8])]) -> Int32 {
        var p = provider()
        return withNV(headers) { nv, n in nghttp2_submit_request(session, nil, nv, n, &p, nil) }
    }

    /// Submits trailers that end the stream (called from readBody when a body completes).
    func submitTrailers(_ streamID: Int32, _ headers: [(String, [UInt8])]) {
        withNV(headers) { nv, n in _ = nghttp2_submit_trailer(session, streamID, nv, n) }
    }

    /// Announces a new SETTINGS_MAX_CONCURRENT_STREAMS (raised when a connection's peer authenticates).
    func announceMaxConcurrentStreams(_ n: UInt32) {
        var iv = [nghttp2_settings_entry(settings_id: Int32(NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS.rawValue), value: n)]
        _ = nghttp2_submit_settings(session, UInt8(NGHTTP2_FLAG_NONE.rawValue), &iv, iv.count)
    }

    /// Resumes a body that was deferred.
    func resume(_ streamID: Int32) { _ = nghttp2_session_resume_data(session, streamID) }

    /// Resets one stream.
    func reset(_ streamID: Int32, errorCode: UInt32) {
        _ = nghttp2_submit_rst_stream(session, UInt8(NGHTTP2_FLAG_NONE.rawValue), streamID, errorCode)
    }

    /// Sends GOAWAY naming the last stream this side processed, so later streams are refused.
    func goaway(errorCode: UInt32 = 0) {
        let last = nghttp2_session_get_last_proc_stream_id(session)
        _ = nghttp2_submit_goaway(session, UInt8(NGHTTP2_FLAG_NONE.rawValue), last, errorCode, nil, 0)
    }

    /// Sends GOAWAY and ends the session (after pending frames).
    func terminate(errorCode: UInt32) { _ = nghttp2_session_terminate_session(session, errorCode) }

    fileprivate func fail(_ e: TransportError) -> Int32 {
        if pendingError == nil { pendingError = e }
        return NGHTTP2_ERR_CALLBACK_FAILURE.rawValue
    }
}

@inline(__always)
private func session(_ user: UnsafeMutableRawPointer?) -> HTTP2Session {
    Unmanaged<HTTP2Session>.fromOpaque(user!).takeUnretainedValue()
}

private func onBeginHeaders(_ s: OpaquePointer?, _ frame: UnsafePointer<nghttp2_frame>?,
                            _ user: UnsafeMutableRawPointer?) -> Int32 {
    let h = session(user)
    h.delegate.streamHeadersBegan(frame!.pointee.hd.stream_id)
    return 0
}

private func onHeader(_ s: OpaquePointer?, _ frame: UnsafePointer<nghttp2_frame>?, _ name: UnsafePointer<UInt8>?,
                      _ namelen: Int, _ value: UnsafePointer<UInt8>?, _ valuelen: Int, _ flags: UInt8,
                      _ user: UnsafeMutableRawPointer?) -> Int32 {
    let h = session(user)
    do {
        let ok = try h.delegate.header(frame!.pointee.hd.stream_id, name: UnsafeBufferPointer(start: name, count: namelen),
                                       value: UnsafeBufferPointer(start: value, count: valuelen))
        // Refusing one header resets just that stream (nghttp2 sends RST_STREAM), not the connection.
        return ok ? 0 : NGHTTP2_ERR_TEMPORAL_CALLBACK_FAILURE.rawValue
    } catch {
        return h.fail(error)
    }
}

private func onFrameRecv(_ s: OpaquePointer?, _ frame: UnsafePointer<nghttp2_frame>?,
                         _ user: UnsafeMutableRawPointer?) -> Int32 {
    let h = session(user)
    let hd = frame!.pointee.hd
    let endStream = hd.flags & UInt8(NGHTTP2_FLAG_END_STREAM.rawValue) != 0
    switch UInt32(hd.type) {
    case NGHTTP2_HEADERS.rawValue:
        h.delegate.headersComplete(hd.stream_id, endStream: endStream)
    case NGHTTP2_DATA.rawValue:
        if endStream { h.delegate.peerEnded(hd.stream_id) }
    case NGHTTP2_GOAWAY.rawValue:
        h.delegate.goawayReceived(lastStreamID: frame!.pointee.goaway.last_stream_id)
    case NGHTTP2_SETTINGS.rawValue:
        if hd.flags & UInt8(NGHTTP2_FLAG_ACK.rawValue) == 0 { h.delegate.settingsReceived() }
    default:
        break
    }
    return 0
}

private func onDataChunk(_ s: OpaquePointer?, _ flags: UInt8, _ streamID: Int32, _ data: UnsafePointer<UInt8>?,
                         _ len: Int, _ user: UnsafeMutableRawPointer?) -> Int32 {
    let h = session(user)
    h.delegate.data(streamID, UnsafeRawBufferPointer(start: data, count: len))
    return 0
}

private func onStreamClose(_ s: OpaquePointer?, _ streamID: Int32, _ errorCode: UInt32,
                           _ user: UnsafeMutableRawPointer?) -> Int32 {
    session(user).delegate.streamClosed(streamID, errorCode: errorCode)
    return 0
}

private func onFrameSend(_ s: OpaquePointer?, _ frame: UnsafePointer<nghttp2_frame>?,
                         _ user: UnsafeMutableRawPointer?) -> Int32 {
    let hd = frame!.pointee.hd
    if UInt32(hd.type) == NGHTTP2_HEADERS.rawValue && hd.flags & UInt8(NGHTTP2_FLAG_END_STREAM.rawValue) != 0 {
        session(user).delegate.endStreamSent(hd.stream_id)
    }
    return 0
}

private func readCallback(_ s: OpaquePointer?, _ streamID: Int32, _ buf: UnsafeMutablePointer<UInt8>?, _ length: Int,
                          _ dataFlags: UnsafeMutablePointer<UInt32>?, _ source: UnsafeMutablePointer<nghttp2_data_source>?,
                          _ user: UnsafeMutableRawPointer?) -> Int {
    let h = session(user)
    guard let r = h.delegate.readBody(streamID, into: UnsafeMutableRawBufferPointer(start: buf, count: length)) else {
        return Int(NGHTTP2_ERR_DEFERRED.rawValue)
    }
    if r.eof {
        dataFlags!.pointee |= NGHTTP2_DATA_FLAG_EOF.rawValue
        // The server ends with trailers (grpc-status), so the DATA frame must not carry END_STREAM; the delegate
        // submitted the trailers from readBody. A client's request body ends with END_STREAM on DATA.
        if h.isServer && !h.delegate.bodyEndsStream(streamID) { dataFlags!.pointee |= NGHTTP2_DATA_FLAG_NO_END_STREAM.rawValue }
    }
    return r.count
}
