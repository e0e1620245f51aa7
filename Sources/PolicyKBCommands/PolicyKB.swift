import ArgumentParser

/// The `policykb` command: a thin layer over the Ingest and Site stages.
public struct PolicyKB: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "policykb",
        abstract: "Turn Chinese policy reports into a cross-linked, searchable static site.",
        discussion: """
            A knowledge base is a folder with site.yml, content/raw/ (reports as collected), \
            content/reports/ (Markdown with YAML front matter), content/taxonomy/ (topic vocabulary \
            and gazetteer) and templates/. `ingest` turns raw files into reports; `build` renders \
            reports into public/.
            """,
        version: "0.1.0",
        subcommands: [
            InitCommand.self, NewCommand.self, IngestCommand.self, BuildCommand.self, ServeCommand.self,
            CheckCommand.self, SearchCommand.self,
        ]
    )

    public init() {}
}
