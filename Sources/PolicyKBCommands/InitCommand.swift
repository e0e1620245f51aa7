import ArgumentParser
import Foundation

/// `policykb init DIR`: a new knowledge base that builds as it is.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new knowledge base in DIR.",
        discussion: """
            Writes site.yml, templates/, the topic vocabulary content/taxonomy/topics.yml, the \
            gazetteer content/taxonomy/regions.csv, empty content/raw/ and content/reports/ folders \
            and a README.md. `policykb build --site DIR` then gives a working (empty) site. \
            DIR must be empty or missing unless --force, which overwrites those files and keeps \
            everything else.
            """
    )

    @Argument(help: "The folder to create the knowledge base in.")
    var directory: String

    @Flag(help: "Write into a folder that is not empty (files of the same name are overwritten).")
    var force = false

    @Flag(name: .shortAndLong, help: "Print only errors and warnings.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "List every file written.")
    var verbose = false

    func run() throws {
        let console = Console(quiet: quiet, verbose: verbose)
        let manager = FileManager.default
        let root = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
        let existing = (try? manager.contentsOfDirectory(atPath: root.path)) ?? []
        if !existing.isEmpty && !force {
            console.problem("\(root.path): error: the folder is not empty; choose a new folder or add --force")
            throw ExitCode.failure
        }
        let files = Skeleton.files()
        guard !files.isEmpty else {
            console.problem("error: the site skeleton is missing from this policykb installation (policykb_PolicyKBCommands.resources)")
            throw ExitCode.failure
        }
        do {
            for folder in ["content/raw", "content/reports"] {
                try manager.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            for file in files {
                try write(Skeleton.contents(of: file) ?? Data(), to: root.appendingPathComponent(file))
                if verbose { console.say("wrote \(file)") }
            }
            try write(Data(Skeleton.readme.utf8), to: root.appendingPathComponent("README.md"))
            for keep in ["content/raw/.gitkeep", "content/reports/.gitkeep"] {
                try write(Data(), to: root.appendingPathComponent(keep))
            }
        } catch {
            console.problem("\(root.path): error: cannot write: \(error.localizedDescription)")
            throw ExitCode.failure
        }
        console.say("new knowledge base in \(root.path)")
        console.say("next: put reports in content/raw/ and run `policykb ingest --site \(directory)`, or `policykb new \"标题\" --site \(directory)`; then `policykb serve --site \(directory)`")
    }

    private func write(_ data: Data, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }
}
