import Content
import Foundation
import Yams

/// Reads `topics.yml` into topics, collecting a diagnostic (with line and column) for every problem.
struct TopicsYAML {
    let path: String
    private(set) var diagnostics: [Diagnostic] = []

    static let keys = ["name", "description", "aliases", "keywords", "parent"]

    static func parse(_ yaml: String, path: String, slugs: Bool = true) throws(Diagnostics) -> [Topic] {
        var reader = TopicsYAML(path: path)
        let topics = reader.read(yaml)
        guard reader.diagnostics.isEmpty else { throw Diagnostics(reader.diagnostics) }
        return slugs ? TopicsYAML.assigningSlugs(topics) : topics
    }

    // MARK: - Document

    private mutating func read(_ yaml: String) -> [Topic] {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml, .default, .default, .utf8)
        } catch let error as YamlError {
            diagnostics.append(TopicsYAML.diagnostic(for: error, path: path))
            return []
        } catch {
            diagnostics.append(.error("cannot parse YAML: \(error)", path: path))
            return []
        }
        guard let root, case .sequence(let sequence) = root else {
            error("topics.yml must be a list of topics, each starting with `- name:`", at: root)
            return []
        }
        var entries: [(topic: Topic, node: Node, parentNode: Node?)] = []
        for item in sequence {
            if let entry = readTopic(item) { entries.append(entry) }
        }
        checkNames(entries)
        checkParents(entries)
        return entries.map(\.topic)
    }

    private mutating func readTopic(_ node: Node) -> (topic: Topic, node: Node, parentNode: Node?)? {
        guard case .mapping(let mapping) = node else {
            error("each topic must be a mapping with `name`, `description`, `aliases`, `keywords` and optional `parent`", at: node)
            return nil
        }
        var topic = Topic(name: "", slug: "")
        var parentNode: Node?
        var sawName = false
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else {
                error("topic keys must be text", at: keyNode)
                continue
            }
            switch key {
            case "name":
                sawName = true
                if case .scalar = value, (string(value, key: key) ?? "").isEmpty {
                    error("`name` is empty: give the topic its name", at: value)
                } else if let name = string(value, key: key) {
                    topic.name = name
                }
            case "description": topic.description = string(value, key: key) ?? ""
            case "aliases": topic.aliases = list(value, key: key)
            case "keywords": topic.keywords = list(value, key: key)
            case "parent":
                topic.parent = string(value, key: key)
                parentNode = value
            default:
                error("unknown key `\(key)`: a topic has \(TopicsYAML.keys.map { "`\($0)`" }.joined(separator: ", "))", at: keyNode)
            }
        }
        guard sawName else {
            error("this topic has no `name`: add `name: …` (the tag written in front matter)", at: node)
            return nil
        }
        return topic.name.isEmpty ? nil : (topic, node, parentNode)
    }

    // MARK: - Whole-vocabulary checks

    /// Names and aliases must each mean one topic, or a tag could not be resolved.
    private mutating func checkNames(_ entries: [(topic: Topic, node: Node, parentNode: Node?)]) {
        var owner: [String: (topic: String, line: Int?)] = [:]
        for entry in entries {
            for name in [entry.topic.name] + entry.topic.aliases {
                if let first = owner[name] {
                    let place = first.line.map { " on line \($0)" } ?? ""
                    let what = name == entry.topic.name ? "topic name" : "alias"
                    error("\(what) `\(name)` is already used by topic `\(first.topic)`\(place): names and aliases must be unique; rename one or merge the topics", at: entry.node)
                } else {
                    owner[name] = (entry.topic.name, entry.node.mark?.line)
                }
            }
        }
    }

    private mutating func checkParents(_ entries: [(topic: Topic, node: Node, parentNode: Node?)]) {
        let names = Set(entries.map(\.topic.name))
        var parentOf: [String: String] = [:]
        for entry in entries {
            guard let parent = entry.topic.parent else { continue }
            if parent == entry.topic.name {
                error("topic `\(parent)` is its own parent: remove `parent` or name another topic", at: entry.parentNode)
            } else if !names.contains(parent) {
                let known = TopicVocabulary(topics: entries.map(\.topic)).suggestion(for: parent)
                let hint = known.map { "; did you mean `\($0)`?" } ?? ": parent must be the name of another topic"
                error("unknown parent `\(parent)`\(hint)", at: entry.parentNode)
            } else {
                parentOf[entry.topic.name] = parent
            }
        }
        var reported: Set<String> = []
        for entry in entries where parentOf[entry.topic.name] != nil && !reported.contains(entry.topic.name) {
            var chain = [entry.topic.name]
            var current = parentOf[entry.topic.name]
            while let next = current, !chain.contains(next) {
                chain.append(next)
                current = parentOf[next]
            }
            guard let repeated = current, repeated == entry.topic.name else { continue }
            reported.formUnion(chain)
            let cycle = (chain + [repeated]).joined(separator: " → ")
            error("parent cycle \(cycle): a topic cannot be its own ancestor; remove one `parent`", at: entry.parentNode)
        }
    }

    // MARK: - Values

    private mutating func string(_ node: Node, key: String) -> String? {
        guard case .scalar(let scalar) = node else {
            error("`\(key)` must be a single text value", at: node)
            return nil
        }
        if scalar.tag == .implicit && ["", "~", "null", "Null", "NULL"].contains(scalar.string) && scalar.style == .plain {
            return nil
        }
        return scalar.string.trimmingCharacters(in: .whitespaces)
    }

    private mutating func list(_ node: Node, key: String) -> [String] {
        switch node {
        case .sequence(let sequence):
            var values: [String] = []
            for item in sequence {
                if let value = string(item, key: key), !value.isEmpty { values.append(value) }
            }
            return values
        case .scalar(let scalar) where scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null":
            return []
        default:
            error("`\(key)` must be a list, e.g. `\(key): [第一, 第二]`", at: node)
            return []
        }
    }

    private mutating func error(_ message: String, at node: Node?) {
        diagnostics.append(.error(message, path: path, line: node?.mark?.line, column: node?.mark?.column))
    }

    static func diagnostic(for error: YamlError, path: String) -> Diagnostic {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return .error("invalid YAML: \(problem)", path: path, line: mark.line, column: mark.column)
        default:
            return .error("invalid YAML: \(error)", path: path)
        }
    }

    // MARK: - Slugs

    /// ASCII slugs from the names; a repeated slug gets -2, -3 so that every topic has its own page.
    static func assigningSlugs(_ topics: [Topic]) -> [Topic] {
        var used: Set<String> = []
        let bases = Slug.makeAll(topics.map(\.name))
        return zip(topics, bases).map { topic, base in
            var topic = topic
            var slug = base
            var counter = 2
            while used.contains(slug) {
                slug = "\(base)-\(counter)"
                counter += 1
            }
            used.insert(slug)
            topic.slug = slug
            return topic
        }
    }
}
