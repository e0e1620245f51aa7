import Content
import Foundation
import Markdown

/// Report text in, as `policykb build` reads content/reports: front matter through `ReportFile.parse`,
/// the body through `MarkdownRenderer.render` in both raw-HTML modes. Never a crash; a parsed report
/// serialises to text that parses again.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzReport(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    let text = String(decoding: data, as: UTF8.self)
    let body: String
    do {
        let report = try ReportFile.parse(text, path: "content/reports/fuzz.md")
        _ = try? ReportFile.parse(ReportFile.serialize(report), path: "again.md")
        body = report.body
    } catch {
        if error.items.isEmpty { fatalError("parse failed without a diagnostic") }
        body = text
    }
    let safe = MarkdownRenderer.render(body)
    if safe.html.contains("<script") { fatalError("raw <script> reached the HTML in safe mode") }
    _ = MarkdownRenderer.render(body, options: .init(allowRawHTML: true, topHeadingLevel: 2))
    return 0
}
