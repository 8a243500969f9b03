import Foundation
import XieshangAccounts
import XieshangStore

/// A fresh node database (made by the real store) with an account book on it, a manual clock, and small scrypt
/// parameters so tests run fast (the default parameters are measured separately).
struct TestBook {
    let directory: String
    let path: String
    let clock: ManualClock
    let book: AccountBook

    /// 2026-03-02 09:00 Beijing time.
    static let start: Int64 = 1_772_413_200_000

    init(_ label: String = "accounts", configure: (inout AccountsConfiguration) -> Void = { _ in }) throws {
        directory = NSTemporaryDirectory() + "xs-\(label)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        path = directory + "/node.db"
        _ = try Store(path: path)
        clock = ManualClock(startMs: TestBook.start)
        var configuration = AccountsConfiguration()
        configuration.scrypt = ScryptParameters(n: 16, r: 1, p: 1)
        configure(&configuration)
        book = try AccountBook(databasePath: path, configuration: configuration, clock: clock)
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }

    /// Adds `name` with `password` and changes it to `final` at first login; returns the started session.
    @discardableResult
    func activeUser(_ name: String, role: String = "clerk", password: String = "Initial-Pass-1", final: String = "Changed-Pass-2") async throws -> StartedSession {
        _ = try await book.addUser(username: name, displayName: "张三", role: role, initialPassword: password, actor: "os:test", source: "admin-socket")
        guard case .signedIn(let first) = await book.login(username: name, password: password, source: "10.0.0.1") else {
            throw TestFailure("first login of \(name) failed")
        }
        return try await book.changePassword(token: first.token, current: password, new: final, source: "10.0.0.1")
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
