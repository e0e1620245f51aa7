import ArgumentParser

/// STUB: the render stage replaces this file.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Render content/reports/*.md into the site in public/."
    )

    @OptionGroup var options: SiteOptions

    func run() throws {}
}
