#if canImport(Glibc)
import Glibc
#endif
import Content
import Foundation
import Search
import Taxonomy

/// What the last successful build was made from, kept in `.policykb/build-cache` beside the
/// site so that the next build reuses every page whose inputs did not change (linked from the
/// previous `public/`) and patches the search index instead of writing it again.
///
/// The cache belongs to the `public/` it was written with: it is removed just before a build
/// puts its site in place and written again just after, so a build killed in between leaves no
/// cache, and the next build is a full one.
struct BuildCache: Sendable {
    static let path = ".policykb/build-cache"
    static let magic = "policykb build cache 3\n"

    /// The program, the taxonomy files and site.yml: a change to any means a full build.
    var inputs: BuildInputs
    /// Each page template's digest (`TemplateSet.digests`) and the assets'.
    var templates: [String: UInt64]
    var assets: UInt64
    /// Every report's metadata as pages list it, in site order (`BuildCache.listing`).
    var listing: UInt64
    /// Each report's file bytes and what loading made of it, in site order.
    var reports: [Entry]
    var search: SearchIndexState?
    /// When this build began reading reports (`FileStamp.now()`): a stamp is trusted only for a
    /// file modified well before it.
    var loadStarted: Int
    /// The site before this one, kept for the next build to start from (`SpareSite`).
    var spare: SpareSite?

    struct Entry: Sendable {
        var fileHash: UInt64
        var report: SourceReport
        /// The file's stamp when it was read, nil when it could not be taken.
        var stamp: FileStamp?
        /// The fingerprint of the headings the search index holds for the report (0: unknown).
        var headingsHash: UInt64 = 0
    }

    /// The fingerprint of every report's metadata, in site order: the part of the site that
    /// lists, counts and links reports. Bodies are not in it: a body shows on its own page only.
    /// Each report's metadata is hashed on its own, on every core, and the hashes in order.
    static func listing(of reports: [SourceReport]) -> UInt64 {
        let hashes = Parallel.map(reports, chunksPerCore: 8) { report in
            var writer = CacheWriter()
            writer.report(report, withLocation: false)
            return StableHash.of(writer.bytes)
        }
        var hash = StableHash()
        hash.combine(hashes.count)
        for value in hashes { hash.combine(value) }
        return hash.value
    }

    // MARK: - Reading and writing

    func encoded() -> [UInt8] {
        var writer = CacheWriter()
        writer.string(Self.magic)
        writer.word(inputs.program)
        writer.word(inputs.taxonomy)
        writer.word(inputs.config)
        writer.int(templates.count)
        for name in templates.keys.sorted() { writer.string(name); writer.word(templates[name]!) }
        writer.word(assets)
        writer.word(listing)
        writer.int(loadStarted)
        writer.int(reports.count)
        for entry in reports {
            writer.word(entry.fileHash)
            writer.word(entry.headingsHash)
            writer.bool(entry.stamp != nil)
            if let stamp = entry.stamp {
                for value in [stamp.size, stamp.modified, stamp.changed] { writer.int(value) }
                writer.word(stamp.inode)
                writer.word(stamp.device)
            }
            writer.report(entry.report)
        }
        writer.bool(search != nil)
        if let search {
            for value in [search.documents, search.totalTextLength, search.listBytes, search.shards, search.ownFileBytes] {
                writer.int(value)
            }
        }
        writer.bool(spare != nil)
        if let spare {
            writer.word(spare.id)
            writer.strings(spare.written)
            writer.strings(spare.removed)
        }
        return writer.bytes
    }

    init(inputs: BuildInputs, templates: [String: UInt64], assets: UInt64, listing: UInt64, reports: [Entry],
         search: SearchIndexState?, loadStarted: Int, spare: SpareSite? = nil) {
        self.inputs = inputs
        self.templates = templates
        self.assets = assets
        self.listing = listing
        self.reports = reports
        self.search = search
        self.loadStarted = loadStarted
        self.spare = spare
    }

    /// Reads a cache; regions are looked up in `gazetteer` (the taxonomy the cache was made
    /// with, which the caller checked through `inputs`).
    init(bytes: [UInt8], gazetteer: Gazetteer) throws {
        var reader = CacheReader(bytes)
        guard try reader.string() == Self.magic else { throw CacheReader.Malformed() }
        inputs = BuildInputs(program: try reader.word(), taxonomy: try reader.word(), config: try reader.word())
        var templates: [String: UInt64] = [:]
        for _ in 0..<(try reader.count()) { templates[try reader.string()] = try reader.word() }
        self.templates = templates
        assets = try reader.word()
        listing = try reader.word()
        loadStarted = try reader.int()
        var reports: [Entry] = []
        let count = try reader.count()
        reports.reserveCapacity(count)
        for _ in 0..<count {
            let fileHash = try reader.word()
            let headingsHash = try reader.word()
            var stamp: FileStamp?
            if try reader.bool() {
                let (size, modified, changed) = (try reader.int(), try reader.int(), try reader.int())
                stamp = FileStamp(size: size, inode: try reader.word(), device: try reader.word(), modified: modified, changed: changed)
            }
            reports.append(Entry(fileHash: fileHash, report: try reader.report(gazetteer: gazetteer), stamp: stamp, headingsHash: headingsHash))
        }
        self.reports = reports
        if try reader.bool() {
            search = SearchIndexState(documents: try reader.int(), totalTextLength: try reader.int(), listBytes: try reader.int(),
                                      shards: try reader.int(), ownFileBytes: try reader.int())
        }
        if try reader.bool() {
            let kept = SpareSite(id: try reader.word(), written: try reader.strings(), removed: try reader.strings())
            guard (kept.written + kept.removed).allSatisfy(SpareSite.isInside) else { throw CacheReader.Malformed() }
            spare = kept
        }
        guard reader.atEnd else { throw CacheReader.Malformed() }
    }

    /// The cache of the site at `root`, when there is one made with these inputs.
    static func load(root: URL, inputs: BuildInputs, gazetteer: Gazetteer) -> BuildCache? {
        guard let data = FileManager.default.contents(atPath: root.path + "/" + path),
              let cache = try? BuildCache(bytes: [UInt8](data), gazetteer: gazetteer),
              cache.inputs == inputs
        else { return nil }
        return cache
    }

    /// Writes the cache in one step (a temporary file renamed over the old one).
    func write(root: URL) throws(SiteError) {
        do {
            try CacheFile.write(encoded(), root: root, path: Self.path)
        } catch {
            throw SiteError(path: Self.path, message: "cannot write the build cache: \(error)")
        }
    }

    /// Removes the cache (before `public/` changes); false when it is there and cannot be removed.
    static func remove(root: URL) -> Bool {
        let full = root.path + "/" + path
        return unlink(full) == 0 || errno == ENOENT
    }
}

/// Fingerprints of what every page depends on.
public struct BuildInputs: Sendable, Equatable {
    /// The running program (its size and modification time): another policykb may render differently.
    public var program: UInt64
    /// content/taxonomy/topics.yml and regions.csv: loading a report checks against them.
    public var taxonomy: UInt64
    public var config: UInt64

    public init(program: UInt64, taxonomy: UInt64, config: UInt64) {
        self.program = program
        self.taxonomy = taxonomy
        self.config = config
    }

    /// The fingerprints of the site at `root` and of this program.
    static func of(root: URL) -> BuildInputs {
        func digest(_ paths: [String]) -> UInt64 {
            var hash = StableHash()
            for path in paths {
                let data = FileManager.default.contents(atPath: root.path + "/" + path)
                hash.combine(data != nil)
                if let data { hash.combine(bytes: data) }
            }
            return hash.value
        }
        return BuildInputs(
            program: programDigest,
            taxonomy: digest([SiteLoader.topicsPath, SiteLoader.regionsPath]),
            config: digest([SiteLoader.configPath]))
    }

    static let programDigest: UInt64 = {
        var hash = StableHash()
        var info = stat()
        if stat("/proc/self/exe", &info) == 0 {
            hash.combine(Int(info.st_size))
            hash.combine(Int(info.st_mtim.tv_sec))
            hash.combine(Int(info.st_mtim.tv_nsec))
            hash.combine(Int(info.st_ino))
        } else {
            // Without a way to tell the program, never trust a cache.
            hash.combine(Int(getpid()))
            hash.combine(Int(time(nil)))
        }
        return hash.value
    }()
}
