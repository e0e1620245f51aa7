@testable import Content
import Foundation
import Testing

/// Front matter in the subset policykb writes is read without Yams; whatever it reads must be
/// what Yams reads, and anything else must go to Yams.
@Suite struct PlainFrontMatterTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The report both ways (nil when the file has a problem), and whether the plain reader took it.
    static func readBothWays(_ text: String) -> (plain: Report?, yaml: Report?, tookPlainPath: Bool) {
        let plain = try? ReportFile.parse(text, path: "r.md", withBody: true).report
        let yaml = try? ReportFile.parse(text, path: "r.md", withBody: true, plainFirst: false).report
        let split = try? ReportFile.splitFrontMatter(text, path: "r.md")
        return (plain, yaml, split.map { PlainFrontMatter.read($0.yaml, body: $0.body) != nil } ?? false)
    }

    @Test func theSampleReportsAreReadWithoutYAMLAsYAMLReadsThem() throws {
        let folder = Self.repository.appendingPathComponent("content/reports")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }
        #expect(files.count >= 5)
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let read = Self.readBothWays(text)
            #expect(read.tookPlainPath, "\(file)")
            #expect(read.plain != nil && read.plain == read.yaml, "\(file)")
        }
    }

    /// Values that need quotes, escapes or care in YAML, written by `serialize` as policykb does.
    static let awkwardValues = [
        "关于乡镇培育“新质生产力”的调研报告", "大方县：县域经济跑出加速度", "plain title", "a: b", "a #b", "C#", "# heading",
        "- dash", "-5", "2023", "2023-12-28", "yes", "no", "true", "null", "~", "NULL", "1.5", "0x1F", ".inf",
        " leading space", "trailing space ", "tab\there", "quote \" inside", "it's", "'single'", "back\\slash", "line\u{2028}sep",
        "nel\u{85}x", "bom\u{FEFF}x", "end:", "[list]", "{map}", "*alias", "&anchor", "!tag", "|", ">", "%", "@at", "`tick`",
        "中文 #标签", "emoji 😀", "e\u{301}", "　全角空格　", "a,b", "?", "key: value: more", "",
    ]

    @Test func serialisedReportsReadTheSameEitherWay() {
        var plainCount = 0
        for value in Self.awkwardValues {
            let report = Report(title: value.isEmpty ? "标题" : value, date: ReportDate("2023-12"), genre: value, source: value,
                                tags: [value, "新质生产力"].filter { !$0.isEmpty }, regions: ["江苏省", value].filter { !$0.isEmpty },
                                summary: value, body: "正文。\n")
            let read = Self.readBothWays(ReportFile.serialize(report))
            #expect(read.yaml != nil, "\(value.debugDescription)")
            #expect(read.plain == read.yaml, "\(value.debugDescription)")
            if read.tookPlainPath { plainCount += 1 }
        }
        // The ordinary ones (Chinese and plain ASCII text) take the plain path.
        #expect(plainCount >= 10, "\(plainCount)")
    }

    /// YAML written by hand: each either read the same as Yams reads it or left to Yams.
    static let handWritten: [(yaml: String, plain: Bool)] = [
        ("title: 报告\ndate: 2023-12-28\ntags:\n  - 县域经济\n  - 营商环境\n", true),
        ("title: \"报告\"\nregions:\n  - \"江苏省\"\n  - 昆山市\n\nsummary: 摘要\n", true),
        ("title: 报告 # comment\n", false),
        ("title: 报告\ntags: [县域经济, 营商环境]\n", false),
        ("title: 报告\ntags:\n- 县域经济\n- 营商环境\nregions:\n  - 江苏省\n", true),
        ("title: 报告\ntags:\n    - 县域经济\n", false),
        ("title: 报告\ntitle: 另一个\n", false),
        ("title: 报告\nsummary:\n", false),
        ("title: 报告\ntags:\n", false),
        ("title: 报告\ntags:\n  -\n", false),
        ("title: 报告\ntags:\n  - ~\n", false),
        ("title: 报告\nsummary: 第一行\n  第二行\n", false),
        ("title: 报告\nsummary: |\n  多行\n", false),
        ("title: 报告\nextra: 值\ntruncated: true\nsite: ~\n", false),
        ("title: 报告\nextra: 值\ntruncated: true\n", true),
        ("title: 报告\nextra:\n  - 值\n", false),
        ("title: 报告\nextra_key2: \"值\"\n", true),
        ("title: 报告\n2key: 值\n", false),
        ("title: 报告\ntags:\n- 县域经济\n  - 营商环境\n", false),
        ("title: 报告\n- 县域经济\n", false),
        ("title:  两个空格\n", false),
        ("title: 'single'\n", true),
        ("title: 'it''s: \"#\\'\n", true),
        ("title: 'it's'\n", false),
        ("title: 'open\n", false),
        ("title: ''''\n", true),
        ("title: \"esc\\\"aped\"\n", false),
        ("title: \"unterminated\n", false),
        ("title: x\tY\n", false),
        ("date: 2023-13-45\ntitle: 报告\n", false),
        ("date: 报告日期\ntitle: 报告\n", false),
        ("genre: 讲话\n", false),
        ("title: \"   \"\n", false),
        ("  title: 缩进\n", false),
        ("Title: 大写\n", false),
        ("title: 报告\ntags:\n  - \"  空格  \"\n", true),
        ("title: a:b\n", true),
        ("title: it's\n", true),
        ("title: 报告\nslug: my-report\norigin: raw/003_40af381c5aaa70e9.txt#2\n", true),
    ]

    @Test func handWrittenFrontMatterIsReadAsYAMLReadsItOrLeftToYAML() {
        for (yaml, plain) in Self.handWritten {
            let read = Self.readBothWays("---\n" + yaml + "---\n\n正文。\n")
            #expect(read.tookPlainPath == plain, "\(yaml.debugDescription)")
            #expect(read.plain == read.yaml, "\(yaml.debugDescription)")
        }
    }
}
