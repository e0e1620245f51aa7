import Content
import Foundation
import Site
import Taxonomy

/// Rebuilds the site after a change, incrementally (`SiteBuilder`'s build cache): an edited report
/// renders its own page and patches the search index. The topic vocabulary and the gazetteer are
/// also kept in memory from the last build unless a file in content/taxonomy/ changed.
struct Rebuilder {
    let root: URL
    let console: Console
    private var taxonomy: (vocabulary: TopicVocabulary, gazetteer: Gazetteer)?
    /// What the last successful build rendered and reused.
    private(set) var lastBuild: BuildContext?

    init(root: URL, console: Console) {
        self.root = root
        self.console = console
    }

    /// Builds; the problems as text when it fails (already printed), nil when it succeeded.
    mutating func build(changed: [String]) -> String? {
        if changed.contains(where: { $0.hasPrefix("content/taxonomy/") }) { taxonomy = nil }
        var start = BuildContext(root: root)
        start.vocabulary = taxonomy?.vocabulary
        start.gazetteer = taxonomy?.gazetteer
        let clock = ContinuousClock()
        let began = clock.now
        let console = self.console
        let builder = SiteBuilder(root: root, log: { line in
            if console.interactive || console.verbose { console.step(line) }
        })
        do {
            let context = try builder.build(startingWith: start)
            lastBuild = context
            if let vocabulary = context.vocabulary, let gazetteer = context.gazetteer { taxonomy = (vocabulary, gazetteer) }
            let elapsed = began.duration(to: clock.now)
            console.say("built in \(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000) ms")
            return nil
        } catch let diagnostics as Diagnostics {
            console.problem(diagnostics.description)
            console.problem("build failed: \(diagnostics.items.count) problem(s); still serving, waiting for a fix")
            return diagnostics.description
        } catch {
            let text = "\(error)"
            console.problem(text)
            console.problem("build failed; still serving, waiting for a fix")
            return text
        }
    }
}
