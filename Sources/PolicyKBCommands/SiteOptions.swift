import ArgumentParser
import Foundation

/// Options every command shares.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The knowledge base's folder (holding site.yml and content/).")
    var site: String = "."

    @Flag(name: .shortAndLong, help: "Print only errors and warnings.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print more detail about each step.")
    var verbose = false

    var root: URL {
        URL(fileURLWithPath: site, isDirectory: true).standardizedFileURL
    }
}
