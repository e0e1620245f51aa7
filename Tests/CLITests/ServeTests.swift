import Foundation
import Testing

/// `policykb serve` as a real process on a free port, against a copy of the sample site.
@Suite(.serialized) struct ServeTests {
    @Test func anEditedReportShowsOnTheServedPageAndABrokenOneShowsItsErrorUntilFixed() throws {
        let site = try SampleSite()
        defer { site.remove() }
        #expect(try PolicyKBBinary.run(["ingest", "--site", site.root.path]).status == 0)
        let server = try ServeProcess(site: site.root)
        defer { server.stop() }
        try server.waitUntilServing()

        let home = try server.get("/")
        #expect(home.status == 200)
        #expect(home.body.contains("县域经济政策知识库"))
        #expect(home.body.contains("/__policykb/version"), "served HTML should carry the live-reload script")
        let onDisk = try String(contentsOf: site.url("public/index.html"), encoding: .utf8)
        #expect(!onDisk.contains("__policykb"), "the script must not be written into public/")

        let (file, page) = try Self.aReport(in: site)
        let versionBefore = try server.get("/__policykb/version").body
        try Self.setTitle("服务器测试的新标题", in: file)
        let edited = server.poll(page) { $0.status == 200 && $0.body.contains("服务器测试的新标题") }
        #expect(edited != nil && edited!.body.contains("服务器测试的新标题"), "the page should change: \(server.log)")
        let versionAfter = server.poll("/__policykb/version", timeout: 5) { $0.body != versionBefore }?.body
        #expect(versionAfter != nil && versionAfter != versionBefore, "the reload signal open pages poll should move on")
        // A page asked for in the instant between the new site going live and the version moving on
        // carries the old version (and reloads once more); once settled, it waits for the next one.
        #expect(try Self.aPageCarryingTheCurrentVersion(page, server: server) != nil,
                "the page served after the rebuild should wait for the next version: \(server.log)")

        try Self.setTitle("[没有闭合的方括号", in: file)
        let broken = server.poll(page) { $0.body.contains("policykb-build-error") }
        #expect(broken?.status == 500)
        #expect(broken?.body.contains(file.lastPathComponent) == true, "the error page should name the file")
        #expect(server.isRunning, "a content error must not stop the server")
        #expect(server.log.contains("error:"), "the error should be printed in the terminal too")

        try Self.setTitle("修好了的标题", in: file)
        let fixed = server.poll(page) { $0.status == 200 && $0.body.contains("修好了的标题") }
        #expect(fixed != nil && fixed!.body.contains("修好了的标题"), "fixing it should bring the page back: \(server.log)")
    }

    @Test func filesComeWithTheirTypesAndNothingOutsidePublicIsServed() throws {
        let site = try SampleSite()
        defer { site.remove() }
        let server = try ServeProcess(site: site.root)
        defer { server.stop() }
        try server.waitUntilServing()

        let css = try server.get("/assets/site.css")
        #expect(css.status == 200)
        #expect(css.headers["content-type"]?.hasPrefix("text/css") == true)
        #expect(!css.body.contains("__policykb"))
        #expect(try server.get("/topics/index.html").headers["content-type"]?.hasPrefix("text/html") == true)
        #expect(try server.get("/topics/").status == 200)
        #expect(try server.get("/topics").status == 301)
        #expect(try server.get("/no/such/page/").status == 404)

        for path in ["/../site.yml", "/topics/../../site.yml", "/%2e%2e/site.yml", "/..%2Fsite.yml"] {
            let reply = try server.get(path)
            #expect(reply.status != 200, "\(path) must be refused")
            #expect(!reply.body.contains("baseURL"), "\(path) must not serve site.yml")
        }
        #expect(server.isRunning)
    }

    @Test func aChangedTopicDescriptionIsPickedUpThoughTheTaxonomyIsKeptBetweenBuilds() throws {
        let site = try SampleSite()
        defer { site.remove() }
        let server = try ServeProcess(site: site.root)
        defer { server.stop() }
        try server.waitUntilServing()
        let topics = site.url("content/taxonomy/topics.yml")
        let text = try String(contentsOf: topics, encoding: .utf8)
        let old = "description: 政务服务、放管服改革、惠企政策与政商关系"
        #expect(text.contains(old))

        // A template change first: the build after it must still use the vocabulary in memory.
        let layout = site.url("templates/home.mustache")
        try (String(contentsOf: layout, encoding: .utf8) + "\n<p>首页模板改过了</p>\n").write(to: layout, atomically: true, encoding: .utf8)
        #expect(server.poll("/") { $0.body.contains("首页模板改过了") } != nil, "a template change should show: \(server.log)")

        try text.replacingOccurrences(of: old, with: "description: 测试用的新说明").write(to: topics, atomically: true, encoding: .utf8)
        let page = server.poll("/topics/") { $0.body.contains("测试用的新说明") }
        #expect(page?.body.contains("测试用的新说明") == true, "the vocabulary should be read again: \(server.log)")
    }

    /// Started by a program that blocks SIGTERM and SIGINT (their mask is inherited), serve still
    /// stops on them.
    @Test(arguments: [SIGTERM, SIGINT])
    func aStopSignalEndsServeThoughItsParentBlockedIt(signal: Int32) throws {
        let site = try SampleSite()
        defer { site.remove() }
        let server = try ServeProcess(site: site.root, blocking: [SIGTERM, SIGINT, SIGHUP])
        defer { server.stop() }
        try server.waitUntilServing()
        #expect(server.ends(after: signal), "serve should stop on signal \(signal): \(server.log)")
    }

    // MARK: - Helpers

    /// A report's Markdown file and the path its page is served at.
    static func aReport(in site: SampleSite) throws -> (URL, String) {
        let reports = site.files(under: "content/reports").filter { $0.hasSuffix(".md") }
        let pages = Set(site.files(under: "public/reports"))
        for report in reports {
            let slug = String(report.dropLast(3))
            if pages.contains("\(slug)/index.html") { return (site.url("content/reports/\(report)"), "/reports/\(slug)/") }
        }
        throw ServeProcess.Failure(message: "no report page named after its file")
    }

    /// Asks for the version, then the page, until the page carries the version asked for just before.
    static func aPageCarryingTheCurrentVersion(_ page: String, server: ServeProcess) throws -> HTTPReply? {
        for _ in 0..<20 {
            let version = try server.get("/__policykb/version").body.trimmingCharacters(in: .whitespacesAndNewlines)
            let reply = try server.get(page)
            if reply.body.contains("var v=\(version);") { return reply }
            Thread.sleep(forTimeInterval: 0.2)
        }
        return nil
    }

    static func setTitle(_ title: String, in file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        guard let index = lines.firstIndex(where: { $0.hasPrefix("title:") }) else { throw ServeProcess.Failure(message: "no title") }
        lines[index] = "title: \(title)"
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
    }
}
