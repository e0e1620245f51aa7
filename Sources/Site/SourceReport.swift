import Content
import Taxonomy

/// A report's metadata as the site needs it: checked against the vocabulary and gazetteer,
/// without its body (pages re-read the body when they render, so 100,000 reports fit in memory).
public struct SourceReport: Equatable, Sendable {
    /// The file, relative to the site folder (`content/reports/x.md`); diagnostics and re-reading use it.
    public var path: String
    public var slug: String
    public var title: String
    public var date: ReportDate?
    public var genre: String?
    public var source: String?
    public var author: String?
    public var collection: String?
    public var origin: String?
    /// From front matter, or the opening of the text.
    public var summary: String
    /// Canonical topic names (aliases resolved), in the report's order, each once.
    public var topics: [String]
    /// Regions as resolved from front matter (without added ancestors).
    public var regions: [Region]
    public var places: [String]
    /// Front-matter keys policykb does not know, in file order, for templates.
    public var extra: [(key: String, value: FrontMatterValue)]
    /// Where the body starts in the file, and the file's size, when the body is the file's tail
    /// as written: rendering then reads the body without parsing the front matter again.
    public var bodyLocation: (offset: Int, fileSize: Int)?

    public init(
        path: String, slug: String, title: String, date: ReportDate? = nil, genre: String? = nil,
        source: String? = nil, author: String? = nil, collection: String? = nil, origin: String? = nil,
        summary: String = "", topics: [String] = [], regions: [Region] = [], places: [String] = [],
        extra: [(key: String, value: FrontMatterValue)] = [], bodyLocation: (offset: Int, fileSize: Int)? = nil
    ) {
        self.path = path
        self.slug = slug
        self.title = title
        self.date = date
        self.genre = genre
        self.source = source
        self.author = author
        self.collection = collection
        self.origin = origin
        self.summary = summary
        self.topics = topics
        self.regions = regions
        self.places = places
        self.extra = extra
        self.bodyLocation = bodyLocation
    }

    public static func == (a: SourceReport, b: SourceReport) -> Bool {
        a.path == b.path && a.slug == b.slug && a.title == b.title && a.date == b.date && a.genre == b.genre
            && a.source == b.source && a.author == b.author && a.collection == b.collection && a.origin == b.origin
            && a.summary == b.summary && a.topics == b.topics && a.regions == b.regions && a.places == b.places
            && a.extra.map(\.key) == b.extra.map(\.key) && a.extra.map(\.value) == b.extra.map(\.value)
            && a.bodyLocation?.offset == b.bodyLocation?.offset && a.bodyLocation?.fileSize == b.bodyLocation?.fileSize
    }

    /// Newest first; undated reports last; ties by slug so every order is stable.
    public static func newestFirst(_ a: SourceReport, _ b: SourceReport) -> Bool {
        switch (a.date, b.date) {
        case let (x?, y?) where x != y: return x > y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a.slug < b.slug
        }
    }
}
