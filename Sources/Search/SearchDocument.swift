/// What the search index needs to know of one report.
public struct SearchDocument: Sendable, Equatable {
    /// The report page's URL relative to the site's root, e.g. `reports/slug/index.html`.
    public var url: String
    public var title: String
    public var date: String?
    public var genre: String?
    public var tags: [String]
    /// Region names including every ancestor, so that filtering by 江苏省 finds a report about 昆山市.
    public var regions: [String]
    public var headings: [String]
    /// The body as plain text (headings included).
    public var body: String

    public init(url: String, title: String, date: String? = nil, genre: String? = nil, tags: [String] = [],
                regions: [String] = [], headings: [String] = [], body: String) {
        self.url = url
        self.title = title
        self.date = date
        self.genre = genre
        self.tags = tags
        self.regions = regions
        self.headings = headings
        self.body = body
    }

    /// The text a query must be found in: the title, a line break, the body.
    var searchableText: String {
        title + "\n" + body
    }

    var year: String? {
        date.map { String($0.prefix(4)) }
    }
}
