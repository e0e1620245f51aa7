/// One report: its metadata (the YAML front matter) and its Markdown body.
///
/// The same schema serves reports written by `policykb ingest` and reports written by hand.
public struct Report: Equatable, Sendable {
    /// The report's own title. Required.
    public var title: String
    /// An explicit URL slug; when nil the slug comes from the file name.
    public var slug: String?
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, only when the source states it.
    public var date: ReportDate?
    public var genre: String?
    /// Publisher or site.
    public var source: String?
    public var author: String?
    /// Title of the collection a report was split from (several speeches in one file).
    public var collection: String?
    /// Raw file and part it came from, e.g. `raw/003_40af381c5aaa70e9.txt#2`.
    public var origin: String?
    /// Topic names from the controlled vocabulary.
    public var tags: [String]
    /// Official region names (with their ancestors), e.g. 江苏省, 苏州市, 昆山市.
    public var regions: [String]
    /// Towns and townships, under their county when known (e.g. 太康县/东屯乡 or 东屯乡).
    public var places: [String]
    public var summary: String?
    /// Keys policykb does not know, kept in file order and handed to templates.
    public var extra: [(key: String, value: FrontMatterValue)]
    /// The Markdown body after the front matter.
    public var body: String

    public init(
        title: String,
        slug: String? = nil,
        date: ReportDate? = nil,
        genre: String? = nil,
        source: String? = nil,
        author: String? = nil,
        collection: String? = nil,
        origin: String? = nil,
        tags: [String] = [],
        regions: [String] = [],
        places: [String] = [],
        summary: String? = nil,
        extra: [(key: String, value: FrontMatterValue)] = [],
        body: String = ""
    ) {
        self.title = title
        self.slug = slug
        self.date = date
        self.genre = genre
        self.source = source
        self.author = author
        self.collection = collection
        self.origin = origin
        self.tags = tags
        self.regions = regions
        self.places = places
        self.summary = summary
        self.extra = extra
        self.body = body
    }

    public static func == (a: Report, b: Report) -> Bool {
        a.title == b.title && a.slug == b.slug && a.date == b.date && a.genre == b.genre
            && a.source == b.source && a.author == b.author && a.collection == b.collection
            && a.origin == b.origin && a.tags == b.tags && a.regions == b.regions
            && a.places == b.places && a.summary == b.summary && a.body == b.body
            && a.extra.map(\.key) == b.extra.map(\.key) && a.extra.map(\.value) == b.extra.map(\.value)
    }
}
