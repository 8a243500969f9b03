import CNghttp2

/// HPACK header-block coding through nghttp2's deflater and inflater, for code that speaks raw HTTP/2 frames
/// (the transport's protocol tests build malformed traffic with it). One instance per direction of a connection,
/// since HPACK keeps a dynamic table per direction.
final class HPACK {
    private var deflater: OpaquePointer?
    private var inflater: OpaquePointer?

    init() {
        nghttp2_hd_deflate_new(&deflater, 4096)
        nghttp2_hd_inflate_new(&inflater)
    }

    deinit {
        nghttp2_hd_deflate_del(deflater)
        nghttp2_hd_inflate_del(inflater)
    }

    /// Encodes a header list into one header block.
    func encode(_ headers: [(String, String)]) -> [UInt8] {
        var flat: [UInt8] = []
        for (n, v) in headers { flat += Array(n.utf8) + Array(v.utf8) }
        return flat.withUnsafeMutableBufferPointer { buf in
            var nv: [nghttp2_nv] = []
            var off = 0
            for (n, v) in headers {
                let nl = n.utf8.count, vl = v.utf8.count
                nv.append(nghttp2_nv(name: buf.baseAddress! + off, value: buf.baseAddress! + off + nl, namelen: nl,
                                     valuelen: vl, flags: UInt8(NGHTTP2_NV_FLAG_NONE.rawValue)))
                off += nl + vl
            }
            let bound = nghttp2_hd_deflate_bound(deflater, nv, nv.count)
            var out = [UInt8](repeating: 0, count: bound)
            let n = nghttp2_hd_deflate_hd(deflater, &out, bound, nv, nv.count)
            return n >= 0 ? Array(out[0..<n]) : []
        }
    }

    /// Decodes one complete header block; nil when it is not valid HPACK.
    func decode(_ block: [UInt8]) -> [(String, String)]? {
        var result: [(String, String)] = []
        var offset = 0
        while true {
            var nv = nghttp2_nv()
            var flags: Int32 = 0
            let n = block.withUnsafeBufferPointer { buf in
                nghttp2_hd_inflate_hd2(inflater, &nv, &flags, buf.baseAddress! + offset, buf.count - offset, 1)
            }
            if n < 0 { return nil }
            offset += n
            if flags & Int32(NGHTTP2_HD_INFLATE_EMIT.rawValue) != 0 {
                result.append((String(decoding: UnsafeBufferPointer(start: nv.name, count: nv.namelen), as: UTF8.self),
                               String(decoding: UnsafeBufferPointer(start: nv.value, count: nv.valuelen), as: UTF8.self)))
            }
            if flags & Int32(NGHTTP2_HD_INFLATE_FINAL.rawValue) != 0 {
                nghttp2_hd_inflate_end_headers(inflater)
                return result
            }
            if n == 0 && offset >= block.count { return nil }
        }
    }
}
