#if canImport(Glibc)
import Glibc
#endif
import Foundation
@testable import Site
import Testing

/// The previous site is removed with `FolderRemover`, its work shared among workers as it is
/// found: every file and folder at every depth goes, and nothing a link points to outside.
struct FolderRemoverTests {
    private let manager = FileManager.default

    private func makeFolder() throws -> URL {
        let url = manager.temporaryDirectory.appendingPathComponent("remover-\(UUID().uuidString)")
        try manager.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A site-like tree: files at the top, many one-page folders, a deep folder with more files
    /// than one task takes, an empty folder, and links to a folder and a file outside it.
    private func makeTree(in parent: URL, outside: URL) throws -> URL {
        let top = parent.appendingPathComponent("public")
        func write(_ path: String) throws {
            let url = top.appendingPathComponent(path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(path.utf8).write(to: url)
        }
        try write("index.html")
        try write("sitemap.xml")
        for report in 0..<40 { try write("reports/report-\(report)/index.html") }
        for file in 0..<(FolderRemover.fileBatch * 2 + 7) { try write("search/d/\(file % 3)/\(file).js") }
        for file in 0..<(FolderRemover.fileBatch + 1) { try write("search/p/\(file).js") }
        try write("regions/a/b/c/d/e/index.html")
        try manager.createDirectory(at: top.appendingPathComponent("empty/inner"), withIntermediateDirectories: true)
        try manager.createSymbolicLink(atPath: top.appendingPathComponent("linked-folder").path, withDestinationPath: outside.path)
        try manager.createSymbolicLink(atPath: top.appendingPathComponent("reports/linked-file").path,
                                       withDestinationPath: outside.appendingPathComponent("kept.txt").path)
        return top
    }

    @Test(arguments: [1, 2, 4])
    func everythingUnderTheFolderGoesAndNothingOutsideIt(workers: Int) throws {
        let parent = try makeFolder()
        defer { try? manager.removeItem(at: parent) }
        let outside = parent.appendingPathComponent("outside")
        try manager.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("kept".utf8).write(to: outside.appendingPathComponent("kept.txt"))
        let top = try makeTree(in: parent, outside: outside)
        #expect(manager.enumerator(atPath: top.path)!.allObjects.count > 450)

        FolderRemover.remove(top.path, workers: workers)

        #expect(!manager.fileExists(atPath: top.path))
        #expect(try manager.contentsOfDirectory(atPath: parent.path) == ["outside"])
        #expect(try String(contentsOf: outside.appendingPathComponent("kept.txt"), encoding: .utf8) == "kept")
    }

    @Test func aFileOrAMissingPathIsHandledToo() throws {
        let parent = try makeFolder()
        defer { try? manager.removeItem(at: parent) }
        let file = parent.appendingPathComponent("file.txt")
        try Data("x".utf8).write(to: file)
        FolderRemover.remove(file.path)
        #expect(!manager.fileExists(atPath: file.path))
        FolderRemover.remove(parent.appendingPathComponent("missing").path)
        #expect(try manager.contentsOfDirectory(atPath: parent.path).isEmpty)
    }
}
