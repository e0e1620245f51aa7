import Content
import Foundation
import Search
import Taxonomy

/// What the build steps share: each step reads what earlier steps left and adds its own part.
public struct BuildContext: Sendable {
    /// The knowledge base's folder (holding site.yml, content/, templates/).
    public let root: URL
    public var config: SiteConfig?
    public var templates: TemplateSet?
    public var vocabulary: TopicVocabulary?
    public var gazetteer: Gazetteer?
    public var reports: [SourceReport] = []
    public var model: SiteModel?
    /// Set by the render step: the staging folder every later step writes into.
    public var writer: SiteWriter?
    /// How many pages and feeds the build has written so far.
    public var filesWritten = 0
    /// The search index being written, started by the render step; the search step waits for it.
    var searchFinish: SearchFinish?

    /// Reuse what the last build made where its inputs did not change (`BuildCache`); false
    /// renders every page and writes the whole search index (`policykb build --full`).
    public var incremental = true
    /// What this build reused and made, for the log and the tests.
    public internal(set) var pagesRendered = 0
    public internal(set) var pagesReused = 0
    public internal(set) var searchPatched = false
    /// How many postings lists a patch of the search index decoded.
    public internal(set) var searchListsDecoded = 0
    /// How many report files this build opened (the others' stamps vouched for the cache).
    public internal(set) var reportsRead = 0
    var inputs: BuildInputs?
    var previous: BuildCache?
    /// Each report file's hash and stamp, by path.
    var fileHashes: [String: UInt64] = [:]
    var fileStamps: [String: FileStamp] = [:]
    /// When this build began reading reports (`FileStamp.now()`).
    var loadStarted = 0
    /// The fingerprint of each report's headings as the search index holds them, by report id.
    var headingsHashes: [UInt64] = []
    var listing: UInt64 = 0
    var searchState: SearchIndexState?
    /// Whether the site's pages are those of the previous build, at the same paths.
    var samePages = false

    public init(root: URL) {
        self.root = root
    }

    /// The model, or a clear error when a step runs before the model exists.
    public func requireModel(_ step: String) throws(SiteError) -> SiteModel {
        guard let model else { throw SiteError(step: step, path: root.path, message: "the site model is not built yet") }
        return model
    }

    public func requireWriter(_ step: String) throws(SiteError) -> SiteWriter {
        guard let writer else { throw SiteError(step: step, path: root.path, message: "no staging folder yet") }
        return writer
    }
}

/// One named step of the build. `run` returns a short detail for the log, such as a count.
///
/// A search index writer is one more step placed before `publish` (see `SiteBuilder.standardSteps`):
/// it reads `context.model` and writes under `search/` with `context.writer`.
public struct BuildStep: Sendable {
    public var name: String
    public var run: @Sendable (inout BuildContext) throws -> String

    public init(_ name: String, run: @escaping @Sendable (inout BuildContext) throws -> String) {
        self.name = name
        self.run = run
    }
}
