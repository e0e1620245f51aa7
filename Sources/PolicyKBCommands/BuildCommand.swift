import ArgumentParser
import Content
import Foundation
import Site

/// `policykb build`: renders content/reports/*.md into public/, or reports every problem and leaves public/ alone.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Render content/reports/*.md into the site in public/."
    )

    @OptionGroup var options: SiteOptions

    @Flag(help: "Render every page and write the whole search index, ignoring what the last build left in .policykb/.")
    var full = false

    func run() throws {
        let console = Console(options)
        var builder = SiteBuilder(root: options.root, log: { line in console.step(line) })
        builder.incremental = !full
        do {
            try builder.build()
        } catch let diagnostics as Diagnostics {
            console.problem(diagnostics.description)
            console.problem("build failed: \(diagnostics.items.count) problem(s); public/ was not changed")
            throw ExitCode.failure
        } catch let error as SiteError {
            console.problem(error.description)
            console.problem("build failed; public/ was not changed")
            throw ExitCode.failure
        }
    }
}

/// Diagnostics go to standard error, so output can be piped while problems stay visible.
enum StandardError {
    static func print(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
