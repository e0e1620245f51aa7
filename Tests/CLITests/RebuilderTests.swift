import Foundation
import Testing
@testable import PolicyKBCommands
import Site

/// `serve` rebuilds with `Rebuilder`: after an edit to one report only that report's page is
/// rendered again, and a template edit renders the pages that use it.
struct RebuilderTests {
    @Test func aServedSiteRebuildsOnlyWhatChanged() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("policykb-rebuild-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        for item in ["site.yml", "templates", "content/reports", "content/taxonomy"] {
            try FileManager.default.copyItem(at: PolicyKBBinary.repoRoot.appendingPathComponent(item), to: root.appendingPathComponent(item))
        }
        var rebuilder = Rebuilder(root: root, console: Console(quiet: true, verbose: false))
        #expect(rebuilder.build(changed: []) == nil)
        let first = try #require(rebuilder.lastBuild)
        #expect(first.pagesReused == 0)

        let reports = root.appendingPathComponent("content/reports")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: reports.path).filter { $0.hasSuffix(".md") }.sorted().first)
        let handle = try FileHandle(forWritingTo: reports.appendingPathComponent(name))
        handle.seekToEndOfFile()
        handle.write(Data("\n预览时追加的一段。\n".utf8))
        try handle.close()
        #expect(rebuilder.build(changed: ["content/reports/" + name]) == nil)
        let edited = try #require(rebuilder.lastBuild)
        #expect(edited.pagesRendered == 1)
        #expect(edited.pagesReused == first.pagesRendered - 1)
        #expect(edited.searchPatched)
        let page = try String(contentsOf: root.appendingPathComponent("public/reports/\(name.dropLast(3))/index.html"), encoding: .utf8)
        #expect(page.contains("预览时追加的一段。"))

        let template = root.appendingPathComponent("templates/search.mustache")
        try (try String(contentsOf: template, encoding: .utf8) + "\n<p>搜索说明</p>\n").write(to: template, atomically: true, encoding: .utf8)
        #expect(rebuilder.build(changed: ["templates/search.mustache"]) == nil)
        #expect(rebuilder.lastBuild?.pagesRendered == 1)
    }
}
