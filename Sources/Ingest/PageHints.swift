import Content

/// What the web-page chrome says about the report, collected while the chrome is removed:
/// the site, the breadcrumb's section and title, bylines, dates, and whether the page was a
/// truncated preview.
public struct PageHints: Equatable, Sendable {
    /// Site names (新华报业网; the first breadcrumb segment; "添加…到电脑桌面").
    public var siteNames: [String] = []
    /// Breadcrumb sections between the site and the page (思想, 报告范文).
    public var sections: [String] = []
    /// Titles the chrome names: the breadcrumb's last segment, document-page thumbnails.
    public var titleHints: [String] = []
    /// `来源:` lines.
    public var sources: [String] = []
    public var authors: [String] = []
    public var editors: [String] = []
    /// Dates on metadata lines (发布时间: 2024-03-01).
    public var dates: [ReportDate] = []
    /// The page showed a preview only (预览阅读已结束, 展开阅读全文).
    public var truncated = false

    public init() {}
}

extension PageHints {
    /// Adds what another part of the page said (the preamble before the first part).
    mutating func merge(_ other: PageHints) {
        siteNames += other.siteNames.filter { !siteNames.contains($0) }
        sections += other.sections.filter { !sections.contains($0) }
        sources += other.sources
        editors += other.editors
        dates += other.dates
        truncated = truncated || other.truncated
    }
}
