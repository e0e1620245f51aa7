import Foundation
@testable import PolicyKBCommands
import Testing

/// Off a terminal (CI logs, pipes) commands print plain lines: no colour, no redrawn progress bar.
/// On one (a pseudo-terminal from util-linux `script`) they redraw a bar.
@Suite struct OutputTests {
    /// The command's output as a terminal shows it, from `script`, which gives it a pseudo-terminal.
    /// With `timeout`, the command is killed after that many seconds and its status is not checked.
    /// (SIGKILL: a child of the test runner inherits its blocked signals, SIGTERM and SIGINT among them.)
    static func onATerminal(_ arguments: [String], status: Int32 = 0, environment: [String: String] = [:], timeout: Int? = nil) throws -> String {
        var command = ([PolicyKBBinary.url.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        if let timeout { command = "timeout -s KILL \(timeout) " + command }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qefc", command, "/dev/null"]
        // NO_COLOR only when a test asks for it (the runner's own environment may have it).
        var inherited = ProcessInfo.processInfo.environment
        inherited["NO_COLOR"] = nil
        process.environment = inherited.merging(["TERM": "xterm"].merging(environment) { _, new in new }) { _, new in new }
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if timeout == nil { #expect(process.terminationStatus == status) }
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
        #expect(ingest.contains("\u{1B}[2K\r[2/3] ingest raw files (5 files, 7 reports) "), "\(ingest)")
        let build = try Self.onATerminal(["build", "--site", site.root.path])
        #expect(build.contains("\u{1B}[2K\r[1/"), "\(build)")
        #expect(build.contains("░"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func onATerminalProblemsAreColouredAndStartTheirOwnLine() throws {
        let site = try SampleSite()
        defer { site.remove() }
        try FileManager.default.createDirectory(at: site.url("content/reports"), withIntermediateDirectories: true)
        try "---\ntitle: 坏标签\ntags: [营商坏境]\n---\n正文。\n".write(to: site.url("content/reports/bad.md"), atomically: true, encoding: .utf8)
        let build = try Self.onATerminal(["build", "--site", site.root.path], status: 1)
        #expect(build.contains("content/reports/bad.md:3:8: \u{1B}[1;31merror:\u{1B}[0m unknown topic"), "\(build)")
        #expect(build.contains("\u{1B}[2K\rcontent/reports/bad.md:3:8:"), "the bar is cleared before the problem: \(build)")

        let plain = try Self.onATerminal(["build", "--site", site.root.path], status: 1, environment: ["NO_COLOR": "1"])
        #expect(plain.contains("content/reports/bad.md:3:8: error: unknown topic") && !plain.contains("[1;31m"), "\(plain)")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func onATerminalServeShowsEveryStepWithItsTimeAndABar() throws {
        let site = try SampleSite()
        defer { site.remove() }
        #expect(try PolicyKBBinary.run(["ingest", "--site", site.root.path]).status == 0)
        // `timeout` stops the server once its first build is done; the output so far is what a terminal showed.
        let serve = try Self.onATerminal(["serve", "--port", "0", "--site", site.root.path], timeout: 8)
        #expect(serve.contains("\u{1B}[2K\r[1/"), "\(serve)")
        #expect(serve.contains("░") && serve.contains("render pages") && serve.contains(" ms"), "\(serve)")
        #expect(serve.contains("serving http://127.0.0.1:"))
    }

    @Test func ingestIntoAPipeDrawsNoBar() throws {
        let site = try SampleSite()
        defer { site.remove() }
        let ingest = try PolicyKBBinary.run(["ingest", "--site", site.root.path])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(!ingest.stdout.contains("\u{1B}") && !ingest.stdout.contains("█") && !ingest.stdout.contains("\r"))
        let steps = ingest.stdout.split(separator: "\n").filter { $0.hasPrefix("[") }
        #expect(steps.count == 3 && steps.allSatisfy { $0.hasSuffix(" ms") }, "every step on a line of its own with its time: \(ingest.stdout)")
        #expect(steps.first?.hasPrefix("[1/3] load taxonomy (") == true)
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

    @Test func everyCommandTakesQuietAndVerbose() throws {
        for command in DocsCoverageTests.commands() {
            let help = PolicyKB.helpMessage(for: DocsCoverageTests.type(of: command), columns: 1000)
            #expect(help.contains("-q, --quiet") && help.contains("-v, --verbose"), "policykb \(command.joined(separator: " ")) lacks --quiet or --verbose")
        }
        let site = try SampleSite()
        defer { site.remove() }
        #expect(try PolicyKBBinary.run(["build", "--verbose", "--site", site.root.path]).status == 0)
        #expect(try PolicyKBBinary.run(["check", "--quiet", "--site", site.root.path]).stdout.isEmpty)
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionsComeFromTheArgumentParser(shell: String) throws {
        let script = try PolicyKBBinary.run(["--generate-completion-script", shell])
        #expect(script.status == 0)
        for command in ["init", "new", "ingest", "build", "serve", "check", "search"] { #expect(script.stdout.contains(command)) }
    }
}
