import ArgumentParser

/// STUB: the Ingest stage replaces this file.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Turn raw reports in content/raw/ into Markdown in content/reports/."
    )

    @OptionGroup var options: SiteOptions

    func run() throws {}
}
