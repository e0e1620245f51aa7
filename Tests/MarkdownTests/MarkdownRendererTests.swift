import Foundation
@testable import Markdown
import Testing

// MARK: - Headings

@Test func headingsGetAnchorsInTheHTML() {
    let rendered = MarkdownRenderer.render("# 发展现状\n\n正文。\n\n## 存在问题\n")
    #expect(rendered.headings == [
        Heading(level: 1, text: "发展现状", anchor: "发展现状"),
        Heading(level: 2, text: "存在问题", anchor: "存在问题"),
    ])
    #expect(rendered.html.contains("<h1 id=\"发展现状\">发展现状</h1>"))
    #expect(rendered.html.contains("<h2 id=\"存在问题\">存在问题</h2>"))
}

@Test func duplicateHeadingsGetUniqueAnchors() {
    let rendered = MarkdownRenderer.render("## 对策建议\n\n甲\n\n## 对策建议\n\n乙\n\n## 对策建议\n")
    #expect(rendered.headings.map(\.anchor) == ["对策建议", "对策建议-2", "对策建议-3"])
}

@Test func headingsNeverTakeAnAnchorThePageReserved() {
    let rendered = MarkdownRenderer.render("## Main\n", options: MarkdownOptions(reservedAnchors: ["main"]))
    #expect(rendered.headings.map(\.anchor) == ["main-2"])
}

@Test func headingTextKeepsInlineMarkupButTheAnchorIsPlain() {
    let rendered = MarkdownRenderer.render("## 推进 *乡村振兴*\n")
    #expect(rendered.headings.first?.text == "推进 乡村振兴")
    #expect(rendered.html.contains("<h2 id=\"推进-乡村振兴\">推进 <em>乡村振兴</em></h2>"))
}

// MARK: - Safety

@Test func rawHTMLIsDroppedByDefault() {
    let rendered = MarkdownRenderer.render("正文<script>alert(1)</script>\n\n<div class=\"x\">块</div>\n")
    #expect(!rendered.html.contains("<script"))
    #expect(!rendered.html.contains("<div"))
    #expect(!rendered.html.contains("raw HTML omitted"))
    #expect(rendered.html.contains("正文"))
}

@Test func rawHTMLIsKeptWhenOptedIn() {
    let rendered = MarkdownRenderer.render("<div class=\"note\">块</div>\n", options: MarkdownOptions(allowRawHTML: true))
    #expect(rendered.html.contains("<div class=\"note\">块</div>"))
}

@Test func dangerousLinkTargetsNeverReachThePage() {
    let markdown = "[点我](javascript:alert(1)) [又一个](vbscript:msgbox) ![图](data:text/html;base64,PHNjcmlwdD4=)\n"
    let html = MarkdownRenderer.render(markdown).html
    #expect(!html.lowercased().contains("javascript:"))
    #expect(!html.lowercased().contains("vbscript:"))
    #expect(!html.lowercased().contains("data:text/html"))
    #expect(html.contains("点我"))
}

@Test func ordinaryLinksSurvive() {
    let html = MarkdownRenderer.render("[政策](../../topics/x/index.html)\n").html
    #expect(html.contains("<a href=\"../../topics/x/index.html\">政策</a>"))
}

// MARK: - Auto-links

@Test func autoLinkLinksTheFirstMentionOnly() {
    let link = AutoLink(terms: ["营商环境"], href: "../../topics/ying-shang-huan-jing/index.html")
    let html = MarkdownRenderer.render("优化营商环境，持续改善营商环境。\n", autoLinks: [link]).html
    #expect(html == "<p>优化<a href=\"../../topics/ying-shang-huan-jing/index.html\">营商环境</a>，持续改善营商环境。</p>\n")
}

@Test func autoLinkSkipsHeadingsLinksAndCode() {
    let link = AutoLink(terms: ["昆山市"], href: "k.html")
    let markdown = """
        ## 昆山市概况

        见[昆山市政府](https://example.org/)与 `昆山市` 代码。

        ```
        昆山市
        ```

        ![昆山市](a.png) 此后昆山市再次出现。
        """
    let html = MarkdownRenderer.render(markdown, autoLinks: [link]).html
    #expect(html.contains("<h2 id=\"昆山市概况\">昆山市概况</h2>"))
    #expect(html.contains("<a href=\"https://example.org/\">昆山市政府</a>"))
    #expect(html.contains("<code>昆山市</code>"))
    #expect(html.contains("此后<a href=\"k.html\">昆山市</a>再次出现"))
    #expect(html.components(separatedBy: "href=\"k.html\"").count == 2)
}

@Test func autoLinkUsesTheEarliestOfSeveralTerms() {
    let links = [
        AutoLink(terms: ["营商环境", "营商生态"], href: "t.html"),
        AutoLink(terms: ["太康县"], href: "r.html"),
    ]
    let html = MarkdownRenderer.render("太康县优化营商生态，营商环境向好。\n", autoLinks: links).html
    #expect(html == "<p><a href=\"r.html\">太康县</a>优化<a href=\"t.html\">营商生态</a>，营商环境向好。</p>\n")
}

// MARK: - Plain text

@Test func plainTextHasNoMarkupAndJoinsChineseLines() {
    let markdown = "# 标题\n\n第一段**加粗**，\n接着写。\n\n- 条目一\n- 条目 `代码`\n\n<b>raw</b>\n"
    let text = MarkdownRenderer.render(markdown).plainText
    // Inline tags go; the words between them are text.
    #expect(text == "标题\n第一段加粗，接着写。\n条目一\n条目 代码\nraw")
}

@Test func bodyHeadingsMoveDownUnderThePageTitleOnlyWhenTheyStartAtLevelOne() {
    let fromOne = MarkdownRenderer.render("# 标题\n\n###### 小节\n", options: MarkdownOptions(topHeadingLevel: 2))
    #expect(fromOne.html.contains("<h2 id=\"标题\">标题</h2>"))
    #expect(fromOne.html.contains("<h6 id=\"小节\">小节</h6>"))
    #expect(fromOne.headings.map(\.level) == [2, 6])
    let fromTwo = MarkdownRenderer.render("## 概况\n\n### 细节\n", options: MarkdownOptions(topHeadingLevel: 2))
    #expect(fromTwo.headings.map(\.level) == [2, 3])
}

@Test func autoLinkPrefersTheLongestTermAtTheSamePlace() {
    let link = AutoLink(terms: ["苏州", "苏州市"], href: "s.html")
    let html = MarkdownRenderer.render("江苏省苏州市昆山市。\n", autoLinks: [link]).html
    #expect(html == "<p>江苏省<a href=\"s.html\">苏州市</a>昆山市。</p>\n")
}

@Test func autoLinkTextWithMarkupCharactersIsEscaped() {
    let link = AutoLink(terms: ["A&B"], href: "a.html?x=1&y=2")
    let html = MarkdownRenderer.render("见 A&B 一文。\n", autoLinks: [link]).html
    #expect(html == "<p>见 <a href=\"a.html?x=1&amp;y=2\">A&amp;B</a> 一文。</p>\n")
}

@Test func dangerousLinkTargetsAreBlankedEvenWhenRawHTMLIsAllowed() {
    let markdown = "[点我](javascript:alert(1)) [大写](JaVaScRiPt:alert(2)) ![图](data:image/png;base64,iVBORw0KGgo=)\n"
    let html = MarkdownRenderer.render(markdown, options: MarkdownOptions(allowRawHTML: true)).html
    #expect(!html.lowercased().contains("javascript:"))
    #expect(html.contains("<a href=\"\">点我</a>"))
    #expect(html.contains("data:image/png"), "inline images stay")
}

@Test func plainTextAloneMatchesTheRenderedPlainText() {
    let markdown = "# 标题\n\n第一段**加粗**，\n接着写。<i>斜</i>\n\n> 引用\n"
    #expect(MarkdownRenderer.plainText(markdown) == MarkdownRenderer.render(markdown).plainText)
}

@Test(arguments: [
    ("一、基本情况", "一基本情况"), ("（二）存在的问题", "二存在的问题"), ("Part 2: Outlook", "part-2-outlook"),
    ("GDP 增长 5.3%", "gdp-增长-53"), ("  --a--b  ", "a-b"), ("“”、。", "section"), ("&lt;script&gt;", "script"),
    ("snake_case name", "snake_case-name"),
])
func headingAnchorsKeepLettersAndDigitsOfAnyScript(text: String, anchor: String) {
    #expect(MarkdownRenderer.render("## \(text)\n").headings.map(\.anchor) == [anchor])
}

@Test func aLongHeadingsAnchorIsCut() {
    let anchor = MarkdownRenderer.render("## " + String(repeating: "县域经济", count: 30) + "\n").headings[0].anchor
    #expect(anchor.count == 60)
}

/// Anchors of ASCII and Chinese headings skip Unicode's property tables: for every character that
/// short cut covers, it must give what the tables give (kept, white space, lower case).
@Test func theAnchorShortCutAgreesWithUnicodeOnEveryCharacterItCovers() {
    var checked = 0
    for value in UInt32(0)...0xFFFF where AnchorSet.isPlain(value) {
        guard let scalar = Unicode.Scalar(value) else { continue }
        let lower = String(scalar).lowercased().unicodeScalars
        let fast = AnchorSet.plainClass(of: scalar)
        let slow = AnchorSet.unicodeClass(of: lower.first!)
        #expect(lower.count == 1 && fast.keep == slow.keep && fast.isWhitespace == slow.isWhitespace && fast.lower == slow.lower,
                "U+\(String(value, radix: 16, uppercase: true))")
        checked += 1
    }
    #expect(checked > 20_000)
}

/// The first mention of any term (the longest at the same place) agrees with a plain search, on
/// texts where terms share first and last bytes and overlap.
@Test func theFirstMentionAgreesWithAPlainSearch() {
    var generator = SystemRandomNumberGenerator()
    let alphabet = Array("县域镇村经济发展aA1、").map(String.init)
    func text(_ length: Int) -> [UInt8] {
        Array((0..<length).map { _ in alphabet.randomElement(using: &generator)! }.joined().utf8)
    }
    func plain(_ terms: [[UInt8]], _ bytes: [UInt8]) -> Range<Int>? {
        for start in bytes.indices {
            let lengths = terms.filter { start + $0.count <= bytes.count && Array(bytes[start..<(start + $0.count)]) == $0 }.map(\.count)
            if let longest = lengths.max() { return start..<(start + longest) }
        }
        return nil
    }
    for _ in 0..<2_000 {
        let bytes = text(Int.random(in: 0...40, using: &generator))
        let terms = (0..<Int.random(in: 1...3, using: &generator)).map { _ in text(Int.random(in: 1...3, using: &generator)) }
        #expect(CMarkTree.firstMention(of: terms, in: bytes) == plain(terms, bytes), "\(String(decoding: bytes, as: UTF8.self)) \(terms)")
    }
}
