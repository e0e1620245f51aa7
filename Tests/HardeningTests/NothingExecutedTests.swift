import Foundation
import TestSupport
import Testing
import Markdown

/// Hostile text in a report never runs in a reader's browser: payloads in titles, topics, regions,
/// summaries, bodies, file names and search queries, loaded in headless Chromium, leave no trace.
@Suite(.serialized) struct NothingExecutedTests {
    /// Each payload, if it ran or became markup, would set `document.title` to `XSS` or add an
    /// element with the id `pwned`.
    static let payloads = [
        "<script>document.title='XSS'</script>",
        "<img src=x onerror=\"document.title='XSS'\">",
        "<b id=\"pwned\">x</b>",
        "\"><img src=x id=pwned onerror=document.title='XSS'>",
        "' autofocus onfocus='document.title=\"XSS\"' x='",
        "\" autofocus onfocus=\"document.title='XSS'\" x=\"",
        "</script><script>document.title='XSS'</script>",
        "<svg onload=document.title='XSS' id=pwned>",
        "&lt;script&gt;document.title='XSS'&lt;/script&gt;",
        "&#60;img src=x id=pwned onerror=document.title='XSS'&#62;",
        "javascript:document.title='XSS'",
        "<iframe srcdoc=\"<script>parent.document.title='XSS'</script>\"></iframe>",
        "{{title}}<b id=pwned>{{{title}}}</b>",
    ]

    /// A YAML double-quoted scalar (JSON strings are YAML).
    static func yaml(_ text: String) -> String {
        let data = try! JSONEncoder().encode(text)
        return String(decoding: data, as: UTF8.self)
    }

    static func site() throws -> InlineSite {
        let topic = "<img src=x onerror=document.title='XSS' id=pwned>"
        var files: [String: String] = [
            "content/taxonomy/topics.yml": """
                - name: 营商环境
                  description: 政务服务
                - name: \(yaml(topic))
                  description: \(yaml(payloads[3]))

                """,
        ]
        for (n, payload) in payloads.enumerated() {
            let body = """
                # \(payload)

                \(payload)

                [点这里](javascript:document.title='XSS') [再点](JaVaScRiPt:document.title='XSS') [数据](data:text/html,<script>document.title='XSS'</script>)

                <a href="javascript:document.title='XSS'" id="pwned">raw</a>

                ![图](x" onerror="document.title='XSS')

                ```
                \(payload)
                ```

                营商环境 昆山市
                """
            files["content/reports/r\(n).md"] = InlineSite.report("""
                title: \(yaml("报告\(n) " + payload))
                summary: \(yaml(payload))
                source: \(yaml(payload))
                author: \(yaml(payload))
                genre: \(yaml(payload))
                date: 2023-01-0\(n % 9 + 1)
                tags: [营商环境, \(yaml(topic))]
                regions: [昆山市]
                """, body: body)
        }
        files["content/reports/\"><svg onload=document.title='XSS'>.md"] = InlineSite.report("title: 文件名")
        return try InlineSite(files)
    }

    /// What a payload left in a page's DOM after its scripts ran.
    static func traces(in dom: String) -> [String] {
        var traces: [String] = []
        if dom.isEmpty { traces.append("no DOM") }
        if dom.contains("<title>XSS</title>") { traces.append("a payload set document.title") }
        if dom.firstMatch(of: #/<[a-zA-Z][^<>]*\sid="pwned"/#) != nil { traces.append("a payload became an element") }
        if dom.firstMatch(of: #/(?i)(href|src|action)="\s*(javascript|vbscript|data:text)/#) != nil { traces.append("an unsafe URL reached the page") }
        return traces
    }

    static func assertClean(_ dom: String, page: String) {
        #expect(traces(in: dom).isEmpty, "\(page): \(traces(in: dom))")
    }

    @Test func theCheckSeesWhatARunningPayloadLeaves() {
        #expect(Self.traces(in: "<html><head><title>XSS</title></head><body></body></html>") == ["a payload set document.title"])
        #expect(Self.traces(in: "<html><body><p>&lt;b id=\"pwned\"&gt;</p><b class=\"x\" id=\"pwned\">x</b></body></html>") == ["a payload became an element"])
        #expect(Self.traces(in: "<html><body><p>&lt;b id=\"pwned\"&gt;</p><a title=\"<b id=&quot;pwned&quot;>\">x</a></body></html>").isEmpty)
    }

    @Test func noPayloadRunsOnAnyPage() throws {
        guard Chromium.path != nil else {
            Issue.record("headless Chromium is not installed: scripts/install-deps --test installs it")
            return
        }
        let site = try Self.site()
        defer { site.remove() }
        let result = try site.build()
        try #require(result.status == 0, "\(result.stderr)")
        let server = try LocalHTTPServer(serving: site.url("public"))
        let pages = site.listing("public").keys.filter { $0.hasSuffix(".html") && !$0.hasPrefix("search/") }.sorted()
        #expect(pages.contains("index.html"))
        #expect(pages.contains { $0.hasPrefix("topics/") && $0 != "topics/index.html" })
        #expect(pages.contains { $0.hasPrefix("regions/") && $0 != "regions/index.html" })
        #expect(pages.filter { $0.hasPrefix("reports/") }.count >= Self.payloads.count)
        for page in pages {
            Self.assertClean(try Chromium.dumpDOM(server.base + page, budgetMilliseconds: 3_000), page: page)
        }
    }

    @Test func noSearchQueryRunsOnTheSearchPage() throws {
        guard Chromium.path != nil else {
            Issue.record("headless Chromium is not installed: scripts/install-deps --test installs it")
            return
        }
        let site = try Self.site()
        defer { site.remove() }
        try #require(try site.build().status == 0)
        let server = try LocalHTTPServer(serving: site.url("public"))
        for payload in Self.payloads + ["报告", "营商环境"] {
            var components = URLComponents(string: server.base + "search/index.html")!
            components.queryItems = [URLQueryItem(name: "q", value: payload)] + (payload == "报告" ? [] : [URLQueryItem(name: "tag", value: payload)])
            let dom = try Chromium.dumpDOM(components.url!.absoluteString, budgetMilliseconds: 5_000)
            Self.assertClean(dom, page: "search?q=\(payload)")
            if payload == "报告" {
                // The page's script ran and showed results: the payloads had their chance.
                #expect(dom.contains("result-title"), "the search page showed no results for 报告")
            }
        }
    }

    /// Raw HTML is dropped unless site.yml says `rawHTML: true`; unsafe link targets go either way.
    @Test func rawHTMLIsDroppedUnlessOptedIn() {
        let markdown = "<div id=\"pwned\">x</div>\n\n[a](javascript:alert(1)) <span onclick=\"x\">y</span>\n"
        let safe = MarkdownRenderer.render(markdown).html
        #expect(!safe.contains("pwned"))
        #expect(!safe.contains("onclick"))
        #expect(!safe.contains("javascript:"))
        let trusted = MarkdownRenderer.render(markdown, options: .init(allowRawHTML: true)).html
        #expect(trusted.contains("<div id=\"pwned\">"))
        #expect(!trusted.contains("javascript:"))
    }

    @Test func theRawHTMLOptInReachesTheBuild() throws {
        let site = try InlineSite(["content/reports/a.md": InlineSite.report("title: 甲", body: "<span class=\"kept\">原样</span>")])
        defer { site.remove() }
        #expect(try site.build().status == 0)
        #expect(site.read("public/reports/a/index.html")?.contains("<span class=\"kept\">") == false)
        try site.write(InlineSite.siteYML + "rawHTML: true\n", to: "site.yml")
        #expect(try site.build().status == 0)
        #expect(site.read("public/reports/a/index.html")?.contains("<span class=\"kept\">") == true)
    }
}
