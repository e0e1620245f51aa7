import Foundation

/// Headless Chromium (Debian's `chromium`), used to read pages after their JavaScript has run.
enum Chromium {
    static var path: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The DOM after scripts ran, with a virtual time budget so no real waiting is needed.
    static func dumpDOM(_ url: String, budgetMilliseconds: Int = 10_000) throws -> String {
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

    struct ChromiumMissing: Error, CustomStringConvertible {
        var description: String { "headless Chromium is not installed: scripts/install-deps --test installs it" }
    }
}

/// A static file server on the loopback interface (Python's http.server), for pages over HTTP.
final class LocalHTTPServer {
    let process = Process()
    let port: Int

    init(serving folder: URL) throws {
        port = Int.random(in: 20_000..<60_000)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", folder.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until it answers (at most about five seconds).
        for _ in 0..<50 {
            if (try? String(contentsOf: URL(string: "http://127.0.0.1:\(port)/")!, encoding: .utf8)) != nil { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    var base: String { "http://127.0.0.1:\(port)/" }

    deinit {
        process.terminate()
        process.waitUntilExit()
    }
}
