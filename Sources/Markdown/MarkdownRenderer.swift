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
    public var html: String
    public var headings: [Heading]
    /// The text without markup, for search and summaries.
    public var plainText: String
}

public struct MarkdownOptions: Equatable, Sendable {
    /// Keep raw HTML from the Markdown. Off by default: cmark's safe mode drops it.
    public var allowRawHTML: Bool

    public init(allowRawHTML: Bool = false) {
        self.allowRawHTML = allowRawHTML
    }
}

/// The only user of the cmark C library. STUB: the render stage replaces this file.
public enum MarkdownRenderer {
    public static func render(_ markdown: String, options: MarkdownOptions = .init(), autoLinks: [AutoLink] = []) -> RenderedMarkdown {
        RenderedMarkdown(html: "", headings: [], plainText: "")
    }
}
