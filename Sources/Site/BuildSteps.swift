#if canImport(Glibc)
import Glibc
#endif
import Content
import Foundation
import Markdown
import Search
import Taxonomy

/// The standard steps' work; each takes what earlier steps left in the context.
enum BuildSteps {
    // MARK: - Loading

    /// site.yml, templates, vocabulary and gazetteer; their problems are reported together.
    /// A vocabulary or gazetteer already in the context (given by a caller or a test) is kept.
    @Sendable static func loadConfiguration(_ context: inout BuildContext) throws -> String {
        let loader = SiteLoader(root: context.root)
        // Pinyin made by this program before: read by full builds too (it depends on no input).
        TransliterationCache.load(root: context.root)
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
        if let config = context.config, let vocabulary = context.vocabulary, let gazetteer = context.gazetteer {
            problems += config.taxonomyProblems(vocabulary: vocabulary, gazetteer: gazetteer, path: SiteLoader.configPath)
        }
        guard problems.isEmpty else { throw Diagnostics(problems) }
        context.inputs = BuildInputs.of(root: context.root)
        return "\(context.vocabulary?.topics.count ?? 0) topics, \(context.gazetteer?.regions.count ?? 0) regions"
    }

    @Sendable static func loadReports(_ context: inout BuildContext) throws -> String {
        guard let vocabulary = context.vocabulary, let gazetteer = context.gazetteer else { return "" }
        if context.incremental, let inputs = context.inputs {
            context.previous = BuildCache.load(root: context.root, inputs: inputs, gazetteer: gazetteer)
        }
        var cached: [String: BuildCache.Entry] = [:]
        for entry in context.previous?.reports ?? [] { cached[entry.report.path] = entry }
        context.loadStarted = FileStamp.now()
        let loaded = try SiteLoader(root: context.root).reports(
            vocabulary: vocabulary, gazetteer: gazetteer, cached: cached, since: context.previous?.loadStarted ?? 0)
        context.reports = loaded.map(\.report)
        context.reportsRead = loaded.count { $0.read }
        context.fileHashes = Dictionary(loaded.map { ($0.report.path, $0.fileHash) }) { first, _ in first }
        context.fileStamps = Dictionary(loaded.compactMap { loaded in loaded.stamp.map { (loaded.report.path, $0) } }) { first, _ in first }
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

    /// What this build may take from the last one: the pages whose template and listing are
    /// unchanged, the report pages whose files are too, and whether the search index can be patched.
    struct Reuse {
        var templates: Set<String> = []
        /// The previous build's file hash of each report, when the site lists the same reports
        /// in the same order (ids mean the same reports).
        var previousHashes: [UInt64]?
        var previous: BuildCache?
        var sameListing = false
        /// When the listing changed only in titles or summaries: the pages that show them.
        var relisted = RelistedPages([], model: nil)
        /// Whether the site has the same pages at the same paths as the previous build's.
        var samePages = false

        init(previous: BuildCache?, model: SiteModel, templates: TemplateSet, listing: UInt64) {
            guard let previous else { return }
            self.previous = previous
            sameListing = previous.listing == listing
            if previous.reports.count == model.reports.count,
               zip(previous.reports, model.reports).allSatisfy({ $0.report.path == $1.path }) {
                previousHashes = previous.reports.map(\.fileHash)
            }
            var sameLists = sameListing
            if !sameListing, previousHashes != nil {
                let entries = zip(previous.reports.map(\.report), model.reports)
                if entries.allSatisfy({ Self.sameListPlaces($0, $1) }) {
                    let ids = entries.enumerated().filter { $1.0.title != $1.1.title || $1.0.summary != $1.1.summary }.map(\.offset)
                    relisted = RelistedPages(Set(ids), model: model)
                    sameLists = true
                }
            }
            if sameLists {
                self.templates = Set(TemplateSet.pageTemplates.filter { previous.templates[$0] == templates.digests[$0] })
            }
            samePages = sameLists
        }

        /// Whether a report is on the same lists in the same places with the same links: it differs
        /// at most in what only its own page shows, and in its title and summary.
        static func sameListPlaces(_ old: SourceReport, _ new: SourceReport) -> Bool {
            old.path == new.path && old.slug == new.slug && old.date == new.date && old.genre == new.genre
                && old.topics == new.topics && old.regions.map(\.code) == new.regions.map(\.code)
        }

        /// Whether a list page can be taken from the previous build.
        func reusable(_ path: String, template: String) -> Bool {
            templates.contains(template) && !relisted.paths.contains(path)
        }

        /// The search index can be patched for `changed` when the reports are the same and
        /// those that changed kept their facets; a full index is written when many changed.
        func searchPatchable(changed: [Int], model: SiteModel) -> Bool {
            guard let previous, previous.search != nil, previousHashes != nil,
                  changed.count <= max(16, model.reports.count / 20) else { return false }
            return changed.allSatisfy { id in
                let old = previous.reports[id].report
                let new = model.reports[id]
                return old.topics == new.topics && old.regions.map(\.code) == new.regions.map(\.code)
                    && old.genre == new.genre && old.date?.year == new.date?.year
            }
        }
    }

    /// A page job's output path and template, known before it is rendered.
    static func target(of job: PageJob, model: SiteModel) -> (path: String, template: String) {
        switch job {
        case .home: return (PageLocation.home, "home")
        case .topicIndex: return (PageLocation.topics, "topics")
        case .regionIndex: return (PageLocation.regions, "regions")
        case .search: return (PageLocation.search, "search")
        case .notFound: return (PageLocation.notFound, "404")
        case .topic(let topic, let page): return (model.topicPath(topic.name, page: page), "topic")
        case .region(let region, let page): return (model.regionPath(region, page: page), "region")
        case .genreIndex: return (PageLocation.genres, "browse")
        case .yearIndex: return (PageLocation.years, "browse")
        case .genre(let genre, let page): return (model.genrePath(genre, page: page), "list")
        case .year(let year, let page): return (model.yearPath(year, page: page), "list")
        case .topicInRegion(let topic, let region, let page): return (model.topicRegionPath(topic.name, region, page: page), "list")
        }
    }

    @Sendable static func renderPages(_ context: inout BuildContext) throws -> String {
        let model = try context.requireModel("render pages")
        guard let templates = context.templates else { return "" }
        let renderer = PageRenderer(model: model, templates: templates)
        context.listing = BuildCache.listing(of: model.reports)
        let reuse = Reuse(previous: context.previous, model: model, templates: templates, listing: context.listing)

        // Report pages, in batches; each report's search entry is made beside its page, and the
        // batch goes into the search index in report order. A report page is reused when its
        // file and everything listed on it are unchanged; its search entry is made again only
        // when the index is written in full or the report changed.
        let root = context.root
        var failures: [Error] = []
        let hashes = model.reports.map { context.fileHashes[$0.path] ?? 0 }
        let changed = model.reports.indices.filter { reuse.previousHashes?[$0] != hashes[$0] }
        let patchable = reuse.searchPatchable(changed: changed, model: model)
        let changedSet = Set(changed)

        // The staging folder starts as the spare site when the previous build left one and this
        // build, like that one, keeps the pages where they are and patches the search index.
        var spare: SpareSite?
        if let kept = reuse.previous?.spare, reuse.samePages, patchable, reuse.previous?.assets == templates.assetsDigest {
            spare = kept
        }
        SpareSite.removeOthers(root: root, keeping: spare?.id)
        let writer = try SiteWriter(destination: root.appendingPathComponent(SiteBuilder.outputFolder, isDirectory: true),
                                    spare: spare, spareFolder: spare.map { SpareSite.folder(root: root, id: $0.id) })
        context.writer = writer
        context.samePages = reuse.samePages
        // Part of the old index gone (removed by hand): written whole, over none of the spare site's.
        let indexGone = writer.startedFromSpare && writer.unsynced.contains { $0.hasPrefix(PageLocation.searchIndex) }
        if indexGone { clearSearchFolder(writer.staging.path + "/" + PageLocation.searchIndex) }
        let patchSearch = patchable && !indexGone
        var search = try SearchIndexWriter(directory: writer.staging.appendingPathComponent(PageLocation.searchIndex))
        try search.prepareFolders(documents: model.reports.count)
        let searchFolder = search.directory
        let merger = SearchMerger(search)
        var changedDocuments: [IndexedDocument] = []
        // What the index holds of each report's headings: the previous build's where the report
        // is not indexed again.
        var headingsHashes = reuse.previousHashes != nil
            ? reuse.previous?.reports.map(\.headingsHash) ?? [] : []
        if headingsHashes.count != model.reports.count { headingsHashes = Array(repeating: 0, count: model.reports.count) }
        let previousHeadings = headingsHashes
        let reportPagesReusable = reuse.templates.contains("report")
        for start in stride(from: 0, to: model.reports.count, by: reportBatch) {
            let ids = Array(start..<min(model.reports.count, start + reportBatch))
            let indexed = Parallel.map(ids, chunksPerCore: 16) { id -> Result<(document: IndexedDocument?, reused: Bool), Error> in
                do {
                    let needsIndex = !patchSearch || changedSet.contains(id)
                    let pageReused = reportPagesReusable && !changedSet.contains(id) && !reuse.relisted.reports.contains(id)
                        && writer.reuse(PageLocation.report(model.reports[id].slug))
                    if pageReused && !needsIndex { return .success((nil, true)) }
                    let markdown: RenderedMarkdown
                    if pageReused {
                        markdown = try renderer.renderedBody(id, root: root)
                    } else {
                        let (page, rendered) = try renderer.reportAndText(id, root: root)
                        try writer.write(bytes: page.bytes, to: page.path)
                        markdown = rendered
                    }
                    let text = RenderedText(headings: markdown.headings.map(\.text), plainText: markdown.plainText)
                    var document = IndexedDocument(renderer.searchDocument(id, rendered: text), id: id)
                    if patchSearch {
                        // Its text's files in the old index: a long text that became short has one fewer.
                        for key in [SearchFormat.documentKey(id), SearchFormat.restKey(id)] {
                            writer.remove(PageLocation.searchIndex + key + ".js")
                        }
                        let paths = try document.write(in: searchFolder)
                        writer.record(written: paths.map { PageLocation.searchIndex + $0 })
                    } else {
                        try document.write(in: searchFolder)
                    }
                    document.dropFiles()
                    return .success((document, pageReused))
                } catch {
                    return .failure(error)
                }
            }
            var documents: [IndexedDocument] = []
            for result in indexed {
                switch result {
                case .success(let outcome):
                    if outcome.reused { context.pagesReused += 1 } else { context.pagesRendered += 1 }
                    if let document = outcome.document {
                        documents.append(document)
                        headingsHashes[document.id] = document.headingsHash
                    }
                case .failure(let error): failures.append(error)
                }
            }
            // Once a report failed the build fails: its search entries no longer matter.
            guard failures.isEmpty else { continue }
            if patchSearch { changedDocuments += documents } else { merger.add(documents) }
        }
        var full: SearchIndexWriter? = merger.finish()
        // A whole index is written on a thread of its own while the list pages render (its
        // encoding is parallel but its tail is not); the search step waits for it. The writer is
        // handed over, so that its postings are freed there too, not at the end of this step.
        var finishing: SearchFinish?
        if failures.isEmpty && !patchSearch, let writer = full.take() { finishing = SearchFinish(writer) }
        full = nil
        let lists = renderListPages(model: model, renderer: renderer, reuse: reuse, writer: writer)
        renderer.reportItems.removeAll()
        context.pagesReused += lists.reused
        context.pagesRendered += lists.rendered
        failures = lists.failures + failures
        if let first = failures.first {
            _ = finishing?.wait()
            let diagnostics = failures.compactMap { $0 as? Diagnostics }.flatMap(\.items)
            throw diagnostics.isEmpty ? first : Diagnostics(diagnostics)
        }
        if let finishing {
            context.searchFinish = finishing
        } else if patchSearch, let state = reuse.previous?.search {
            let old = writer.destination.appendingPathComponent(PageLocation.searchIndex)
            // An old index that cannot be read (damaged by hand) is written again, not patched.
            var previous: [Int: UInt64] = [:]
            for document in changedDocuments { previous[document.id] = previousHeadings[document.id] }
            var patch = SearchIndexPatch(old: old, new: searchFolder, state: state)
            patch.inPlace = writer.startedFromSpare
            if let patched = (try? patch.apply(changedDocuments, previousHeadings: previous)) ?? nil {
                context.searchState = patched
                context.searchPatched = true
                context.searchListsDecoded = patch.decodedLists
                writer.record(written: patch.written.map { PageLocation.searchIndex + $0 })
                for path in patch.dropped { writer.remove(PageLocation.searchIndex + path) }
            } else {
                let (index, hashes) = try indexEveryReport(model: model, renderer: renderer, root: root, folder: searchFolder)
                context.searchFinish = SearchFinish(index)
                headingsHashes = hashes
            }
        }
        context.headingsHashes = headingsHashes
        context.filesWritten += lists.pages + model.reports.count
        return "\(lists.pages + model.reports.count), \(context.pagesReused) unchanged"
    }

    /// Every page but the reports' (indexes, topics, regions, genres, years, topic × region),
    /// rendered on every core or linked from the previous site when unchanged.
    private static func renderListPages(model: SiteModel, renderer: PageRenderer, reuse: Reuse, writer: SiteWriter)
        -> (pages: Int, reused: Int, rendered: Int, failures: [Error])
    {
        var jobs: [PageJob] = [.home, .topicIndex, .regionIndex, .search, .notFound]
        for topic in model.vocabulary.topics {
            jobs += (1...model.pageCount(for: model.count(topic: topic.name))).map { PageJob.topic(topic, page: $0) }
        }
        for region in model.regionsByCode.values.sorted(by: { $0.code < $1.code }) {
            jobs += (1...model.pageCount(for: model.count(region: region.code))).map { PageJob.region(region, page: $0) }
        }
        jobs += browseJobs(model)
        let outcomes = Parallel.map(jobs) { job -> Result<Bool, Error> in
            let (path, template) = target(of: job, model: model)
            if reuse.reusable(path, template: template), writer.reuse(path) { return .success(true) }
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
                guard page.path == path else {
                    throw SiteError(path: page.path, message: "internal error: the page was expected at \(path)")
                }
                try writer.write(bytes: page.bytes, to: page.path)
                return .success(false)
            } catch {
                return .failure(error)
            }
        }
        var result = (pages: jobs.count, reused: 0, rendered: 0, failures: [Error]())
        for outcome in outcomes {
            switch outcome {
            case .success(true): result.reused += 1
            case .success(false): result.rendered += 1
            case .failure(let error): result.failures.append(error)
            }
        }
        return result
    }

    /// Removes the search index's files from a staging folder (linked from the previous site,
    /// or the spare site's): the search page lives in the same folder and stays.
    static func clearSearchFolder(_ path: String) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where name != "index.html" {
            FolderRemover.remove(path + "/" + name)
        }
    }

    /// The whole search index again, for a build that meant to patch it but could not: the
    /// index's files are removed first (some are linked from the previous site, never to be written).
    static func indexEveryReport(model: SiteModel, renderer: PageRenderer, root: URL, folder: URL) throws
        -> (index: SearchIndexWriter, headingsHashes: [UInt64])
    {
        clearSearchFolder(folder.path)
        var search = try SearchIndexWriter(directory: folder)
        try search.prepareFolders(documents: model.reports.count)
        let merger = SearchMerger(search)
        var headingsHashes: [UInt64] = []
        headingsHashes.reserveCapacity(model.reports.count)
        for start in stride(from: 0, to: model.reports.count, by: reportBatch) {
            let ids = Array(start..<min(model.reports.count, start + reportBatch))
            let indexed = Parallel.map(ids, chunksPerCore: 16) { id -> Result<IndexedDocument, Error> in
                Result {
                    let markdown = try renderer.renderedBody(id, root: root)
                    let text = RenderedText(headings: markdown.headings.map(\.text), plainText: markdown.plainText)
                    var document = IndexedDocument(renderer.searchDocument(id, rendered: text), id: id)
                    try document.write(in: folder)
                    document.dropFiles()
                    return document
                }
            }
            let documents = try indexed.map { try $0.get() }
            headingsHashes += documents.map(\.headingsHash)
            merger.add(documents)
        }
        return (merger.finish(), headingsHashes)
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
        if context.searchPatched, let state = context.searchState { return "\(state.documents) reports, patched" }
        guard let finishing = context.searchFinish else { return "" }
        context.searchFinish = nil
        let state = try finishing.wait().get()
        context.searchState = state
        return "\(state.documents) reports"
    }

    /// sitemap.xml, robots.txt, feed.xml and templates/assets → assets/.
    @Sendable static func writeExtras(_ context: inout BuildContext) throws -> String {
        let model = try context.requireModel("write feeds and assets")
        let writer = try context.requireWriter("write feeds and assets")
        guard let templates = context.templates else { return "" }
        let paths = PageRenderer(model: model, templates: templates).pagePaths
        // Independent files, written on every core (the API's list of reports and the feeds are
        // most of it).
        var jobs: [@Sendable () throws -> Void] = [
            {
                for sitemap in FeedWriter.sitemaps(paths: paths, baseURL: model.config.baseURL) {
                    try writer.write(sitemap.contents, to: sitemap.name)
                }
            },
            { try writer.write(FeedWriter.robots(baseURL: model.config.baseURL), to: "robots.txt") },
        ]
        // Feeds, the API and the assets show reports' metadata only: with the same listing
        // and assets they are the previous build's.
        var reusable: [String] = []
        if let previous = context.previous, previous.listing == context.listing, previous.assets == templates.assetsDigest {
            reusable = [PageLocation.feed, PageLocation.apiReports, PageLocation.apiTopics, PageLocation.apiRegions]
            reusable += model.vocabulary.topics.map { PageLocation.topicFeed(model.slug(of: $0)) }
            reusable += assetFiles(templates.directory.appendingPathComponent("assets")).map { "assets/" + $0 }
        }
        let writeAll = reusable.isEmpty || !reusable.allSatisfy(writer.reuse)
        if writeAll {
            // Replaced, not written through: a linked file is the previous site's too.
            for path in reusable { unlink(writer.staging.path + "/" + path) }
            jobs.append { try writer.write(FeedWriter.atom(model: model), to: PageLocation.feed) }
            for topic in model.vocabulary.topics {
                jobs.append { try writer.write(FeedWriter.atom(model: model, topic: topic), to: PageLocation.topicFeed(model.slug(of: topic))) }
            }
            jobs += APIWriter(model: model).jobs(writingTo: writer)
            let assets = templates.directory.appendingPathComponent("assets")
            jobs.append { try writer.copyFolder(assets, to: "assets") }
        }
        let outcomes = Parallel.map(jobs, chunksPerCore: 16) { job in Result { try job() } }
        for case .failure(let error) in outcomes { throw error }
        if writeAll { try APIWriter(model: model).writeReports(to: writer) }
        context.filesWritten += 6 + model.vocabulary.topics.count
        return "sitemap, robots.txt, feeds, api, assets"
    }

    /// The files `SiteWriter.copyFolder` copies from a folder: sorted, dotfiles skipped.
    static func assetFiles(_ folder: URL) -> [String] {
        let base = folder.standardizedFileURL.path
        guard let files = FileManager.default.enumerator(atPath: base)?.allObjects as? [String] else { return [] }
        return files.sorted().filter { file in
            var isFolder: ObjCBool = false
            return !file.split(separator: "/").contains(where: { $0.hasPrefix(".") })
                && FileManager.default.fileExists(atPath: base + "/" + file, isDirectory: &isFolder) && !isFolder.boolValue
        }
    }

    /// Swaps the new site in. The build cache describes the site it was made with, so it is
    /// removed first and written again only once the new site is in place.
    @Sendable static func publish(_ context: inout BuildContext) throws -> String {
        let writer = try context.requireWriter("publish")
        guard BuildCache.remove(root: context.root) else {
            throw SiteError(path: BuildCache.path, message: "cannot remove the old build cache")
        }
        // The site this one replaces differs from it in the files written and removed: kept as
        // the next build's starting point when they are few (see SpareSite).
        let changes = writer.log.changes
        var spare: SpareSite?
        if context.samePages, context.searchPatched, context.previous?.assets == context.templates?.assetsDigest,
           let index = context.searchState,
           SpareSite.worthKeeping(written: changes.written.count,
                                  files: context.pagesRendered + context.pagesReused + 2 * index.documents + index.shards) {
            spare = SpareSite(id: UInt64.random(in: 1...UInt64.max), written: changes.written, removed: changes.removed)
        }
        if !(try writer.publish(keepingOldAt: spare.map { SpareSite.folder(root: context.root, id: $0.id) })) {
            spare = nil
        }
        if let inputs = context.inputs, let model = context.model, let templates = context.templates {
            let entries = model.reports.enumerated().map { id, report in
                BuildCache.Entry(fileHash: context.fileHashes[report.path] ?? 0, report: report, stamp: context.fileStamps[report.path],
                                 headingsHash: id < context.headingsHashes.count ? context.headingsHashes[id] : 0)
            }
            let cache = BuildCache(inputs: inputs, templates: templates.digests, assets: templates.assetsDigest,
                                   listing: context.listing, reports: entries, search: context.searchState,
                                   loadStarted: context.loadStarted, spare: spare)
            try cache.write(root: context.root)
            TransliterationCache.write(root: context.root)
        }
        return SiteBuilder.outputFolder + "/"
    }
}

/// Adds rendered batches to the search index on a thread of its own, so that the next batch
/// renders meanwhile: the index takes reports one at a time, in order, and would otherwise leave
/// a core idle. At most two batches wait, so memory stays bounded however large the site.
final class SearchMerger: @unchecked Sendable {
    private var writer: SearchIndexWriter?
    private let queue = DispatchQueue(label: "policykb.search-merge")
    private let waiting = DispatchSemaphore(value: 2)

    init(_ writer: SearchIndexWriter) {
        self.writer = writer
    }

    func add(_ documents: [IndexedDocument]) {
        waiting.wait()
        queue.async {
            for document in documents { self.writer!.add(document) }
            self.waiting.signal()
        }
    }

    /// Waits for every batch, then hands the writer over (the merger keeps no reference to it).
    func finish() -> SearchIndexWriter {
        queue.sync {
            defer { writer = nil }
            return writer!
        }
    }
}

/// A whole search index being written (`SearchIndexWriter.finish`) on a thread of its own.
final class SearchFinish: @unchecked Sendable {
    private let done = DispatchGroup()
    private var result: Result<SearchIndexState, Error>?

    init(_ writer: SearchIndexWriter) {
        done.enter()
        let held = Held(writer)
        DispatchQueue.global().async {
            self.result = Result { try held.writer!.finish() }
            // Its postings (millions of small buffers at 100,000 reports) freed on this thread,
            // not on the one that waits.
            held.writer = nil
            self.done.leave()
        }
    }

    private final class Held: @unchecked Sendable {
        var writer: SearchIndexWriter?
        init(_ writer: SearchIndexWriter) { self.writer = writer }
    }

    /// Waits until the index is written.
    func wait() -> Result<SearchIndexState, Error> {
        done.wait()
        return result!
    }
}
