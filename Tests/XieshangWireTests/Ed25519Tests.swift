import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import XieshangWire

/// RFC 8032 §7.1, tests 1–3: seed → public key, and the exact signature.
struct Ed25519Tests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let name: String, seed: String, publicKey: String, message: String, signature: String
        var testDescription: String { name }
    }

    static let rfc8032: [Vector] = [
        Vector(name: "TEST 1",
               seed: "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
               publicKey: "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
               message: "",
               signature: "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
        Vector(name: "TEST 2",
               seed: "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
               publicKey: "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
               message: "72",
               signature: "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"),
        Vector(name: "TEST 3",
               seed: "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
               publicKey: "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
               message: "af82",
               signature: "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"),
    ]

    @Test(arguments: rfc8032)
    func rfc8032Vector(_ v: Vector) throws {
        let key = try Ed25519.PrivateKey(seed: bytes(fromHex: v.seed)!)
        #expect(hexString(key.publicKey.rawRepresentation) == v.publicKey)
        let message = bytes(fromHex: v.message)!
        let signature = try key.signature(for: message)
        #expect(hexString(signature) == v.signature)
        #expect(key.publicKey.isValidSignature(signature, for: message))
    }

    @Test func flippedBitsAndWrongKeyFail() throws {
        let key = try Ed25519.PrivateKey()
        let other = try Ed25519.PrivateKey()
        let body = Array("政协 社情民意 body".utf8)
        let signature = try key.signature(for: body)
        #expect(key.publicKey.isValidSignature(signature, for: body))
        for bit in [0, 7, 100, body.count * 8 - 1] {
            var flipped = body
            flipped[bit / 8] ^= UInt8(1 << (bit % 8))
            #expect(!key.publicKey.isValidSignature(signature, for: flipped), "body bit \(bit)")
        }
        for bit in [0, 255, 256, 511] {
            var flipped = signature
            flipped[bit / 8] ^= UInt8(1 << (bit % 8))
            #expect(!key.publicKey.isValidSignature(flipped, for: body), "signature bit \(bit)")
        }
        #expect(!other.publicKey.isValidSignature(signature, for: body))
        #expect(throws: WireError.self) { try other.publicKey.verify(signature, for: body) }
        #expect(!key.publicKey.isValidSignature(Array(signature.prefix(63)), for: body))
    }

    @Test func publicKeyTextRoundTrips() throws {
        let key = try Ed25519.PrivateKey()
        let text = key.publicKey.text
        #expect(text.hasPrefix("ed25519:"))
        #expect(try Ed25519.PublicKey(text: text) == key.publicKey)
        #expect(throws: WireError.self) { try Ed25519.PublicKey(text: "ed25519:not-base64!") }
    }
}

struct KeyFileTests {
    func tempPath(_ name: String) -> String {
        var template = Array("/tmp/xs-keyfile-XXXXXX".utf8CString)
        let dir = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
        return dir + "/" + name
    }

    @Test func saveThenLoadGivesTheSameKeyWithMode0600() throws {
        let path = tempPath("node.key")
        let key = try Ed25519.PrivateKey()
        try KeyFile.save(key, to: path)
        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        let loaded = try KeyFile.load(from: path)
        #expect(loaded.seed == key.seed)
        #expect(loaded.publicKey == key.publicKey)
        // A node's identity is never silently replaced.
        #expect(throws: WireError.self) { try KeyFile.save(try Ed25519.PrivateKey(), to: path) }
    }

    @Test func aKeyReadableByOthersIsRefusedWithTheFix() throws {
        let path = tempPath("node.key")
        try KeyFile.save(try Ed25519.PrivateKey(), to: path)
        chmod(path, 0o644)
        let error = #expect(throws: WireError.self) { try KeyFile.load(from: path) }
        #expect(error?.code == .keyFile)
        #expect(error?.message.contains(path) == true)
        #expect(error?.message.contains("chmod 600") == true)
    }

    @Test func missingAndMalformedKeyFilesAreClearErrors() throws {
        let missing = tempPath("absent.key")
        let e1 = #expect(throws: WireError.self) { try KeyFile.load(from: missing) }
        #expect(e1?.path == missing)
        let garbage = tempPath("garbage.key")
        let fd = open(garbage, O_WRONLY | O_CREAT, 0o600)
        _ = write(fd, "hello", 5)
        close(fd)
        let e2 = #expect(throws: WireError.self) { try KeyFile.load(from: garbage) }
        #expect(e2?.message.contains("not an Ed25519 private key") == true)
    }
}
