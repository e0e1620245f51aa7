import ArgumentParser
import Content
import Foundation
import Taxonomy

/// `policykb new "标题"`: a hand-written report with its front matter, checked against the taxonomy.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a hand-written report in content/reports/.",
        discussion: """
            Writes content/reports/<pinyin-slug>.md with front matter (title, date: today, genre, \
            tags, regions) and a placeholder body. Tags must be topics of \
            content/taxonomy/topics.yml and regions names in content/taxonomy/regions.csv; an \
            unknown one is refused with the nearest valid name. An existing file is never overwritten.
            """
    )

    @OptionGroup var options: SiteOptions

    @Argument(help: "The report's title, e.g. \"关于昆山市优化营商环境的调研报告\".")
    var title: String

    @Option(help: "Topics, separated by commas (e.g. 营商环境,招商引资).")
    var tags: String?

    @Option(help: "Regions, separated by commas (e.g. 昆山市,江苏省).")
    var regions: String?

    @Option(help: "The genre: 调研报告, 讲话发言, 经验做法, 理论评论, 工作报告, 政策文件, 新闻报道 or 其他.")
    var genre: String = "调研报告"

    @Option(help: "The file name without .md (default: the title in pinyin).")
    var slug: String?

    static let genres = ["调研报告", "讲话发言", "经验做法", "理论评论", "工作报告", "政策文件", "新闻报道", "其他"]

    func validate() throws {
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("the title cannot be empty") }
        guard Self.genres.contains(genre) else {
            throw ValidationError("unknown genre `\(genre)`: use one of \(Self.genres.joined(separator: ", "))")
        }
        if let slug, !Slug.isValid(slug) { throw ValidationError("--slug may hold only a-z, 0-9, - and _") }
    }

    func run() throws {
        let console = Console(options)
        let root = options.root
        let tagNames = Self.list(tags)
        let regionNames = Self.list(regions)
        var problems: [String] = []
        var topics: [String] = []
        if !tagNames.isEmpty {
            let path = "content/taxonomy/topics.yml"
            do {
                let vocabulary = try TopicVocabulary.load(from: root.appendingPathComponent(path))
                for name in tagNames {
                    if let topic = vocabulary.topic(named: name) {
                        topics.append(topic.name)
                    } else {
                        let hint = vocabulary.suggestion(for: name).map { "; did you mean `\($0)`?" } ?? ""
                        problems.append("\(path): error: unknown topic `\(name)`\(hint) (tags must be topics of \(path))")
                    }
                }
            } catch {
                problems.append(error.description)
            }
        }
        var places: [String] = []
        if !regionNames.isEmpty {
            let path = "content/taxonomy/regions.csv"
            do {
                let gazetteer = try Gazetteer.load(from: root.appendingPathComponent(path))
                let resolution = gazetteer.resolve(regionNames)
                places = resolution.regions.map(\.name)
                for name in resolution.unknown {
                    let hint = gazetteer.suggestion(for: name).map { "; did you mean `\($0)`?" } ?? ""
                    problems.append("\(path): error: unknown region `\(name)`\(hint)")
                }
                for name in resolution.ambiguous {
                    problems.append("\(path): error: `\(name)` names several regions; add its province or city (e.g. 北京市朝阳区)")
                }
            } catch {
                problems.append(error.description)
            }
        }
        guard problems.isEmpty else {
            problems.forEach(console.problem)
            throw ExitCode.failure
        }

        let name = slug ?? Slug.make(title)
        let relative = "content/reports/\(name).md"
        let file = root.appendingPathComponent(relative)
        if FileManager.default.fileExists(atPath: file.path) {
            console.problem("\(relative): error: the file exists already; choose another title or --slug")
            throw ExitCode.failure
        }
        let report = Report(
            title: title.trimmingCharacters(in: .whitespaces), date: Self.today(), genre: genre,
            tags: topics, regions: places,
            body: "\n（正文：在此写报告。Markdown：## 小标题，- 列表，**加粗**。）\n")
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(ReportFile.serialize(report).utf8).write(to: file, options: .withoutOverwriting)
        } catch {
            console.problem("\(relative): error: cannot write: \(error.localizedDescription)")
            throw ExitCode.failure
        }
        console.say("wrote \(relative)")
    }

    static func list(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func today() -> ReportDate? {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: .current, from: Date())
        return ReportDate(year: parts.year ?? 2000, month: parts.month, day: parts.day)
    }
}
