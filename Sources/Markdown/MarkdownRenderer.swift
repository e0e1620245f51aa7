import CCMark

/// A heading found in a document, with a stable anchor for the table of contents.
public struct Heading: Equatable, Sendable {
    public var level: Int
    public var text: String
    public var anchor: String

    public init(level: Int, text: String, anchor: String) {
        self.level = level
        self.text = text
        self.anchor = anchor
    }
}

/// A term whose first mention in body text becomes a link (topics, regions).
public struct AutoLink: Equatable, Sendable {
    public var terms: [String]
    public var href: String

    public init(terms: [String], href: String) {
        self.terms = terms
        self.href = href
    }
}

public struct RenderedMarkdown: Equatable, Sendable {
    /// The HTML as cmark wrote it, in UTF-8: a page takes it as it is, without a `String` made
    /// (and its UTF-8 checked) on the way.
    public var htmlBytes: [UInt8]
    public var headings: [Heading]
    /// The text without markup, for search and summaries.
    public var plainText: String

    public var html: String { String(decoding: htmlBytes, as: UTF8.self) }

    public init(html: String, headings: [Heading], plainText: String) {
        self.init(htmlBytes: Array(html.utf8), headings: headings, plainText: plainText)
    }

    public init(htmlBytes: [UInt8], headings: [Heading], plainText: String) {
        self.htmlBytes = htmlBytes
        self.headings = headings
        self.plainText = plainText
    }
}

public struct MarkdownOptions: Equatable, Sendable {
    /// Keep raw HTML from the Markdown. Off by default: raw HTML is dropped.
    public var allowRawHTML: Bool
    /// Anchors the page around the body already uses (`main`, `toc`); headings never take them.
    public var reservedAnchors: Set<String>
    /// The level the document's top headings render at: 2 turns a body's `#` into `<h2>` (and
    /// `##` into `<h3>`) when the page around it has its own `<h1>`; a body starting at `##` stays.
    /// Levels cap at 6. `Heading.level` reports the level as rendered.
    public var topHeadingLevel: Int

    public init(allowRawHTML: Bool = false, reservedAnchors: Set<String> = [], topHeadingLevel: Int = 1) {
        self.allowRawHTML = allowRawHTML
        self.reservedAnchors = reservedAnchors
        self.topHeadingLevel = topHeadingLevel
    }
}

/// Markdown to HTML through cmark. This module is the only user of the cmark C library.
///
/// Raw HTML nodes are removed from the tree unless opted in (then the author's HTML is trusted
/// as written). `javascript:`, `vbscript:`, `file:` and non-image `data:` targets of Markdown
/// links are blanked in either mode: by cmark's safe mode (the default since 0.29) and by our own pass.
public enum MarkdownRenderer {
    /// Renders a document.
    public static func render(
        _ markdown: String, options: MarkdownOptions = .init(), autoLinks: [AutoLink] = []
    ) -> RenderedMarkdown {
        var markdown = markdown
        return markdown.withUTF8 { render(utf8: $0, options: options, autoLinks: autoLinks) }
    }

    /// Renders a document given as UTF-8 (cmark replaces what is not UTF-8 by U+FFFD).
    public static func render<Bytes: Collection>(
        utf8 markdown: Bytes, options: MarkdownOptions = .init(), autoLinks: [AutoLink] = []
    ) -> RenderedMarkdown where Bytes.Element == UInt8 {
        let safety = options.allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_SAFE
        let flags = safety | CMARK_OPT_VALIDATE_UTF8
        let parsed = markdown.withContiguousStorageIfAvailable { parse($0, flags) }
            ?? Array(markdown).withUnsafeBufferPointer { parse($0, flags) }
        guard let root = parsed else {
            return RenderedMarkdown(html: "", headings: [], plainText: "")
        }
        defer { cmark_node_free(root) }
        if !options.allowRawHTML {
            CMarkTree.removeRawHTML(root)
        }
        CMarkTree.blankDangerousURLs(root)
        let headings = CMarkTree.anchorHeadings(
            root, reserved: options.reservedAnchors, topLevel: options.topHeadingLevel)
        CMarkTree.insertAutoLinks(autoLinks, in: root)
        return RenderedMarkdown(
            htmlBytes: CMarkTree.html(root, options: safety),
            headings: headings,
            plainText: CMarkTree.plainText(root)
        )
    }

    private static func parse(_ buffer: UnsafeBufferPointer<UInt8>, _ flags: Int32) -> OpaquePointer? {
        guard let start = buffer.baseAddress else { return cmark_parse_document("", 0, flags) }
        return start.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parse_document($0, buffer.count, flags) }
    }

    /// Only the text without markup (raw HTML dropped), for summaries and search: no anchors and
    /// no HTML are made, which `render` spends most of its time on.
    public static func plainText(_ markdown: String) -> String {
        guard let root = cmark_parse_document(markdown, markdown.utf8.count, CMARK_OPT_VALIDATE_UTF8) else { return "" }
        defer { cmark_node_free(root) }
        CMarkTree.removeRawHTML(root)
        return CMarkTree.plainText(root)
    }
}
