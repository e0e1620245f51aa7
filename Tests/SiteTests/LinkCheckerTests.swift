@testable import Site
import Testing

/// How one link from one page resolves, without a site on disk.
private func problem(_ link: String, on page: String = "reports/x/index.html") -> String? {
    let files: Set<String> = ["index.html", "reports/x/index.html", "topics/y/index.html", "topics/index.html", "assets/site.css", "a b.html"]
    let ids: [String: Set<String>] = ["reports/x/index.html": ["main", "yi-ji-ben"], "topics/y/index.html": ["main"]]
    return LinkChecker.problem(with: link, on: page, files: files, ids: ids)
}

@Test func relativeLinksResolveAgainstThePagesFolder() {
    #expect(problem("../../topics/y/index.html") == nil)
    #expect(problem("../../assets/site.css") == nil)
    #expect(problem("../../index.html") == nil)
    #expect(problem("index.html", on: "index.html") == nil)
    #expect(problem("./index.html") == nil)
    #expect(problem("../../a%20b.html") == nil)
}

@Test func missingFilesFoldersAndEscapesAreBroken() {
    #expect(problem("../../topics/nope/index.html") == "no file topics/nope/index.html")
    #expect(problem("../../topics/y/")?.contains("names a folder") == true)
    #expect(problem("../../../../etc/passwd") == "it leads outside the site")
}

@Test func anchorsMustNameAnIdOnTheTargetPage() {
    #expect(problem("#yi-ji-ben") == nil)
    #expect(problem("#nope") == "no id \"nope\" in reports/x/index.html")
    #expect(problem("../../topics/y/index.html#main") == nil)
    #expect(problem("../../topics/y/index.html#yi-ji-ben") != nil)
}

@Test func absoluteURLsAndOtherSchemesAreNotOursToCheck() {
    for link in ["https://example.org/x", "http://example.org", "mailto:a@example.org", "//cdn.example.org/x.js", "tel:123", ""] {
        #expect(problem(link) == nil, "\(link)")
    }
}

@Test func attributesAreReadWithEntitiesDecoded() {
    let html = #"<a href="a.html?x=1&amp;y=2">x</a><img src='b.png' alt="c"><h2 id="d">d</h2><p>href="not-a-tag"</p>"#
    let values = HTMLAttributes.values(in: html, names: ["href", "src", "id"]).map(\.value)
    #expect(values == ["a.html?x=1&y=2", "b.png", "d"])
}
