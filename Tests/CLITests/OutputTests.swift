import Foundation
import Testing

/// Off a terminal (CI logs, pipes) commands print plain lines: no colour, no redrawn progress bar.
@Suite struct OutputTests {
    @Test func buildIntoAPipePrintsEveryStepWithItsTimeAsAPlainLine() throws {
        let site = try SampleSite()
        defer { site.remove() }
        let build = try PolicyKBBinary.run(["build", "--site", site.root.path])
        #expect(build.status == 0, "\(build.stderr)")
        let lines = build.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("[1/") == true)
        #expect(lines.allSatisfy { $0.hasPrefix("[") && $0.hasSuffix(" ms") }, "\(build.stdout)")
        #expect(!build.stdout.contains("\u{1B}") && !build.stdout.contains("\r"))
    }

    @Test func quietBuildPrintsNothingAndProblemsAreNotColouredInAPipe() throws {
        let site = try SampleSite()
        defer { site.remove() }
        #expect(try PolicyKBBinary.run(["build", "--quiet", "--site", site.root.path]).stdout.isEmpty)

        try "title: x\nbaseURL: https://example.org/\ntitel: y\n".write(to: site.url("site.yml"), atomically: true, encoding: .utf8)
        let broken = try PolicyKBBinary.run(["build", "--site", site.root.path])
        #expect(broken.status != 0)
        #expect(broken.stderr.contains("site.yml:3:1: error: unknown key `titel`"), "\(broken.stderr)")
        #expect(!broken.stderr.contains("\u{1B}"))
    }

    @Test func bashCompletionsComeFromTheArgumentParser() throws {
        let script = try PolicyKBBinary.run(["--generate-completion-script", "bash"])
        #expect(script.status == 0)
        for command in ["init", "new", "serve", "build"] { #expect(script.stdout.contains(command)) }
    }
}
