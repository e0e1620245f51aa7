import Foundation
import TestSupport
import Testing

/// The search page, run in headless Chromium from disk and over HTTP, shows the same results in
/// the same order as `policykb search --json`.
@Suite(.serialized) struct SearchPageTests {
    /// The sample corpus, ingested and built once for the whole suite.
    /// A failure fails the tests that read it, not the whole test run (as a `try!` would).
    private static let built = Result { () throws -> SampleSite in
        let site = try SampleSite()
        _ = try PolicyKBBinary.run(["ingest", "--site", site.root.path])
        _ = try PolicyKBBinary.run(["build", "--site", site.root.path])
        return site
    }
    static var site: SampleSite { get throws { try built.get() } }

    static let queries: [[String: String]] = [
        ["q": "新质生产力"], ["q": "为新质"], ["q": "营商环"], ["q": "招商 昆山"], ["q": "县域经济", "tag": "县域经济"],
        ["q": "发展", "region": "江苏省"], ["q": "发展", "genre": "讲话发言"], ["q": "开发区高质量发展发言"],
        ["q": "没有这样的内容"], ["q": "GDP"],
    ]

    /// What `policykb search --json` answers: the result URLs, in order.
    static func cliResults(_ query: [String: String]) throws -> [String] {
        var arguments = ["search", "--site", try site.root.path, "--json", query["q"]!]
        for key in ["tag", "region", "genre", "year"] {
            if let value = query[key] { arguments += ["--\(key)", value] }
        }
        let result = try PolicyKBBinary.run(arguments)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let results = json?["results"] as? [[String: Any]] ?? []
        return results.compactMap { $0["url"] as? String }
    }

    /// The result links the page shows, relative to the site's root.
    static func pageResults(_ dom: String) -> [String] {
        let pattern = #/<h2 class="result-title"><a href="\.\./([^"]+)">/#
        return dom.matches(of: pattern).map { String($0.output.1).replacingOccurrences(of: "&amp;", with: "&") }
    }

    static func url(_ base: String, _ query: [String: String]) -> String {
        var components = URLComponents(string: base + "search/index.html")!
        components.queryItems = query.keys.sorted().map { URLQueryItem(name: $0, value: query[$0]) }
        return components.url!.absoluteString
    }

    @Test(.enabled(if: Chromium.path != nil))
    func fromDiskThePageShowsWhatTheCommandLineFinds() throws {
        let base = try Self.site.url("public").absoluteString
        var nonEmpty = 0
        for query in Self.queries {
            let dom = try Chromium.dumpDOM(Self.url(base, query))
            #expect(dom.contains("data-state=\"done\""), "the page did not finish for \(query)")
            let expected = try Self.cliResults(query)
            #expect(Self.pageResults(dom) == expected, "results differ for \(query)")
            if !expected.isEmpty { nonEmpty += 1 }
        }
        #expect(nonEmpty >= 7)
    }

    @Test(.enabled(if: Chromium.path != nil))
    func overHTTPThePageShowsWhatTheCommandLineFinds() throws {
        let server = try LocalHTTPServer(serving: Self.site.url("public"))
        for query in Self.queries.prefix(5) {
            let dom = try Chromium.dumpDOM(Self.url(server.base, query))
            #expect(dom.contains("data-state=\"done\""), "the page did not finish for \(query)")
            #expect(Self.pageResults(dom) == (try Self.cliResults(query)), "results differ for \(query)")
        }
    }

    @Test(.enabled(if: Chromium.path != nil))
    func thePageShowsAsManyResultsAsSiteYMLAsks() throws {
        let site = try SampleSite()
        defer { site.remove() }
        let settings = site.url("site.yml")
        let text = try String(contentsOf: settings, encoding: .utf8)
        #expect(text.contains("resultsPerPage: 10"))
        try text.replacingOccurrences(of: "resultsPerPage: 10", with: "resultsPerPage: 2").write(to: settings, atomically: true, encoding: .utf8)
        _ = try PolicyKBBinary.run(["ingest", "--site", site.root.path])
        #expect(try PolicyKBBinary.run(["build", "--site", site.root.path]).status == 0)
        let query = ["q": "发展"]
        let dom = try Chromium.dumpDOM(Self.url(site.url("public").absoluteString, query))
        #expect(dom.contains("data-state=\"done\""))
        let all = try Self.cliResults(query)
        #expect(all.count > 2)
        #expect(Self.pageResults(dom) == Array(all.prefix(2)))
    }

    @Test(.enabled(if: Chromium.path != nil))
    func matchesAreHighlightedInTheExcerpt() throws {
        let dom = try Chromium.dumpDOM(Self.url(try Self.site.url("public").absoluteString, ["q": "营商环境"]))
        let marks = dom.matches(of: #/<mark>([^<]*)</mark>/#).map { String($0.output.1) }
        #expect(!marks.isEmpty)
        #expect(marks.allSatisfy { $0 == "营商环境" })
    }
}
