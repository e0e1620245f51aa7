import Foundation

/// Runs the built `policykb` executable the way a user runs it.
struct PolicyKBBinary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The repository's root, found from this file's location.
    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `swift test` builds the executable next to the test bundle.
    static var url: URL {
        let products = Bundle.main.bundleURL
        let candidates = [products, products.deletingLastPathComponent()]
        for folder in candidates {
            let binary = folder.appendingPathComponent("policykb")
            if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        }
        return products.appendingPathComponent("policykb")
    }

    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes while the process runs so that a full pipe cannot block it.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A temporary copy of the sample knowledge base (site.yml, content/raw, content/taxonomy, templates).
struct SampleSite {
    let root: URL

    init() throws {
        let fm = FileManager.default
        root = fm.temporaryDirectory.appendingPathComponent("policykb-cli-\(UUID().uuidString)")
        try fm.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        let repo = PolicyKBBinary.repoRoot
        for item in ["site.yml", "templates", "content/raw", "content/taxonomy"] {
            let source = repo.appendingPathComponent(item)
            if fm.fileExists(atPath: source.path) {
                try fm.copyItem(at: source, to: root.appendingPathComponent(item))
            }
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    func url(_ path: String) -> URL {
        root.appendingPathComponent(path)
    }

    func files(under path: String) -> [String] {
        let base = url(path)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return [] }
        var result: [String] = []
        for case let file as URL in walker where !file.hasDirectoryPath {
            result.append(String(file.path.dropFirst(base.path.count + 1)))
        }
        return result.sorted()
    }
}
