import Content
import Foundation

/// `policykb build`: a list of named steps, each logged with its time:
/// `[2/6] load reports (7) 12 ms`. Content problems come back together as `Diagnostics`;
/// nothing in `public/` changes unless every step succeeded.
public struct SiteBuilder: Sendable {
    public var root: URL
    public var steps: [BuildStep]
    public var log: @Sendable (String) -> Void
    /// False ignores the build cache: every page is rendered (`policykb build --full`).
    public var incremental = true

    public init(root: URL, steps: [BuildStep] = SiteBuilder.standardSteps, log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.root = root
        self.steps = steps
        self.log = log
    }

    public static let outputFolder = "public"

    /// load configuration → load reports → index site → render pages → write search index →
    /// write feeds and assets → publish. More output steps go in with `addOutputStep(_:)`.
    public static let standardSteps: [BuildStep] = [
        BuildStep("load configuration", run: BuildSteps.loadConfiguration),
        BuildStep("load reports", run: BuildSteps.loadReports),
        BuildStep("index site", run: BuildSteps.indexSite),
        BuildStep("render pages", run: BuildSteps.renderPages),
        BuildStep("write search index", run: BuildSteps.writeSearchIndex),
        BuildStep("write feeds and assets", run: BuildSteps.writeExtras),
        BuildStep("publish", run: BuildSteps.publish),
    ]

    /// Adds a step just before `publish`, where output steps belong (a search index writer).
    public mutating func addOutputStep(_ step: BuildStep) {
        let publish = steps.lastIndex { $0.name == "publish" } ?? steps.endIndex
        steps.insert(step, at: publish)
    }

    /// Runs every step; on any failure the staging folder is removed and `public/` left as it was.
    @discardableResult
    public func build() throws -> BuildContext {
        var start = BuildContext(root: root)
        start.incremental = incremental
        return try build(startingWith: start)
    }

    /// Builds from a context the caller has partly filled, e.g. with a vocabulary made in code.
    @discardableResult
    public func build(startingWith start: BuildContext) throws -> BuildContext {
        var context = start
        context.incremental = context.incremental && incremental
        let clock = ContinuousClock()
        for (number, step) in steps.enumerated() {
            let start = clock.now
            do {
                let detail = try step.run(&context)
                let elapsed = start.duration(to: clock.now)
                let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
                log("[\(number + 1)/\(steps.count)] \(step.name)\(detail.isEmpty ? "" : " (\(detail))") \(milliseconds) ms")
            } catch var error as SiteError {
                context.writer?.discard()
                if error.step.isEmpty { error.step = step.name }
                throw error
            } catch {
                context.writer?.discard()
                throw error
            }
        }
        return context
    }
}
