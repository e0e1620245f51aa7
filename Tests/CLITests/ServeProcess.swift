import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `policykb serve` running as a real process, its output in a file. Started with posix_spawn and
/// stopped with SIGKILL and waitpid (Foundation's Process has hung waiting here).
final class ServeProcess {
    let pid: pid_t
    let output: URL
    private(set) var port = 0

    /// `blocking`: signals the process starts with blocked, as a parent that blocks them leaves them.
    init(site: URL, arguments: [String] = [], blocking: [Int32] = []) throws {
        output = FileManager.default.temporaryDirectory.appendingPathComponent("policykb-serve-\(UUID().uuidString).log")
        let binary = PolicyKBBinary.url.path
        let argumentList = [binary, "serve", "--port", "0", "--interval", "100", "--site", site.path] + arguments
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var argv: [UnsafeMutablePointer<CChar>?] = argumentList.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        if !blocking.isEmpty {
            var mask = sigset_t()
            sigemptyset(&mask)
            for signal in blocking { sigaddset(&mask, signal) }
            posix_spawnattr_setsigmask(&attributes, &mask)
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        }
        var child: pid_t = 0
        let status = posix_spawn(&child, binary, &actions, &attributes, &argv, environ)
        guard status == 0 else { throw Failure(message: "cannot start policykb serve: \(status)") }
        pid = child
    }

    /// Waits for the `serving http://127.0.0.1:PORT/` line; throws after the timeout.
    func waitUntilServing(timeout: TimeInterval = 60) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let text = log
            if let range = text.range(of: "serving http://127.0.0.1:") {
                let digits = text[range.upperBound...].prefix { $0.isNumber }
                if let number = Int(digits), number > 0 {
                    port = number
                    return
                }
            }
            guard isRunning else { throw Failure(message: "serve exited: \(text)") }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw Failure(message: "serve did not start in \(Int(timeout)) s: \(log)")
    }

    var log: String {
        (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    }

    var isRunning: Bool {
        var status: Int32 = 0
        return waitpid(pid, &status, WNOHANG) == 0
    }

    func get(_ path: String) throws -> HTTPReply {
        try HTTPReply.get(path, port: port)
    }

    /// Asks again until `condition` holds for the reply; the last reply when it never does.
    @discardableResult
    func poll(_ path: String, timeout: TimeInterval = 30, until condition: (HTTPReply) -> Bool) -> HTTPReply? {
        let deadline = Date().addingTimeInterval(timeout)
        var last: HTTPReply?
        while Date() < deadline {
            last = try? get(path)
            if let reply = last, condition(reply) { return reply }
            Thread.sleep(forTimeInterval: 0.2)
        }
        return last
    }

    /// Whether the process ends within `timeout` after `signal`.
    func ends(after signal: Int32, timeout: TimeInterval = 10) -> Bool {
        kill(pid, signal)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if !isRunning { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    func stop() {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        try? FileManager.default.removeItem(at: output)
    }

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}

/// One HTTP/1.1 exchange over a plain socket, sending the path exactly as given (so `..` reaches
/// the server), with a receive timeout so that nothing can wait forever.
struct HTTPReply {
    var status: Int
    var headers: [String: String]
    var body: String

    static func get(_ path: String, port: Int, timeoutSeconds: Int = 5) throws -> HTTPReply {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServeProcess.Failure(message: "no socket") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        guard connected else { throw ServeProcess.Failure(message: "cannot connect to port \(port)") }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
        guard send(fd, request, request.count, 0) == request.count else { throw ServeProcess.Failure(message: "cannot send") }

        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            data.append(contentsOf: buffer[0..<count])
            if let reply = parse(data), let length = reply.contentLength, reply.bodyBytes >= length { break }
        }
        guard let reply = parse(data) else { throw ServeProcess.Failure(message: "no HTTP reply for \(path)") }
        return reply.reply
    }

    private static func parse(_ data: Data) -> (reply: HTTPReply, contentLength: Int?, bodyBytes: Int)? {
        guard let split = data.range(of: Data("\r\n\r\n".utf8)) else { return nil }
        let head = String(decoding: data[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        guard let statusLine = head.first, statusLine.hasPrefix("HTTP/") else { return nil }
        let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let body = data[split.upperBound...]
        let reply = HTTPReply(status: status, headers: headers, body: String(decoding: body, as: UTF8.self))
        return (reply, headers["content-length"].flatMap { Int($0) }, body.count)
    }
}
