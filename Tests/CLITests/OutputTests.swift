import Foundation
import Testing

/// Off a terminal (CI logs, pipes) commands print plain lines: no colour, no redrawn progress bar.
/// On one (a pseudo-terminal from util-linux `script`) they redraw a bar.
@Suite struct OutputTests {
    /// The command's output as a terminal shows it, from `script`, which gives it a pseudo-terminal.
    static func onATerminal(_ arguments: [String]) throws -> String {
        let command = ([PolicyKBBinary.url.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qefc", command, "/dev/null"]
        process.environment = ProcessInfo.processInfo.environment.merging(["TERM": "xterm"]) { _, new in new }
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func onATerminalIngestAndBuildRedrawABarAndStillPrintEveryLine() throws {
        let site = try SampleSite()
        defer { site.remove() }
        let ingest = try Self.onATerminal(["ingest", "--site", site.root.path])
        #expect(ingest.contains("\u{1B}[2K\r"), "the bar is redrawn in place")
        #expect(ingest.contains("█") && ingest.contains("/5 raw files"), "\(ingest)")
        #expect(ingest.contains("ingest: 7 reports"))
        let build = try Self.onATerminal(["build", "--site", site.root.path])
        #expect(build.contains("\u{1B}[2K\r[1/"), "\(build)")
        #expect(build.contains("░"))
    }

    @Test func ingestIntoAPipeDrawsNoBar() throws {
        let site = try SampleSite()
        defer { site.remove() }
        let ingest = try PolicyKBBinary.run(["ingest", "--site", site.root.path])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(!ingest.stdout.contains("\u{1B}") && !ingest.stdout.contains("█") && !ingest.stdout.contains("\r"))
    }

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
