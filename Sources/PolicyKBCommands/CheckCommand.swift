import ArgumentParser
import Content
import Foundation
import Site

/// `policykb check`: every relative link and #anchor in public/ must resolve.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check every internal link and #anchor in public/."
    )

    @OptionGroup var options: SiteOptions

    func run() throws {
        let console = Console(options)
        let checker = LinkChecker(folder: options.root.appendingPathComponent(SiteBuilder.outputFolder, isDirectory: true))
        let problems: [Diagnostic]
        do {
            problems = try checker.check()
        } catch {
            console.problem(error.description)
            throw ExitCode.failure
        }
        for problem in problems { console.problem(problem.description) }
        guard problems.isEmpty else {
            console.problem("\(problems.count) broken link(s)")
            throw ExitCode.failure
        }
        console.say("all links resolve")
    }
}
