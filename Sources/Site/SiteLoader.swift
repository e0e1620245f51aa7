import Content
import Foundation
import Markdown
import Taxonomy

/// Reads a knowledge base's folder: `site.yml`, the taxonomy and every report, each checked.
public struct SiteLoader: Sendable {
    public var root: URL

    public init(root: URL) {
        self.root = root
    }

    public static let configPath = "site.yml"
    public static let topicsPath = "content/taxonomy/topics.yml"
    public static let regionsPath = "content/taxonomy/regions.csv"
    public static let reportsPath = "content/reports"

    // MARK: - Configuration and taxonomy

    public func config() throws(Diagnostics) -> SiteConfig {
        try SiteConfig.load(from: url(Self.configPath), path: Self.configPath)
    }

    public func vocabulary() throws(Diagnostics) -> TopicVocabulary {
        guard let text = try? String(contentsOf: url(Self.topicsPath), encoding: .utf8) else {
            throw Diagnostics([.error("cannot read the topic vocabulary", path: Self.topicsPath)])
        }
        return try TopicVocabulary(yaml: text, path: Self.topicsPath)
    }

    public func gazetteer() throws(Diagnostics) -> Gazetteer {
        guard let data = FileManager.default.contents(atPath: url(Self.regionsPath).path),
              let text = String(data: data, encoding: .utf8) else {
            throw Diagnostics([.error("cannot read the gazetteer", path: Self.regionsPath)])
        }
        // Parsing the CSV and spelling 3,000 names in pinyin for their slugs takes a good part
        // of a small change's rebuild; the result is kept beside the build cache.
        let key = GazetteerCache.key(csv: data)
        if let regions = GazetteerCache.load(root: root, key: key) { return Gazetteer(regions: regions) }
        let gazetteer = try Gazetteer(csv: text, path: Self.regionsPath)
        GazetteerCache.write(gazetteer.regions, root: root, key: key)
        return gazetteer
    }

    // MARK: - Reports

    /// Report files relative to the site folder, sorted; dotfiles and non-Markdown files skipped.
    public func reportPaths() throws(SiteError) -> [String] {
        let folder = url(Self.reportsPath)
        guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
        do {
            return try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .filter { !$0.hasPrefix(".") && $0.hasSuffix(".md") }
                .sorted()
                .map { "\(Self.reportsPath)/\($0)" }
        } catch {
            throw SiteError(path: Self.reportsPath, message: "cannot list reports: \(error.localizedDescription)")
        }
    }

    /// Every report, checked. Throws `Diagnostics` with every problem in every file, or a
    /// `SiteError` when a file cannot be read.
    public func reports(vocabulary: TopicVocabulary, gazetteer: Gazetteer) throws -> [SourceReport] {
        try reports(vocabulary: vocabulary, gazetteer: gazetteer, cached: [:]).map(\.report)
    }

    /// A report as loaded, with what the next build needs to tell whether its file changed.
    struct Loaded: Sendable {
        var report: SourceReport
        var fileHash: UInt64
        var stamp: FileStamp?
        /// False when the stamp vouched for the cached entry and the file was not opened.
        var read = true
    }

    /// Every report with its file's hash; a file whose bytes are those of its cached entry is
    /// not read again as YAML (the cache was made with the same vocabulary and gazetteer), and
    /// one whose stamp vouches for it (`FileStamp`) is not read at all. `since` is when the
    /// cached build began reading reports.
    func reports(vocabulary: TopicVocabulary, gazetteer: Gazetteer, cached: [String: BuildCache.Entry], since: Int = 0) throws
        -> [Loaded]
    {
        let paths = try reportPaths()
        let root = self.root
        let results = Parallel.map(paths) { path -> Result<Loaded, Error> in
            let full = root.path + "/" + path
            // Taken before reading: a file changed in between gets a new stamp next time.
            let stamp = FileStamp.of(full)
            let entry = cached[path]
            if let entry, let stamp, stamp.vouches(for: entry.stamp, since: since) {
                return .success(Loaded(report: entry.report, fileHash: entry.fileHash, stamp: stamp, read: false))
            }
            guard let data = OutputFile.read(full) else {
                return .failure(SiteError(path: path, message: "cannot read the file"))
            }
            let hash = StableHash.of(data)
            if let entry, entry.fileHash == hash { return .success(Loaded(report: entry.report, fileHash: hash, stamp: stamp)) }
            guard let text = String(validating: data, as: UTF8.self) else {
                return .failure(SiteError(path: path, message: "cannot read the file as UTF-8 text"))
            }
            return ReportChecker(vocabulary: vocabulary, gazetteer: gazetteer).check(text, path: path)
                .map { Loaded(report: $0, fileHash: hash, stamp: stamp) }
        }
        var reports: [Loaded] = []
        var problems: [Diagnostic] = []
        for result in results {
            switch result {
            case .success(let loaded): reports.append(loaded)
            case .failure(let error as Diagnostics): problems += error.items
            case .failure(let error): throw error
            }
        }
        problems += Self.duplicateSlugs(reports.map(\.report))
        guard problems.isEmpty else { throw Diagnostics(problems) }
        return reports
    }

    /// One diagnostic per report whose slug an earlier report (in file order) already has.
    static func duplicateSlugs(_ reports: [SourceReport]) -> [Diagnostic] {
        var firstPath: [String: String] = [:]
        var problems: [Diagnostic] = []
        for report in reports {
            if let other = firstPath[report.slug] {
                problems.append(.error(
                    "two reports have the slug `\(report.slug)`: \(other) and \(report.path); give one of them its own `slug:`",
                    path: report.path, line: 1, column: 1))
            } else {
                firstPath[report.slug] = report.path
            }
        }
        return problems
    }

    private func url(_ path: String) -> URL {
        root.appendingPathComponent(path)
    }
}

// MARK: - Checking one report

/// Turns one file's text into a `SourceReport`, or every problem found in it.
struct ReportChecker: Sendable {
    var vocabulary: TopicVocabulary
    var gazetteer: Gazetteer

    func check(_ text: String, path: String) -> Result<SourceReport, Error> {
        // The front matter alone: the body is rendered later, read from the file again. It is
        // taken here only for a report without a summary (one is made from it).
        var report: Report
        let bodyLocation: (offset: Int, fileSize: Int)?
        do {
            let head = try ReportFile.parseFrontMatter(text, path: path)
            report = head.report
            if let offset = head.bodyOffset {
                bodyLocation = (offset, text.utf8.count)
                if report.summary == nil { report.body = String(text.utf8.dropFirst(offset))! }
            } else {
                report = try ReportFile.parse(text, path: path)
                bodyLocation = Self.bodyLocation(of: report.body, in: text)
            }
        } catch {
            return .failure(error)
        }
        // Reading the YAML again for positions costs as much as parsing it; only a file with a
        // problem needs them.
        var located: FrontMatterLocator?
        func locator() -> FrontMatterLocator {
            if let located { return located }
            let made = FrontMatterLocator(text: text)
            located = made
            return made
        }
        var problems: [Diagnostic] = []
        func problem(_ message: String, at location: FrontMatterLocator.Location) {
            problems.append(.error(message, path: path, line: location.line, column: location.column))
        }

        var slug = Self.slug(forFile: path)
        if let given = report.slug {
            if Slug.isValid(given) {
                slug = given
            } else {
                problem("`slug: \(given)` is not a valid slug: use letters, digits and `-` (for example `\(Slug.make(given))`)",
                        at: locator().location(ofValue: "slug"))
            }
        }

        var topics: [String] = []
        for tag in report.tags {
            if let topic = vocabulary.topic(named: tag) {
                if !topics.contains(topic.name) { topics.append(topic.name) }
            } else {
                let hint = vocabulary.suggestion(for: tag).map { "; did you mean `\($0)`?" } ?? ""
                problem("unknown topic `\(tag)`\(hint) (topics are listed in \(SiteLoader.topicsPath))",
                        at: locator().location(of: tag, in: "tags"))
            }
        }

        let resolution = gazetteer.resolve(report.regions)
        for name in resolution.unknown {
            let hint = gazetteer.suggestion(for: name).map { "; did you mean `\($0)`?" } ?? ""
            problem("unknown region `\(name)`\(hint) (regions are official names or codes from \(SiteLoader.regionsPath), for example 昆山市)",
                    at: locator().location(of: name, in: "regions"))
        }
        for name in resolution.ambiguous {
            problem("region `\(name)` names several regions: add its province or prefecture to `regions`, or write its code",
                    at: locator().location(of: name, in: "regions"))
        }

        guard problems.isEmpty else { return .failure(Diagnostics(problems)) }
        return .success(SourceReport(
            path: path, slug: slug, title: report.title, date: report.date, genre: report.genre,
            source: report.source, author: report.author, collection: report.collection, origin: report.origin,
            summary: report.summary ?? Self.summary(of: report), topics: topics,
            regions: resolution.regions, places: report.places, extra: report.extra,
            bodyLocation: bodyLocation))
    }

    /// The body's byte offset when the file ends with it exactly (no CRLF, BOM or trimmed lines
    /// changed it), so rendering can read it straight from the file.
    static func bodyLocation(of body: String, in text: String) -> (offset: Int, fileSize: Int)? {
        var text = text
        var body = body
        return text.withUTF8 { file in
            body.withUTF8 { body -> (offset: Int, fileSize: Int)? in
                guard body.count <= file.count else { return nil }
                let offset = file.count - body.count
                guard body.isEmpty || memcmp(file.baseAddress! + offset, body.baseAddress!, body.count) == 0 else { return nil }
                return (offset, file.count)
            }
        }
    }

    /// The file name's stem when it is a valid slug, else a slug made from it.
    static func slug(forFile path: String) -> String {
        let name = (path as NSString).lastPathComponent
        let stem = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        return Slug.isValid(stem) ? stem : Slug.make(stem)
    }

    /// The opening of the text (its title line skipped), cut at about 120 characters.
    static func summary(of report: Report, length: Int = 120) -> String {
        let text = MarkdownRenderer.plainText(report.body)
            .split(separator: "\n")
            .filter { $0 != report.title }
            .joined(separator: " ")
        return text.count <= length ? text : String(text.prefix(length)) + "…"
    }
}
