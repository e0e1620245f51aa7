import ArgumentParser

/// STUB: the render stage replaces this file.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check every internal link and #anchor in public/."
    )

    @OptionGroup var options: SiteOptions

    func run() throws {}
}
