import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Shared by the test targets that run pages in a browser.
///
/// Headless Chromium (Debian's `chromium`), used to read pages after their JavaScript has run.
public enum Chromium {
    public static var path: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The DOM after scripts ran, with a virtual time budget so no real waiting is needed.
    public static func dumpDOM(_ url: String, budgetMilliseconds: Int = 10_000) throws -> String {
        guard let path else { throw ChromiumMissing() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("policykb-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--user-data-dir=\(profile.path)", "--virtual-time-budget=\(budgetMilliseconds)", "--dump-dom", url,
        ]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    public struct ChromiumMissing: Error, CustomStringConvertible {
        public var description: String { "headless Chromium is not installed: scripts/install-deps --test installs it" }
    }
}

/// A static file server on the loopback interface (Python's http.server), for pages over HTTP.
/// Started with posix_spawn and stopped with SIGKILL and waitpid: Foundation's Process can wait
/// forever for a child that was started through a wrapper script.
public final class LocalHTTPServer {
    let pid: pid_t
    public let port: Int

    public init(serving folder: URL) throws {
        port = Int.random(in: 20_000..<60_000)
        let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? "/usr/bin/python3"
        let arguments = [python, "-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", folder.path]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, python, &actions, nil, &argv, environ)
        guard status == 0 else { throw CannotStart(code: status) }
        pid = child
        // Wait until it accepts connections (at most about ten seconds).
        for _ in 0..<100 {
            if Self.accepts(port: port) { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    public struct CannotStart: Error { public var code: Int32 }

    public var base: String { "http://127.0.0.1:\(port)/" }

    /// Whether something listens on the loopback port (a plain TCP connect).
    public static func accepts(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    deinit {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }
}
