import ArgumentParser
import Content
import Foundation
import Ingest

/// `policykb ingest`: a thin layer over `Ingest.IngestRun`.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Turn raw reports in content/raw/ into Markdown in content/reports/.",
        discussion: """
            Reads every file in content/raw/ (UTF-8, UTF-16 with BOM or GBK/GB18030; dotfiles \
            skipped), the topic vocabulary content/taxonomy/topics.yml and the gazetteer \
            content/taxonomy/regions.csv. Removes web-page chrome, splits collections \
            (【篇一】…) into one report each, recovers headings from the numbering, and writes \
            content/reports/<slug>.md with YAML front matter (title, date, genre, source, author, \
            collection, origin, tags, regions, places, summary) plus the manifest \
            content/reports/.ingest.json. A report edited since ingest wrote it is kept unless \
            --force. Problems in raw files are reported as path:line: error: …; the other files \
            are still written and the command exits non-zero.

            genre is one of 调研报告, 讲话发言, 经验做法, 理论评论, 工作报告, 政策文件, 新闻报道, 其他. \
            source is the publisher (来源, or the site); document-download sites (文秘网, 秘书网, \
            文库 …) go to `site` instead. A preview cut off mid-sentence keeps its text, ends in \
            …… and gets `truncated: "true"`; the editor (责编) goes to `editor`.
            """
    )

    @OptionGroup var options: SiteOptions

    @Flag(name: .long, help: "Overwrite reports edited since ingest wrote them.")
    var force = false

    @Flag(name: .long, help: "Print the per-report summary as JSON on standard output.")
    var json = false

    func run() throws {
        let console = Console(options)
        let clock = ContinuousClock()
        let start = clock.now
        let outcome: IngestRun.Outcome
        // With --json standard output is the JSON alone.
        let log: (@Sendable (String) -> Void)? = json ? nil : { @Sendable line in console.step(line) }
        do {
            outcome = try IngestRun(root: options.root, force: force, progress: { done, total in
                console.progress(done, of: total, "raw files")
            }, log: log).run()
        } catch {
            console.problem(error.description)
            throw ExitCode.failure
        }
        for diagnostic in outcome.diagnostics {
            console.problem(diagnostic.description)
        }
        if json {
            print(Self.json(outcome))
        } else if !options.quiet {
            for entry in outcome.entries {
                print(Self.line(for: entry, verbose: options.verbose))
            }
            let errors = outcome.diagnostics.filter { $0.severity == .error }.count
            let warnings = outcome.diagnostics.count - errors
            let written = outcome.entries.filter { $0.status == .written }.count
            let kept = outcome.entries.filter { $0.status == .kept }.count
            let elapsed = start.duration(to: clock.now)
            let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
            print("ingest: \(outcome.entries.count) reports (\(written) written, \(kept) kept), \(errors) errors, \(warnings) warnings, \(milliseconds) ms")
        }
        if outcome.failed { throw ExitCode.failure }
    }

    static func line(for entry: IngestRun.Entry, verbose: Bool) -> String {
        var parts = ["\(entry.status.rawValue) \(entry.file): \(entry.title) [\(entry.genre ?? "其他")]"]
        if !entry.tags.isEmpty { parts.append("tags: " + entry.tags.joined(separator: ", ")) }
        if !entry.regions.isEmpty { parts.append("regions: " + entry.regions.joined(separator: ", ")) }
        parts.append("dropped \(entry.droppedChromeLines) chrome lines")
        if verbose {
            parts.append("\(entry.droppedMetadataLines) metadata lines, \(entry.droppedTitleCopies) title copies")
            parts.append("from \(entry.origin) (\(entry.encoding))")
            if let date = entry.date { parts.append("date \(date)") }
        }
        parts += entry.notes
        return parts.joined(separator: "; ")
    }

    static func json(_ outcome: IngestRun.Outcome) -> String {
        struct Output: Encodable {
            var reports: [IngestRun.Entry]
            var diagnostics: [String]
            var failed: Bool
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let output = Output(reports: outcome.entries, diagnostics: outcome.diagnostics.map(\.description), failed: outcome.failed)
        let data = (try? encoder.encode(output)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    private func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
