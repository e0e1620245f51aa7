import Foundation
import Testing
@testable import Preview

/// The preview server's pieces, without a socket: which file a path means, the reload script,
/// and the watcher that notices edits.
@Suite struct SiteFilesTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("policykb-preview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("public/topics"), withIntermediateDirectories: true)
        try "home".write(to: folder.appendingPathComponent("public/index.html"), atomically: true, encoding: .utf8)
        try "topics".write(to: folder.appendingPathComponent("public/topics/index.html"), atomically: true, encoding: .utf8)
        try "baseURL: secret".write(to: folder.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
    }

    var files: SiteFiles { SiteFiles(folder: folder.appendingPathComponent("public")) }

    @Test func aFolderMeansItsIndexAndAFolderWithoutItsSlashIsRedirected() {
        #expect(files.lookup("/") == .file(files.folder.appendingPathComponent("index.html")))
        #expect(files.lookup("/topics/") == .file(files.folder.appendingPathComponent("topics/index.html")))
        #expect(files.lookup("/topics") == .redirect("/topics/"))
        #expect(files.lookup("/topics/index.html?q=1") == .file(files.folder.appendingPathComponent("topics/index.html")))
        #expect(files.lookup("/nothing/here.html") == .missing)
    }

    @Test(arguments: ["/../site.yml", "/topics/../../site.yml", "/%2e%2e/site.yml", "/..%2Fsite.yml", "/topics/%2E%2E/%2E%2E/site.yml"])
    func aPathThatLeavesTheSiteIsRefused(path: String) {
        #expect(files.lookup(path) == .refused)
    }

    @Test func aSymbolicLinkOutOfTheSiteIsRefused() throws {
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("public/leak.yml"), withDestinationURL: folder.appendingPathComponent("site.yml"))
        #expect(files.lookup("/leak.yml") == .refused)
    }

    @Test func contentTypesFollowTheExtension() {
        #expect(ContentType.forExtension("html").hasPrefix("text/html"))
        #expect(ContentType.forExtension("css").hasPrefix("text/css"))
        #expect(ContentType.forExtension("js").hasPrefix("text/javascript"))
        #expect(ContentType.forExtension("json").hasPrefix("application/json"))
        #expect(ContentType.forExtension("xml").hasPrefix("application/xml"))
        #expect(ContentType.forExtension("svg") == "image/svg+xml")
        #expect(ContentType.forExtension("PNG") == "image/png")
    }
}

@Suite struct LiveReloadTests {
    @Test func theScriptGoesJustBeforeTheBodyEnds() {
        let page = LiveReload.inject(into: "<html><body><p>正文</p></body></html>", version: 7)
        #expect(page.hasPrefix("<html><body><p>正文</p><script>"))
        #expect(page.hasSuffix("</script></body></html>"))
        #expect(page.contains("var v=7;"))
    }

    @Test func theErrorPageEscapesTheDiagnostics() {
        let page = LiveReload.errorPage("a.md:2:1: error: <script>alert(1)</script> & \"x\"", version: 3)
        #expect(page.contains("a.md:2:1: error: &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"))
        #expect(!page.contains("<script>alert"))
        #expect(page.contains(LiveReload.versionPath))
    }

    @Test func everyFinishedBuildMovesTheVersionOn() {
        let state = BuildState()
        state.finished(failure: "bad.md:1: error: x")
        #expect(state.version == 1 && state.failure != nil)
        state.finished(failure: nil)
        #expect(state.version == 2 && state.failure == nil)
    }
}

@Suite struct SourceWatcherTests {
    @Test func anEditedAddedOrRemovedFileIsAChangeAndAFileInPublicIsNot() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("policykb-watch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/reports"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("public"), withIntermediateDirectories: true)
        let report = root.appendingPathComponent("content/reports/a.md")
        try "---\ntitle: 甲\n---\n".write(to: report, atomically: true, encoding: .utf8)
        let watcher = SourceWatcher(root: root)
        let before = watcher.snapshot()

        try "x".write(to: root.appendingPathComponent("public/index.html"), atomically: true, encoding: .utf8)
        #expect(watcher.snapshot().changes(since: before).isEmpty)

        try "---\ntitle: 甲乙\n---\n".write(to: report, atomically: true, encoding: .utf8)
        try "title: t".write(to: root.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        #expect(watcher.snapshot().changes(since: before) == ["content/reports/a.md", "site.yml"])

        try FileManager.default.removeItem(at: report)
        #expect(watcher.snapshot().changes(since: before) == ["content/reports/a.md", "site.yml"])
    }
}
