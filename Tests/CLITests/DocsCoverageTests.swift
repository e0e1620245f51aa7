import ArgumentParser
import Foundation
import Testing
@testable import PolicyKBCommands
import Site

/// docs/ names every command, every option and every site.yml key, so a new one cannot ship undocumented.
@Suite struct DocsCoverageTests {
    static let docs = PolicyKBBinary.repoRoot.appendingPathComponent("docs")

    static func text(_ file: String) throws -> String {
        try String(contentsOf: docs.appendingPathComponent(file), encoding: .utf8)
    }

    /// Every command below the root, with its path of names (`["serve"]`).
    static func commands(_ command: any ParsableCommand.Type = PolicyKB.self, path: [String] = []) -> [[String]] {
        command.configuration.subcommands.flatMap { sub -> [[String]] in
            let name = sub.configuration.commandName ?? String(describing: sub).lowercased()
            return [path + [name]] + commands(sub, path: path + [name])
        }
    }

    @Test func thereAreCommandsToDocument() {
        let names = Self.commands().map { $0.joined(separator: " ") }
        #expect(Set(["init", "new", "ingest", "build", "serve", "check", "search"]).isSubset(of: Set(names)))
    }

    @Test func everyCommandHasASectionInTheCommandReference() throws {
        let reference = try Self.text("commands.md")
        for command in Self.commands() {
            let name = command.joined(separator: " ")
            #expect(reference.contains("## \(name)\n"), "docs/commands.md has no section `## \(name)`")
        }
    }

    @Test func everyOptionOfEveryCommandIsInTheCommandReference() throws {
        let reference = try Self.text("commands.md")
        for command in Self.commands() {
            let help = PolicyKB.helpMessage(for: Self.type(of: command), columns: 1000)
            let options = help.split(whereSeparator: \.isWhitespace).compactMap { word -> String? in
                guard word.hasPrefix("--") else { return nil }
                return String(word.prefix { $0 == "-" || $0.isLetter || $0.isNumber })
            }
            for option in Set(options) where option.count > 2 {
                #expect(Self.mentions(reference, option),
                        "docs/commands.md does not mention \(option) of `policykb \(command.joined(separator: " "))`")
            }
        }
    }

    @Test func everySiteYmlKeyIsDocumentedWithItsDefault() throws {
        let configuration = try Self.text("configuration.md")
        #expect(SiteConfig.allKeys.count > SiteConfig.keys.count)
        for key in SiteConfig.allKeys {
            let row = configuration.split(separator: "\n").first { $0.hasPrefix("| `\(key)` |") }
            #expect(row != nil, "docs/configuration.md has no row for `\(key)`")
            if let row {
                let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                #expect(cells.count >= 3 && !cells[1].isEmpty, "the row for `\(key)` gives no default")
            }
        }
    }

    @Test(arguments: ["quick-start.md", "content.md", "taxonomy.md", "templates.md", "search.md", "commands.md",
                      "configuration.md", "publishing.md"])
    func theDocsIndexLinksEveryPage(page: String) throws {
        #expect(try Self.text("README.md").contains("(\(page))"))
        #expect(!(try Self.text(page)).isEmpty)
    }

    @Test func publishingCoversEveryHostAtARootAndUnderASubPath() throws {
        let publishing = try Self.text("publishing.md")
        for topic in ["GitHub Pages", "Netlify", "Nginx", "Object storage", "sub-path", "domain root", "baseURL"] {
            #expect(publishing.contains(topic), "docs/publishing.md should cover \(topic)")
        }
    }

    /// The option as a whole word: `--tag` is not mentioned by `--tags`.
    static func mentions(_ text: String, _ option: String) -> Bool {
        var rest = text[...]
        while let range = rest.range(of: option) {
            let next = rest[range.upperBound...].first
            if next == nil || !(next!.isLetter || next!.isNumber || next == "-") { return true }
            rest = rest[range.upperBound...]
        }
        return false
    }

    static func type(of path: [String]) -> any ParsableCommand.Type {
        var current: any ParsableCommand.Type = PolicyKB.self
        for name in path {
            current = current.configuration.subcommands.first { $0.configuration.commandName == name } ?? current
        }
        return current
    }
}
