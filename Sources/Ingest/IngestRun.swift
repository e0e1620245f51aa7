import Content
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Taxonomy

/// `policykb ingest` as a value: reads `content/raw/` and the taxonomy under a site folder,
/// writes `content/reports/<slug>.md` and the manifest `content/reports/.ingest.json`.
///
/// Runs are deterministic (the same inputs give byte-identical files), never overwrite a report
/// the user edited since ingest wrote it (unless `force`), keep an origin in the same file
/// across runs, and write every file atomically.
public struct IngestRun: Sendable {
    public var root: URL
    public var force: Bool
    /// Told (raw files read so far, raw files in all) after each raw file, for a progress bar.
    public var progress: (@Sendable (Int, Int) -> Void)?
    /// Told each finished step as `[2/3] ingest raw files (5 files, 7 reports) 120 ms`, as a build logs its steps.
    public var log: (@Sendable (String) -> Void)?

    /// The run's steps, in order, for `log`.
    public static let steps = ["load taxonomy", "ingest raw files", "write reports"]

    public init(root: URL, force: Bool = false, progress: (@Sendable (Int, Int) -> Void)? = nil, log: (@Sendable (String) -> Void)? = nil) {
        self.root = root
        self.force = force
        self.progress = progress
        self.log = log
    }

    public enum Status: String, Codable, Sendable {
        /// Written (new or changed).
        case written
        /// Already on disk with the same bytes.
        case unchanged
        /// Edited by the user since ingest wrote it; left alone.
        case kept
    }

    /// One report of the run, for the summary (and `--json`).
    public struct Entry: Codable, Equatable, Sendable {
        public var file: String
        public var origin: String
        public var title: String
        public var genre: String?
        public var date: String?
        public var tags: [String]
        public var regions: [String]
        public var places: [String]
        public var status: Status
        public var encoding: String
        public var droppedChromeLines: Int
        public var droppedMetadataLines: Int
        public var droppedTitleCopies: Int
        public var notes: [String]
    }

    public struct Outcome: Sendable {
        public var entries: [Entry]
        /// Problems in raw files and warnings (duplicates, kept edits), in file order.
        public var diagnostics: [Diagnostic]

        public var failed: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Larger files are refused rather than read: a report is rarely over 1 MB, and a file of
    /// 100 MB (a whole archive dumped at once) would take minutes and gigabytes to ingest.
    public static let maxRawFileSize = 32_000_000
    public static let rawFolder = "content/raw"
    public static let reportsFolder = "content/reports"
    public static let topicsFile = "content/taxonomy/topics.yml"
    public static let regionsFile = "content/taxonomy/regions.csv"

    /// Problems with a raw file are collected in the outcome; a missing folder, taxonomy or an
    /// unreadable manifest stop the run at once.
    public func run() throws(Diagnostics) -> Outcome {
        let fm = FileManager.default
        let rawURL = root.appendingPathComponent(Self.rawFolder, isDirectory: true)
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: rawURL.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Diagnostics([.error("no raw folder: put the reports to ingest, as text files, in \(Self.rawFolder)/", path: Self.rawFolder)])
        }
        let clock = ContinuousClock()
        var stepStart = clock.now
        func finished(_ step: Int, _ detail: String) {
            let elapsed = stepStart.duration(to: clock.now)
            let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
            log?("[\(step + 1)/\(Self.steps.count)] \(Self.steps[step]) (\(detail)) \(milliseconds) ms")
            stepStart = clock.now
        }
        Slug.warmUp()  // while the taxonomy loads; every report's slug needs it
        let ingester = try loadTaxonomy()
        finished(0, "\(ingester.vocabulary.topics.count) topics, \(ingester.gazetteer.regions.count) regions")
        let reportsURL = root.appendingPathComponent(Self.reportsFolder, isDirectory: true)
        var manifest = try loadManifest(reportsURL)

        var diagnostics: [Diagnostic] = []
        var reports: [(report: IngestedReport, rawPath: String, bytes: Data, slug: String)] = []
        var seen: [UInt64: (rawPath: String, origin: String)] = [:]
        let listing = rawFiles(rawURL)
        diagnostics += listing.problems
        // Raw files are read and ingested on every core, in batches of 32, with what each report's
        // file needs that depends on no other report (its bytes, its title's pinyin); what follows
        // (duplicates, names, writing) goes in file order, so the outcome does not depend on
        // scheduling. Small batches, because raw files differ much in size and a core left with
        // the last big chunk idles the others.
        let names = listing.names
        let counter = ProgressCounter(total: names.count, report: progress)
        let batches = stride(from: 0, to: names.count, by: 32).map { Array(names[$0..<min($0 + 32, names.count)]) }
        let results = Parallel.map(batches, chunksPerCore: 32) { batch -> [FileOutcome] in
            var outcomes = batch.map { name in
                defer { counter.step() }
                return ingestFile(name, in: rawURL, with: ingester)
            }
            // The batch's titles in one transliteration, which costs about half as much as one
            // each (Slug.makeAll gives the same slugs as Slug.make).
            var slugs = Slug.makeAll(outcomes.flatMap { $0.result?.reports.map(\.report.title) ?? [] })[...]
            for k in outcomes.indices {
                let count = outcomes[k].result?.reports.count ?? 0
                outcomes[k].slugs = Array(slugs.prefix(count))
                slugs = slugs.dropFirst(count)
            }
            return outcomes
        }.flatMap { $0 }
        for (name, outcome) in zip(names, results) {
            let rawPath = "\(Self.rawFolder)/\(name)"
            if let problem = outcome.problem { diagnostics.append(problem) }
            guard let result = outcome.result else { continue }
            diagnostics += result.diagnostics
            for ((report, bytes), slug) in zip(zip(result.reports, outcome.files), outcome.slugs) {
                if let first = seen[report.contentHash] {
                    diagnostics.append(.warning(
                        "duplicate: \(report.report.origin ?? rawPath) has the same text as \(first.origin) (\(first.rawPath)); written once",
                        path: rawPath))
                    continue
                }
                seen[report.contentHash] = (rawPath, report.report.origin ?? rawPath)
                reports.append((report, rawPath, bytes, slug))
            }
        }

        finished(1, "\(names.count) files, \(reports.count) reports")

        do {
            try fm.createDirectory(at: reportsURL, withIntermediateDirectories: true)
        } catch {
            throw Diagnostics([.error("cannot create the reports folder: \(error.localizedDescription)", path: Self.reportsFolder)])
        }
        AtomicFile.removeLeftovers(in: reportsURL)
        var taken = Set(manifest.files.keys)
        if let existing = try? fm.contentsOfDirectory(atPath: reportsURL.path) { taken.formUnion(existing) }
        var entries: [Entry] = []
        let byOrigin = manifest.filesByOrigin()
        // Names in file order (each depends on the names taken before it); then every file read,
        // compared and written on every core; then the manifest and the entries in file order.
        var planned: [PlannedFile] = []
        for (ingested, _, bytes, slug) in reports {
            let origin = ingested.report.origin ?? ""
            let name = byOrigin[origin]
                ?? Self.existingFile(slug: slug, origin: origin, folder: reportsURL, manifest: manifest, taken: &taken)
                ?? Self.newName(slug: slug, taken: &taken)
            planned.append(PlannedFile(bytes: bytes, origin: origin, name: name, previous: manifest.files[name]))
        }
        let distinct = Set(planned.map(\.name)).count == planned.count
        let folder = reportsURL
        let outcomes = distinct
            ? Parallel.map(planned, chunksPerCore: 8) { self.write($0, folder: folder) }
            : planned.map { write($0, folder: folder) }
        var failures: [Diagnostic] = []
        for ((ingested, _, _, _), (file, outcome)) in zip(reports, zip(planned, outcomes)) {
            switch outcome {
            case .failure(let diagnostic):
                failures.append(diagnostic)
            case .success(let (status, warning, hash)):
                if let hash { manifest.files[file.name] = .init(origin: file.origin, hash: hash) }
                if let warning { diagnostics.append(warning) }
                entries.append(entry(ingested, file: "\(Self.reportsFolder)/\(file.name)", status: status))
            }
        }
        // The manifest names every file written, even when another could not be: a file written
        // but missing from it would look edited by hand on the next run.
        try writeManifest(manifest, folder: reportsURL)
        if !failures.isEmpty { throw Diagnostics(failures) }
        let written = entries.filter { $0.status == .written }.count
        finished(2, "\(written) written, \(entries.count - written) unchanged or kept")
        return Outcome(entries: entries, diagnostics: diagnostics)
    }

    // MARK: - Inputs

    /// What ingesting one raw file gives: its reports and their files' bytes, or a problem.
    struct FileOutcome: Sendable {
        var result: IngestResult?
        var files: [Data] = []
        /// The reports' titles as slugs, filled in for the batch.
        var slugs: [String] = []
        var problem: Diagnostic?
    }

    func ingestFile(_ name: String, in rawURL: URL, with ingester: Ingester) -> FileOutcome {
        let rawPath = "\(Self.rawFolder)/\(name)"
        switch Self.readRawFile(rawURL.path + "/" + name, limit: Self.maxRawFileSize) {
        case .tooLarge(let size):
            return FileOutcome(problem: .error(
                "file too large: \(size / 1_000_000) MB (a raw file may have at most \(Self.maxRawFileSize / 1_000_000) MB); split it into one file per report",
                path: rawPath))
        case .failed(let reason):
            return FileOutcome(problem: .error("cannot read the file: \(reason)", path: rawPath))
        case .read(let data):
            let result = ingester.ingest(data, path: rawPath, origin: "raw/\(name)")
            return FileOutcome(result: result, files: result.reports.map { Data(ReportFile.serialize($0.report).utf8) })
        }
    }

    enum RawRead {
        case read(Data)
        case tooLarge(Int)
        case failed(String)
    }

    /// A raw file's bytes with one open, fstat and read: Foundation's URL, attribute and Data calls
    /// cost more than reading a report of 14 KB. The size is checked before anything is read.
    static func readRawFile(_ path: String, limit: Int) -> RawRead {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failed(String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failed(String(cString: strerror(errno))) }
        let size = max(0, Int(info.st_size))
        guard size <= limit else { return .tooLarge(size) }
        var data = Data(count: size)
        var filled = 0
        while true {
            // A file that grows while it is read is read to its end, within the limit.
            if filled == data.count {
                guard data.count <= limit else { return .tooLarge(data.count) }
                data.count += 4096
            }
            let count = data.withUnsafeMutableBytes { buffer in
                read(fd, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return .failed(String(cString: strerror(errno)))
            }
            if count == 0 { break }
            filled += count
        }
        data.count = filled
        return .read(data)
    }

    /// Files in content/raw/ (symbolic links followed), dotfiles skipped, in a fixed (byte-wise)
    /// order; a folder or a link that leads nowhere (missing target, loop) is a diagnostic.
    func rawFiles(_ folder: URL) -> (names: [String], problems: [Diagnostic]) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { !$0.hasPrefix(".") }
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        var files: [String] = []
        var problems: [Diagnostic] = []
        for name in names {
            let path = "\(Self.rawFolder)/\(name)"
            var info = stat()
            if stat(folder.appendingPathComponent(name).path, &info) != 0 {
                problems.append(.error(
                    "cannot open: a symbolic link that leads nowhere (its target is missing, or links loop); remove it or point it at a text file",
                    path: path))
            } else if info.st_mode & S_IFMT == S_IFDIR {
                problems.append(.error(
                    "a folder where a raw file is expected: ingest reads the text files directly in \(Self.rawFolder)/; move its files up",
                    path: path))
            } else if info.st_mode & S_IFMT == S_IFREG {
                files.append(name)
            } else {
                problems.append(.error("not a regular file (a device, socket or pipe); put text files here", path: path))
            }
        }
        return (files, problems)
    }

    /// The vocabulary and the gazetteer, read at the same time: each takes a good part of a
    /// second (YAML, CSV, pinyin) before any raw file can be ingested.
    func loadTaxonomy() throws(Diagnostics) -> Ingester {
        struct Loaded: Sendable {
            var vocabulary: Result<TopicVocabulary, Diagnostics>?
            var gazetteer: Result<Gazetteer, Diagnostics>?
        }
        let loaded = Parallel.map([false, true]) { gazetteer in
            gazetteer
                ? Loaded(gazetteer: Result { () throws(Diagnostics) in try loadGazetteer() })
                : Loaded(vocabulary: Result { () throws(Diagnostics) in try loadVocabulary() })
        }
        // The vocabulary's problems first, as when they were read one after the other.
        let vocabulary = try loaded[0].vocabulary!.get()
        let gazetteer = try loaded[1].gazetteer!.get()
        return Ingester(vocabulary: vocabulary, gazetteer: gazetteer)
    }

    func loadVocabulary() throws(Diagnostics) -> TopicVocabulary {
        let url = root.appendingPathComponent(Self.topicsFile)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw Diagnostics([.error("missing topic vocabulary: ingest tags reports with the topics in \(Self.topicsFile); add that file", path: Self.topicsFile)])
        }
        // Reports are tagged with topic names, never slugs (the site makes those).
        return try TopicVocabulary.load(from: url, slugs: false)
    }

    func loadGazetteer() throws(Diagnostics) -> Gazetteer {
        let url = root.appendingPathComponent(Self.regionsFile)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw Diagnostics([.error("missing gazetteer: ingest finds regions with the divisions in \(Self.regionsFile); add that file", path: Self.regionsFile)])
        }
        // Reports name their regions, never their slugs (the site makes those).
        return try Gazetteer.load(from: url, slugs: false)
    }

    func loadManifest(_ folder: URL) throws(Diagnostics) -> IngestManifest {
        let url = folder.appendingPathComponent(IngestManifest.fileName)
        guard let data = try? Data(contentsOf: url) else { return IngestManifest() }
        do {
            return try JSONDecoder().decode(IngestManifest.self, from: data)
        } catch {
            throw Diagnostics([.error(
                "cannot read the ingest manifest (\(error.localizedDescription)); without it ingest cannot tell edited reports from its own: restore it, or delete it and run with --force",
                path: "\(Self.reportsFolder)/\(IngestManifest.fileName)")])
        }
    }

    // MARK: - Outputs

    /// Without a manifest entry (the manifest was deleted), a file under the report's slug that
    /// records the same origin is the report's file; whether it was edited is then unknown, so
    /// `write` keeps it unless forced.
    static func existingFile(slug base: String, origin: String, folder: URL, manifest: IngestManifest, taken: inout Set<String>) -> String? {
        for n in 1...20 {
            let name = n == 1 ? "\(base).md" : "\(base)-\(n).md"
            guard manifest.files[name] == nil else { continue }
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(name)) else { return nil }
            let text = String(decoding: data, as: UTF8.self)
            if let report = try? ReportFile.parse(text, path: name), report.origin == origin {
                taken.insert(name)
                return name
            }
        }
        return nil
    }

    /// `<slug>.md`, or `<slug>-2.md`, `<slug>-3.md` … when taken.
    static func newName(slug base: String, taken: inout Set<String>) -> String {
        var name = "\(base).md"
        var n = 2
        while taken.contains(name) {
            name = "\(base)-\(n).md"
            n += 1
        }
        taken.insert(name)
        return name
    }

    /// One report file to write: its bytes, where it comes from, its name and what the manifest
    /// said of that name before this run.
    struct PlannedFile: Sendable {
        var bytes: Data
        var origin: String
        var name: String
        var previous: IngestManifest.Entry?
    }

    /// Writes one report file unless it already holds these bytes, or was edited by hand (kept,
    /// with a warning, unless --force); the status, the warning and the hash for the manifest
    /// (nil when the file is kept as it is).
    func write(_ file: PlannedFile, folder: URL) -> Result<(Status, Diagnostic?, String?), Diagnostic> {
        let url = folder.appendingPathComponent(file.name)
        let path = "\(Self.reportsFolder)/\(file.name)"
        if let current = try? Data(contentsOf: url) {
            if current == file.bytes {
                return .success((.unchanged, nil, FNV1a.hex(file.bytes)))
            }
            let ours = file.previous.map { $0.hash == FNV1a.hex(current) } ?? false
            if !ours && !force {
                return .success((.kept, .warning("kept \(path): edited since ingest; use --force to overwrite", path: path), nil))
            }
        }
        do {
            try AtomicFile.write(file.bytes, to: url)
        } catch {
            return .failure(.error("cannot write the report: \(error.localizedDescription)", path: path))
        }
        return .success((.written, nil, FNV1a.hex(file.bytes)))
    }

    func writeManifest(_ manifest: IngestManifest, folder: URL) throws(Diagnostics) {
        let url = folder.appendingPathComponent(IngestManifest.fileName)
        let bytes = manifest.encoded()
        if (try? Data(contentsOf: url)) == bytes { return }
        do {
            try AtomicFile.write(bytes, to: url)
        } catch {
            throw Diagnostics([.error("cannot write the ingest manifest: \(error.localizedDescription)", path: "\(Self.reportsFolder)/\(IngestManifest.fileName)")])
        }
    }

    func entry(_ ingested: IngestedReport, file: String, status: Status) -> Entry {
        let r = ingested.report
        return Entry(
            file: file, origin: r.origin ?? "", title: r.title, genre: r.genre, date: r.date?.description,
            tags: r.tags, regions: r.regions, places: r.places, status: status,
            encoding: ingested.encoding.rawValue, droppedChromeLines: ingested.droppedChromeLines,
            droppedMetadataLines: ingested.droppedMetadataLines, droppedTitleCopies: ingested.droppedTitleCopies,
            notes: ingested.notes)
    }
}

/// Counts finished items across threads, for a progress bar.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let total: Int
    private let report: (@Sendable (Int, Int) -> Void)?

    init(total: Int, report: (@Sendable (Int, Int) -> Void)?) {
        self.total = total
        self.report = report
    }

    func step() {
        lock.lock()
        done += 1
        let now = done
        lock.unlock()
        report?(now, total)
    }
}
