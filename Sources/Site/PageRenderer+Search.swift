import Search

extension PageRenderer {
    /// The search page: a form that works with the script off (it reloads with `?q=`), and the
    /// script that answers from `search/` (loaded with `<script>` elements, so it works from disk).
    public func searchPage() -> Page {
        let here = PageLocation(path: PageLocation.search)
        var context = common(here, title: "搜索", kind: "searchPage")
        context["search"] = [
            "index": here.href(PageLocation.searchIndex),
            "script": here.href(PageLocation.searchScript),
            "reports": model.reports.count,
            "resultsPerPage": model.config.search.resultsPerPage,
        ]
        return Page(path: here.path, bytes: templates.renderBytes("search", context: context))
    }

    /// What the index needs of a report: its text as rendered, and regions with every ancestor
    /// so that filtering by 江苏省 finds a report about 昆山市.
    func searchDocument(_ id: Int, rendered: RenderedText) -> SearchDocument {
        let report = model.reports[id]
        var regions: [String] = []
        for path in model.regionPaths(of: id) {
            for region in path where !regions.contains(region.name) { regions.append(region.name) }
        }
        return SearchDocument(
            url: PageLocation.report(report.slug), title: report.title, date: report.date?.description,
            genre: report.genre, tags: report.topics, regions: regions,
            headings: rendered.headings, body: rendered.plainText)
    }
}

/// The parts of a rendered body the search index keeps.
struct RenderedText: Sendable {
    var headings: [String]
    var plainText: String
}
