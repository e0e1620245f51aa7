import Content
import Foundation
import Search
import Taxonomy

/// The standard steps' work; each takes what earlier steps left in the context.
enum BuildSteps {
    // MARK: - Loading

    /// site.yml, templates, vocabulary and gazetteer; their problems are reported together.
    /// A vocabulary or gazetteer already in the context (given by a caller or a test) is kept.
    @Sendable static func loadConfiguration(_ context: inout BuildContext) throws -> String {
        let loader = SiteLoader(root: context.root)
        var problems: [Diagnostic] = []
        func attempt<T>(_ load: () throws(Diagnostics) -> T) -> T? {
            do { return try load() } catch { problems += error.items; return nil }
        }
        context.config = attempt { () throws(Diagnostics) in try loader.config() }
        context.templates = attempt { () throws(Diagnostics) in try TemplateSet(directory: context.root.appendingPathComponent("templates")) }
        if context.vocabulary == nil {
            context.vocabulary = attempt { () throws(Diagnostics) in try loader.vocabulary() }
        }
        if context.gazetteer == nil {
            context.gazetteer = attempt { () throws(Diagnostics) in try loader.gazetteer() }
        }
        guard problems.isEmpty else { throw Diagnostics(problems) }
        return "\(context.vocabulary?.topics.count ?? 0) topics, \(context.gazetteer?.regions.count ?? 0) regions"
    }

    @Sendable static func loadReports(_ context: inout BuildContext) throws -> String {
        guard let vocabulary = context.vocabulary, let gazetteer = context.gazetteer else { return "" }
        context.reports = try SiteLoader(root: context.root).reports(vocabulary: vocabulary, gazetteer: gazetteer)
        return "\(context.reports.count)"
    }

    @Sendable static func indexSite(_ context: inout BuildContext) throws -> String {
        guard let config = context.config, let vocabulary = context.vocabulary, let gazetteer = context.gazetteer else { return "" }
        let model = SiteModel(config: config, vocabulary: vocabulary, gazetteer: gazetteer, reports: context.reports)
        context.model = model
        context.reports = []  // the model holds them now
        return "\(model.reportsByTopic.count) topics, \(model.regionsByCode.count) regions in use"
    }

    // MARK: - Writing

    /// Which page to render; rendered and written one at a time, on every core.
    enum PageJob: Sendable {
        case home, topicIndex, regionIndex, search, notFound
        case topic(Topic, page: Int)
        case region(Region, page: Int)
        case genreIndex, yearIndex
        case genre(String, page: Int)
        case year(Int, page: Int)
        case topicInRegion(Topic, Region, page: Int)
    }

    /// Reports rendered between two hand-overs to the search index: enough to keep both cores
    /// busy, few enough that their texts never pile up in memory.
    static let reportBatch = 512

    @Sendable static func renderPages(_ context: inout BuildContext) throws -> String {
        let model = try context.requireModel("render pages")
        guard let templates = context.templates else { return "" }
        let writer = try SiteWriter(destination: context.root.appendingPathComponent(SiteBuilder.outputFolder, isDirectory: true))
        context.writer = writer
        let renderer = PageRenderer(model: model, templates: templates)
        var jobs: [PageJob] = [.home, .topicIndex, .regionIndex, .search, .notFound]
        for topic in model.vocabulary.topics {
            jobs += (1...model.pageCount(for: model.count(topic: topic.name))).map { PageJob.topic(topic, page: $0) }
        }
        for region in model.regionsByCode.values.sorted(by: { $0.code < $1.code }) {
            jobs += (1...model.pageCount(for: model.count(region: region.code))).map { PageJob.region(region, page: $0) }
        }
        jobs += browseJobs(model)
        let root = context.root
        var failures = Parallel.map(jobs) { job -> Error? in
            do {
                let page: Page
                switch job {
                case .home: page = renderer.home()
                case .topicIndex: page = renderer.topicIndex()
                case .regionIndex: page = renderer.regionIndex()
                case .search: page = renderer.searchPage()
                case .notFound: page = renderer.notFound()
                case .topic(let topic, let number): page = renderer.topic(topic, page: number)
                case .region(let region, let number): page = renderer.region(region, page: number)
                case .genreIndex: page = renderer.genreIndex()
                case .yearIndex: page = renderer.yearIndex()
                case .genre(let genre, let number): page = renderer.genre(genre, page: number)
                case .year(let year, let number): page = renderer.year(year, page: number)
                case .topicInRegion(let topic, let region, let number): page = renderer.topicInRegion(topic, region, page: number)
                }
                try writer.write(bytes: page.bytes, to: page.path)
                return nil
            } catch {
                return error
            }
        }.compactMap { $0 }

        // Report pages, in batches; each report's search entry is made beside its page, and the
        // batch goes into the search index in report order.
        var search = try SearchIndexWriter(directory: writer.staging.appendingPathComponent(PageLocation.searchIndex))
        try search.prepareFolders(documents: model.reports.count)
        let searchFolder = search.directory
        let merger = SearchMerger(search)
        for start in stride(from: 0, to: model.reports.count, by: reportBatch) {
            let ids = Array(start..<min(model.reports.count, start + reportBatch))
            let indexed = Parallel.map(ids) { id -> Result<IndexedDocument, Error> in
                do {
                    let (page, markdown) = try renderer.reportAndText(id, root: root)
                    try writer.write(bytes: page.bytes, to: page.path)
                    let text = RenderedText(headings: markdown.headings.map(\.text), plainText: markdown.plainText)
                    var document = IndexedDocument(renderer.searchDocument(id, rendered: text), id: id)
                    try document.write(in: searchFolder)
                    document.dropFiles()
                    return .success(document)
                } catch {
                    return .failure(error)
                }
            }
            var documents: [IndexedDocument] = []
            for result in indexed {
                switch result {
                case .success(let document): documents.append(document)
                case .failure(let error): failures.append(error)
                }
            }
            // Once a report failed the build fails: its search entries no longer matter.
            if failures.isEmpty { merger.add(documents) }
        }
        context.searchIndex = merger.finish()
        if let first = failures.first {
            let diagnostics = failures.compactMap { $0 as? Diagnostics }.flatMap(\.items)
            throw diagnostics.isEmpty ? first : Diagnostics(diagnostics)
        }
        context.filesWritten += jobs.count + model.reports.count
        return "\(jobs.count + model.reports.count)"
    }

    /// Genre and year pages, and a page for each non-empty topic × top-region cell.
    private static func browseJobs(_ model: SiteModel) -> [PageJob] {
        var jobs: [PageJob] = [.genreIndex, .yearIndex]
        for (genre, ids) in model.browse.reportsByGenre.sorted(by: { $0.key < $1.key }) {
            jobs += (1...model.pageCount(for: ids.count)).map { PageJob.genre(genre, page: $0) }
        }
        for year in model.browse.years {
            jobs += (1...model.pageCount(for: model.browse.reportsByYear[year]?.count ?? 0)).map { PageJob.year(year, page: $0) }
        }
        for topic in model.vocabulary.topics {
            guard let row = model.browse.reportsByTopicAndTop[topic.name] else { continue }
            for region in model.topRegions {
                guard let ids = row[region.code] else { continue }
                jobs += (1...model.pageCount(for: ids.count)).map { PageJob.topicInRegion(topic, region, page: $0) }
            }
        }
        return jobs
    }

    /// The search index's shards, norms, facets and meta, after every report's text went in.
    @Sendable static func writeSearchIndex(_ context: inout BuildContext) throws -> String {
        guard let search = context.searchIndex else { return "" }
        try search.finish()
        context.searchIndex = nil
        return "\(search.documentCount) reports"
    }

    /// sitemap.xml, robots.txt, feed.xml and templates/assets → assets/.
    @Sendable static func writeExtras(_ context: inout BuildContext) throws -> String {
        let model = try context.requireModel("write feeds and assets")
        let writer = try context.requireWriter("write feeds and assets")
        guard let templates = context.templates else { return "" }
        let paths = PageRenderer(model: model, templates: templates).pagePaths
        for sitemap in FeedWriter.sitemaps(paths: paths, baseURL: model.config.baseURL) {
            try writer.write(sitemap.contents, to: sitemap.name)
        }
        try writer.write(FeedWriter.robots(baseURL: model.config.baseURL), to: "robots.txt")
        try writer.write(FeedWriter.atom(model: model), to: PageLocation.feed)
        for topic in model.vocabulary.topics {
            let slug = model.slug(of: topic)
            try writer.write(FeedWriter.atom(model: model, topic: topic), to: PageLocation.topicFeed(slug))
        }
        try APIWriter(model: model).write(to: writer)
        try writer.copyFolder(templates.directory.appendingPathComponent("assets"), to: "assets")
        context.filesWritten += 6 + model.vocabulary.topics.count
        return "sitemap, robots.txt, feeds, api, assets"
    }

    @Sendable static func publish(_ context: inout BuildContext) throws -> String {
        try context.requireWriter("publish").publish()
        return SiteBuilder.outputFolder + "/"
    }
}

/// Adds rendered batches to the search index on a thread of its own, so that the next batch
/// renders meanwhile: the index takes reports one at a time, in order, and would otherwise leave
/// a core idle. At most two batches wait, so memory stays bounded however large the site.
final class SearchMerger: @unchecked Sendable {
    private var writer: SearchIndexWriter
    private let queue = DispatchQueue(label: "policykb.search-merge")
    private let waiting = DispatchSemaphore(value: 2)

    init(_ writer: SearchIndexWriter) {
        self.writer = writer
    }

    func add(_ documents: [IndexedDocument]) {
        waiting.wait()
        queue.async {
            for document in documents { self.writer.add(document) }
            self.waiting.signal()
        }
    }

    /// Waits for every batch, then hands the writer back.
    func finish() -> SearchIndexWriter {
        queue.sync { writer }
    }
}
