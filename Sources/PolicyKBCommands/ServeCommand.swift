import ArgumentParser
import Content
import Foundation
import Preview
import Site

/// `policykb serve`: builds, serves public/ on 127.0.0.1, rebuilds when sources change and
/// reloads open pages. A failed build is shown in the terminal and on the page; the server stays up.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build, serve public/ on 127.0.0.1, rebuild on every change and reload open pages.",
        discussion: """
            Builds content/reports/*.md into public/ and serves it at http://127.0.0.1:PORT/. \
            Watches site.yml, content/reports/, content/taxonomy/ and templates/ (polling every \
            --interval milliseconds), rebuilds when a file changes, and reloads open pages (a small \
            script is added to served HTML only, never to the files in public/). While the build \
            fails, its problems are printed here and shown on every page; fixing them brings the \
            pages back. It does not re-run `ingest`: run it yourself after changing content/raw/. \
            Stop with Ctrl-C.
            """
    )

    @OptionGroup var options: SiteOptions

    @Option(help: "The port to listen on; 0 picks a free one (printed at start).")
    var port: Int = 8080

    @Option(help: "How often to look for changed files, in milliseconds.")
    var interval: Int = 300

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard interval >= 50 else { throw ValidationError("--interval must be at least 50 (milliseconds)") }
    }

    func run() throws {
        Self.acceptStopSignals()
        let console = Console(options)
        let root = options.root
        let watcher = SourceWatcher(root: root)
        var snapshot = watcher.snapshot()

        let server = try PreviewServer(
            folder: root.appendingPathComponent(SiteBuilder.outputFolder, isDirectory: true), port: UInt16(port))
        var rebuilder = Rebuilder(root: root, console: console)
        server.state.finished(failure: rebuilder.build(changed: []))
        let actualPort: UInt16
        do {
            actualPort = try server.start()
        } catch {
            console.problem("error: cannot listen on 127.0.0.1:\(port): \(error)")
            throw ExitCode.failure
        }
        // Printed even with --quiet: it is the one thing serve must say.
        FileHandle.standardOutput.write(Data("serving http://127.0.0.1:\(actualPort)/ (Ctrl-C to stop)\n".utf8))

        while true {
            Thread.sleep(forTimeInterval: Double(interval) / 1000)
            let next = watcher.snapshot()
            let changed = next.changes(since: snapshot)
            guard !changed.isEmpty else { continue }
            snapshot = next
            console.say("changed: " + changed.prefix(5).joined(separator: ", ") + (changed.count > 5 ? " and \(changed.count - 5) more" : ""))
            server.state.finished(failure: rebuilder.build(changed: changed))
        }
    }

    /// A server runs until stopped: Ctrl-C, `kill` and a closed terminal must reach it even when
    /// the program that started it blocked those signals (a blocked mask is inherited across exec).
    /// Called first, so that every thread made later inherits the unblocked mask.
    static func acceptStopSignals() {
        var signals = sigset_t()
        sigemptyset(&signals)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&signals, signal) }
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }
}
