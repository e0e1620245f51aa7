import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `policykb` executable the way a user runs it.
enum PolicyKB {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// The diagnostics printed on standard error, one a line.
        var errors: [String] { stderr.split(separator: "\n").map(String.init).filter { $0.contains(": error: ") } }
    }

    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `swift test` builds the executable next to the test bundle.
    static var url: URL {
        let products = Bundle.main.bundleURL
        for folder in [products, products.deletingLastPathComponent()] {
            let binary = folder.appendingPathComponent("policykb")
            if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        }
        return products.appendingPathComponent("policykb")
    }

    static func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Starts `policykb` with its output discarded and returns its process id (for SIGKILL).
    static func spawn(_ arguments: [String]) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var argv: [UnsafeMutablePointer<CChar>?] = ([url.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        _ = posix_spawn(&pid, url.path, &actions, nil, &argv, environ)
        return pid
    }

    /// Kills a spawned process and reaps it; returns whether it had already finished.
    @discardableResult
    static func kill(_ pid: pid_t) -> Bool {
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid { return true }
        Glibc.kill(pid, SIGKILL)
        waitpid(pid, &status, 0)
        return false
    }
}

/// A knowledge base written into a temporary folder from a small map of files (Hugo-style), with
/// the repository's templates and taxonomy unless the map brings its own.
struct InlineSite {
    let root: URL

    static let siteYML = """
        title: 测试知识库
        description: 测试。
        baseURL: https://example.org/kb/
        language: zh-CN

        """

    init(_ files: [String: String] = [:], taxonomy: Bool = true) throws {
        let fm = FileManager.default
        root = fm.temporaryDirectory.appendingPathComponent("policykb-hardening-\(UUID().uuidString)")
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        try fm.copyItem(at: PolicyKB.repoRoot.appendingPathComponent("templates"), to: url("templates"))
        if taxonomy {
            try fm.createDirectory(at: url("content"), withIntermediateDirectories: true)
            try fm.copyItem(at: PolicyKB.repoRoot.appendingPathComponent("content/taxonomy"), to: url("content/taxonomy"))
        }
        try write(Self.siteYML, to: "site.yml")
        for (path, text) in files { try write(text, to: path) }
    }

    /// A knowledge base already in `root` (a generated corpus).
    init(root: URL) {
        self.root = root
    }

    func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    func write(_ data: Data, to path: String) throws {
        let file = url(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }

    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: url(path).path).map { String(decoding: $0, as: UTF8.self) }
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    func build() throws -> PolicyKB.Result { try PolicyKB.run(["build", "--site", root.path]) }
    func ingest(_ extra: [String] = []) throws -> PolicyKB.Result { try PolicyKB.run(["ingest", "--site", root.path] + extra) }

    /// Every file under `path` (relative) with its bytes.
    func listing(_ path: String) -> [String: Data] {
        let base = url(path).path
        var files: [String: Data] = [:]
        for entry in FileManager.default.enumerator(atPath: base)?.allObjects as? [String] ?? [] {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: base + "/" + entry, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            files[entry] = FileManager.default.contents(atPath: base + "/" + entry) ?? Data()
        }
        return files
    }

    /// Every path in the whole temporary folder, to see what was written where.
    func allPaths() -> Set<String> {
        Set(FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? [])
    }

    /// A report file with the given front matter lines and body.
    static func report(_ frontMatter: String, body: String = "近年来，全县坚持把招商引资作为经济工作的生命线。") -> String {
        "---\n\(frontMatter)\n---\n\n\(body)\n"
    }
}
